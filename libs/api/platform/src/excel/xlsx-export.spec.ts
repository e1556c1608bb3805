import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { Response } from 'express';
import { neutraliseFormula, streamXlsx } from './xlsx-export';

describe('Excel export', () => {
  it.each(['=1+1', '+84912', '-2', '@SUM(A1)', '\t=x', '\r=x'])(
    'neutralises %p so it can never become a formula',
    (value) => {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    },
  );

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Nguyễn Văn An')).toBe('Nguyễn Văn An');
    expect(neutraliseFormula('0912 345 678')).toBe('0912 345 678');
  });

  it('streams a workbook whose cells are text and values, never formulas', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const headers: Record<string, string> = {};
    const res = Object.assign(stream, { setHeader: (k: string, v: string) => (headers[k] = v) }) as unknown as Response;
    async function* rows() {
      yield { name: 'Lê Thị Hoa', note: '=HYPERLINK("http://evil","x")', n: 7 };
      yield { name: 'Trần Văn Bình', note: 'bình thường', n: 8.5 };
    }
    const count = await streamXlsx(
      res,
      'Danh sách học sinh.xlsx',
      'Học sinh',
      [
        { header: 'Họ và tên', value: (r) => r.name },
        { header: 'Ghi chú', value: (r) => r.note },
        { header: 'Điểm', value: (r) => r.n },
      ],
      rows(),
    );
    expect(count).toBe(2);
    expect(headers['Content-Disposition']).toContain("filename*=UTF-8''Danh%20s%C3%A1ch");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Học sinh')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Họ và tên', 'Ghi chú', 'Điểm']);
    expect(sheet.getCell('B2').value).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(sheet.getCell('B2').formula).toBeUndefined();
    expect(sheet.getCell('C3').value).toBe(8.5);
  });

  it('gives the data cells the styles exceljs would: dates their date format, others none; the header stays bold', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const res = Object.assign(stream, { setHeader: () => undefined }) as unknown as Response;
    const on = new Date(Date.UTC(2026, 8, 5));
    await streamXlsx(
      res,
      'x.xlsx',
      'x',
      [
        { header: 'Tên', value: (r: { n: number }) => `Học sinh ${r.n}` },
        { header: 'Ngày', value: () => on },
        { header: 'Điểm', value: (r) => (r.n % 2 ? r.n : null) },
      ],
      [{ n: 1 }, { n: 2 }, { n: 3 }],
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('x')!;
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    for (const r of [2, 3, 4]) {
      expect(sheet.getCell(`A${r}`).font?.bold).toBeFalsy();
      expect(sheet.getCell(`B${r}`).value).toEqual(on);
      expect(sheet.getCell(`B${r}`).numFmt).toBe('mm-dd-yy');
      expect(sheet.getCell(`C${r}`).numFmt).toBeUndefined();
    }
    expect(sheet.getCell('C2').value).toBe(1);
    expect(sheet.getCell('C3').value).toBeNull();
  });
});
