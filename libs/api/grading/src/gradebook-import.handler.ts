import { HttpException, Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '@emis/api/audit';
import { Principal, problemTitle, ProblemException, TenantDb } from '@emis/api/platform';
import {
  CellErrors, dataSheet, ERROR_SUMMARY_HEADER, failedOutcome, ImportFailure, ImportHandler, ImportHandlers, ImportJobContext, inspectXlsx,
  JobOutcome, loadWorkbook, mapColumns, readRows,
} from '@emis/api/transfer-io';
import { EntityManager } from 'typeorm';
import { columnsOf, GradeWriter } from './grade-writer';
import { EntryRecord, GradebookRepository } from './gradebook.repository';
import { GradebookService } from './gradebook.service';
import { commentKey, GradebookRowReader, ImportedRow } from './gradebook-import.rows';
import {
  assertIdentity, assertNoForeignHeaders, findHeaderRow, GRADEBOOK_MAX_ROWS, GradebookIdentity, importLayout, isImported, xlsxColumns,
} from './gradebook-xlsx.layout';

type Counts = { created: number; updated: number; unchanged: number };

/**
 * Runs an uploaded sổ điểm in the import worker, as the list imports run (libs/api/transfer-io): every row is
 * checked first; any wrong cell → nothing written and the same workbook handed back with the bad cells marked.
 * When all is right the cells present in the file overwrite the sheet's in one transaction through GradeWriter (the
 * one way cells are written: averages by libs/domain, history with the reason "Nhập từ Excel: <file>", audit).
 *
 * No version check against the file: only the subject's teacher writes the sheet and the file is their intent; an
 * empty cell leaves a score as it is, and every overwritten value stays in the cell's history. The rows are locked
 * while they are written, so a save from the grid at the same moment waits or meets a version conflict. A value
 * equal to the stored one is no change, so importing the same file twice changes nothing the second time.
 */
@Injectable()
export class GradebookImporter implements ImportHandler, OnModuleInit {
  constructor(
    private readonly handlers: ImportHandlers,
    private readonly db: TenantDb,
    private readonly gradebook: GradebookService,
    private readonly repo: GradebookRepository,
    private readonly writer: GradeWriter,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.handlers.register('GRADEBOOK', this);
  }

  async importFile(job: ImportJobContext): Promise<JobOutcome> {
    const target = identityOf(job.params);
    const actor = job.actor;
    if (!actor) throw new ImportFailure('Không còn tài khoản đã tải tệp lên; không có điểm nào được ghi.');
    await job.progress({ status: 'VALIDATING', processedRows: 0 });
    inspectXlsx(job.file, GRADEBOOK_MAX_ROWS);
    const workbook = await loadWorkbook(job.file);
    const book = await this.db.runWithScope(job.scope, (em) => this.open(em, actor, job.schoolId, target));
    const sheet = dataSheet(workbook);
    const headerRow = findHeaderRow(sheet);
    const columns = xlsxColumns(book.sheet);
    const found = mapColumns(sheet, importLayout(columns), headerRow);
    assertNoForeignHeaders(sheet, headerRow, columns, ERROR_SUMMARY_HEADER);
    assertIdentity(workbook, target, book.describe);
    if (sheet.actualRowCount - headerRow > GRADEBOOK_MAX_ROWS) {
      throw new ImportFailure(`Tệp có quá nhiều dòng: sổ điểm một lớp có tối đa ${GRADEBOOK_MAX_ROWS} học sinh`);
    }
    const errors = new CellErrors(new Map([...found].map(([key, c]) => [key, { col: c.col, header: c.header }])));
    const readable = new Map([...found].filter(([key]) => columns.some((c) => c.key === key && isImported(c))));
    const reader = new GradebookRowReader(book.roster, book.gradeColumns, book.className, errors);
    const rows: ImportedRow[] = [];
    let seen = 0;
    for (const source of readRows(sheet, readable, errors, headerRow)) {
      seen++;
      const row = reader.read(source);
      if (row) rows.push(row);
    }
    if (seen === 0) throw new ImportFailure('Tệp không có dòng học sinh nào dưới dòng tiêu đề');
    await job.progress({ totalRows: seen, processedRows: seen });
    if (errors.count > 0) return failedOutcome(workbook, sheet, errors, headerRow);
    await job.progress({ status: 'COMMITTING' });
    const counts = await this.db.runWithScope(job.scope, (em) => this.commit(em, job, actor, target, rows));
    return { status: 'DONE', counts };
  }

  /** The sheet as the uploader may see it now (access re-checked: an assignment or a lock may have changed). */
  private async open(em: EntityManager, actor: Principal, schoolId: string, target: GradebookIdentity) {
    const { cls, subject, access } = await asFailure(() => this.gradebook.open(em, actor, schoolId, target.classId, target.semester, target.subjectCode));
    await asFailure(async () => this.gradebook.assertWritable(access, target.subjectCode));
    const g = (await this.repo.gradebook(em, schoolId, cls.id, subject.code, target.semester)) ?? { ...this.gradebook.draft(cls, subject, target.semester), id: '' };
    const gradeColumns = columnsOf(g, cls.grade);
    return {
      sheet: { semester: target.semester, scheme: g.scheme, assessment: g.assessment, columns: gradeColumns },
      gradeColumns,
      roster: await this.repo.roster(em, schoolId, cls.id),
      className: cls.name,
      describe: `môn ${subject.name} lớp ${cls.name} học kì ${target.semester === 1 ? 'I' : 'II'}`,
    };
  }

  private async commit(em: EntityManager, job: ImportJobContext, actor: Principal, target: GradebookIdentity, rows: ImportedRow[]): Promise<Counts> {
    const { schoolId } = job;
    const { cls, subject, access } = await asFailure(() => this.gradebook.open(em, actor, schoolId, target.classId, target.semester, target.subjectCode));
    await asFailure(async () => this.gradebook.assertWritable(access, target.subjectCode));
    const ids = rows.map((r) => r.studentId);
    const stored = await this.repo.gradebook(em, schoolId, cls.id, subject.code, target.semester);
    const hasInput = rows.some((r) => Object.keys(r.cells).length > 0 || r.comment !== undefined);
    let writes = 0;
    let created = 0;
    if (stored || hasInput) {
      const at = new Date();
      const g = stored ?? (await this.repo.ensureGradebook(em, schoolId, this.gradebook.draft(cls, subject, target.semester), at));
      const current = await this.repo.entries(em, schoolId, g.id, ids, true);
      const changes = rows.map((r) => ({ studentId: r.studentId, cells: r.cells, comment: commentChange(r.comment, current.get(r.studentId)) }));
      const written = await asFailure(() =>
        this.writer.apply(em, schoolId, g, cls.grade, current, changes, { actor, at, reason: `Nhập từ Excel: ${job.fileName}`, correctionId: null, requestId: null }),
      );
      writes = written.length;
      created = written.filter((w) => !current.has(w.studentId)).length;
    }
    const counts = { created, updated: writes - created, unchanged: rows.length - writes };
    await this.audit.record(em, {
      schoolId, entity: 'import_job', entityId: job.jobId, action: 'CREATE',
      after: { kind: 'GRADEBOOK', ...target, fileName: job.fileName, rows: rows.length, ...counts },
    }, actor);
    return counts;
  }
}

/** A comment cell equal to the stored comment (up to the spacing the sheet reader folds) is no change. */
function commentChange(comment: string | undefined, current: EntryRecord | undefined): string | undefined {
  if (comment === undefined || commentKey(comment) === commentKey(current?.comment)) return undefined;
  return comment;
}

function identityOf(params: Record<string, unknown>): GradebookIdentity {
  const { classId, semester, subjectCode } = params;
  if (typeof classId !== 'string' || (semester !== 1 && semester !== 2) || typeof subjectCode !== 'string') {
    throw new Error('a gradebook import job without its class, semester and subject');
  }
  return { classId, semester, subjectCode };
}

/** A refusal of the API (404, 403, locked, closed year, a concurrent save) fails the job with the API's own words. */
async function asFailure<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof ProblemException) throw new ImportFailure(`${problemTitle(error.code, 'vi')}; không có điểm nào được ghi.`);
    if (error instanceof HttpException) throw new ImportFailure(`${problemTitle(error.getStatus() === 404 ? 'not_found' : 'forbidden', 'vi')}: lớp hoặc môn của sổ điểm; không có điểm nào được ghi.`);
    throw error;
  }
}
