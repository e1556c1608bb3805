import { StreamedTags } from './streamed-tags';

describe('StreamedTags', () => {
  /** Feeds `text` in chunks of `size` bytes; answers the count of each name and the texts of `mergeCell`. */
  const scan = (text: string, size: number) => {
    const counts = { c: 0, row: 0 };
    const merges: string[] = [];
    const tags = new StreamedTags([
      { name: 'c', onTag: () => counts.c++ },
      { name: 'row', onTag: () => counts.row++ },
      { name: 'mergeCell', withText: true, onTag: (t) => merges.push(t) },
    ]);
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; at += size) tags.feed(bytes.subarray(at, at + size), false);
    tags.feed(Buffer.alloc(0), true);
    return { ...counts, merges };
  };

  it('counts each start tag once, whatever the chunks, with or without a namespace prefix', () => {
    const text =
      '<?xml version="1.0"?><!-- <c> --><x:row r="1"><c r="A1" t="s"><v>1</v></c><x:c r="B1"/><col/><cols/></x:row>'.repeat(
        40,
      ) + '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>';
    for (const size of [1, 2, 3, 7, 64, 100_000]) {
      const found = scan(text, size);
      // A comment's <c> counts, as it did for the patterns before: a count errs on the side of the limit.
      expect(found).toEqual({ c: 120, row: 40, merges: ['<mergeCell ref="A1:B2"/>'] });
    }
  });

  it('does not take a longer name for a wanted one (col, cols, rowBreaks)', () => {
    expect(scan('<col/><cols><rowBreaks/><cc/><c/>', 2)).toEqual({ c: 1, row: 0, merges: [] });
  });

  it('counts a cell whose tag is longer than a chunk can carry', () => {
    const long = `<c r="A1" ${'x="1" '.repeat(2_000)}/><c/>`;
    expect(scan(long, 1_000).c).toBe(2);
  });

  it('fails the file on a tag whose attributes are read but run on without end', () => {
    expect(() => scan(`<mergeCell ${'x="1" '.repeat(2_000)} ref="A1:B2"/>`, 8_192)).toThrow(
      'Tệp không phải là bảng tính Excel (.xlsx) hợp lệ',
    );
  });
});
