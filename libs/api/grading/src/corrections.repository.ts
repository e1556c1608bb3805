import { Injectable } from '@nestjs/common';
import type { CellValue } from '@emis/domain';
import type { CorrectionRequest, GradingLock } from '@emis/contracts';
import { SqlPaging } from '@emis/api/platform';
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

/** Semester locks and correction requests. */
@Injectable()
export class CorrectionsRepository {
  async locks(em: EntityManager, schoolId: string, yearId: string): Promise<GradingLock[]> {
    const rows = await em.query(
      `select school_year_id, semester, locked_at, locked_by_name from grading_lock where school_id = $1 and school_year_id = $2 order by semester`,
      [schoolId, yearId],
    );
    return rows.map((r: Record<string, unknown>) => ({
      schoolYearId: r['school_year_id'], semester: r['semester'], lockedAt: (r['locked_at'] as Date).toISOString(), lockedByName: r['locked_by_name'] ?? null,
    }));
  }

  async lock(em: EntityManager, schoolId: string, yearId: string, semester: number, actor: { id: string; name: string }, at: Date): Promise<boolean> {
    const rows = await em.query(
      `insert into grading_lock (school_id, school_year_id, semester, locked_by, locked_by_name, locked_at) values ($1, $2, $3, $4, $5, $6)
       on conflict do nothing returning semester`,
      [schoolId, yearId, semester, actor.id, actor.name, at],
    );
    return rows.length > 0;
  }

  async unlock(em: EntityManager, schoolId: string, yearId: string, semester: number): Promise<boolean> {
    const [, count] = await em.query(`delete from grading_lock where school_id = $1 and school_year_id = $2 and semester = $3`, [schoolId, yearId, semester]);
    return (count as number) > 0;
  }

  async create(em: EntityManager, schoolId: string, c: Omit<CorrectionRecord, 'id' | 'status'>, actorName: string, at: Date): Promise<string> {
    const [r] = await em.query(
      `insert into grade_correction (school_id, gradebook_id, student_id, changes, reason, requested_by, requested_by_name, requested_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [schoolId, c.gradebookId, c.studentId, JSON.stringify(c.changes), c.reason, c.requestedBy, actorName, at],
    );
    return r.id;
  }

  async find(em: EntityManager, schoolId: string, id: string, forUpdate = false): Promise<CorrectionRecord | undefined> {
    const [r] = await em.query(
      `select id, gradebook_id, student_id, changes, reason, status, requested_by from grade_correction where school_id = $1 and id = $2 ${forUpdate ? 'for update' : ''}`,
      [schoolId, id],
    );
    return r ? { id: r.id, gradebookId: r.gradebook_id, studentId: r.student_id, changes: r.changes, reason: r.reason, status: r.status, requestedBy: r.requested_by } : undefined;
  }

  async decide(em: EntityManager, schoolId: string, id: string, status: 'APPROVED' | 'REJECTED', actor: { id: string; name: string }, at: Date, note: string | null): Promise<void> {
    await em.query(
      `update grade_correction set status = $3, decided_by = $4, decided_by_name = $5, decided_at = $6, decision_note = $7 where school_id = $1 and id = $2`,
      [schoolId, id, status, actor.id, actor.name, at, note],
    );
  }

  async list(em: EntityManager, schoolId: string, f: { status?: string; requestedBy?: string; id?: string }, paging: SqlPaging): Promise<{ items: CorrectionRequest[]; total: number }> {
    const params: unknown[] = [schoolId];
    let where = 'r.school_id = $1';
    if (f.status) where += ` and r.status = $${params.push(f.status)}`;
    if (f.requestedBy) where += ` and r.requested_by = $${params.push(f.requestedBy)}`;
    if (f.id) where += ` and r.id = $${params.push(f.id)}`;
    const [{ total }] = await em.query(`select count(*)::int as total from grade_correction r where ${where}`, params);
    const rows = await em.query(
      `select r.*, g.class_id, c.name as class_name, g.subject_code, s.name as subject_name, g.semester, st.full_name as student_name
         from grade_correction r
         join gradebook g on g.school_id = r.school_id and g.id = r.gradebook_id
         join academic_class c on c.school_id = g.school_id and c.id = g.class_id
         join academic_subject s on s.code = g.subject_code
         join people_student st on st.school_id = r.school_id and st.id = r.student_id
        where ${where} order by ${paging.orderBy} limit ${paging.limit} offset ${paging.offset}`,
      params,
    );
    return { total, items: rows.map(toCorrection) };
  }
}

function toCorrection(r: Record<string, unknown>): CorrectionRequest {
  const iso = (v: unknown) => (v ? (v as Date).toISOString() : null);
  return {
    id: r['id'] as string, classId: r['class_id'] as string, className: r['class_name'] as string, subjectCode: r['subject_code'] as string,
    subjectName: r['subject_name'] as string, semester: r['semester'] as 1 | 2, studentId: r['student_id'] as string,
    studentName: r['student_name'] as string, changes: r['changes'] as CorrectionRequest['changes'], reason: r['reason'] as string,
    status: r['status'] as CorrectionRequest['status'], requestedByName: (r['requested_by_name'] as string) ?? null,
    requestedAt: iso(r['requested_at'])!, decidedByName: (r['decided_by_name'] as string) ?? null, decidedAt: iso(r['decided_at']),
    decisionNote: (r['decision_note'] as string) ?? null,
  };
}
