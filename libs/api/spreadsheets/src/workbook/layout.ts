import type { ImportJobKind } from '@emis/contracts';

/** How the template formats a column and how the import reads it. */
export type ColumnKind = 'text' | 'date' | 'number';

export interface ImportColumn {
  /** Stable name used by the row readers. */
  key: string;
  /** The Vietnamese header, exactly as the template writes it. */
  header: string;
  kind: ColumnKind;
  required: boolean;
  width: number;
  /** Longest text accepted (a guard against pasted documents as much as a data rule). */
  maxLength?: number;
  /** Dropdown of the template: fixed words, or the class names of the school's open year. */
  choices?: readonly string[] | 'classes';
  /** One line for the guide sheet, and an example value. */
  guide: string;
  example: string;
  /** A column a user may delete without the file being refused (the running number). */
  mayBeMissing?: boolean;
  /** A column the import does not read (the running number, a sổ điểm's computed averages). */
  notRead?: boolean;
}

export interface ImportLayout {
  kind: ImportJobKind;
  sheetName: string;
  templateFileName: string;
  /** The first line of the template's guide sheet. */
  guideTitle?: string;
  columns: readonly ImportColumn[];
}

/** The summary column the error workbook appends; an upload of a corrected error workbook ignores it. */
export const ERROR_SUMMARY_HEADER = 'Lỗi';

export const DATE_GUIDE = 'Ngày dạng dd/mm/yyyy (ví dụ 05/09/2012), nhập là ngày của Excel hoặc văn bản.';
