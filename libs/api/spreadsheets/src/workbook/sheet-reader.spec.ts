import ExcelJS from 'exceljs';
import { ImportFailure } from './import-failure';
import { assertRowLimit, findHeaderRow, headerTexts } from './sheet-reader';

function sheet(rows: (string | number | null)[][]): ExcelJS.Worksheet {
  const ws = new ExcelJS.Workbook().addWorksheet('Sổ điểm');
  rows.forEach((row) => ws.addRow(row));
  return ws;
}

describe('the header row', () => {
  const titled = sheet([
    ['SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH'],
    ['Môn: Toán'],
    ['STT', ' mã  HỌC sinh ', 'Họ và tên', 'Lỗi'],
    [1, 'x', 'An'],
  ]);

  it('is the first of the top rows holding the anchor header, matched whatever its case and spacing', () => {
    expect(findHeaderRow(titled, 'Mã học sinh', 'không thấy')).toBe(3);
  });

  it('fails the file with the kind’s message when no top row holds the anchor', () => {
    expect(() =>
      findHeaderRow(sheet([['Mã định danh', 'Họ và tên']]), 'Mã học sinh', 'Tệp không đúng mẫu sổ điểm'),
    ).toThrow(new ImportFailure('Tệp không đúng mẫu sổ điểm'));
  });

  it('reads its headers without the "Lỗi" column an earlier error workbook added', () => {
    expect(headerTexts(titled, 3)).toEqual(['STT', 'mã  HỌC sinh', 'Họ và tên']);
  });

  it('bounds the data rows counted below it', () => {
    expect(assertRowLimit(titled, 1, 3)).toBe(1);
    expect(() => assertRowLimit(titled, 0, 3, 'quá nhiều dòng')).toThrow(new ImportFailure('quá nhiều dòng'));
  });
});
