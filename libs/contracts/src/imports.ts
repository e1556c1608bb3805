/**
 * Excel import of student, staff and asset lists.
 *   GET  /api/schools/:schoolId/imports/templates/{students|staff|assets}.xlsx   template with Vietnamese headers and dropdowns
 *   POST /api/schools/:schoolId/imports/{students|staff|assets}   multipart field "file" → 202 ImportJob
 *   GET  /api/schools/:schoolId/imports/:jobId             → ImportJob (poll for progress)
 *   GET  /api/schools/:schoolId/imports/:jobId/errors.xlsx → the uploaded workbook with bad cells highlighted and commented
 * Every row is validated first; any error → nothing is written. Re-importing the same file changes nothing.
 */
export type ImportKind = 'STUDENTS' | 'STAFF' | 'ASSETS';

/**
 * What a job imports: a list (above), or a subject's gradebook sheet, uploaded at
 *   POST /api/schools/:schoolId/classes/:classId/gradebook/:semester/:subjectCode/import (libs/contracts grading.ts)
 * and followed through the same GET …/imports/:jobId and …/errors.xlsx; or an inventory's filled-in checklist
 * (ASSET_INVENTORY), uploaded at POST /api/schools/:schoolId/asset-inventories/:id/import (libs/contracts assets.ts).
 */
export type ImportJobKind =
  | ImportKind
  | 'GRADEBOOK'
  | 'ASSET_INVENTORY'
  // Finance's own uploads (libs/contracts finance.ts): province tuition levels, fee schedules, payments, bank statements.
  | 'FINANCE_TUITION_LEVELS'
  | 'FINANCE_FEE_SCHEDULES'
  | 'FINANCE_PAYMENTS'
  | 'FINANCE_BANK_STATEMENT'
  // The province's school list (libs/contracts organisation.ts), uploaded by the department.
  | 'SCHOOL_LIST';

export interface ImportCellError {
  /** 1-based worksheet row, as Excel shows it. */
  row: number;
  /** Column letter (A, B, …) and its header. */
  column: string;
  header: string;
  message: string;
}

export interface ImportJob {
  id: string;
  kind: ImportJobKind;
  status: 'QUEUED' | 'VALIDATING' | 'COMMITTING' | 'DONE' | 'FAILED';
  fileName: string;
  totalRows: number | null;
  processedRows: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  /** Every error of every row (the error workbook marks the same cells); empty in lists. */
  errors: ImportCellError[];
  /**
   * Values the import read after a correction the clerk should check, the row not refused for it (a 12-digit id typed
   * as a number, its leading zero restored); empty in lists.
   */
  notices: ImportCellError[];
  /** A message for failures that are not per cell (corrupt file, too many rows). */
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export const IMPORT_MAX_ROWS = 20_000;
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/**
 * The student list, streamed (docs/adr/province-scale-imports.md): a whole list of a school, or of every school a
 * department or unit manages, up to 200,000 rows and 40 MB (a 200,000-row list from the template is some 14 MB).
 */
export const STUDENT_IMPORT_MAX_ROWS = 200_000;
export const STUDENT_IMPORT_MAX_BYTES = 40 * 1024 * 1024;
