/**
 * Excel workbooks for the contexts: what an importer implements and registers, what a context's upload and template
 * routes use, and the workbook helpers an importer or an exporter reads and writes cells with. The runner, the queue
 * and the job rows stay inside (docs/adr/jobs-and-import-registry.md).
 */
export { SpreadsheetsModule } from './spreadsheets.module';

// An import kind: the interface, the registry, and what its methods receive and answer.
export type {
  HeaderRow,
  ImportCounts,
  ImportedRow,
  Importer,
  ImportJobContext,
  ImportStaging,
  RowDraft,
  StagedChunk,
  StagedChunkEncoder,
  StagedDraft,
  UploadedSheetView,
} from './importer';
export { JsonRowsEncoder } from './importer';
export { ImportRegistry } from './import-registry';
export { CellErrors, columnLetter } from './workbook/cell-errors';
export { FieldReader } from './workbook/field-reader';
export { ImportFailure, NOT_A_WORKBOOK } from './workbook/import-failure';
/** For a context that reads a workbook outside the import runner (a bank statement): pre-scan, then the worker. */
export { readWorkbookCells } from './workbook/workbook-parser';
export type { PlainCell } from './workbook/workbook-tasks';
export { DATE_GUIDE } from './workbook/layout';
export type { ImportColumn, ImportLayout } from './workbook/layout';
export { headerKey } from './workbook/sheet-reader';
export type { SheetRow } from './workbook/sheet-reader';
export * from './vocabulary';

// A context's routes: the upload that queues a job, the template of a list, the download of a workbook.
export { ImportsService } from './imports.service';
export type { Download } from './imports.service';
export { attachment, XLSX_CONTENT_TYPE } from './imports.controller';
export { ImportJobDto, WORKBOOK_UPLOAD_BODY } from './imports.dto';
export { WorkbookUpload, WorkbookUploadOf } from './workbook-upload';
export type { UploadedWorkbook } from './workbook-upload';
export { buildTemplate } from './workbook/template';

// Its words and its migrations, collected by the app (apps/api/src/messages.ts, apps/api/src/migrations.ts).
export { SPREADSHEETS_MESSAGES } from './messages';
export { CreateImportJobs1764200000050 } from './migrations/1764200000050-CreateImportJobs';
export { AddImportNotices1765000000400 } from './migrations/1765000000400-AddImportNotices';
