import { Injectable, Logger } from '@nestjs/common';
import { IMPORT_MAX_ROWS } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import { Scope, TenantDb } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import ExcelJS from 'exceljs';
import { ImportHandlers, ImportProgress } from './import-handlers';
import { ImportJobsRepository, JobOutcome, QueuedFile } from './import-jobs.repository';
import { KeyedRow, KindImporter } from './kind-importer';
import { StaffImporter } from './staff/staff-importer';
import { StudentImporter } from './students/student-importer';
import { CellErrors, ERRORS_KEPT_IN_JOB } from './workbook/cell-errors';
import { errorWorkbook } from './workbook/error-workbook';
import { FieldReader } from './workbook/field-reader';
import { ImportFailure, NOT_A_WORKBOOK } from './workbook/import-failure';
import { assertRowLimit, dataSheet, mapColumns, readRows } from './workbook/sheet-reader';
import { inspectXlsx } from './workbook/zip-guard';

/** Rows validated between two progress updates of the job (the UI's progress bar polls the job). */
const PROGRESS_EVERY = 500;

type Progress = ImportProgress;

/**
 * Runs one import job in the background worker: validates every row first, and either writes everything in one
 * transaction or nothing (and then hands back the annotated workbook). Runs with the scope of exactly the job's
 * school, so row-level security applies to every read and write, and audits as the user who uploaded the file.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    private readonly db: TenantDb,
    private readonly tree: OrgTreeService,
    private readonly jobs: ImportJobsRepository,
    private readonly audit: AuditService,
    private readonly students: StudentImporter,
    private readonly staff: StaffImporter,
    private readonly handlers: ImportHandlers,
  ) {}

  async run(schoolId: string, jobId: string): Promise<void> {
    const scope = await this.tree.scopeFor(schoolId);
    const queued = await this.db.runWithScope(scope, (em) => this.jobs.queuedFile(em, schoolId, jobId));
    // A job already finished (a redelivered message) or gone is left alone.
    if (!queued?.file || queued.status === 'DONE' || queued.status === 'FAILED') return;
    const progress: Progress = (p) => this.db.runWithScope(scope, (em) => this.jobs.progress(em, schoolId, jobId, p));
    const started = Date.now();
    let outcome: JobOutcome;
    try {
      outcome = await this.dispatch({ scope, schoolId, jobId, queued, progress });
    } catch (error) {
      if (!(error instanceof ImportFailure)) this.logger.error({ err: error, jobId }, 'import failed');
      outcome = { status: 'FAILED', message: error instanceof ImportFailure ? error.message : 'Lỗi hệ thống khi nhập tệp; không có dữ liệu nào được ghi. Hãy thử lại.' };
    }
    await this.db.runWithScope(scope, (em) => this.jobs.finish(em, schoolId, jobId, outcome, new Date()));
    this.logger.log({ jobId, status: outcome.status, ms: Date.now() - started, ...outcome.counts }, 'import finished');
  }

  /** Lists are imported here; other kinds by the handler their context registered. */
  private async dispatch(job: { scope: Scope; schoolId: string; jobId: string; queued: QueuedFile; progress: Progress }): Promise<JobOutcome> {
    const { queued } = job;
    if (queued.kind === 'STUDENTS' || queued.kind === 'STAFF') {
      return this.importFile({ ...job, importer: queued.kind === 'STUDENTS' ? this.students : this.staff });
    }
    const handler = this.handlers.get(queued.kind);
    if (!handler) throw new Error(`no import handler for ${queued.kind}`);
    const actor = await this.db.runWithScope(job.scope, (em) => this.jobs.uploader(em, queued.createdBy));
    return handler.importFile({
      scope: job.scope, schoolId: job.schoolId, jobId: job.jobId, kind: queued.kind, fileName: queued.fileName, file: queued.file,
      params: queued.params, actor, progress: job.progress,
    });
  }

  private async importFile(job: { scope: Scope; schoolId: string; jobId: string; queued: QueuedFile; importer: KindImporter<KeyedRow, unknown>; progress: Progress }): Promise<JobOutcome> {
    const { scope, schoolId, queued, importer, progress } = job;
    await progress({ status: 'VALIDATING', processedRows: 0 });
    inspectXlsx(queued.file, IMPORT_MAX_ROWS);
    const workbook = await loadWorkbook(queued.file);
    const sheet = dataSheet(workbook);
    const columns = mapColumns(sheet, importer.layout);
    await progress({ totalRows: assertRowLimit(sheet, IMPORT_MAX_ROWS) });
    const errors = new CellErrors(new Map([...columns].map(([key, c]) => [key, { col: c.col, header: c.header }])));
    const context = await this.db.runWithScope(scope, (em) => importer.loadContext(em, schoolId));
    const rows: KeyedRow[] = [];
    let seen = 0;
    for (const sheetRow of readRows(sheet, columns, errors)) {
      const row = importer.readRow(new FieldReader(sheetRow, errors), context);
      if (row && !errors.hasRow(sheetRow.row)) rows.push(row);
      if (++seen % PROGRESS_EVERY === 0) await progress({ processedRows: seen });
    }
    if (seen === 0) throw new ImportFailure('Tệp không có dòng dữ liệu nào dưới dòng tiêu đề');
    flagDuplicates(rows, errors);
    await this.db.runWithScope(scope, (em) => importer.checkRows(em, schoolId, rows, context, errors));
    await progress({ totalRows: seen, processedRows: seen });
    if (errors.count > 0) return failedOutcome(workbook, sheet, errors);
    await progress({ status: 'COMMITTING' });
    const actor = await this.db.runWithScope(scope, (em) => this.jobs.uploader(em, queued.createdBy));
    const counts = await this.db.runWithScope(scope, async (em) => {
      const result = await importer.commit(em, schoolId, rows, context, actor);
      await this.audit.record(em, { schoolId, entity: 'import_job', entityId: job.jobId, action: 'CREATE', after: { kind: queued.kind, rows: rows.length, ...result } }, actor);
      return result;
    });
    return { status: 'DONE', counts };
  }

}

/**
 * The result of a file with cell errors: nothing written, the first errors kept in the job, and the uploaded
 * workbook handed back with the bad cells marked (`headerRow`: the sheet's row of column headers).
 */
export async function failedOutcome(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, errors: CellErrors, headerRow = 1): Promise<JobOutcome> {
  const all = errors.all();
  const badRows = new Set(all.map((e) => e.row)).size;
  return {
    status: 'FAILED',
    errorCount: all.length,
    errors: all.slice(0, ERRORS_KEPT_IN_JOB).map(({ col: _col, ...e }) => e),
    errorFile: await errorWorkbook(workbook, sheet, all, headerRow),
    message: `Có ${all.length} lỗi ở ${badRows} dòng; chưa ghi dữ liệu nào. Hãy sửa các ô tô đỏ trong tệp lỗi rồi nhập lại.`,
  };
}

export async function loadWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // Data validations are skipped: exceljs expands each range cell by cell, which a hostile range makes endless.
    await workbook.xlsx.load(file as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations'] });
  } catch {
    throw new ImportFailure(NOT_A_WORKBOOK);
  }
  return workbook;
}

/** A personal id twice in the file: every later row is marked, naming the first. */
function flagDuplicates(rows: KeyedRow[], errors: CellErrors): void {
  const first = new Map<string, number>();
  for (const row of rows) {
    const earlier = first.get(row.personalId);
    if (earlier === undefined) first.set(row.personalId, row.row);
    else errors.at(row.row, 'personalId', `Trùng mã định danh với dòng ${earlier}`);
  }
}
