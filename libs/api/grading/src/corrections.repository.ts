import { Injectable } from '@nestjs/common';
import type { CellValue } from '@emis/domain';
import type { CorrectionRequest, GradingLock } from '@emis/contracts';
import { SqlPaging, sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

export interface CorrectionRecord {
  id: string;
  gradebookId: string;
  studentId: string;
  changes: Record<string, { from: CellValue | null; to: CellValue | null }>;
  reason: string;
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
  requestedBy: string | null;
}

/** A lock (grading_lock) with its class's and subject's names; semester is a smallint checked 1 or 2. */
interface GradingLockRow {
  id: string;
  school_year_id: string;
  semester: GradingLock['semester'];
  grade: string | null;
  class_id: string | null;
  class_name: string | null;
  subject_code: string | null;
  subject_name: string | null;
  column_key: string | null;
  reason: string | null;
  locked_at: Date;
  locked_by_name: string | null;
}

/** A lock's scope: null narrows nothing (docs/domain/gradebook.md, "Locks and corrections"). */
export interface LockScope {
  grade: string | null;
  classId: string | null;
  subjectCode: string | null;
  columnKey: string | null;
}

/** A correction request as a decision needs it (grade_correction); changes is the jsonb the request stored. */
interface CorrectionRow {
  id: string;
  gradebook_id: string;
  student_id: string;
  changes: CorrectionRecord['changes'];
  reason: string;
  status: CorrectionRecord['status'];
  requested_by: string | null;
}

/** Every column of grade_correction, with its gradebook's class, subject and semester and the pupil's name. */
interface CorrectionListRow extends CorrectionRow {
  school_id: string;
  requested_by_name: string | null;
  requested_at: Date;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  class_id: string;
  class_name: string;
  subject_code: string;
  subject_name: string;
  semester: 1 | 2;
  student_name: string;
}

/** Semester locks and correction requests. */
@Injectable()
export class CorrectionsRepository {
  async locks(em: EntityManager, schoolId: string, yearId: string): Promise<GradingLock[]> {
    const rows = await sqlRows<GradingLockRow>(
      em,
      `select l.id, l.school_year_id, l.semester, l.grade, l.class_id, c.name as class_name, l.subject_code,
              s.name as subject_name, l.column_key, l.reason, l.locked_at, l.locked_by_name
         from grading_lock l
         left join academic_class c on c.school_id = l.school_id and c.id = l.class_id
         left join academic_subject s on s.code = l.subject_code
        where l.school_id = $1 and l.school_year_id = $2
        order by l.semester, l.grade nulls first, c.name nulls first, s.sort_order nulls first, l.column_key nulls first`,
      [schoolId, yearId],
    );
    return rows.map((r) => ({
      id: r.id,
      schoolYearId: r.school_year_id,
      semester: r.semester,
      grade: r.grade,
      classId: r.class_id,
      className: r.class_name,
      subjectCode: r.subject_code,
      subjectName: r.subject_name,
      columnKey: r.column_key,
      reason: r.reason,
      lockedAt: r.locked_at.toISOString(),
      lockedByName: r.locked_by_name ?? null,
    }));
  }

  /** A new lock of the scope; undefined when the same scope is already locked. */
  async lock(
    em: EntityManager,
    schoolId: string,
    yearId: string,
    semester: number,
    scope: LockScope & { reason: string | null },
    actor: { id: string; name: string },
    at: Date,
  ): Promise<string | undefined> {
    const rows = await sqlRows<{ id: string }>(
      em,
      `insert into grading_lock (school_id, school_year_id, semester, grade, class_id, subject_code, column_key, reason,
                                 locked_by, locked_by_name, locked_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict do nothing returning id`,
      [
        schoolId,
        yearId,
        semester,
        scope.grade,
        scope.classId,
        scope.subjectCode,
        scope.columnKey,
        scope.reason,
        actor.id,
        actor.name,
        at,
      ],
    );
    return rows[0]?.id;
  }

  /** What a lock's scope names that the school's year does not hold: the class, its grade, the subject. */
  async scopeFacts(
    em: EntityManager,
    schoolId: string,
    yearId: string,
    classId: string | null,
    subjectCode: string | null,
  ): Promise<{ class_grade: string | null; subject_known: boolean }> {
    return (await sqlRow<{ class_grade: string | null; subject_known: boolean }>(
      em,
      `select (select grade from academic_class where school_id = $1 and id = $3 and school_year_id = $2) as class_grade,
              exists (select 1 from academic_subject where code = $4) as subject_known`,
      [schoolId, yearId, classId, subjectCode],
    ))!;
  }

  /** Removes the whole school's lock of the semester (every scope null). */
  async unlock(em: EntityManager, schoolId: string, yearId: string, semester: number): Promise<boolean> {
    const count = await sqlExec(
      em,
      `delete from grading_lock where school_id = $1 and school_year_id = $2 and semester = $3
          and grade is null and class_id is null and subject_code is null and column_key is null`,
      [schoolId, yearId, semester],
    );
    return count > 0;
  }

  /** Removes one lock by id; answers it as it was (for the audit), undefined when the school has no such lock. */
  async unlockById(em: EntityManager, schoolId: string, id: string): Promise<GradingLock | undefined> {
    const rows = await sqlRows<{ school_year_id: string }>(
      em,
      `select school_year_id from grading_lock where school_id = $1 and id = $2`,
      [schoolId, id],
    );
    if (!rows.length) return undefined;
    const before = (await this.locks(em, schoolId, rows[0].school_year_id)).find((l) => l.id === id);
    await sqlExec(em, `delete from grading_lock where school_id = $1 and id = $2`, [schoolId, id]);
    return before;
  }

  async create(
    em: EntityManager,
    schoolId: string,
    c: Omit<CorrectionRecord, 'id' | 'status'>,
    actorName: string,
    at: Date,
  ): Promise<string> {
    const r = await sqlRow<Pick<CorrectionRow, 'id'>>(
      em,
      `insert into grade_correction (school_id, gradebook_id, student_id, changes, reason, requested_by, requested_by_name, requested_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [schoolId, c.gradebookId, c.studentId, JSON.stringify(c.changes), c.reason, c.requestedBy, actorName, at],
    );
    if (!r) throw new Error(`create: no correction returned for school ${schoolId}`);
    return r.id;
  }

  async find(
    em: EntityManager,
    schoolId: string,
    id: string,
    forUpdate = false,
  ): Promise<CorrectionRecord | undefined> {
    const r = await sqlRow<CorrectionRow>(
      em,
      `select id, gradebook_id, student_id, changes, reason, status, requested_by from grade_correction where school_id = $1 and id = $2 ${forUpdate ? 'for update' : ''}`,
      [schoolId, id],
    );
    return r
      ? {
          id: r.id,
          gradebookId: r.gradebook_id,
          studentId: r.student_id,
          changes: r.changes,
          reason: r.reason,
          status: r.status,
          requestedBy: r.requested_by,
        }
      : undefined;
  }

  async decide(
    em: EntityManager,
    schoolId: string,
    id: string,
    status: 'APPROVED' | 'REJECTED',
    actor: { id: string; name: string },
    at: Date,
    note: string | null,
  ): Promise<void> {
    await sqlExec(
      em,
      `update grade_correction set status = $3, decided_by = $4, decided_by_name = $5, decided_at = $6, decision_note = $7 where school_id = $1 and id = $2`,
      [schoolId, id, status, actor.id, actor.name, at, note],
    );
  }

  async list(
    em: EntityManager,
    schoolId: string,
    f: { status?: string; requestedBy?: string; id?: string },
    paging: SqlPaging,
  ): Promise<{ items: CorrectionRequest[]; total: number }> {
    const params: unknown[] = [schoolId];
    let where = 'r.school_id = $1';
    if (f.status) where += ` and r.status = $${params.push(f.status)}`;
    if (f.requestedBy) where += ` and r.requested_by = $${params.push(f.requestedBy)}`;
    if (f.id) where += ` and r.id = $${params.push(f.id)}`;
    const counted = await sqlRow<{ total: number }>(
      em,
      `select count(*)::int as total from grade_correction r where ${where}`,
      params,
    );
    const rows = await sqlRows<CorrectionListRow>(
      em,
      `select r.*, g.class_id, c.name as class_name, g.subject_code, s.name as subject_name, g.semester, st.full_name as student_name
         from grade_correction r
         join gradebook g on g.school_id = r.school_id and g.id = r.gradebook_id
         join academic_class c on c.school_id = g.school_id and c.id = g.class_id
         join academic_subject s on s.code = g.subject_code
         join people_student st on st.school_id = r.school_id and st.id = r.student_id
        where ${where} order by ${paging.orderBy} limit ${paging.limit} offset ${paging.offset}`,
      params,
    );
    return { total: counted?.total ?? 0, items: rows.map(toCorrection) };
  }
}

function toCorrection(r: CorrectionListRow): CorrectionRequest {
  return {
    id: r.id,
    classId: r.class_id,
    className: r.class_name,
    subjectCode: r.subject_code,
    subjectName: r.subject_name,
    semester: r.semester,
    studentId: r.student_id,
    studentName: r.student_name,
    changes: r.changes,
    reason: r.reason,
    status: r.status,
    requestedByName: r.requested_by_name ?? null,
    requestedAt: r.requested_at.toISOString(),
    decidedByName: r.decided_by_name ?? null,
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
    decisionNote: r.decision_note ?? null,
  };
}
