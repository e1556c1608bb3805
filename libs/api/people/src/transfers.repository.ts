import { Injectable } from '@nestjs/common';
import type { EnrolmentRecord, Guardian, StudentTransfer, TransferTarget } from '@emis/contracts';
import { GradeLevel, SchoolLevel, TransferStatus, YearOutcome } from '@emis/domain';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { StudentFields } from './students.repository';

/** The student's record as the sending school released it, carried on the receiving side's row. */
export interface TransferSnapshot {
  student: StudentFields & { id: string };
  guardians: Guardian[];
  enrolments: EnrolmentRecord[];
  outcomes: { schoolYearCode: string; grade: GradeLevel; outcome: YearOutcome }[];
  fromSchool: { id: string; name: string };
}

export interface TransferSide {
  schoolId: string;
  id: string;
  direction: 'OUT' | 'IN';
  studentId: string;
  counterpartSchoolId: string;
  status: TransferStatus;
  reason: string | null;
  effectiveOn: string;
  snapshot: TransferSnapshot | null;
}

export interface TransferListFilter {
  direction?: 'OUT' | 'IN';
  status?: TransferStatus;
}

/** One side of a transfer as the service decides on it, with the snapshot the IN side carries. */
interface TransferSideRow {
  school_id: string;
  id: string;
  direction: 'OUT' | 'IN';
  student_id: string;
  counterpart_school_id: string;
  status: TransferStatus;
  reason: string | null;
  effective_on: string;
  snapshot: TransferSnapshot | null;
}

/**
 * A transfer as TRANSFER_COLUMNS reads it for the list and the detail: the student's name and personal id come
 * from the snapshot or the school's own record, and are null when neither is there.
 */
interface StudentTransferRow {
  id: string;
  direction: 'OUT' | 'IN';
  student_id: string;
  student_name: string | null;
  personal_id: string | null;
  counterpart_school_id: string;
  counterpart_name: string;
  status: TransferStatus;
  reason: string | null;
  effective_on: string;
  requested_at: Date;
  decided_at: Date | null;
  decision_note: string | null;
}

/** A school a transfer may go to. */
interface TransferTargetRow {
  id: string;
  code: string;
  name: string;
  levels: SchoolLevel[] | null;
}

const TRANSFER_COLUMNS = `t.id, t.direction, t.student_id, coalesce(t.snapshot->'student'->>'fullName', s.full_name) as student_name,
  coalesce(t.snapshot->'student'->>'personalId', s.personal_id) as personal_id, t.counterpart_school_id,
  o.name as counterpart_name, t.status, t.reason, t.effective_on::text as effective_on, t.requested_at, t.decided_at, t.decision_note`;
const TRANSFER_FROM = `from student_transfer t
  left join student s on s.school_id = t.school_id and s.id = t.student_id
  join tenancy_org_unit o on o.id = t.counterpart_school_id`;

/** Both sides of transfers between schools. Each statement touches one school's rows, under that school's scope. */
@Injectable()
export class TransfersRepository {
  /** Writes one side of a new transfer, PENDING, in the school of `side` (whose scope the transaction holds). */
  async insert(em: EntityManager, side: TransferSide, by: string, at: Date): Promise<void> {
    await sqlExec(
      em,
      `insert into student_transfer (school_id, id, direction, student_id, counterpart_school_id, status, reason, effective_on,
              snapshot, requested_by, requested_at)
       values ($1, $2, $3, $4, $5, 'PENDING', $6, $7, $8::jsonb, $9, $10)`,
      [
        side.schoolId,
        side.id,
        side.direction,
        side.studentId,
        side.counterpartSchoolId,
        side.reason,
        side.effectiveOn,
        side.snapshot ? JSON.stringify(side.snapshot) : null,
        by,
        at,
      ],
    );
  }

  async find(em: EntityManager, schoolId: string, id: string): Promise<TransferSide | undefined> {
    const r = await sqlRow<TransferSideRow>(
      em,
      `select school_id, id, direction, student_id, counterpart_school_id, status, reason, effective_on::text as effective_on, snapshot
         from student_transfer where school_id = $1 and id = $2 for update`,
      [schoolId, id],
    );
    return r
      ? {
          schoolId: r.school_id,
          id: r.id,
          direction: r.direction,
          studentId: r.student_id,
          counterpartSchoolId: r.counterpart_school_id,
          status: r.status,
          reason: r.reason,
          effectiveOn: r.effective_on,
          snapshot: r.snapshot,
        }
      : undefined;
  }

  async hasPendingOut(em: EntityManager, schoolId: string, studentId: string): Promise<boolean> {
    const row = await sqlRow<{ '?column?': number }>(
      em,
      `select 1 from student_transfer where school_id = $1 and student_id = $2 and direction = 'OUT' and status = 'PENDING'`,
      [schoolId, studentId],
    );
    return Boolean(row);
  }

  /** Records the decision on one side; answers whether that side was still pending. */
  async decide(
    em: EntityManager,
    schoolId: string,
    id: string,
    status: TransferStatus,
    by: string,
    at: Date,
    note: string | null,
  ): Promise<boolean> {
    const affected = await sqlExec(
      em,
      `update student_transfer set status = $3, decided_by = $4, decided_at = $5, decision_note = $6
        where school_id = $1 and id = $2 and status = 'PENDING'`,
      [schoolId, id, status, by, at, note],
    );
    return affected === 1;
  }

  async view(em: EntityManager, schoolId: string, id: string): Promise<StudentTransfer> {
    const row = await sqlRow<StudentTransferRow>(
      em,
      `select ${TRANSFER_COLUMNS} ${TRANSFER_FROM} where t.school_id = $1 and t.id = $2`,
      [schoolId, id],
    );
    if (!row) throw new Error(`view: no transfer ${id} at school ${schoolId}`);
    return toTransfer(row);
  }

  async list(
    em: EntityManager,
    schoolId: string,
    f: TransferListFilter,
    limit: number,
    offset: number,
  ): Promise<{ items: StudentTransfer[]; total: number }> {
    const params: unknown[] = [schoolId];
    const where = ['t.school_id = $1'];
    if (f.direction) {
      params.push(f.direction);
      where.push(`t.direction = $${params.length}`);
    }
    if (f.status) {
      params.push(f.status);
      where.push(`t.status = $${params.length}`);
    }
    const clause = where.join(' and ');
    const counted = await sqlRow<{ total: number }>(
      em,
      `select count(*)::int as total from student_transfer t where ${clause}`,
      params,
    );
    const rows = await sqlRows<StudentTransferRow>(
      em,
      `select ${TRANSFER_COLUMNS} ${TRANSFER_FROM} where ${clause}
        order by t.requested_at desc, t.id limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, limit, offset],
    );
    return { total: counted?.total ?? 0, items: rows.map(toTransfer) };
  }

  async forStudent(em: EntityManager, schoolId: string, studentId: string): Promise<StudentTransfer[]> {
    const rows = await sqlRows<StudentTransferRow>(
      em,
      `select ${TRANSFER_COLUMNS} ${TRANSFER_FROM} where t.school_id = $1 and t.student_id = $2 order by t.requested_at`,
      [schoolId, studentId],
    );
    return rows.map(toTransfer);
  }

  /** Schools of the province (org_unit is reference data, not school-owned), by name without diacritics or code. */
  async targets(em: EntityManager, search: string | undefined, limit: number): Promise<TransferTarget[]> {
    const rows = await sqlRows<TransferTargetRow>(
      em,
      `select id, code, name, levels from tenancy_org_unit
        where kind = 'SCHOOL' and active ${search ? 'and (unaccent_vi(name) ilike unaccent_vi($2) or code ilike $2)' : ''}
        order by name collate "vi-x-icu", id limit $1`,
      search ? [limit, search] : [limit],
    );
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, levels: r.levels ?? [] }));
  }
}

function toTransfer(r: StudentTransferRow): StudentTransfer {
  return {
    id: r.id,
    direction: r.direction,
    studentId: r.student_id,
    studentName: r.student_name ?? '',
    personalId: r.personal_id ?? '',
    counterpartSchoolId: r.counterpart_school_id,
    counterpartSchoolName: r.counterpart_name,
    status: r.status,
    reason: r.reason,
    effectiveOn: r.effective_on,
    requestedAt: r.requested_at.toISOString(),
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
    decisionNote: r.decision_note,
  };
}
