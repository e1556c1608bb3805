import { JsonRowsEncoder } from './importer';

describe('JsonRowsEncoder', () => {
  it('writes the rows as one JSON array, whatever their length and script', () => {
    const encoder = new JsonRowsEncoder<{ row: number; name: string }>();
    const rows = Array.from({ length: 3_000 }, (_, i) => ({
      row: i + 2,
      name: `Nguyễn Thị Ánh ${'ệ'.repeat(i % 40)}`,
    }));
    rows.forEach((r) => encoder.add(r));
    expect(JSON.parse(encoder.finish()!.toString('utf8'))).toEqual(rows);
  });

  it('closes the array when the last row fills the buffer exactly', () => {
    const encoder = new JsonRowsEncoder<string>();
    // "[" + a 65,534-byte JSON string ("…" with its quotes) fills the first 64 KB.
    const text = 'a'.repeat(64 * 1024 - 3);
    encoder.add(text);
    expect(JSON.parse(encoder.finish()!.toString('utf8'))).toEqual([text]);
  });

  it('answers nothing for a chunk without rows', () => {
    expect(new JsonRowsEncoder().finish()).toBeUndefined();
  });
});
