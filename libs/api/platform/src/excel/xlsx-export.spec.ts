import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { Response } from 'express';
import { neutraliseFormula, streamXlsx, XlsxOptions } from './xlsx-export';

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

  it('streams a workbook whose cells are text (without an apostrophe) and values, never formulas', async () => {
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
    // A string cell: the text as typed, no visible apostrophe, and never a formula.
    expect(sheet.getCell('B2').value).toBe(`=HYPERLINK("http://evil","x")`);
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B2').formula).toBeUndefined();
    expect(sheet.getCell('C3').value).toBe(8.5);
  });

  it('lays the list out for print: A4 landscape, one page wide, the header row on every page, school and title above', async () => {
    const { book } = await streamed({
      heading: {
        governingBody: 'Sở Giáo dục và Đào tạo Hưng Yên',
        school: 'Trường THCS Lê Lợi',
        title: 'Danh sách lớp',
      },
    });
    const sheet = book.getWorksheet('Lớp')!;
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(sheet.headerFooter.oddHeader).toContain('SỞ GIÁO DỤC VÀ ĐÀO TẠO HƯNG YÊN');
    expect(sheet.headerFooter.oddHeader).toContain('TRƯỜNG THCS LÊ LỢI');
    expect(sheet.headerFooter.oddHeader).toContain('Danh sách lớp');
    expect(sheet.headerFooter.oddFooter).toContain('&P/&N');
    expect(sheet.getCell('A2').value).toBe('+4 (tối đa 45)');
  });

  it('writes the signature block under the last row when asked: preparer, principal with the name from the heading', async () => {
    const { book } = await streamed({
      heading: { school: 'Trường THCS Lê Lợi', title: 'Danh sách tài sản', principalName: 'Nguyễn Thị Hạnh' },
      signatures: true,
    });
    const sheet = book.getWorksheet('Lớp')!;
    // Row 1 the header, row 2 the one data row, row 3 left blank, then the place-and-date line and the titles.
    expect(sheet.getRow(3).cellCount).toBe(0);
    expect(sheet.getCell('B4').value).toMatch(/ngày …… tháng …… năm/);
    expect([sheet.getCell('A5').value, sheet.getCell('B5').value]).toEqual(['NGƯỜI LẬP BIỂU', 'HIỆU TRƯỞNG']);
    expect(sheet.getCell('B10').value).toBe('Nguyễn Thị Hạnh');
  });

  it('writes no signature block unless asked (a list that imports back)', async () => {
    const { book } = await streamed({ heading: { title: 'Khoản thu', principalName: 'Nguyễn Thị Hạnh' } });
    expect(book.getWorksheet('Lớp')!.rowCount).toBe(2);
  });

  it('names the sheet in the page header when no heading is given, and doubles a literal ampersand', async () => {
    const { book } = await streamed({}, 'Lớp & khối');
    const sheet = book.getWorksheet('Lớp & khối')!;
    expect(sheet.headerFooter.oddHeader).toContain('Lớp && khối');
    expect(sheet.pageSetup.orientation).toBe('landscape');
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

async function streamed(options: XlsxOptions, title = 'Lớp'): Promise<{ book: ExcelJS.Workbook }> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const res = Object.assign(stream, { setHeader: () => undefined }) as unknown as Response;
  await streamXlsx(
    res,
    'lop.xlsx',
    title,
    [{ header: 'Sĩ số', value: (r: { s: string }) => r.s }],
    [{ s: '+4 (tối đa 45)' }],
    options,
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return { book };
}
