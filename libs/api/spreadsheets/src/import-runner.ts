import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@emis/api/audit';
import { Principal, problemTitle, Scope, scopeIncludes, TenantDb } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { can } from '@emis/domain';
import ExcelJS from 'exceljs';
import { ImportedRow, Importer, ImportJobContext } from './importer';
import { ImportProgress, ImportJobsRepository, JobOutcome, QueuedFile } from './import-jobs.repository';
import { ImportRegistry } from './import-registry';
import { CellErrors, ERRORS_KEPT_IN_JOB } from './workbook/cell-errors';
import { errorWorkbook } from './workbook/error-workbook';
import { ImportFailure, NOT_A_WORKBOOK } from './workbook/import-failure';
import { assertRowLimit, dataSheet, findHeaderRow, headerTexts, mapColumns, readRows } from './workbook/sheet-reader';
import { inspectXlsx } from './workbook/zip-guard';

/** Rows validated between two progress updates of the job (the UI's progress bar polls the job). */
const PROGRESS_EVERY = 500;

const NOTHING_WRITTEN = 'không có dữ liệu nào được ghi';

type Kind = Importer<unknown, ImportedRow>;

/**
 * Runs one import job, of any kind, in the background worker. Its guarantees, the same for every kind:
 * - the uploader is re-checked when the job runs (account, permission, school in scope), then the kind's own access;
 * - the file is inspected before it is loaded (zip bomb, row and merge bounds) and its header row found;
 * - every row is read and checked before anything is written: any error → nothing written, the errors by row and
 *   column in the job and the uploaded workbook handed back with the bad cells marked;
 * - otherwise everything is written in one transaction, with the job's audit row, as the uploader.
 * It runs with the scope of exactly the job's school, so row-level security applies to every read and write.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    private readonly db: TenantDb,
    private readonly tree: OrgTreeService,
    private readonly jobs: ImportJobsRepository,
    private readonly audit: AuditService,
    private readonly registry: ImportRegistry,
  ) {}

  async run(schoolId: string, jobId: string): Promise<void> {
    const scope = await this.tree.scopeFor(schoolId);
    const queued = await this.db.runWithScope(scope, (em) => this.jobs.queuedFile(em, schoolId, jobId));
    // A job already finished (a redelivered message) or gone is left alone.
    if (!queued?.file || queued.status === 'DONE' || queued.status === 'FAILED') return;
    const progress: ImportProgress = (p) =>
      this.db.runWithScope(scope, (em) => this.jobs.progress(em, schoolId, jobId, p));
    const started = Date.now();
    let outcome: JobOutcome;
    try {
      const importer = this.registry.get(queued.kind);
      if (!importer) throw new Error(`no importer registered for ${queued.kind}`);
      outcome = await this.importFile({
        scope,
        schoolId,
        jobId,
        queued: { ...queued, file: queued.file },
        importer,
        progress,
      });
    } catch (error) {
      if (!(error instanceof ImportFailure)) this.logger.error({ err: error, jobId }, 'import failed');
      outcome = {
        status: 'FAILED',
        message:
          error instanceof ImportFailure
            ? error.message
            : `Lỗi hệ thống khi nhập tệp; ${NOTHING_WRITTEN}. Hãy thử lại.`,
      };
    }
    await this.db.runWithScope(scope, (em) => this.jobs.finish(em, schoolId, jobId, outcome, new Date()));
    this.logger.log({ jobId, status: outcome.status, ms: Date.now() - started, ...outcome.counts }, 'import finished');
  }

  private async importFile(run: {
    scope: Scope;
    schoolId: string;
    jobId: string;
    queued: QueuedFile & { file: Buffer };
    importer: Kind;
    progress: ImportProgress;
  }): Promise<JobOutcome> {
    const { scope, schoolId, queued, importer, progress } = run;
    await progress({ status: 'VALIDATING', processedRows: 0 });
    const actor = await this.uploader(scope, schoolId, queued.createdBy, importer);
    const job: ImportJobContext = {
      schoolId,
      jobId: run.jobId,
      kind: queued.kind,
      fileName: queued.fileName,
      params: queued.params,
      actor,
    };
    inspectXlsx(queued.file, importer.maxRows);
    const workbook = await loadWorkbook(queued.file);
    const target = await this.db.runWithScope(scope, (em) => importer.open(em, job));
    const sheet = dataSheet(workbook);
    const headerRow =
      typeof importer.headerRow === 'number'
        ? importer.headerRow
        : findHeaderRow(sheet, importer.headerRow.anchor, importer.headerRow.notFound);
    const columns = mapColumns(sheet, importer.layout(target), headerRow);
    importer.checkIdentity?.({ workbook, headers: headerTexts(sheet, headerRow) }, target);
    await progress({ totalRows: assertRowLimit(sheet, importer.maxRows, headerRow, importer.messages?.tooManyRows) });

    const errors = new CellErrors(new Map([...columns].map(([key, c]) => [key, { col: c.col, header: c.header }])));
    const rows: ImportedRow[] = [];
    let seen = 0;
    for (const source of readRows(sheet, columns, errors, headerRow)) {
      const row = importer.readRow(source, errors, target);
      if (row && !errors.hasRow(source.row)) rows.push(row);
      if (++seen % PROGRESS_EVERY === 0) await progress({ processedRows: seen });
    }
    if (seen === 0)
      throw new ImportFailure(importer.messages?.noRows ?? 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề');
    if (importer.uniqueColumn) flagDuplicates(rows, importer.uniqueColumn, errors);
    if (importer.checkRows)
      await this.db.runWithScope(scope, (em) => importer.checkRows!(em, job, rows, target, errors));
    await progress({ totalRows: seen, processedRows: seen });
    if (errors.count > 0) return failedOutcome(workbook, sheet, errors, headerRow);

    await progress({ status: 'COMMITTING' });
    const counts = await this.db.runWithScope(scope, async (em) => {
      const result = await importer.commit(em, job, rows, target);
      await this.audit.record(
        em,
        {
          schoolId,
          entity: 'import_job',
          entityId: job.jobId,
          action: 'CREATE',
          after: { kind: job.kind, ...job.params, fileName: job.fileName, rows: rows.length, ...result },
        },
        actor,
      );
      return result;
    });
    return { status: 'DONE', counts };
  }

  /**
   * The uploader, as they are now: the job's writes are theirs, so an account removed, a role that lost the kind's
   * permission or a move to another school since the upload fails the job.
   */
  private async uploader(scope: Scope, schoolId: string, userId: string | null, importer: Kind): Promise<Principal> {
    const actor = await this.db.runWithScope(scope, (em) => this.jobs.uploader(em, userId));
    if (!actor) throw new ImportFailure(`Không còn tài khoản đã tải tệp lên; ${NOTHING_WRITTEN}.`);
    if (!can(actor.role, importer.permission) || !scopeIncludes(await this.tree.scopeFor(actor.orgUnitId), schoolId)) {
      throw new ImportFailure(
        `${problemTitle('forbidden', 'vi')}: tài khoản đã tải tệp lên không còn quyền nhập tệp này; ${NOTHING_WRITTEN}.`,
      );
    }
    return actor;
  }
}

/**
 * The result of a file with cell errors: nothing written, the first errors kept in the job, and the uploaded
 * workbook handed back with the bad cells marked (`headerRow`: the sheet's row of column headers).
 */
async function failedOutcome(
  workbook: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  errors: CellErrors,
  headerRow: number,
): Promise<JobOutcome> {
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

async function loadWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // Data validations are skipped: exceljs expands each range cell by cell, which a hostile range makes endless.
    await workbook.xlsx.load(file as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations'] });
  } catch {
    throw new ImportFailure(NOT_A_WORKBOOK);
  }
  return workbook;
}

/** A value twice in the file's unique column: every later row is marked, naming the first. */
function flagDuplicates(rows: ImportedRow[], unique: { key: string; label: string }, errors: CellErrors): void {
  const first = new Map<unknown, number>();
  for (const row of rows) {
    const value = (row as unknown as Record<string, unknown>)[unique.key];
    const earlier = first.get(value);
    if (earlier === undefined) first.set(value, row.row);
    else errors.at(row.row, unique.key, `Trùng ${unique.label} với dòng ${earlier}`);
  }
}
