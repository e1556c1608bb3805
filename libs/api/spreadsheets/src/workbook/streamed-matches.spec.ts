import { StreamedMatches } from './streamed-matches';

describe('StreamedMatches', () => {
  const countIn = (chunks: string[], longest = 16) => {
    let n = 0;
    const matches = new StreamedMatches(/<c[\s>/]/g, () => n++, longest);
    chunks.forEach((chunk, i) => matches.feed(chunk, i === chunks.length - 1));
    return n;
  };

  it('sees a match cut by a chunk boundary once, whole', () => {
    const text = '<row><c r="A1"/><c r="B1"/><col/></row>'.repeat(50);
    for (const size of [1, 2, 3, 7, 64]) {
      const chunks = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))!;
      expect(countIn([...chunks, ''])).toBe(100);
    }
  });

  it('counts matches in a text shorter than the carry', () => {
    expect(countIn(['<c/>', '<c>', ''], 512)).toBe(2);
  });
});
