import { Injectable, Logger } from '@nestjs/common';
import { AuditService, SecurityEvents } from '@emis/api/audit';
import { Principal, problemTitle, Scope, scopeIncludes, ScopeResolver, TenantDb } from '@emis/api/platform';
import { can, Permission } from '@emis/domain';
import { ImportedRow, Importer, ImportJobContext, ImportStaging, UploadedSheetView } from './importer';
import { ImportProgress, ImportJobsRepository, JobOutcome, QueuedFile } from './import-jobs.repository';
import { ImportRegistry } from './import-registry';
import { CellErrors, LocatedError } from './workbook/cell-errors';
import { ImportFailure } from './workbook/import-failure';
import { buildErrorWorkbook, readUploadedSheet } from './workbook/workbook-parser';
import { SheetChunk, SheetRead } from './workbook/workbook-tasks';
import { HostileWorkbook, tooManyRows } from './workbook/zip-guard';

/**
 * The largest file whose error workbook is built on failure: it loads the uploaded file whole (some 200 MB of the
 * worker's heap for 20,000 rows). A longer file that fails has every error listed in the job, without the workbook.
 */
const ERROR_WORKBOOK_MAX_ROWS = 20_000;

const NOTHING_WRITTEN = 'không có dữ liệu nào được ghi';

/** The job's progress is written once per this many rows read (a transaction each), not once per chunk. */
const PROGRESS_ROWS = 2_000;

/** Whether the chunk of `chunkRows` that brought the count to `seen` crossed a multiple of PROGRESS_ROWS. */
function crossesProgressStep(seen: number, chunkRows: number): boolean {
  return Math.floor(seen / PROGRESS_ROWS) > Math.floor((seen - chunkRows) / PROGRESS_ROWS);
}

type Kind = Importer<unknown, ImportedRow>;

/**
 * Runs one import job, of any kind, in the background worker. Its guarantees, the same for every kind:
 * - the uploader is re-checked when the job runs (account, permission, school in scope), then the kind's own access;
 * - the file is inspected before it is loaded (zip bomb, row and merge bounds) and its header row found;
 * - every row is read and checked before anything is written: any error → nothing written, every error by row and
 *   column in the job and the uploaded workbook handed back with the bad cells marked (with `checkEveryRow`, the
 *   duplicate and school checks see the rows with cell errors too: every error of the file in one pass);
 * - notices (a value read after a correction, such as an id's lost leading zero) are kept in the job either way;
 * - otherwise everything is written in one transaction, with the job's audit row, as the uploader.
 * It runs with the scope of exactly the job's school, so row-level security applies to every read and write.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    private readonly db: TenantDb,
    private readonly tree: ScopeResolver,
    private readonly jobs: ImportJobsRepository,
    private readonly audit: AuditService,
    private readonly registry: ImportRegistry,
    private readonly securityEvents: SecurityEvents,
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
      // Past the pre-scan, only the worker's own limits (heap, time) can refuse a file: as hostile as a refused upload.
      if (error instanceof HostileWorkbook) await this.recordHostile(error, schoolId, jobId, queued.createdBy);
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
    const actor = await this.uploader(
      scope,
      schoolId,
      queued.createdBy,
      importer.permissionFor?.(queued.params) ?? importer.permission,
    );
    const job: ImportJobContext = {
      schoolId,
      jobId: run.jobId,
      kind: queued.kind,
      fileName: queued.fileName,
      params: queued.params,
      actor,
    };
    const target = await this.db.runWithScope(scope, (em) => importer.open(em, job));
    if (importer.staging) return this.importStaged({ ...run, job, actor, target, staging: importer.staging });
    // The sheet is streamed: each chunk of rows is typed as it comes (readRow), and only the typed rows are kept.
    let errors = new CellErrors(new Map());
    const rows: ImportedRow[] = [];
    let seen = 0;
    const sheet = await readUploadedSheet(
      queued.file,
      {
        layout: importer.layout(target),
        headerRow: importer.headerRow,
        maxRows: importer.maxRows,
        tooManyRows: importer.messages?.tooManyRows ?? tooManyRows(importer.maxRows),
      },
      async (chunk) => {
        if (chunk.kind === 'head') {
          errors = new CellErrors(new Map(chunk.columns));
          await progress({ totalRows: chunk.estimatedRows });
          return;
        }
        for (const e of chunk.cellErrors) errors.atColumn(e.row, e.col, e.header, e.message);
        // Rows to check against the file and the school: the clean ones, or every row read (checkEveryRow).
        for (const source of chunk.rows) {
          const row = importer.readRow(source, errors, target);
          if (row && (importer.checkEveryRow || !errors.hasRow(source.row))) rows.push(row);
          seen++;
        }
        if (crossesProgressStep(seen, chunk.rows.length)) await progress({ processedRows: seen });
      },
    );
    importer.checkIdentity?.(uploadedView(sheet), target);
    if (seen === 0)
      throw new ImportFailure(importer.messages?.noRows ?? 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề');
    if (importer.uniqueColumn) flagDuplicates(rows, importer.uniqueColumn, errors);
    if (importer.checkRows)
      await this.db.runWithScope(scope, (em) => importer.checkRows!(em, job, rows, target, errors));
    await progress({ totalRows: seen, processedRows: seen });
    const notices = errors.notices().map(withoutCol);
    if (errors.count > 0)
      return { ...(await failedOutcome(queued.file, errors, sheet.headerRow, sheet.dataRows)), notices };

    await progress({ status: 'COMMITTING' });
    const counts = await this.db.runWithScope(scope, async (em) => {
      const result = await importer.commit!(em, job, rows, target);
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
    return { status: 'DONE', counts, notices };
  }

  /**
   * The staged path (docs/adr/province-scale-imports.md, decision 4), all in one transaction under the job's school
   * scope: the staging table is created, each streamed chunk is typed and written to it (the runner keeps no row, so
   * memory stays flat whatever the file's length), the checks against the whole file and the school run set-wise in
   * SQL, then either every error is reported and the transaction rolled back, or the rows are written from staging
   * with the job's audit row and committed. The progress is written in transactions of its own, so the page sees it.
   */
  private async importStaged(run: {
    scope: Scope;
    schoolId: string;
    queued: QueuedFile & { file: Buffer };
    importer: Kind;
    progress: ImportProgress;
    job: ImportJobContext;
    actor: Principal;
    target: unknown;
    staging: ImportStaging<unknown, ImportedRow>;
  }): Promise<JobOutcome> {
    const { scope, schoolId, queued, importer, progress, job, actor, target, staging } = run;
    const phases = { started: Date.now(), read: 0, checked: 0 };
    try {
      return await this.db.runWithScope(scope, async (em) => {
        await staging.create(em, job, target);
        let errors = new CellErrors(new Map());
        let seen = 0;
        let writing: Promise<void> = Promise.resolve();
        /**
         * Types a chunk's rows at once, encoding each as it is typed, then queues their write behind the chunks before it (one
         * write at a time, in the sheet's order). Deliberately not async: nothing of the chunk but its encoded bytes
         * outlives this call, so a collection of the young generation during a write never finds the rows alive and
         * promotes them (docs/benchmarks.md, "The import's memory"). Answers once the previous chunk is written: the
         * worker then reads on while this one is written, so the two threads and PostgreSQL work at once and at most
         * two encoded chunks wait. A failure surfaces at the next chunk or at the end.
         */
        const take = (chunk: SheetChunk & { kind: 'rows' }): Promise<void> => {
          for (const e of chunk.cellErrors) errors.atColumn(e.row, e.col, e.header, e.message);
          const encoder = staging.encoder(target);
          for (const source of chunk.rows) {
            const draft = importer.readRow(source, errors, target);
            if (draft) encoder.add({ draft, clean: !errors.hasRow(source.row) });
            seen++;
          }
          const encoded = encoder.finish();
          const reached = seen;
          const progressed = crossesProgressStep(seen, chunk.rows.length);
          const previous = writing;
          writing = previous.then(async () => {
            if (encoded) await staging.write(em, encoded);
            if (progressed) await progress({ processedRows: reached });
          });
          writing.catch(() => undefined);
          return previous;
        };
        const sheet = await readUploadedSheet(
          queued.file,
          {
            layout: importer.layout(target),
            headerRow: importer.headerRow,
            maxRows: importer.maxRows,
            tooManyRows: importer.messages?.tooManyRows ?? tooManyRows(importer.maxRows),
          },
          (chunk) => {
            if (chunk.kind !== 'head') return take(chunk);
            errors = new CellErrors(new Map(chunk.columns));
            return progress({ totalRows: chunk.estimatedRows });
          },
        ).finally(() => writing.catch(() => undefined));
        await writing;
        importer.checkIdentity?.(uploadedView(sheet), target);
        if (seen === 0)
          throw new ImportFailure(importer.messages?.noRows ?? 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề');
        phases.read = Date.now();
        // Reading a long file may take longer than the seal lives: every statement from here reads or writes under RLS.
        await this.db.renewScope(em, scope);
        await staging.check(em, job, target, errors);
        phases.checked = Date.now();
        await progress({ totalRows: seen, processedRows: seen });
        const notices = errors.notices().map(withoutCol);
        if (errors.count > 0) throw new Discarded(errors, sheet.headerRow, sheet.dataRows, notices);

        await progress({ status: 'COMMITTING' });
        await this.db.renewScope(em, scope);
        const counts = await staging.commit(em, job, target);
        await this.audit.record(
          em,
          {
            schoolId,
            entity: 'import_job',
            entityId: job.jobId,
            action: 'CREATE',
            after: { kind: job.kind, ...job.params, fileName: job.fileName, rows: seen, ...counts },
          },
          actor,
        );
        // Where a long file's time goes (docs/benchmarks.md, import-200k): reading and staging, checks, commit.
        this.logger.log(
          {
            jobId: job.jobId,
            rows: seen,
            readAndStageMs: phases.read - phases.started,
            checkMs: phases.checked - phases.read,
            commitMs: Date.now() - phases.checked,
          },
          'staged import committed',
        );
        return { status: 'DONE', counts, notices } satisfies JobOutcome;
      });
    } catch (error) {
      if (!(error instanceof Discarded)) throw error;
      return {
        ...(await failedOutcome(queued.file, error.errors, error.headerRow, error.dataRows)),
        notices: error.notices,
      };
    }
  }

  private async recordHostile(
    error: HostileWorkbook,
    schoolId: string,
    jobId: string,
    userId: string | null,
  ): Promise<void> {
    const detail = { ...error.detail, jobId, uploadedBy: userId, message: error.message };
    await this.securityEvents.record({ kind: 'HOSTILE_UPLOAD', schoolId, detail }).catch((err: unknown) => {
      this.logger.error({ err, jobId }, 'security event not recorded');
    });
  }

  /**
   * The uploader, as they are now: the job's writes are theirs, so an account removed, a role that lost the kind's
   * permission or a move to another school since the upload fails the job.
   */
  private async uploader(
    scope: Scope,
    schoolId: string,
    userId: string | null,
    permission: Permission,
  ): Promise<Principal> {
    const actor = await this.db.runWithScope(scope, (em) => this.jobs.uploader(em, userId));
    if (!actor) throw new ImportFailure(`Không còn tài khoản đã tải tệp lên; ${NOTHING_WRITTEN}.`);
    if (!can(actor.role, permission) || !scopeIncludes(await this.tree.scopeFor(actor.orgUnitId), schoolId)) {
      throw new ImportFailure(
        `${problemTitle('forbidden', 'vi')}: tài khoản đã tải tệp lên không còn quyền nhập tệp này; ${NOTHING_WRITTEN}.`,
      );
    }
    return actor;
  }
}

/**
 * The result of a file with cell errors: nothing written, every error kept in the job, and the uploaded
 * workbook handed back with the bad cells marked (`headerRow`: the sheet's row of column headers).
 */
async function failedOutcome(
  file: Buffer,
  errors: CellErrors,
  headerRow: number,
  dataRows: number,
): Promise<JobOutcome> {
  const all = errors.all();
  const badRows = new Set(all.map((e) => e.row)).size;
  return {
    status: 'FAILED',
    errorCount: all.length,
    errors: all.map(withoutCol),
    errorFile: dataRows <= ERROR_WORKBOOK_MAX_ROWS ? await buildErrorWorkbook(file, all, headerRow) : null,
    message:
      dataRows <= ERROR_WORKBOOK_MAX_ROWS
        ? `Có ${all.length} lỗi ở ${badRows} dòng; chưa ghi dữ liệu nào. Hãy sửa các ô tô đỏ trong tệp lỗi rồi nhập lại.`
        : `Có ${all.length} lỗi ở ${badRows} dòng; chưa ghi dữ liệu nào. Hãy sửa các ô theo danh sách lỗi (dòng, cột) rồi nhập lại.`,
  };
}

/** What an importer's identity check sees of the file: the header texts and the cells of the other sheets. */
function uploadedView(sheet: SheetRead): UploadedSheetView {
  return {
    headers: sheet.headers,
    cellText: (name, row, col) => {
      const cells = sheet.otherSheets[name];
      return cells ? (cells[row - 1]?.[col - 1] ?? '') : undefined;
    },
  };
}

/** A staged file with errors: thrown out of its transaction so that nothing staged or checked is kept. */
class Discarded extends Error {
  constructor(
    readonly errors: CellErrors,
    readonly headerRow: number,
    readonly dataRows: number,
    readonly notices: ReturnType<typeof withoutCol>[],
  ) {
    super('import discarded: the file has errors');
  }
}

function withoutCol({ col: _col, ...located }: LocatedError) {
  return located;
}

/**
 * A value twice in the file's unique column: every later row is marked, naming the first. A row whose value could
 * not be read (null: its cell already has an error) is left out.
 */
function flagDuplicates(rows: ImportedRow[], unique: { key: string; label: string }, errors: CellErrors): void {
  const first = new Map<unknown, number>();
  for (const row of rows) {
    const value = (row as unknown as Record<string, unknown>)[unique.key];
    if (value === null || value === undefined) continue;
    const earlier = first.get(value);
    if (earlier === undefined) first.set(value, row.row);
    else errors.at(row.row, unique.key, `Trùng ${unique.label} với dòng ${earlier}`);
  }
}
