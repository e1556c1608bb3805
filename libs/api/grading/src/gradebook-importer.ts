import { HttpException, Injectable, OnModuleInit } from '@nestjs/common';
import { problemTitle, ProblemException } from '@emis/api/platform';
import {
  CellErrors,
  ImportCounts,
  ImportFailure,
  Importer,
  ImportJobContext,
  ImportLayout,
  ImportRegistry,
  SheetRow,
  UploadedSheetView,
} from '@emis/api/spreadsheets';
import { EntityManager } from 'typeorm';
import { columnsOf, GradeWriter } from './grade-writer';
import { EntryRecord, GradebookRepository } from './gradebook.repository';
import { assertColumnsOpen, GradebookService, lockedColumns } from './gradebook.service';
import { commentKey, GradebookRowReader, ImportedRow } from './gradebook-import.rows';
import { GradebookXlsxRepository } from './gradebook-xlsx.repository';
import {
  assertIdentity,
  assertNoForeignHeaders,
  GRADEBOOK_MAX_ROWS,
  GradebookIdentity,
  importLayout,
  STUDENT_CODE_HEADER,
  XlsxColumn,
  xlsxColumns,
} from './gradebook-xlsx.layout';
import { GradingEvents } from './grading-events';

/** The sổ điểm the job writes, as its uploader may see it when the job runs. */
interface OpenBook {
  identity: GradebookIdentity;
  columns: XlsxColumn[];
  /** "môn Toán lớp 6A học kì I", as the identity check's messages name the book. */
  describe: string;
  /** One reader per job: it remembers the rows of the pupils already read (a pupil twice is an error). */
  reader: GradebookRowReader;
}

/**
 * Imports an uploaded sổ điểm (kind GRADEBOOK), run by the one import runner like the lists: every row is checked
 * first; any wrong cell → nothing written and the same workbook handed back with the bad cells marked. When all is
 * right the cells present in the file overwrite the sheet's in one transaction through GradeWriter (the one way
 * cells are written: averages by libs/domain, history with the reason "Nhập từ Excel: <file>", audit).
 *
 * A value in a column the principal locked that differs from the stored one is a cell error ("Cột TX2 đã khoá"), so the
 * file is refused whole like any other error; unchanged values there (an exported sheet re-imported) are no change.
 *
 * No version check against the file: only the subject's teacher writes the sheet and the file is their intent; an
 * empty cell leaves a score as it is, and every overwritten value stays in the cell's history. The rows are locked
 * while they are written, so a save from the grid at the same moment waits or meets a version conflict. A value
 * equal to the stored one is no change, so importing the same file twice changes nothing the second time.
 */
@Injectable()
export class GradebookImporter implements Importer<OpenBook, ImportedRow>, OnModuleInit {
  readonly kind = 'GRADEBOOK';
  readonly permission = 'grades.enter';
  readonly maxRows = GRADEBOOK_MAX_ROWS;
  readonly headerRow = {
    anchor: STUDENT_CODE_HEADER,
    notFound: `Tệp không đúng mẫu sổ điểm: không thấy dòng tiêu đề có cột "${STUDENT_CODE_HEADER}". Hãy xuất sổ điểm từ hệ thống và giữ nguyên các dòng tiêu đề.`,
  };
  readonly messages = {
    noRows: 'Tệp không có dòng học sinh nào dưới dòng tiêu đề',
    tooManyRows: `Tệp có quá nhiều dòng: sổ điểm một lớp có tối đa ${GRADEBOOK_MAX_ROWS} học sinh`,
  };

  constructor(
    private readonly registry: ImportRegistry,
    private readonly gradebook: GradebookService,
    private readonly repo: GradebookRepository,
    private readonly writer: GradeWriter,
    private readonly events: GradingEvents,
    private readonly xlsx: GradebookXlsxRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  /** The sheet as the uploader may see it now (access re-checked: an assignment or a lock may have changed). */
  async open(em: EntityManager, job: ImportJobContext): Promise<OpenBook> {
    const target = identityOf(job.params);
    const { cls, subject, access } = await asFailure(() =>
      this.gradebook.open(em, job.actor, job.schoolId, target.classId, target.semester, target.subjectCode),
    );
    await asFailure(async () => this.gradebook.assertWritable(access, target.subjectCode));
    const g = (await this.repo.gradebook(em, job.schoolId, cls.id, subject.code, target.semester)) ?? {
      ...this.gradebook.draft(cls, subject, target.semester),
      id: '',
    };
    const gradeColumns = columnsOf(g, cls.grade);
    const roster = await this.repo.roster(em, job.schoolId, cls.id);
    const ids = await this.xlsx.personalIds(
      em,
      job.schoolId,
      roster.map((s) => s.studentId),
    );
    const pupils = roster.map((s) => ({ ...s, personalId: ids.get(s.studentId) ?? '' }));
    // The principal's column locks (docs/domain/gradebook.md, "Locks"): a changed value there is a cell error.
    const locked = lockedColumns(access, target.subjectCode);
    const stored: Map<string, EntryRecord> =
      locked.length && g.id ? await this.repo.entries(em, job.schoolId, g.id) : new Map();
    return {
      identity: target,
      columns: xlsxColumns({
        semester: target.semester,
        scheme: g.scheme,
        assessment: g.assessment,
        columns: gradeColumns,
      }),
      reader: new GradebookRowReader(pupils, gradeColumns, cls.name, {
        columns: locked,
        stored: new Map([...stored].map(([id, e]) => [id, e.cells])),
      }),
      describe: `môn ${subject.name} lớp ${cls.name} học kì ${target.semester === 1 ? 'I' : 'II'}`,
    };
  }

  layout(book: OpenBook): ImportLayout {
    return importLayout(book.columns);
  }

  /** Same columns are not enough: two subjects (or semesters) often share them, so the file must name this book. */
  checkIdentity(file: UploadedSheetView, book: OpenBook): void {
    assertNoForeignHeaders(file.headers, book.columns);
    assertIdentity(file, book.identity, book.describe);
  }

  readRow(source: SheetRow, errors: CellErrors, book: OpenBook): ImportedRow | null {
    return book.reader.read(source, errors);
  }

  /** Access is checked once more in the writing transaction itself. */
  async commit(em: EntityManager, job: ImportJobContext, rows: ImportedRow[], book: OpenBook): Promise<ImportCounts> {
    const { schoolId, actor } = job;
    const target = book.identity;
    const { cls, subject, access } = await asFailure(() =>
      this.gradebook.open(em, actor, schoolId, target.classId, target.semester, target.subjectCode),
    );
    await asFailure(async () => this.gradebook.assertWritable(access, target.subjectCode));
    const ids = rows.map((r) => r.studentId);
    const stored = await this.repo.gradebook(em, schoolId, cls.id, subject.code, target.semester);
    const hasInput = rows.some((r) => Object.keys(r.cells).length > 0 || r.comment !== undefined);
    let writes = 0;
    let created = 0;
    if (stored || hasInput) {
      const at = new Date();
      const g =
        stored ??
        (await this.repo.ensureGradebook(em, schoolId, this.gradebook.draft(cls, subject, target.semester), at));
      const current = await this.repo.entries(em, schoolId, g.id, ids, true);
      // A column locked since the rows were checked: nothing is written (the import is all or nothing).
      await asFailure(async () =>
        assertColumnsOpen(access, target.subjectCode, rows, new Map(rows.map((r) => [r.studentId, r.cells])), current),
      );
      const changes = rows.map((r) => ({
        studentId: r.studentId,
        cells: r.cells,
        comment: commentChange(r.comment, current.get(r.studentId)),
      }));
      const written = await asFailure(() =>
        this.writer.apply(em, schoolId, g, cls.grade, current, changes, {
          actor,
          at,
          reason: `Nhập từ Excel: ${job.fileName}`,
          correctionId: null,
          requestId: null,
        }),
      );
      writes = written.length;
      if (writes) await this.events.resultsChanged(em, schoolId, cls.id);
      created = written.filter((w) => !current.has(w.studentId)).length;
    }
    return { created, updated: writes - created, unchanged: rows.length - writes };
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
    if (error instanceof ProblemException)
      throw new ImportFailure(`${problemTitle(error.code, 'vi')}; không có điểm nào được ghi.`);
    if (error instanceof HttpException)
      throw new ImportFailure(
        `${problemTitle(error.getStatus() === 404 ? 'not_found' : 'forbidden', 'vi')}: lớp hoặc môn của sổ điểm; không có điểm nào được ghi.`,
      );
    throw error;
  }
}
