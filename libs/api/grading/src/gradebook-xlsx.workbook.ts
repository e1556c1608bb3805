import type { GradeRow, GradeSheet } from '@emis/contracts';
import { CellValue, formatCell, GradeColumn, RatingCode } from '@emis/domain';
import { officialPageSetup, sheetText } from '@emis/api/platform';
import { columnLetter } from '@emis/api/spreadsheets';
import ExcelJS from 'exceljs';
import { GRADEBOOK_HEADER_ROW, writeIdentity, XlsxColumn, xlsxColumns } from './gradebook-xlsx.layout';

/** What the title block names besides the sheet itself. */
export interface SheetTitle {
  departmentName: string | null;
  schoolName: string;
  className: string;
  schoolYearCode: string;
  teacherName: string | null;
}

/** The code each pupil is shown by (the personal ID, in full or masked for the reader), by the record's id. */
export type StudentCodes = ReadonlyMap<string, string>;

/** exceljs 4.4 has range data validations but its typings omit them. */
interface WithValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
/** Columns the system computes: shaded, so a teacher sees at once they are not typed in. */
const COMPUTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * One subject's sổ theo dõi và đánh giá học sinh for a semester, as schools print it: the title block, then one row
 * per pupil in class-list order with each assessment, the semester result (and, in semester II, semester I's and the
 * year's), and the comment. Values are the API's (the sheet's rows), never recomputed here. Scores are numbers shown
 * with one decimal (whole numbers for Circular 27 tests); ratings as the book prints them (Đ, CĐ; T, H, C).
 */
export async function buildGradebookWorkbook(
  sheet: GradeSheet,
  title: SheetTitle,
  codes: StudentCodes,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Emis';
  const columns = xlsxColumns(sheet);
  const ws = workbook.addWorksheet(`Sổ điểm ${sheet.subjectName}`.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), {
    views: [{ state: 'frozen', ySplit: GRADEBOOK_HEADER_ROW, xSplit: 3 }],
    pageSetup: officialPageSetup({ headerRows: [GRADEBOOK_HEADER_ROW, GRADEBOOK_HEADER_ROW] }),
  });
  ws.columns = columns.map((c) => ({ width: c.width, hidden: c.hidden ?? false }));
  const shown = columns.filter((c) => !c.hidden).length;
  titleBlock(ws, sheet, title, shown);
  headerRow(ws, columns);
  sheet.rows.forEach((row, i) => dataRow(ws, GRADEBOOK_HEADER_ROW + 1 + i, columns, row, codes));
  validations(ws, columns, sheet.rows.length);
  writeIdentity(workbook, { classId: sheet.classId, semester: sheet.semester, subjectCode: sheet.subjectCode });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function titleBlock(ws: ExcelJS.Worksheet, sheet: GradeSheet, title: SheetTitle, width: number): void {
  const semester = sheet.semester === 1 ? 'I' : 'II';
  const lines: [string, Partial<ExcelJS.Font>, boolean][] = [
    [(title.departmentName ?? '').toUpperCase(), { bold: true }, false],
    [title.schoolName.toUpperCase(), { bold: true }, false],
    ['SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH', { bold: true, size: 14 }, true],
    [
      `Môn: ${sheet.subjectName}     Lớp: ${title.className}     Học kì: ${semester}     Năm học: ${title.schoolYearCode}`,
      { bold: true },
      true,
    ],
    [
      `Giáo viên bộ môn: ${title.teacherName ?? '(chưa phân công)'}     Đánh giá theo Thông tư ${sheet.schemeVersion}`,
      {},
      true,
    ],
    [
      'Nhập lại tệp này vào hệ thống: chỉ sửa các cột điểm và cột "Nhận xét". Ô để trống được giữ nguyên (không xoá điểm đã có; ' +
        'muốn xoá điểm hãy xoá trên màn hình sổ điểm). Không thêm, bớt hay đổi tên cột; không sửa "Mã định danh". Các cột tô xám do hệ thống tính.',
      { italic: true, size: 9 },
      false,
    ],
  ];
  lines.forEach(([text, font, centred], i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = sheetText(text);
    cell.font = font;
    cell.alignment = { horizontal: centred ? 'center' : 'left', vertical: 'middle', wrapText: true };
    ws.mergeCells(i + 1, 1, i + 1, width);
  });
  ws.getRow(lines.length).height = 30;
}

function headerRow(ws: ExcelJS.Worksheet, columns: XlsxColumn[]): void {
  const row = ws.getRow(GRADEBOOK_HEADER_ROW);
  row.height = 30;
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = c.header;
    cell.style = {
      font: { bold: true },
      fill: computed(c) ? COMPUTED_FILL : HEADER_FILL,
      border: THIN,
      alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' },
    };
  });
}

function dataRow(ws: ExcelJS.Worksheet, at: number, columns: XlsxColumn[], row: GradeRow, codes: StudentCodes): void {
  const r = ws.getRow(at);
  columns.forEach((c, i) => {
    const cell = r.getCell(i + 1);
    cell.value = valueOf(c, row, codes);
    cell.border = THIN;
    const numFmt = formatOf(c, cell.value);
    if (numFmt) cell.numFmt = numFmt;
    if (computed(c)) cell.fill = COMPUTED_FILL;
    if (c.role === 'comment') cell.alignment = { wrapText: true, vertical: 'top' };
    else if (c.role !== 'fullName') cell.alignment = { horizontal: 'center' };
  });
}

function valueOf(c: XlsxColumn, row: GradeRow, codes: StudentCodes): ExcelJS.CellValue {
  switch (c.role) {
    case 'ordinal':
      return row.ordinal;
    case 'studentCode':
      return codes.get(row.studentId) ?? '';
    case 'studentId':
      return row.studentId;
    case 'fullName':
      return sheetText(row.fullName);
    case 'dateOfBirth':
      return viDate(row.dateOfBirth);
    case 'cell':
      return cellValue(row.cells[c.grade!.key]);
    case 'result':
      return result(row.average, row.rating);
    case 'semester1':
      return result(row.semester1?.average ?? null, row.semester1?.rating ?? null);
    case 'year':
      return result(row.year?.average ?? null, row.year?.rating ?? null);
    case 'comment':
      return row.comment ? sheetText(row.comment) : null;
  }
}

/** A score stays a number (Excel can sum it); a rating is written as the book prints it. */
function cellValue(value: CellValue | undefined): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  return typeof value === 'number' ? value : formatCell(value);
}

function result(average: number | null, rating: RatingCode | null): ExcelJS.CellValue {
  if (average !== null) return average;
  return rating ? formatCell(rating) : null;
}

function formatOf(c: XlsxColumn, value: ExcelJS.CellValue): string | undefined {
  // Text: Excel would turn a 12-digit number into 3.41E+11 and drop its leading zero.
  if (c.role === 'studentCode' || c.role === 'studentId' || c.role === 'comment' || c.role === 'fullName') return '@';
  if (typeof value !== 'number' && c.role !== 'cell') return undefined;
  if (c.role === 'cell') return c.grade!.kind === 'SCORE' ? (c.grade!.decimals === 0 ? '0' : '0.0') : '@';
  return '0.0';
}

function computed(c: XlsxColumn): boolean {
  return c.role === 'result' || c.role === 'semester1' || c.role === 'year';
}

/** Excel refuses at typing time what the import would refuse: a score outside the column's range, a foreign rating. */
function validations(ws: ExcelJS.Worksheet, columns: XlsxColumn[], rows: number): void {
  if (rows === 0) return;
  const first = GRADEBOOK_HEADER_ROW + 1;
  const last = GRADEBOOK_HEADER_ROW + rows;
  columns.forEach((c, i) => {
    if (c.role !== 'cell') return;
    const letter = columnLetter(i + 1);
    (ws as unknown as WithValidations).dataValidations.add(
      `${letter}${first}:${letter}${last}`,
      validationOf(c.grade!),
    );
  });
}

function validationOf(column: GradeColumn): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: column.label } as const;
  if (column.kind === 'RATING') {
    const words = (column.ratings ?? []).map((r) => formatCell(r));
    return {
      ...common,
      type: 'list',
      formulae: [`"${words.join(',')}"`],
      error: `Chọn một trong: ${words.join(', ')}`,
    };
  }
  const [min, max] = [column.min ?? 0, column.max ?? 10];
  return column.decimals === 0
    ? {
        ...common,
        type: 'whole',
        operator: 'between',
        formulae: [min, max],
        error: `Điểm là số nguyên từ ${min} đến ${max}`,
      }
    : {
        ...common,
        type: 'decimal',
        operator: 'between',
        formulae: [min, max],
        error: `Điểm từ ${min} đến ${max}, tối đa một chữ số thập phân`,
      };
}

function viDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
