import type { GradeSheet } from '@emis/contracts';
import { GradeColumn } from '@emis/domain';
import { headerKey, ImportFailure, ImportLayout, UploadedSheetView } from '@emis/api/spreadsheets';
import ExcelJS from 'exceljs';

/**
 * The sổ điểm workbook a subject teacher downloads, fills in Excel and uploads again: one layout for both ways, so
 * the export and the import can never disagree on a column.
 */

/** Row of the column headers; the title block (school, book, subject, class, semester, year, teacher) sits above. */
export const GRADEBOOK_HEADER_ROW = 9;

/** A class list is far shorter; the bound keeps a hostile file from being read at all. */
export const GRADEBOOK_MAX_ROWS = 200;

/** The veryHidden sheet naming the gradebook the file belongs to (class, semester, subject). */
export const IDENTITY_SHEET = 'Emis';
const IDENTITY_KIND = 'SỔ ĐIỂM';

export type XlsxColumnRole =
  | 'ordinal'
  | 'studentCode'
  | 'fullName'
  | 'dateOfBirth'
  | 'cell'
  | 'result'
  | 'semester1'
  | 'year'
  | 'comment'
  | 'studentId';

export interface XlsxColumn {
  /** The import's key: 'studentCode', 'comment', 'cell.TX1' … */
  key: string;
  header: string;
  role: XlsxColumnRole;
  width: number;
  grade?: GradeColumn;
  /** Written, read back as a check, and hidden in Excel (the record's internal id). */
  hidden?: boolean;
}

/** The header of the pupil's visible key: the personal identification number, as the school's workbook names it. */
export const STUDENT_CODE_HEADER = 'Mã định danh';

/**
 * A pupil is named by the national key, the personal identification number (docs/domain/records.md, "Pupil
 * identifiers") — in full for the roles that see ID numbers, masked (0341•••••789) for a teacher, who sees none
 * (docs/domain/personal-data.md) — never by an internal id. The record's id still travels in a last, hidden column:
 * the import matches by the visible code and uses the hidden id only as a check that the row was not shifted.
 */
export function xlsxColumns(sheet: Pick<GradeSheet, 'semester' | 'scheme' | 'assessment' | 'columns'>): XlsxColumn[] {
  const columns: XlsxColumn[] = [
    { key: 'no', header: 'STT', role: 'ordinal', width: 5 },
    { key: 'studentCode', header: STUDENT_CODE_HEADER, role: 'studentCode', width: 15 },
    { key: 'fullName', header: 'Họ và tên', role: 'fullName', width: 26 },
    { key: 'dateOfBirth', header: 'Ngày sinh', role: 'dateOfBirth', width: 11 },
    ...sheet.columns.map((c): XlsxColumn => ({
      key: `cell.${c.key}`,
      header: c.label,
      role: 'cell',
      width: c.kind === 'SCORE' ? 7 : 8,
      grade: c,
    })),
    { key: 'result', header: averaged(sheet) ? 'ĐTBmhk' : 'Đánh giá HK', role: 'result', width: 9 },
  ];
  if (sheet.semester === 2) {
    columns.push(
      { key: 'semester1', header: 'HK I', role: 'semester1', width: 7 },
      { key: 'year', header: 'Cả năm', role: 'year', width: 8 },
    );
  }
  columns.push({ key: 'comment', header: 'Nhận xét', role: 'comment', width: 40 });
  columns.push({ key: 'studentId', header: 'Mã hệ thống', role: 'studentId', width: 38, hidden: true });
  return columns;
}

/** A semester average is computed (Circular 22 Art. 9, Circular 58): scored subjects outside primary school. */
export function averaged(sheet: Pick<GradeSheet, 'scheme' | 'assessment'>): boolean {
  return sheet.assessment === 'SCORE' && sheet.scheme !== 'C27';
}

/** The layout as the import runner wants it: every header must be there (computed ones are not read). */
export function importLayout(columns: XlsxColumn[]): ImportLayout {
  return {
    kind: 'GRADEBOOK',
    sheetName: 'Sổ điểm',
    templateFileName: 'so-diem.xlsx',
    columns: columns.map((c) => ({
      key: c.key,
      header: c.header,
      width: c.width,
      required: c.role === 'studentCode',
      guide: '',
      example: '',
      notRead: !isImported(c),
      // The hidden id is a check: a file whose hidden column was deleted is still read by the visible code.
      mayBeMissing: c.role === 'studentId',
      kind: c.role === 'cell' && c.grade?.kind === 'SCORE' ? 'number' : 'text',
      maxLength: c.role === 'comment' ? 500 : c.role === 'studentId' ? 60 : 200,
    })),
  };
}

/** The columns the import reads; the others (running number, date of birth, averages) are the system's. */
export function isImported(column: XlsxColumn): boolean {
  return (
    column.role === 'studentCode' ||
    column.role === 'studentId' ||
    column.role === 'fullName' ||
    column.role === 'cell' ||
    column.role === 'comment'
  );
}

export interface GradebookIdentity {
  classId: string;
  semester: 1 | 2;
  subjectCode: string;
}

export function writeIdentity(workbook: ExcelJS.Workbook, id: GradebookIdentity): void {
  const sheet = workbook.addWorksheet(IDENTITY_SHEET, { state: 'veryHidden' });
  sheet.addRows([
    [IDENTITY_KIND, 1],
    ['classId', id.classId],
    ['semester', id.semester],
    ['subjectCode', id.subjectCode],
  ]);
}

/**
 * Refuses a file of another gradebook: two subjects (or classes, or semesters) often have the very same columns,
 * and matching headers alone would write one subject's scores into another's book.
 */
export function assertIdentity(file: UploadedSheetView, expected: GradebookIdentity, describe: string): void {
  const text = (row: number, col: number) => file.cellText(IDENTITY_SHEET, row, col)?.trim() ?? '';
  const value = (row: number) => text(row, 2);
  if (text(1, 1) !== IDENTITY_KIND) {
    throw new ImportFailure(
      `Tệp không phải sổ điểm xuất từ hệ thống. Hãy tải sổ điểm ${describe} (nút "Xuất Excel"), nhập điểm vào tệp đó rồi tải lên.`,
    );
  }
  if (
    value(2).toLowerCase() !== expected.classId.toLowerCase() ||
    value(3) !== String(expected.semester) ||
    value(4) !== expected.subjectCode
  ) {
    throw new ImportFailure(
      `Tệp là sổ điểm của một lớp, môn hoặc học kì khác, không phải sổ điểm ${describe}; không có điểm nào được ghi.`,
    );
  }
}

/** A header the layout does not have (a column added, or the book of a subject with more assessments) fails the file. */
export function assertNoForeignHeaders(headers: string[], columns: XlsxColumn[]): void {
  const known = new Set(columns.map((c) => headerKey(c.header)));
  const foreign = headers.filter((text) => !known.has(headerKey(text))).map((text) => `"${text}"`);
  if (foreign.length) {
    throw new ImportFailure(
      `Tệp không đúng mẫu sổ điểm: có cột ${foreign.join(', ')} không thuộc sổ điểm môn này. Hãy xuất lại sổ điểm và không thêm, bớt hay đổi tên cột.`,
    );
  }
}
