/**
 * A book (sổ) as schools print and sign it: the unit and the form number above, a title, a table whose columns may
 * share a group heading ("Ghi giảm"), and the signatures row below. The same model is written to Excel
 * (printed-book.workbook.ts) and to PDF (printed-book.document.ts), so both carry the same figures.
 */
export type BookCell = string | number | null;

/** money: whole đồng; date: yyyy-MM-dd; rate: a percentage such as 12.5. */
export type BookFormat = 'text' | 'money' | 'quantity' | 'date' | 'rate';

export interface BookColumn {
  header: string;
  /** A heading over several adjacent columns (the form's "Ghi tăng", "Ghi giảm"). */
  group?: string;
  format: BookFormat;
  /** Width in Excel characters; the PDF shares the page in the same proportions. */
  width: number;
}

export interface BookLine {
  cells: BookCell[];
  /** group: a heading line (a room); subtotal and total: sums, in bold. */
  kind?: 'group' | 'subtotal' | 'total';
}

export interface PrintedBook {
  /** The download's name, without extension. */
  fileName: string;
  unitName: string;
  /**
   * The unit's governing body ("UBND …", "SỞ GIÁO DỤC VÀ ĐÀO TẠO …"), printed above "Đơn vị" (docs/domain/records.md,
   * "Official papers"); the service adds it from SchoolsService.letterhead before the book is drawn.
   */
  governingBody?: string | null;
  /** "Mẫu số S24-H" and the text that issues the form, printed top right. */
  formNumber: string;
  formNote: string;
  title: string;
  /** The period, e.g. "Năm 2025". */
  subtitle: string;
  columns: BookColumn[];
  lines: BookLine[];
}

/** The accounting regime of administrative and non-business units, whose book forms (S24-H, S26-H) these follow. */
export const FORM_NOTE = '(Ban hành kèm theo Thông tư số 107/2017/TT-BTC ngày 10/10/2017 của Bộ Tài chính)';

/** The signatures row of the printed books: who prepared it, the chief accountant, the head of the unit. */
export const BOOK_SIGNATURES = [
  { title: 'Người lập', note: '(Ký, họ tên)' },
  { title: 'Kế toán trưởng', note: '(Ký, họ tên)' },
  { title: 'Thủ trưởng đơn vị', note: '(Ký, họ tên, đóng dấu)' },
] as const;

/** dd/MM/yyyy of a yyyy-MM-dd date. */
export function viDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

/** A book cell as the PDF prints it: money and quantities with the vi-VN grouping (1.250.000), rates as 12,5. */
export function formatCell(value: BookCell, format: BookFormat): string {
  if (value === null) return '';
  if (typeof value === 'string') return format === 'date' ? viDate(value) : value;
  return value.toLocaleString('vi-VN', { maximumFractionDigits: format === 'rate' ? 2 : 0 });
}
