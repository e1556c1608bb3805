import ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import { ImportLayout } from './layout';
import { LocatedError } from './cell-errors';
import { HeaderRow } from '../importer';
import { buildErrorWorkbook, readUploadedSheet, SHEET_CHUNK_ROWS } from './workbook-parser';
import { SheetRow } from './sheet-reader';

/** The streamed read with its chunks gathered: the rows, the cell errors, the chunks' sizes and the first total. */
async function readAll(file: Buffer, request: { headerRow: HeaderRow; maxRows: number }) {
  const rows: SheetRow[] = [];
  const cellErrors: LocatedError[] = [];
  const chunkSizes: number[] = [];
  let estimatedRows = -1;
  const read = await readUploadedSheet(file, { layout: LAYOUT, tooManyRows: 'quá nhiều dòng', ...request }, (chunk) => {
    if (chunk.kind === 'head') estimatedRows = chunk.estimatedRows;
    else {
      rows.push(...chunk.rows);
      cellErrors.push(...chunk.cellErrors);
      chunkSizes.push(chunk.rows.length);
    }
    return Promise.resolve();
  });
  return { ...read, rows, cellErrors, chunkSizes, estimatedRows };
}

const LAYOUT: ImportLayout = {
  kind: 'STUDENTS',
  sheetName: 'Danh sách',
  templateFileName: 'mau.xlsx',
  columns: [
    { key: 'name', header: 'Họ và tên', kind: 'text', required: true, width: 20, guide: '', example: '' },
    { key: 'note', header: 'Ghi chú', kind: 'text', required: false, width: 20, guide: '', example: '' },
  ],
};

/** A workbook with every outward link a hostile uploader could plant: cell links, a defined name, an image link. */
async function linkedWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['Họ và tên', 'Ghi chú']);
  ws.addRow([{ text: 'Nguyễn Văn An', hyperlink: 'file:///C:/Windows/win.ini' }, 'x']);
  ws.addRow([
    { text: 'Lê Thị Hoa', hyperlink: 'javascript:alert(1)' },
    { formula: "'[1]Sheet1'!A1", result: 'y' },
  ]);
  ws.addRow(['Trần Bình', { text: 'xem', hyperlink: 'https://evil.example/track' }]);
  wb.definedNames.add("'Danh sách'!$A$1", 'Secret');
  const image = wb.addImage({ base64: PNG_BASE64, extension: 'png' });
  ws.addImage(image, {
    tl: { col: 3, row: 1 },
    ext: { width: 10, height: 10 },
    hyperlinks: { hyperlink: 'file:///etc/passwd', tooltip: 'x' },
  });
  const hidden = wb.addWorksheet('_id', { state: 'veryHidden' });
  hidden.addRow(['emis-id', 7]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Every part of the zip, inflated, as one text (the sizes here are tiny). */
function allParts(file: Buffer): string {
  const parts: string[] = [];
  const eocd = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = file.readUInt32LE(eocd + 16);
  for (let i = 0; i < file.readUInt16LE(eocd + 10); i++) {
    const method = file.readUInt16LE(at + 10);
    const size = file.readUInt32LE(at + 20);
    const nameLength = file.readUInt16LE(at + 28);
    const local = file.readUInt32LE(at + 42);
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const raw = file.subarray(start, start + size);
    parts.push(
      file.toString('utf8', at + 46, at + 46 + nameLength),
      (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'),
    );
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return parts.join('\n');
}

describe('the workbook worker', () => {
  it('reads the data sheet into plain rows, with the cell problems found and the other sheets as text', async () => {
    const read = await readAll(await linkedWorkbook(), { headerRow: 1, maxRows: 100 });
    expect(read.columns).toEqual([
      ['name', { col: 1, header: 'Họ và tên' }],
      ['note', { col: 2, header: 'Ghi chú' }],
    ]);
    expect(read.rows.map((r) => [r.row, Object.fromEntries(r.values)])).toEqual([
      [2, { name: 'Nguyễn Văn An', note: 'x' }],
      [3, { name: 'Lê Thị Hoa' }],
      [4, { name: 'Trần Bình', note: 'xem' }],
    ]);
    expect(read.cellErrors).toEqual([
      expect.objectContaining({ row: 3, col: 2, message: expect.stringContaining('Công thức') }),
    ]);
    expect(read.otherSheets['_id'][0].slice(0, 2)).toEqual(['emis-id', '7']);
  });

  it("reads a clerk's list: header row found below a merged title block, trailing empty rows not counted as rows", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['TRƯỜNG THCS NGHĨA DÂN']);
    ws.addRow(['DANH SÁCH HỌC SINH']);
    ws.mergeCells('A1:B1');
    ws.mergeCells('A2:B2');
    ws.addRow([]);
    ws.addRow(['Ghi chú', 'Họ và tên']);
    ws.addRow(['a', 'Nguyễn Văn An']);
    ws.addRow([null, 'Lê Thị Hoa']);
    // Rows a spreadsheet carries along: bordered, a cell of spaces, an empty string.
    for (const values of [
      [null, null],
      ['   ', null],
      ['', '  '],
    ]) {
      const row = ws.addRow(values);
      row.getCell(1).border = { bottom: { style: 'thin' } };
    }
    const read = await readAll(Buffer.from(await wb.xlsx.writeBuffer()), {
      headerRow: { anchor: 'Họ và tên', notFound: 'không thấy' },
      maxRows: 100,
    });
    expect(read.headerRow).toBe(4);
    expect(read.columns).toEqual([
      ['name', { col: 2, header: 'Họ và tên' }],
      ['note', { col: 1, header: 'Ghi chú' }],
    ]);
    expect(read.rows.map((r) => [r.row, Object.fromEntries(r.values)])).toEqual([
      [5, { name: 'Nguyễn Văn An', note: 'a' }],
      [6, { name: 'Lê Thị Hoa' }],
    ]);
    // The merged title cells sit above the header row: not data, so not reported.
    expect(read.cellErrors).toEqual([]);
  });

  it('streams a long sheet in chunks, reports merged data cells, and refuses a sheet over the row limit', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['Họ và tên', 'Ghi chú']);
    const count = SHEET_CHUNK_ROWS * 2 + 7;
    for (let i = 0; i < count; i++) ws.addRow([`Học sinh ${i}`, i % 2 ? 'x' : null]);
    ws.mergeCells('A10:B10');
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const read = await readAll(file, { headerRow: 1, maxRows: count });
    expect(read.dataRows).toBe(count);
    expect(read.estimatedRows).toBe(count);
    expect(read.chunkSizes).toEqual([SHEET_CHUNK_ROWS, SHEET_CHUNK_ROWS, 7]);
    expect(read.rows).toHaveLength(count);
    expect(read.rows[8]).toMatchObject({ row: 10, values: new Map(), flagged: new Set(['name', 'note']) });
    expect(read.cellErrors.map((e) => [e.row, e.col, e.message.includes('gộp')])).toEqual([
      [10, 1, true],
      [10, 2, true],
    ]);
    await expect(readAll(file, { headerRow: 1, maxRows: count - 1 })).rejects.toThrow('quá nhiều dòng');
  });

  it('hands back an error workbook without hyperlinks, defined names or external references', async () => {
    const uploaded = await linkedWorkbook();
    // The planted links are really in the upload: the assertions below would see them if they were copied back.
    expect(allParts(uploaded)).toMatch(/file:\/\/\/C:|javascript:|definedName|evil\.example|file:\/\/\/etc/);
    const marked = await buildErrorWorkbook(
      uploaded,
      [{ row: 2, col: 1, column: 'A', header: 'Họ và tên', message: 'Sai' }],
      1,
    );
    const text = allParts(marked);
    expect(text).not.toMatch(/file:|javascript:|https?:\/\/evil|<definedName|<hyperlink|externalLink|\[1\]Sheet1'!A1"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(marked as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect([ws.getCell('A2').value, ws.getCell('A3').value, ws.getCell('B4').value]).toEqual([
      'Nguyễn Văn An',
      'Lê Thị Hoa',
      'xem',
    ]);
    expect(ws.getCell('B3').value).toBe("'='[1]Sheet1'!A1");
    expect(ws.getCell('C2').value).toContain('Sai');
  });
});
