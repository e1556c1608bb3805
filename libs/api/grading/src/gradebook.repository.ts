import { Injectable } from '@nestjs/common';
import type { CellValue, GradeLevel, ProvinceRuleSettings, RatingCode, Scheme } from '@emis/domain';
import type { ScoreChange } from '@emis/contracts';
import { prepared, PreparedSql, sqlExec, sqlRow, sqlRows, SqlPart } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** A class as the gradebook needs it. */
export interface GradingClass {
  id: string;
  name: string;
  grade: GradeLevel;
  schoolYearId: string;
  schoolYearCode: string;
  yearStatus: 'PLANNED' | 'OPEN' | 'CLOSED';
  homeroomStaffId: string | null;
}

/** A lock covering the class's semester (any scope reaching it), as the context query reads it. */
export interface LockCover {
  subjectCode: string | null;
  columnKey: string | null;
  reason: string | null;
}

export interface ClassContext {
  cls: GradingClass;
  /** The sheet (or, with no subject, the class's semester as a whole) is locked: a lock with no column covers it. */
  locked: boolean;
  /** Every lock reaching the class's semester: school, grade or class scope, any subject or column. */
  locks: LockCover[];
  staffId: string | null;
  teachers: Map<string, { staffId: string; name: string }>;
  teachesClass: boolean;
  gradebook: GradebookRecord | undefined;
}

export interface CurriculumSubject {
  code: string;
  name: string;
  nameEn: string;
  assessment: 'SCORE' | 'COMMENT';
  periodsPerYear: number;
}

export interface GradebookRecord {
  id: string;
  classId: string;
  subjectCode: string;
  semester: 1 | 2;
  scheme: Scheme;
  schemeVersion: string;
  assessment: 'SCORE' | 'COMMENT';
  periodsPerYear: number;
  /** The class's school year: Circular 58 books changed layout from 2020-21 (Circular 26/2020). */
  yearCode: string;
}

export interface RosterStudent {
  studentId: string;
  fullName: string;
  dateOfBirth: string;
  gender: 'MALE' | 'FEMALE';
}

export interface EntryRecord {
  studentId: string;
  cells: Record<string, CellValue>;
  comment: string | null;
  average: number | null;
  rating: RatingCode | null;
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface EntryWrite {
  studentId: string;
  cells: Record<string, CellValue>;
  comment: string | null;
  average: number | null;
  rating: RatingCode | null;
  version: number;
}

export interface CellChange {
  studentId: string;
  column: string;
  oldValue: unknown;
  newValue: unknown;
}

/** A class with its school year (academic_class). */
interface GradingClassRow {
  id: string;
  name: string;
  grade: GradeLevel;
  school_year_id: string;
  code: string;
  status: GradingClass['yearStatus'];
  homeroom_staff_id: string | null;
}

/** A subject of a grade's curriculum (academic_curriculum). */
interface CurriculumRow {
  code: string;
  name: string;
  name_en: string;
  assessment: CurriculumSubject['assessment'];
  periods_per_year: number;
}

/** A gradebook with its class's year code (GRADEBOOK); semester is a smallint (1 or 2), periods_per_year an integer. */
interface GradebookRow {
  school_id: string;
  id: string;
  class_id: string;
  subject_code: string;
  semester: 1 | 2;
  scheme: Scheme;
  scheme_version: string;
  assessment: GradebookRecord['assessment'];
  periods_per_year: number;
  year_code: string;
}

/** The context query's one row: the class, then the lock, the caller's staff id, the teachers (json) and the gradebook (jsonb, GradebookRow's keys). */
interface ClassContextRow extends GradingClassRow {
  locks: LockCover[];
  staff_id: string | null;
  teachers: { code: string; staffId: string; name: string }[];
  teaches_class: boolean;
  gradebook: GradebookRow | null;
}

/** A pupil of the class list (people_class_roster), the birth date read as text. */
interface RosterRow {
  id: string;
  full_name: string;
  dob: string;
  gender: RosterStudent['gender'];
}

/** A row of grade_entry; average (numeric) is read as float8 so it comes back a number. */
interface EntryRow {
  student_id: string;
  cells: Record<string, CellValue>;
  comment: string | null;
  average: number | null;
  rating: RatingCode | null;
  version: number;
  updated_at: Date;
  updated_by_name: string | null;
}

interface ClassEntryRow extends EntryRow {
  gradebook_id: string;
}

/** A row of grade_change; old and new values are jsonb (a cell's value, or the comment's text). */
interface CellChangeRow {
  student_id: string;
  column_key: string;
  old_value: ScoreChange['oldValue'];
  new_value: ScoreChange['newValue'];
  changed_at: Date;
  changed_by_name: string | null;
  reason: string | null;
  correction_id: string | null;
}

/** A kept save answer (grade_save_request); response is the jsonb the save returned. */
interface SavedRequestRow {
  gradebook_id: string;
  user_id: string | null;
  response: unknown;
}

/** What a save reads in one round trip (saveContext). */
export interface SaveContext {
  context: ClassContext;
  kept: { gradebookId: string; userId: string | null; response: unknown } | undefined;
  /** The class list's pupils in its order (ids only: a save's answer names no pupil). */
  roster: string[];
  current: Map<string, EntryRecord>;
  semester1: Map<string, { average: number | null; rating: RatingCode | null }>;
  /** The department's stored rule settings of the class's year, null when never set (withDefaults fills them). */
  ruleSettings: Partial<ProvinceRuleSettings> | null;
}

/** saveContext's one row: the context's columns, then json arrays (entries' updated_at as JSON text) and jsonb. */
interface SaveContextRow extends ClassContextRow {
  kept: SavedRequestRow | null;
  roster: string[];
  entries: (Omit<EntryRow, 'updated_at'> & { updated_at: string | null })[];
  semester1: { student_id: string; average: number | null; rating: RatingCode | null }[];
  rule_settings: Partial<ProvinceRuleSettings> | null;
}

const NAME_ORDER = `st.given_name collate "vi-x-icu", st.middle_name collate "vi-x-icu", st.family_name collate "vi-x-icu", st.student_id`;

/**
 * Every query of the gradebook tables. `school_id = $1` leads every WHERE so Citus routes to one shard. What other
 * contexts own is read through their named views (academic_class, academic_teaching_assignment, academic_curriculum,
 * people_class_roster, staff_member, identity_user_staff: docs/adr/table-ownership-and-events.md), which PostgreSQL
 * inlines, so the context query stays one query with the plan it had on the tables.
 */
@Injectable()
export class GradebookRepository {
  async classOf(em: EntityManager, schoolId: string, classId: string): Promise<GradingClass | undefined> {
    const r = await sqlRow<GradingClassRow>(
      em,
      `select c.id, c.name, c.grade, c.school_year_id, c.year_code as code, c.year_status as status, c.homeroom_staff_id
         from academic_class c where c.school_id = $1 and c.id = $2`,
      [schoolId, classId],
    );
    return r ? toClass(r) : undefined;
  }

  /** Every class of the school, of every year (the reporting facts walk them). */
  async classesOfSchool(em: EntityManager, schoolId: string): Promise<GradingClass[]> {
    const rows = await sqlRows<GradingClassRow>(
      em,
      `select c.id, c.name, c.grade, c.school_year_id, c.year_code as code, c.year_status as status, c.homeroom_staff_id
         from academic_class c where c.school_id = $1 order by c.id`,
      [schoolId],
    );
    return rows.map(toClass);
  }

  /** The curriculum is reference data written only by migrations: read once per grade and process. */
  async curriculum(em: EntityManager, grade: GradeLevel): Promise<CurriculumSubject[]> {
    let cached = this.curricula.get(grade);
    if (!cached) {
      cached = this.readCurriculum(em, grade);
      this.curricula.set(grade, cached);
      cached.catch(() => this.curricula.delete(grade));
    }
    return cached;
  }

  private readonly curricula = new Map<GradeLevel, Promise<CurriculumSubject[]>>();

  private async readCurriculum(em: EntityManager, grade: GradeLevel): Promise<CurriculumSubject[]> {
    const rows = await sqlRows<CurriculumRow>(
      em,
      `select code, name, name_en, assessment, periods_per_year from academic_curriculum where grade = $1 order by sort_order`,
      [grade],
    );
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      nameEn: r.name_en,
      assessment: r.assessment,
      periodsPerYear: r.periods_per_year,
    }));
  }

  /**
   * Everything a request on one class needs before it reads or writes, in one query (a 45-row sheet costs one
   * permission query, not 45): the class and its year, the semester's lock, the caller's staff record, the class's
   * teachers this semester, whether the caller teaches the class in any semester, and the subject's gradebook.
   */
  async context(
    em: EntityManager,
    schoolId: string,
    classId: string,
    semester: number,
    userId: string,
    subjectCode: string | null,
  ): Promise<ClassContext | undefined> {
    const r = await sqlRow<ClassContextRow>(em, CONTEXT, [schoolId, classId, semester, userId, subjectCode]);
    return r ? toContext(r, subjectCode) : undefined;
  }

  async gradebook(
    em: EntityManager,
    schoolId: string,
    classId: string,
    subjectCode: string,
    semester: number,
  ): Promise<GradebookRecord | undefined> {
    const r = await sqlRow<GradebookRow>(
      em,
      `${GRADEBOOK} where school_id = $1 and class_id = $2 and subject_code = $3 and semester = $4`,
      [schoolId, classId, subjectCode, semester],
    );
    return r ? toGradebook(r) : undefined;
  }

  async gradebookById(em: EntityManager, schoolId: string, id: string): Promise<GradebookRecord | undefined> {
    const r = await sqlRow<GradebookRow>(em, `${GRADEBOOK} where school_id = $1 and id = $2`, [schoolId, id]);
    return r ? toGradebook(r) : undefined;
  }

  async gradebooksOfClass(em: EntityManager, schoolId: string, classId: string): Promise<GradebookRecord[]> {
    const rows = await sqlRows<GradebookRow>(em, `${GRADEBOOK} where school_id = $1 and class_id = $2`, [
      schoolId,
      classId,
    ]);
    return rows.map(toGradebook);
  }

  /** Opens the gradebook on first write, stamping the scheme; concurrent first writes meet on the unique key. */
  async ensureGradebook(
    em: EntityManager,
    schoolId: string,
    g: Omit<GradebookRecord, 'id'>,
    at: Date,
  ): Promise<GradebookRecord> {
    const existing = await this.gradebook(em, schoolId, g.classId, g.subjectCode, g.semester);
    if (existing) return existing;
    await sqlExec(
      em,
      `insert into gradebook (school_id, class_id, subject_code, semester, scheme, scheme_version, assessment, periods_per_year, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (school_id, class_id, subject_code, semester) do nothing`,
      [schoolId, g.classId, g.subjectCode, g.semester, g.scheme, g.schemeVersion, g.assessment, g.periodsPerYear, at],
    );
    return (await this.gradebook(em, schoolId, g.classId, g.subjectCode, g.semester))!;
  }

  /** Students with an open enrolment in the class, in the class list's order. */
  async roster(em: EntityManager, schoolId: string, classId: string): Promise<RosterStudent[]> {
    const rows = await sqlRows<RosterRow>(
      em,
      `select st.student_id as id, st.full_name, st.date_of_birth::text as dob, st.gender
         from people_class_roster st where st.school_id = $1 and st.class_id = $2 order by ${NAME_ORDER}`,
      [schoolId, classId],
    );
    return rows.map((r) => ({ studentId: r.id, fullName: r.full_name, dateOfBirth: r.dob, gender: r.gender }));
  }

  async entries(
    em: EntityManager,
    schoolId: string,
    gradebookId: string,
    studentIds?: string[],
    forUpdate = false,
  ): Promise<Map<string, EntryRecord>> {
    const rows = await sqlRows<EntryRow>(
      em,
      `select student_id, cells, comment, average::float8 as average, rating, version, updated_at, updated_by_name
         from grade_entry where school_id = $1 and gradebook_id = $2 ${studentIds ? 'and student_id = any($3::uuid[])' : ''}
        order by student_id ${forUpdate ? 'for update' : ''}`,
      studentIds ? [schoolId, gradebookId, studentIds] : [schoolId, gradebookId],
    );
    return new Map(rows.map((r) => [r.student_id, toEntry(r)]));
  }

  /** Every entry of the class's gradebooks: gradebook id → student id → entry (results, exports, report cards). */
  async entriesOfClass(
    em: EntityManager,
    schoolId: string,
    classId: string,
  ): Promise<Map<string, Map<string, EntryRecord>>> {
    const rows = await sqlRows<ClassEntryRow>(
      em,
      `select e.gradebook_id, e.student_id, e.cells, e.comment, e.average::float8 as average, e.rating, e.version, e.updated_at, e.updated_by_name
         from grade_entry e join gradebook g on g.school_id = e.school_id and g.id = e.gradebook_id
        where e.school_id = $1 and g.class_id = $2`,
      [schoolId, classId],
    );
    const byBook = new Map<string, Map<string, EntryRecord>>();
    for (const r of rows) {
      const book = byBook.get(r.gradebook_id) ?? new Map<string, EntryRecord>();
      book.set(r.student_id, toEntry(r));
      byBook.set(r.gradebook_id, book);
    }
    return byBook;
  }

  /**
   * One statement for the whole sheet: rows are sent as arrays (one round trip, routed to one shard on Citus). A row
   * is written only over the version it was based on (`version - 1`): two first saves of the same student race on
   * the insert, and the loser's update finds a newer version and is left out of the returned ids.
   */
  async upsertEntries(
    em: EntityManager,
    schoolId: string,
    gradebookId: string,
    rows: EntryWrite[],
    actor: { id: string; name: string },
    at: Date,
  ): Promise<Set<string>> {
    if (!rows.length) return new Set();
    rows = inLockOrder(rows);
    const written = await sqlRows<Pick<EntryRow, 'student_id'>>(
      em,
      UPSERT_ENTRIES,
      upsertParams(schoolId, gradebookId, rows, actor.id, actor.name, at),
    );
    return new Set(written.map((w) => w.student_id));
  }

  async insertChanges(
    em: EntityManager,
    schoolId: string,
    gradebookId: string,
    changes: CellChange[],
    meta: {
      actorId: string;
      actorName: string;
      at: Date;
      reason: string | null;
      correctionId: string | null;
      requestId: string | null;
    },
  ): Promise<void> {
    if (!changes.length) return;
    await sqlExec(
      em,
      `insert into grade_change (school_id, gradebook_id, student_id, column_key, old_value, new_value, changed_by, changed_by_name, changed_at, reason, correction_id, request_id)
       select $1, $2, u.student_id, u.column_key, u.old_value, u.new_value, $7, $8, $9, $10, $11, $12
         from unnest($3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[]) as u(student_id, column_key, old_value, new_value)
       returning 1`,
      [
        schoolId,
        gradebookId,
        changes.map((c) => c.studentId),
        changes.map((c) => c.column),
        changes.map((c) => (c.oldValue == null ? null : JSON.stringify(c.oldValue))),
        changes.map((c) => (c.newValue == null ? null : JSON.stringify(c.newValue))),
        meta.actorId,
        meta.actorName,
        meta.at,
        meta.reason,
        meta.correctionId,
        meta.requestId,
      ],
    );
  }

  async history(
    em: EntityManager,
    schoolId: string,
    gradebookId: string,
    studentId?: string,
    column?: string,
  ): Promise<ScoreChange[]> {
    const params: unknown[] = [schoolId, gradebookId];
    let where = '';
    if (studentId) where += ` and student_id = $${params.push(studentId)}`;
    if (column) where += ` and column_key = $${params.push(column)}`;
    const rows = await sqlRows<CellChangeRow>(
      em,
      `select student_id, column_key, old_value, new_value, changed_at, changed_by_name, reason, correction_id
         from grade_change where school_id = $1 and gradebook_id = $2 ${where} order by changed_at desc, id limit 500`,
      params,
    );
    return rows.map((r) => ({
      studentId: r.student_id,
      column: r.column_key,
      oldValue: r.old_value ?? null,
      newValue: r.new_value ?? null,
      changedAt: r.changed_at.toISOString(),
      changedByName: r.changed_by_name ?? null,
      reason: r.reason ?? null,
      correctionId: r.correction_id ?? null,
    }));
  }

  /**
   * Everything a save reads, in one round trip (docs/benchmarks.md, "grade-save": each statement is a round trip the
   * baseline does not make): the context (as `context`), the answer kept under the request's idempotency key, the class
   * list, the current entries of the rows sent, on a semester II sheet semester I's results for the year columns, and
   * the department's rule settings of the class's year (academic's `academic_rule_settings`; null when never set).
   */
  async saveContext(
    em: EntityManager,
    schoolId: string,
    classId: string,
    semester: 1 | 2,
    userId: string,
    subjectCode: string,
    requestId: string,
    studentIds: string[],
  ): Promise<SaveContext | undefined> {
    const r = await sqlRow<SaveContextRow>(em, SAVE_CONTEXT, [
      schoolId,
      classId,
      semester,
      userId,
      subjectCode,
      requestId,
      studentIds,
    ]);
    if (!r) return undefined;
    const entry = (e: SaveContextRow['entries'][number]): EntryRecord =>
      toEntry({ ...e, updated_at: e.updated_at ? new Date(e.updated_at) : (null as unknown as Date) });
    return {
      context: toContext(r, subjectCode),
      kept: r.kept
        ? { gradebookId: r.kept.gradebook_id, userId: r.kept.user_id, response: r.kept.response }
        : undefined,
      roster: r.roster,
      current: new Map(r.entries.map((e) => [e.student_id, entry(e)])),
      semester1: new Map(r.semester1.map((e) => [e.student_id, { average: e.average, rating: e.rating }])),
      ruleSettings: r.rule_settings,
    };
  }

  /**
   * A teacher's save written in one statement: the rows (each only over the version it was based on), their cells'
   * history and the kept answer. History and answer are written only when every row was: a row lost to a concurrent
   * save leaves nothing behind (the caller answers 409). Answers the rows written and whether the answer was kept (a
   * concurrent duplicate of the request keeps it first). `meta.response` is the answer as the JSON text the API sends.
   */
  async writeSave(
    em: EntityManager,
    schoolId: string,
    gradebookId: string,
    rows: EntryWrite[],
    changes: CellChange[],
    meta: { actorId: string; actorName: string; at: Date; requestId: string; response: string },
    also?: { audit: SqlPart; event: SqlPart },
  ): Promise<{ written: Set<string>; kept: boolean }> {
    rows = inLockOrder(rows);
    const params: unknown[] = [
      ...upsertParams(schoolId, gradebookId, rows, meta.actorId, meta.actorName, meta.at),
      meta.requestId,
      changes.map((c) => c.studentId),
      changes.map((c) => c.column),
      changes.map((c) => (c.oldValue == null ? null : JSON.stringify(c.oldValue))),
      changes.map((c) => (c.newValue == null ? null : JSON.stringify(c.newValue))),
      meta.response,
    ];
    const bind = (value: unknown) => `$${params.push(value)}`;
    // The audit entry when every row was written; the event only when this request's answer was kept (a concurrent
    // duplicate that kept it first published it).
    const parts = also
      ? `, a as (${also.audit(bind)} where (select ok from complete)),
         o as (${also.event(bind)} where exists (select 1 from k) returning 1)`
      : '';
    const text = `${WRITE_SAVE}${parts}
       select coalesce((select array_agg(student_id) from w), '{}') as written, exists (select 1 from k) as kept${
         also ? ', (select count(*) from a) as audited, (select count(*) from o) as published' : ''
       }`;
    const r = await sqlRow<{ written: string[]; kept: boolean }>(
      em,
      also ? writeSaveAudited(text) : writeSavePlain(text),
      params,
    );
    return { written: new Set(r?.written ?? []), kept: r?.kept ?? false };
  }

  /** The answer kept for a save's idempotency key, if that save was committed. */
  async savedRequest(
    em: EntityManager,
    schoolId: string,
    requestId: string,
  ): Promise<{ gradebookId: string; userId: string | null; response: unknown } | undefined> {
    const r = await sqlRow<SavedRequestRow>(
      em,
      `select gradebook_id, user_id, response from grade_save_request where school_id = $1 and request_id = $2`,
      [schoolId, requestId],
    );
    return r ? { gradebookId: r.gradebook_id, userId: r.user_id, response: r.response } : undefined;
  }

  /** Keeps a save's answer under its idempotency key, in the save's own transaction (one insert, no update). */
  async keepRequest(
    em: EntityManager,
    schoolId: string,
    requestId: string,
    gradebookId: string,
    userId: string,
    at: Date,
    response: unknown,
  ): Promise<boolean> {
    const kept = await sqlRows<{ kept: number }>(
      em,
      `insert into grade_save_request (school_id, request_id, gradebook_id, user_id, created_at, response) values ($1, $2, $3, $4, $5, $6)
       on conflict (school_id, request_id) do nothing returning 1 as kept`,
      [schoolId, requestId, gradebookId, userId, at, JSON.stringify(response)],
    );
    return kept.length > 0;
  }
}

const GRADEBOOK = `select * from (select g.school_id, g.id, g.class_id, g.subject_code, g.semester, g.scheme, g.scheme_version, g.assessment,
  g.periods_per_year, c.year_code from gradebook g join academic_class c on c.school_id = g.school_id and c.id = g.class_id) g`;

/** The context of a row; `subjectCode` the sheet's subject (null: the class's semester as a whole). */
function toContext(r: ClassContextRow, subjectCode: string | null): ClassContext {
  return {
    cls: toClass(r),
    locks: r.locks,
    locked: r.locks.some((l) => l.columnKey === null && (l.subjectCode === null || l.subjectCode === subjectCode)),
    staffId: r.staff_id ?? null,
    teachesClass: r.teaches_class,
    teachers: new Map(r.teachers.map((t) => [t.code, { staffId: t.staffId, name: t.name }])),
    gradebook: r.gradebook ? toGradebook(r.gradebook) : undefined,
  };
}

function toClass(r: GradingClassRow): GradingClass {
  return {
    id: r.id,
    name: r.name,
    grade: r.grade,
    schoolYearId: r.school_year_id,
    schoolYearCode: r.code,
    yearStatus: r.status,
    homeroomStaffId: r.homeroom_staff_id,
  };
}

function toGradebook(r: GradebookRow): GradebookRecord {
  return {
    id: r.id,
    classId: r.class_id,
    subjectCode: r.subject_code,
    semester: r.semester,
    scheme: r.scheme,
    schemeVersion: r.scheme_version,
    assessment: r.assessment,
    periodsPerYear: r.periods_per_year,
    yearCode: r.year_code,
  };
}

function toEntry(r: EntryRow): EntryRecord {
  return {
    studentId: r.student_id,
    cells: r.cells ?? {},
    comment: r.comment ?? null,
    average: r.average ?? null,
    rating: r.rating ?? null,
    version: r.version,
    updatedAt: r.updated_at ? r.updated_at.toISOString() : null,
    updatedByName: r.updated_by_name ?? null,
  };
}

/**
 * Rows in the order their locks are taken: by pupil. Two teachers saving overlapping rows of one sheet in different
 * orders would otherwise each hold a row the other waits for, and PostgreSQL would abort one save as a deadlock
 * (a 500) instead of the second waiting and answering 409 on the rows the first changed.
 */
function inLockOrder(rows: EntryWrite[]): EntryWrite[] {
  return [...rows].sort((a, b) => (a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : 0));
}

/**
 * Rows of a gradebook written each only over the version it was based on ($1 school, $2 gradebook, $3–$7 and $11 the
 * rows' arrays, $8–$10 who and when: upsertParams); answers the pupils written. Shared by the teacher's save (inside
 * its one statement) and GradeWriter's import and corrections.
 */
const UPSERT_ENTRIES = `insert into grade_entry (school_id, gradebook_id, student_id, cells, comment, average, rating, version, updated_by, updated_by_name, updated_at)
  select $1, $2, u.student_id, u.cells, u.comment, u.average, u.rating, u.version, $8, $9, $10
    from unnest($3::uuid[], $4::jsonb[], $5::text[], $6::numeric[], $7::text[], $11::int[]) as u(student_id, cells, comment, average, rating, version)
  on conflict (school_id, gradebook_id, student_id) do update set cells = excluded.cells, comment = excluded.comment,
    average = excluded.average, rating = excluded.rating, version = excluded.version,
    updated_by = excluded.updated_by, updated_by_name = excluded.updated_by_name, updated_at = excluded.updated_at
  where grade_entry.version = excluded.version - 1
  returning student_id`;

function upsertParams(
  schoolId: string,
  gradebookId: string,
  rows: EntryWrite[],
  actorId: string,
  actorName: string,
  at: Date,
): unknown[] {
  return [
    schoolId,
    gradebookId,
    rows.map((r) => r.studentId),
    rows.map((r) => JSON.stringify(r.cells)),
    rows.map((r) => r.comment),
    rows.map((r) => r.average),
    rows.map((r) => r.rating),
    actorId,
    actorName,
    at,
    rows.map((r) => r.version),
  ];
}

/** The context query's columns and joins ($1 school, $2 class, $3 semester, $4 user, $5 subject): `context`. */
const CONTEXT_COLUMNS = `c.id, c.name, c.grade, c.school_year_id, c.year_code as code, c.year_status as status, c.homeroom_staff_id,
  coalesce((select json_agg(json_build_object('subjectCode', l.subject_code, 'columnKey', l.column_key, 'reason', l.reason))
              from grading_lock l
             where l.school_id = $1 and l.school_year_id = c.school_year_id and l.semester = $3
               and (l.grade is null or l.grade = c.grade) and (l.class_id is null or l.class_id = c.id)), '[]') as locks,
  u.staff_id,
  coalesce((select json_agg(json_build_object('code', a.subject_code, 'staffId', a.staff_id, 'name', s.full_name))
              from academic_teaching_assignment a join staff_member s on s.school_id = a.school_id and s.id = a.staff_id
             where a.school_id = $1 and a.class_id = $2 and a.semester = $3), '[]') as teachers,
  exists (select 1 from academic_teaching_assignment a where a.school_id = $1 and a.class_id = $2 and a.staff_id = u.staff_id) as teaches_class,
  (select to_jsonb(g) from (${GRADEBOOK} where school_id = $1 and class_id = $2 and subject_code = $5 and semester = $3) g) as gradebook`;

const CONTEXT_FROM = `from academic_class c
  left join lateral (select staff_id from identity_user_staff where user_id = $4) u on true
 where c.school_id = $1 and c.id = $2`;

const CONTEXT = prepared(`select ${CONTEXT_COLUMNS} ${CONTEXT_FROM}`);

/**
 * saveContext: the context's columns and, $6 the request id and $7 the pupils sent, the kept answer, the class list (ids),
 * the rows' current entries, semester I's results (on a semester II sheet) and the year's rule settings.
 */
const SAVE_CONTEXT = prepared(`select ${CONTEXT_COLUMNS},
  (select to_jsonb(k) from (select gradebook_id, user_id, response from grade_save_request
                             where school_id = $1 and request_id = $6) k) as kept,
  coalesce((select json_agg(st.student_id order by ${NAME_ORDER})
              from people_class_roster st where st.school_id = $1 and st.class_id = $2), '[]') as roster,
  coalesce((select json_agg(json_build_object('student_id', e.student_id, 'cells', e.cells, 'comment', e.comment,
                              'average', e.average::float8, 'rating', e.rating, 'version', e.version,
                              'updated_at', e.updated_at, 'updated_by_name', e.updated_by_name))
              from gradebook g join grade_entry e on e.school_id = g.school_id and e.gradebook_id = g.id
             where g.school_id = $1 and g.class_id = $2 and g.subject_code = $5 and g.semester = $3
               and e.student_id = any($7::uuid[])), '[]') as entries,
  coalesce((select json_agg(json_build_object('student_id', e.student_id, 'average', e.average::float8, 'rating', e.rating))
              from gradebook g join grade_entry e on e.school_id = g.school_id and e.gradebook_id = g.id
             where $3 = 2 and g.school_id = $1 and g.class_id = $2 and g.subject_code = $5 and g.semester = 1), '[]') as semester1,
  (select r.settings from academic_rule_settings r where r.year_code = c.year_code) as rule_settings
  ${CONTEXT_FROM}`);

/**
 * writeSave's CTEs ($1–$11 upsertParams, $12 the request id, $13–$16 the history's arrays, $17 the answer): the rows,
 * whether every row was written, the history and the kept answer, each of the last two only when every row was.
 */
const WRITE_SAVE = `with w as (${UPSERT_ENTRIES}), complete as (select (select count(*) from w) = cardinality($3::uuid[]) as ok),
  h as (
    insert into grade_change (school_id, gradebook_id, student_id, column_key, old_value, new_value, changed_by, changed_by_name, changed_at, request_id)
    select $1, $2, c.student_id, c.column_key, c.old_value, c.new_value, $8, $9, $10, $12
      from unnest($13::uuid[], $14::text[], $15::jsonb[], $16::jsonb[]) as c(student_id, column_key, old_value, new_value)
     where (select ok from complete)
    returning 1
  ), k as (
    insert into grade_save_request (school_id, request_id, gradebook_id, user_id, created_at, response)
    select $1, $12, $2, $8, $10, $17 where (select ok from complete)
    on conflict (school_id, request_id) do nothing returning 1
  )`;

/** writeSave's two texts (with and without the audit entry and the event), each prepared once it is first built. */
let audited: PreparedSql | undefined;
let plain: PreparedSql | undefined;
function writeSaveAudited(text: string): PreparedSql {
  if (audited?.text !== text) audited = prepared(text);
  return audited;
}
function writeSavePlain(text: string): PreparedSql {
  if (plain?.text !== text) plain = prepared(text);
  return plain;
}
