export * from './transfer-io.module';
// For import kinds of other contexts (the gradebook sheet): the job machinery and the workbook pieces.
export { ImportsService } from './imports.service';
export type { Download } from './imports.service';
export { attachment } from './imports.controller';
export { ImportJobDto, WORKBOOK_UPLOAD_BODY } from './imports.dto';
export { ImportHandlers } from './import-handlers';
export type { ImportHandler, ImportJobContext, ImportProgress } from './import-handlers';
export type { JobOutcome } from './import-jobs.repository';
export { failedOutcome, loadWorkbook } from './import-runner';
export { WorkbookUpload } from './workbook-upload';
export type { UploadedWorkbook } from './workbook-upload';
export { CellErrors, columnLetter } from './workbook/cell-errors';
export { ImportFailure, NOT_A_WORKBOOK } from './workbook/import-failure';
export { ERROR_SUMMARY_HEADER } from './workbook/layout';
export type { ImportColumn, ImportLayout } from './workbook/layout';
export { assertRowLimit, dataSheet, headerKey, mapColumns, readRows } from './workbook/sheet-reader';
export type { CellValue as SheetCellValue, SheetColumn, SheetRow } from './workbook/sheet-reader';
export { inspectXlsx } from './workbook/zip-guard';
export { TRANSFER_IO_MESSAGES } from './messages';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateImportJobs1764200000050 } from './migrations/1764200000050-CreateImportJobs';
