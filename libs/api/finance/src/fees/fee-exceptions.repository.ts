import { Injectable } from '@nestjs/common';
import type { FeeException, FeeExceptionInput } from '@emis/contracts';
import { ExceptionStatus, FeeKind } from '@emis/domain';
import { sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** An exception as stored: the pupil's code and name come from the people context's roster. */
export type StoredException = Omit<FeeException, 'studentCode' | 'studentName'>;

/** An approved exception as charge generation applies it: its id (the charge's basis names it) and percentage. */
export interface ApprovedException {
  id: string;
  percent: number;
}

const COLUMNS = `e.id, e.school_year_id as "schoolYearId", e.student_id as "studentId", e.fee_kind as "feeKind",
  e.percent, e.reason, e.status, r.full_name as "requestedBy", to_char(e.requested_at at time zone 'UTC',
  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "requestedAt", d.full_name as "decidedBy",
  to_char(e.decided_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "decidedAt",
  e.decision_note as "decisionNote"`;

/** The people who asked and decided are named through the identity context's view. */
const FROM = `finance_exception e left join identity_user r on r.user_id = e.requested_by
  left join identity_user d on d.user_id = e.decided_by`;

/** Manual exemptions and reductions of a school's pupils (finance_exception). */
@Injectable()
export class FeeExceptionsRepository {
  async list(
    em: EntityManager,
    schoolId: string,
    yearId: string,
    status: ExceptionStatus | null,
  ): Promise<StoredException[]> {
    return sqlRows<StoredException>(
      em,
      `select ${COLUMNS} from ${FROM} where e.school_id = $1 and e.school_year_id = $2 and ($3::text is null or e.status = $3)
        order by e.status <> 'PENDING', e.requested_at desc, e.id`,
      [schoolId, yearId, status],
    );
  }

  async find(em: EntityManager, schoolId: string, id: string): Promise<StoredException | undefined> {
    return sqlRow<StoredException>(em, `select ${COLUMNS} from ${FROM} where e.school_id = $1 and e.id = $2`, [
      schoolId,
      id,
    ]);
  }

  /** The exception's status, its row locked until the transaction ends (two principals deciding at once queue). */
  async lockStatus(em: EntityManager, schoolId: string, id: string): Promise<ExceptionStatus | undefined> {
    const row = await sqlRow<{ status: ExceptionStatus }>(
      em,
      `select status from finance_exception where school_id = $1 and id = $2 for update`,
      [schoolId, id],
    );
    return row?.status;
  }

  /** A pending or approved exception of the pupil for the fee kind and year (the partial unique index's key). */
  async liveExists(em: EntityManager, schoolId: string, input: FeeExceptionInput): Promise<boolean> {
    const row = await sqlRow(
      em,
      `select 1 from finance_exception where school_id = $1 and school_year_id = $2 and student_id = $3 and fee_kind = $4
          and status in ('PENDING', 'APPROVED')`,
      [schoolId, input.schoolYearId, input.studentId, input.feeKind],
    );
    return !!row;
  }

  async insert(em: EntityManager, schoolId: string, input: FeeExceptionInput, userId: string): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into finance_exception (school_id, school_year_id, student_id, fee_kind, percent, reason, requested_by)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [schoolId, input.schoolYearId, input.studentId, input.feeKind, input.percent, input.reason, userId],
    );
    return row!.id;
  }

  async decide(
    em: EntityManager,
    schoolId: string,
    id: string,
    decision: { status: 'APPROVED' | 'REJECTED'; note: string | null; userId: string },
  ): Promise<void> {
    await sqlRow(
      em,
      `update finance_exception set status = $3, decision_note = $4, decided_by = $5, decided_at = now()
        where school_id = $1 and id = $2 returning id`,
      [schoolId, id, decision.status, decision.note, decision.userId],
    );
  }

  /**
   * The approved exceptions of a school's year, by pupil and fee kind: what charge generation hands to the fee rules
   * as `exceptionPercent` (chargeFor), and names in the charge's basis.
   */
  async approved(
    em: EntityManager,
    schoolId: string,
    yearId: string,
  ): Promise<Map<string, Map<FeeKind, ApprovedException>>> {
    const rows = await sqlRows<{ id: string; studentId: string; feeKind: FeeKind; percent: number }>(
      em,
      `select id, student_id as "studentId", fee_kind as "feeKind", percent from finance_exception
        where school_id = $1 and school_year_id = $2 and status = 'APPROVED'`,
      [schoolId, yearId],
    );
    const byPupil = new Map<string, Map<FeeKind, ApprovedException>>();
    for (const r of rows) {
      const kinds = byPupil.get(r.studentId) ?? new Map<FeeKind, ApprovedException>();
      kinds.set(r.feeKind, { id: r.id, percent: r.percent });
      byPupil.set(r.studentId, kinds);
    }
    return byPupil;
  }
}
