import { zip } from './zip-fixture';
import { inspectXlsx, UPLOAD_LIMITS } from './zip-guard';

const skeleton = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
];
const sheet = (xml: string) => ({
  name: 'xl/worksheets/sheet1.xml',
  data: Buffer.from(`<worksheet>${xml}</worksheet>`),
});

describe('inspectXlsx: the container is checked before exceljs loads it', () => {
  it('lets an ordinary workbook through', async () => {
    await expect(
      inspectXlsx(zip([...skeleton, sheet('<sheetData><row r="1"/><row r="2"/></sheetData>')]), 100),
    ).resolves.toEqual({ rows: 2, merges: [] });
  });

  it('refuses a zip that is not a workbook, and bytes that are not a zip', async () => {
    await expect(inspectXlsx(zip([{ name: 'a.txt', data: Buffer.from('hello') }]), 100)).rejects.toThrow(
      'Tệp không phải là bảng tính Excel (.xlsx) hợp lệ',
    );
    await expect(inspectXlsx(Buffer.from('PK not really'), 100)).rejects.toThrow(
      'Tệp không phải là bảng tính Excel (.xlsx) hợp lệ',
    );
  });

  it('refuses a zip bomb by the sizes its directory declares, without inflating it', async () => {
    const bomb = zip([
      ...skeleton,
      { name: 'xl/sharedStrings.xml', data: Buffer.alloc(1000), declaredSize: 400 * 1024 * 1024 },
    ]);
    await expect(inspectXlsx(bomb, 100)).rejects.toThrow(/khi giải nén quá lớn \(400 MB; tối đa 150 MB\)/);
  });

  it('refuses an entry that inflates beyond the size it declared', async () => {
    const liar = zip([
      ...skeleton,
      { ...sheet('<sheetData>' + '<row/>'.repeat(10_000) + '</sheetData>'), declaredSize: 100 },
    ]);
    await expect(inspectXlsx(liar, 100)).rejects.toThrow('Tệp không phải là bảng tính Excel (.xlsx) hợp lệ');
  });

  it('refuses a sheet with far more rows than one import takes, and a huge merged range', async () => {
    await expect(inspectXlsx(zip([...skeleton, sheet('<row r="1"/>'.repeat(1_300))]), 100)).rejects.toThrow(
      /quá nhiều dòng/,
    );
    await expect(
      inspectXlsx(zip([...skeleton, sheet('<mergeCells><mergeCell ref="A2:XFD1048576"/></mergeCells>')]), 100),
    ).rejects.toThrow(/gộp/);
  });

  it("keeps the merged ranges of the sheet it is asked about, and only those, whatever the corners' order", async () => {
    const merges = '<mergeCells><mergeCell ref="A1:C1"/><mergeCell ref="E4:D2"/></mergeCells>';
    const file = zip([...skeleton, sheet(merges), { ...sheet(merges), name: 'xl/worksheets/sheet2.xml' }]);
    await expect(inspectXlsx(file, 100, 'xl/worksheets/sheet1.xml')).resolves.toEqual({
      rows: 0,
      merges: [
        { top: 1, bottom: 1, left: 1, right: 3 },
        { top: 2, bottom: 4, left: 4, right: 5 },
      ],
    });
    await expect(inspectXlsx(file, 100)).resolves.toMatchObject({ merges: [] });
  });

  it('refuses 4 million shared strings in a few hundred kilobytes by the compression ratio alone', async () => {
    const strings = {
      name: 'xl/sharedStrings.xml',
      data: Buffer.from('<sst>' + '<si><t>x</t></si>'.repeat(4_000_000) + '</sst>'),
    };
    await expect(inspectXlsx(zip([...skeleton, strings]), 100)).rejects.toMatchObject({
      detail: { reason: 'compression_ratio', part: 'xl/sharedStrings.xml' },
    });
  });

  it('refuses shared strings over the limit by the declared count, and by the strings held when the count lies', async () => {
    const declared = {
      name: 'xl/sharedStrings.xml',
      data: Buffer.from('<sst count="5000000" uniqueCount="2"><si><t>a</t></si></sst>'),
    };
    await expect(inspectXlsx(zip([...skeleton, declared]), 100)).rejects.toMatchObject({
      detail: { reason: 'shared_strings', source: 'count', found: 5_000_000 },
    });
    // Distinct strings compress far less than a ratio of 100: only counting them finds the lie.
    const held = Array.from({ length: UPLOAD_LIMITS.sharedStrings + 1 }, (_, i) => `<si><t>${i.toString(36)}</t></si>`);
    const liar = {
      name: 'xl/sharedStrings.xml',
      data: Buffer.from(`<sst count="1" uniqueCount="1">${held.join('')}</sst>`),
    };
    await expect(inspectXlsx(zip([...skeleton, liar]), 100)).rejects.toMatchObject({
      detail: { reason: 'shared_strings', source: 'si' },
    });
  });

  it('refuses more cell formats than Excel itself keeps, and more cells in a sheet than the largest import needs', async () => {
    const styles = {
      name: 'xl/styles.xml',
      data: Buffer.from(
        `<styleSheet><cellXfs>${'<xf numFmtId="0"/>'.repeat(UPLOAD_LIMITS.styles + 1)}</cellXfs></styleSheet>`,
      ),
    };
    await expect(inspectXlsx(zip([...skeleton, styles]), 100)).rejects.toMatchObject({ detail: { reason: 'styles' } });
    // Distinct values, so that the sheet compresses as real data does and only the count of cells refuses it.
    const cells = Array.from(
      { length: 1_001 },
      (_, r) =>
        `<row r="${r + 1}">${Array.from({ length: 1_000 }, (_, c) => `<c><v>${r * 7919 + c * 104729}</v></c>`).join('')}</row>`,
    );
    const manyCells = zip([...skeleton, sheet(`<sheetData>${cells.join('')}</sheetData>`)]);
    await expect(inspectXlsx(manyCells, 20_000)).rejects.toMatchObject({
      detail: { reason: 'cells', limit: UPLOAD_LIMITS.cellsPerSheet },
    });
    // A kind taking 200,000 rows (the student list) has room for 25 cells a row: the same sheet passes.
    await expect(inspectXlsx(manyCells, 200_000)).resolves.toEqual({ rows: 1_001, merges: [] });
  });

  it('lets through the largest legitimate shape: 20,000 rows of 18 cells', async () => {
    const row = (r: number) =>
      `<row r="${r}">${Array.from({ length: 18 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="s"><v>${r * 18 + c}</v></c>`).join('')}</row>`;
    const rows = Array.from({ length: 20_001 }, (_, i) => row(i + 1));
    await expect(
      inspectXlsx(zip([...skeleton, sheet(`<sheetData>${rows.join('')}</sheetData>`)]), 20_000),
    ).resolves.toEqual({ rows: 20_001, merges: [] });
  });
});
