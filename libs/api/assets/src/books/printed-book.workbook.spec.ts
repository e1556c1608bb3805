import ExcelJS from 'exceljs';
import { PrintedBook } from './printed-book';
import { bookWorkbook } from './printed-book.workbook';

const BOOK: PrintedBook = {
  fileName: 'so-thu',
  unitName: 'Trường THCS Thử',
  formNumber: 'Mẫu số S11-H',
  formNote: '(Ban hành kèm theo Thông tư số 107/2017/TT-BTC)',
  title: 'SỔ QUỸ TIỀN MẶT',
  subtitle: 'Năm 2025',
  columns: [
    { header: 'Ngày', format: 'date', width: 12 },
    { header: 'Diễn giải', format: 'text', width: 30 },
    { header: 'Số tiền', format: 'money', width: 14 },
  ],
  lines: [{ cells: ['2025-09-05', 'Thu học phí', 1_250_000] }],
};

async function firstSheet(book: PrintedBook): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await bookWorkbook(book)) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('the title block of a Circular 107 book in Excel', () => {
  it('puts the governing body, in capitals, above "Đơn vị", and both in the printed page header', async () => {
    const sheet = await firstSheet({ ...BOOK, governingBody: 'Ủy ban nhân dân huyện Thử' });
    expect(sheet.getCell('A1').text).toBe('ỦY BAN NHÂN DÂN HUYỆN THỬ');
    expect(sheet.getCell('A2').text).toBe('Đơn vị: Trường THCS Thử');
    expect(sheet.getCell('A3').text).toBe('SỔ QUỸ TIỀN MẶT');
    expect(sheet.headerFooter.oddHeader).toContain('ỦY BAN NHÂN DÂN HUYỆN THỬ\nTRƯỜNG THCS THỬ');
  });

  it('keeps "Đơn vị" on the first line when no governing body is known', async () => {
    const sheet = await firstSheet({ ...BOOK, governingBody: null });
    expect(sheet.getCell('A1').text).toBe('Đơn vị: Trường THCS Thử');
    expect(sheet.getCell('A2').text).toBe('');
  });
});
