import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { RuleSettingsService } from '@emis/api/academic';
import { AuditService, PersonalDataGuard } from '@emis/api/audit';
import type {
  ClassGradebook,
  GradeRow,
  GradeSaveResult,
  GradeSheet,
  GradeSheetSave,
  SavedGradeRow,
  ScoreChange,
} from '@emis/contracts';
import {
  assertInScope,
  Principal,
  ProblemException,
  RawFieldError,
  Scope,
  TenantDb,
  ValidationProblem,
} from '@emis/api/platform';
import { schemeFor, SCHEME_VERSIONS, withDefaults, yearSubjectResult } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { columnsOf, conflictOf, GradeWriter, parseRowCells, prepareWrite, subjectOf } from './grade-writer';
import {
  ClassContext,
  CurriculumSubject,
  EntryRecord,
  EntryWrite,
  GradebookRecord,
  GradebookRepository,
  GradingClass,
  LockCover,
  RosterStudent,
} from './gradebook.repository';
import { GradingEvents } from './grading-events';

/** What the caller may do with a class's gradebook. */
export interface GradingAccess {
  readable: boolean;
  homeroom: boolean;
  /** Subjects whose sheet the caller may write this semester (their teaching assignments). */
  teaches: Set<string>;
  locked: boolean;
  /** Every lock reaching the class's semester (issue 16: by grade, class, subject or column). */
  locks: LockCover[];
  yearWritable: boolean;
  /** The class's teachers this semester, by subject code. */
  teachers: Map<string, { staffId: string; name: string }>;
}

/**
 * The teacher's gradebook: the class overview, one subject's sheet, saves with optimistic versions and idempotency
 * keys, and each cell's history. A teacher reads the classes they teach or lead and writes only the subjects of their
 * assignments; the principal and the department read; nobody writes a locked semester or a closed year.
 */
@Injectable()
export class GradebookService {
  constructor(
    private readonly repo: GradebookRepository,
    private readonly writer: GradeWriter,
    private readonly db: TenantDb,
    private readonly events: GradingEvents,
    private readonly audit: AuditService,
    private readonly rules: RuleSettingsService,
    private readonly guard: PersonalDataGuard,
  ) {}

  async overview(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    semester: 1 | 2,
  ): Promise<ClassGradebook> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const { cls, access } = await this.openClass(em, actor, schoolId, classId, semester);
      const teachers = access.teachers;
      const subjects = await this.repo.curriculum(em, cls.grade);
      return {
        classId,
        className: cls.name,
        grade: cls.grade,
        schoolYearId: cls.schoolYearId,
        schoolYearCode: cls.schoolYearCode,
        semester,
        scheme: schemeFor(cls.schoolYearCode, cls.grade),
        locked: access.locked,
        homeroom: access.homeroom,
        subjects: subjects.map((s) => ({
          code: s.code,
          name: s.name,
          nameEn: s.nameEn,
          assessment: s.assessment,
          periodsPerYear: s.periodsPerYear,
          teacherStaffId: teachers.get(s.code)?.staffId ?? null,
          teacherName: teachers.get(s.code)?.name ?? null,
          editable: mayWrite(access, s.code),
          readable: true,
        })),
      };
    });
  }

  /**
   * The sheet a user opens: pupils' scores, so the read is audited (one READ row naming the pupils shown; Decree
   * 356/2025/NĐ-CP, docs/domain/personal-data.md). The export reads `sheet` and audits itself as an EXPORT.
   */
  async readSheet(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    semester: 1 | 2,
    subjectCode: string,
  ): Promise<GradeSheet> {
    return this.db.run(async (em) => {
      const sheet = await this.sheet(scope, actor, schoolId, classId, semester, subjectCode);
      // Names with birth dates and scores: charged to the reader's read budget (docs/security/guard.md) — a teacher
      // re-opening her own classes' sheets re-reads pupils already counted, which costs nothing.
      await this.guard.releaseList(
        em,
        {
          kind: 'STUDENT',
          schoolId,
          entity: 'gradebook',
          entityId: sheet.gradebookId ?? `${classId}:${subjectCode}:${semester}`,
          ids: sheet.rows.map((r) => r.studentId),
          filter: { classId, subjectCode, semester },
        },
        actor,
      );
      return sheet;
    });
  }

  async sheet(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    semester: 1 | 2,
    subjectCode: string,
  ): Promise<GradeSheet> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const {
        cls,
        subject,
        access,
        gradebook: stored,
      } = await this.open(em, actor, schoolId, classId, semester, subjectCode);
      const g = stored ?? { ...this.draft(cls, subject, semester), id: '' };
      const roster = await this.repo.roster(em, schoolId, classId);
      const entries = stored ? await this.repo.entries(em, schoolId, stored.id) : new Map<string, EntryRecord>();
      const rows = await this.rowsOf(em, schoolId, cls, g, roster, entries);
      return {
        gradebookId: stored?.id ?? null,
        classId,
        subjectCode,
        subjectName: subject.name,
        semester,
        scheme: g.scheme,
        schemeVersion: g.schemeVersion,
        assessment: g.assessment,
        periodsPerYear: g.periodsPerYear,
        columns: columnsOf(g, cls.grade),
        editable: mayWrite(access, subjectCode),
        locked: access.locked,
        lockedColumns: lockedColumns(access, subjectCode),
        // The grid averages as it types with the year's reading of a missed assessment, as GradeWriter stores it.
        missingAssessment: (await this.rules.forYearCode(em, cls.schoolYearCode)).missingAssessment,
        rows,
      };
    });
  }

  /**
   * Saves a sheet's changed cells in one transaction. A retry with the same requestId returns the first answer; a
   * row changed by someone else since the version it was based on refuses the whole save with 409 and their values.
   * A duplicate sent while the first is still running waits on the first's row locks at the upsert, then finds
   * newer versions — and, before answering 409, the first's kept answer, which it returns instead.
   * Answers the GradeSaveResult as JSON text: the text kept for retries is the one sent, serialised once.
   */
  async save(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    semester: 1 | 2,
    subjectCode: string,
    body: GradeSheetSave,
  ): Promise<string> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      // One round trip for the context, the kept answer, the class list, the rows' current entries, semester I's
      // results and the year's rule settings (docs/benchmarks.md, "grade-save").
      const inputs = await this.repo.saveContext(
        em,
        schoolId,
        classId,
        semester,
        actor.userId,
        subjectCode,
        body.requestId,
        body.rows.map((r) => r.studentId),
      );
      if (!inputs) throw new NotFoundException();
      const { cls, subject, access, gradebook } = await this.openedIn(em, inputs.context, actor, subjectCode);
      this.assertWritable(access, subjectCode);
      const at = new Date();
      const g = gradebook ?? (await this.repo.ensureGradebook(em, schoolId, this.draft(cls, subject, semester), at));
      if (inputs.kept) return JSON.stringify(replayOf(inputs.kept, g.id, actor));
      const { roster, current } = inputs;
      const { parsed, errors } = parseRowCells(columnsOf(g, cls.grade), body.rows, 'rows');
      errors.push(
        ...rosterErrors(
          roster,
          body.rows.map((r) => r.studentId),
        ),
      );
      if (errors.length) throw new ValidationProblem(errors);
      assertColumnsOpen(access, subjectCode, body.rows, parsed, current);
      let kept: boolean;
      let answer: string;
      try {
        // Read without row locks: the write stores a row only over the version read here, so a row changed in
        // between is refused there (409) — the same guarantee without locking 45 rows first (measured: bench).
        const conflicts = body.rows
          .filter((r) => (current.get(r.studentId)?.version ?? 0) !== r.version)
          .map((r) => conflictOf(r.studentId, current.get(r.studentId)));
        if (conflicts.length)
          throw new ProblemException(HttpStatus.CONFLICT, 'grade_conflict', undefined, { conflicts });
        const changes = body.rows.map((r) => ({
          studentId: r.studentId,
          cells: parsed.get(r.studentId) ?? {},
          comment: r.comment,
        }));
        const { missingAssessment } = withDefaults(cls.schoolYearCode, inputs.ruleSettings);
        const prepared = prepareWrite(g, cls.grade, current, changes, missingAssessment);
        const saved = new Map(
          prepared.writes.map((w) => [
            w.studentId,
            { ...w, updatedAt: at.toISOString(), updatedByName: actor.fullName },
          ]),
        );
        const result: GradeSaveResult = {
          savedAt: at.toISOString(),
          rows: savedRows(g, roster, saved, inputs.semester1),
        };
        answer = JSON.stringify(result);
        const meta = { actor, at, reason: null, correctionId: null, requestId: body.requestId };
        // The rows, their history, the kept answer, the audit entry and the results event in one statement; nothing
        // of it when a row was lost.
        const write = await this.repo.writeSave(
          em,
          schoolId,
          g.id,
          prepared.writes,
          prepared.history,
          { actorId: actor.userId, actorName: actor.fullName, at, requestId: body.requestId, response: answer },
          prepared.writes.length
            ? {
                audit: this.writer.auditPart(schoolId, g.id, prepared, meta),
                event: this.events.resultsChangedPart(schoolId, classId, at),
              }
            : undefined,
        );
        await this.writer.refuseLost(em, schoolId, g.id, prepared.writes, write.written);
        kept = write.kept;
      } catch (error) {
        const first =
          error instanceof ProblemException && error.code === 'grade_conflict'
            ? await this.repo.savedRequest(em, schoolId, body.requestId)
            : undefined;
        if (first) return JSON.stringify(replayOf(first, g.id, actor));
        throw error;
      }
      // Two retries of one request that change nothing both get here: the later one answers what the first kept.
      if (!kept) {
        const first = await this.repo.savedRequest(em, schoolId, body.requestId);
        if (first) return JSON.stringify(replayOf(first, g.id, actor));
      }
      return answer;
    });
  }

  async history(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    classId: string,
    semester: 1 | 2,
    subjectCode: string,
    studentId?: string,
    column?: string,
  ): Promise<ScoreChange[]> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const { gradebook: g } = await this.open(em, actor, schoolId, classId, semester, subjectCode);
      const changes = g ? await this.repo.history(em, schoolId, g.id, studentId, column) : [];
      if (g)
        await this.audit.recordRead(
          em,
          {
            schoolId,
            entity: 'gradebook',
            entityId: g.id,
            ids: [...new Set(changes.map((c) => c.studentId))],
            filter: { history: true, ...(studentId ? { studentId } : {}), ...(column ? { column } : {}) },
          },
          actor,
        );
      return changes;
    });
  }

  /** The class, the subject of its curriculum, its gradebook if opened, and the caller's access; 404/403 otherwise. */
  async open(
    em: EntityManager,
    actor: Principal,
    schoolId: string,
    classId: string,
    semester: 1 | 2,
    subjectCode: string,
  ) {
    const ctx = await this.repo.context(em, schoolId, classId, semester, actor.userId, subjectCode);
    return this.openedIn(em, ctx, actor, subjectCode);
  }

  /** `open` of a context already read (the save reads it with its inputs). */
  private async openedIn(em: EntityManager, ctx: ClassContext | undefined, actor: Principal, subjectCode: string) {
    checkedContext(ctx);
    const subject = (await this.repo.curriculum(em, ctx.cls.grade)).find((s) => s.code === subjectCode);
    if (!subject) throw new NotFoundException();
    const access = accessFrom(actor, ctx);
    if (!access.readable) throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden');
    return { cls: ctx.cls, subject, access, gradebook: ctx.gradebook };
  }

  async classOf(em: EntityManager, schoolId: string, classId: string): Promise<GradingClass> {
    const cls = await this.repo.classOf(em, schoolId, classId);
    if (!cls) throw new NotFoundException();
    if (!schemeFor(cls.schoolYearCode, cls.grade))
      throw new ProblemException(HttpStatus.NOT_FOUND, 'no_assessment_scheme');
    return cls;
  }

  /** The class and the caller's access to it, for pages of no particular subject (overview, conduct, results); 403/404. */
  async openClass(
    em: EntityManager,
    actor: Principal,
    schoolId: string,
    classId: string,
    semester: 1 | 2,
  ): Promise<{ cls: GradingClass; access: GradingAccess }> {
    const ctx = await this.contextOf(em, actor, schoolId, classId, semester, null);
    const access = accessFrom(actor, ctx);
    if (!access.readable) throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden');
    return { cls: ctx.cls, access };
  }

  private async contextOf(
    em: EntityManager,
    actor: Principal,
    schoolId: string,
    classId: string,
    semester: 1 | 2,
    subjectCode: string | null,
  ): Promise<ClassContext> {
    const ctx = await this.repo.context(em, schoolId, classId, semester, actor.userId, subjectCode);
    checkedContext(ctx);
    return ctx;
  }

  assertWritable(access: GradingAccess, subjectCode: string): void {
    if (!access.teaches.has(subjectCode)) throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden');
    if (!access.yearWritable) throw new ProblemException(HttpStatus.CONFLICT, 'year_closed');
    if (access.locked || sheetLocked(access, subjectCode))
      throw new ProblemException(HttpStatus.LOCKED, 'gradebook_locked');
  }

  /** The gradebook a first save will open: the scheme of the class's year and grade, the curriculum's periods. */
  draft(cls: GradingClass, subject: CurriculumSubject, semester: 1 | 2): Omit<GradebookRecord, 'id'> {
    const scheme = schemeFor(cls.schoolYearCode, cls.grade)!;
    return {
      classId: cls.id,
      subjectCode: subject.code,
      semester,
      scheme,
      schemeVersion: SCHEME_VERSIONS[scheme],
      assessment: subject.assessment,
      periodsPerYear: subject.periodsPerYear,
      yearCode: cls.schoolYearCode,
    };
  }

  /** Sheet rows; semester II rows also carry semester I's result and the year's (Circular 22 Art. 9: ĐTBmcn). */
  async rowsOf(
    em: EntityManager,
    schoolId: string,
    cls: GradingClass,
    g: Omit<GradebookRecord, 'id'>,
    students: RosterStudent[],
    entries: Map<string, EntryRecord>,
    fullRoster: RosterStudent[] = students,
  ): Promise<GradeRow[]> {
    const hk1Book = g.semester === 2 ? await this.repo.gradebook(em, schoolId, cls.id, g.subjectCode, 1) : undefined;
    const hk1 = hk1Book ? await this.repo.entries(em, schoolId, hk1Book.id) : new Map<string, EntryRecord>();
    return this.rowsFrom(cls, g, students, entries, hk1, fullRoster);
  }

  /** rowsOf with semester I's results already read. */
  rowsFrom(
    cls: GradingClass,
    g: Omit<GradebookRecord, 'id'>,
    students: RosterStudent[],
    entries: Map<string, EntryRecord>,
    hk1: Map<string, Pick<EntryRecord, 'average' | 'rating'>>,
    fullRoster: RosterStudent[] = students,
  ): GradeRow[] {
    const ordinal = new Map(fullRoster.map((s, i) => [s.studentId, i + 1]));
    return students.map((s) => {
      const e = entries.get(s.studentId);
      const row: GradeRow = {
        studentId: s.studentId,
        ordinal: ordinal.get(s.studentId) ?? 0,
        fullName: s.fullName,
        dateOfBirth: s.dateOfBirth,
        cells: e?.cells ?? {},
        comment: e?.comment ?? null,
        average: e?.average ?? null,
        rating: e?.rating ?? null,
        version: e?.version ?? 0,
        updatedAt: e?.updatedAt ?? null,
        updatedByName: e?.updatedByName ?? null,
      };
      if (g.semester === 2) withYear(g, row, hk1.get(s.studentId));
      return row;
    });
  }
}

/** 404 for a class not found (or not the caller's to see) and for a year and grade no assessment scheme covers. */
function checkedContext(ctx: ClassContext | undefined): asserts ctx is ClassContext {
  if (!ctx) throw new NotFoundException();
  if (!schemeFor(ctx.cls.schoolYearCode, ctx.cls.grade))
    throw new ProblemException(HttpStatus.NOT_FOUND, 'no_assessment_scheme');
}

/** A teacher reads the classes they teach or lead and writes their own subjects; other roles read. */
function accessFrom(actor: Principal, ctx: ClassContext): GradingAccess {
  const base = {
    locked: ctx.locked,
    locks: ctx.locks,
    yearWritable: ctx.cls.yearStatus !== 'CLOSED',
    teachers: ctx.teachers,
  };
  if (actor.role !== 'TEACHER') return { ...base, readable: true, homeroom: false, teaches: new Set() };
  const staffId = ctx.staffId;
  if (!staffId) return { ...base, readable: false, homeroom: false, teaches: new Set() };
  const teaches = new Set([...ctx.teachers].filter(([, t]) => t.staffId === staffId).map(([code]) => code));
  const homeroom = ctx.cls.homeroomStaffId === staffId;
  return { ...base, readable: homeroom || ctx.teachesClass, homeroom, teaches };
}

/** A semester II row also carries semester I's result and the year's (Circular 22 Art. 9: ĐTBmcn). */
function withYear(
  g: Omit<GradebookRecord, 'id'>,
  row: Pick<GradeRow, 'average' | 'rating' | 'semester1' | 'year'>,
  first: Pick<EntryRecord, 'average' | 'rating'> | undefined,
): void {
  row.semester1 = { average: first?.average ?? null, rating: first?.rating ?? null };
  const year = yearSubjectResult(
    g.scheme,
    subjectOf(g as GradebookRecord),
    { ...row.semester1, missing: [] },
    { average: row.average, rating: row.rating, missing: [] },
  );
  row.year = { average: year.average, rating: year.rating };
}

/**
 * The saved rows as the save answers them and keeps them for retries, in the class list's order: without the pupil's
 * place, name and birth date (docs/adr/idempotent-versioned-saves.md, "A compact answer").
 */
function savedRows(
  g: Omit<GradebookRecord, 'id'>,
  roster: readonly string[],
  saved: Map<string, EntryWrite & Pick<SavedGradeRow, 'updatedAt' | 'updatedByName'>>,
  hk1: Map<string, Pick<EntryRecord, 'average' | 'rating'>>,
): SavedGradeRow[] {
  const rows: SavedGradeRow[] = [];
  for (const studentId of roster) {
    const e = saved.get(studentId);
    if (!e) continue;
    const row: SavedGradeRow = {
      studentId,
      cells: e.cells,
      comment: e.comment,
      average: e.average,
      rating: e.rating,
      version: e.version,
      updatedAt: e.updatedAt,
      updatedByName: e.updatedByName,
    };
    if (g.semester === 2) withYear(g, row, hk1.get(studentId));
    rows.push(row);
  }
  return rows;
}

/** The first answer to a request id — only to the same user, for the same gradebook. */
function replayOf(
  kept: { gradebookId: string; userId: string | null; response: unknown },
  gradebookId: string,
  actor: Principal,
): GradeSaveResult {
  if (kept.gradebookId !== gradebookId || kept.userId !== actor.userId)
    throw new ProblemException(HttpStatus.CONFLICT, 'request_reused');
  return kept.response as GradeSaveResult;
}

export function mayWrite(access: GradingAccess, subjectCode: string): boolean {
  return access.teaches.has(subjectCode) && access.yearWritable && !sheetLocked(access, subjectCode);
}

/** A lock with no column, of every subject or this one, locks the whole sheet (docs/domain/gradebook.md). */
export function sheetLocked(access: Pick<GradingAccess, 'locks'>, subjectCode: string): boolean {
  return access.locks.some((l) => l.columnKey === null && (l.subjectCode === null || l.subjectCode === subjectCode));
}

/** The sheet's locked assessment columns with the principal's reason (the grid shows them read-only). */
export function lockedColumns(
  access: Pick<GradingAccess, 'locks'>,
  subjectCode: string,
): { key: string; reason: string | null }[] {
  return access.locks
    .filter((l) => l.columnKey !== null && (l.subjectCode === null || l.subjectCode === subjectCode))
    .map((l) => ({ key: l.columnKey as string, reason: l.reason }));
}

/**
 * A save that changes a value of a locked column is refused whole (423), as a locked sheet is. The answer names every
 * locked column of the sheet (with the principal's reason), so the grid makes just those read-only and keeps the
 * rest editable.
 */
export function assertColumnsOpen(
  access: GradingAccess,
  subjectCode: string,
  rows: { studentId: string }[],
  parsed: Map<string, Record<string, unknown>>,
  current: Map<string, { cells: Record<string, unknown> } | undefined>,
): void {
  const locks = lockedColumns(access, subjectCode);
  if (!locks.length) return;
  const changesLocked = rows.some((r) => {
    const cells = parsed.get(r.studentId) ?? {};
    const before = current.get(r.studentId)?.cells ?? {};
    return locks.some(({ key }) => key in cells && (cells[key] ?? null) !== (before[key] ?? null));
  });
  if (changesLocked)
    throw new ProblemException(HttpStatus.LOCKED, 'gradebook_column_locked', undefined, { lockedColumns: locks });
}

function rosterErrors(roster: readonly string[], studentIds: string[]): RawFieldError[] {
  const enrolled = new Set(roster);
  const seen = new Set<string>();
  const errors: RawFieldError[] = [];
  studentIds.forEach((id, i) => {
    if (!enrolled.has(id)) errors.push({ field: `rows.${i}.studentId`, rule: 'notInClass', args: [] });
    else if (seen.has(id)) errors.push({ field: `rows.${i}.studentId`, rule: 'duplicate', args: [] });
    seen.add(id);
  });
  return errors;
}
