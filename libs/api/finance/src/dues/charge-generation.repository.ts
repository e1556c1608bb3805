import { Injectable } from '@nestjs/common';
import type { ChargeGeneration } from '@emis/contracts';
import type { BillingUnit, FeeArea, FeeKind, ProvinceTuition, SchoolLevel } from '@emis/domain';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { Correction, ExistingCharge, exceptionKey, PlanSchedule, TargetCharge } from './charge-plan';

interface RunRow {
  id: string;
  period_id: string;
  status: ChargeGeneration['status'];
  pupils: number;
  processed: number;
  created: number;
  corrected: number;
  unchanged: number;
  list_amount: string;
  relief_amount: string;
  support_amount: string;
  reimbursed_amount: string;
  due_amount: string;
  message: string | null;
}

/** A run's counts and sums so far, added to the run by each batch. */
export interface RunTally {
  processed: number;
  created: number;
  corrected: number;
  unchanged: number;
  listAmount: number;
  reliefAmount: number;
  supportAmount: number;
  reimbursedAmount: number;
  dueAmount: number;
}

const RUN_COLUMNS = `id, period_id, status, pupils, processed, created, corrected, unchanged, list_amount::text,
  relief_amount::text, support_amount::text, reimbursed_amount::text, due_amount::text, message`;

/**
 * What a generation of charges reads (the school's area, its adopted fee lines, the province's levels, approved
 * exceptions, the charges already written) and writes (charges, CORRECTION adjustments, the run's progress).
 */
@Injectable()
export class ChargeGenerationRepository {
  /** The school's area for the province's levels; a school the department has not placed yet counts as urban. */
  async area(em: EntityManager, schoolId: string): Promise<FeeArea> {
    const row = await sqlRow<{ area: FeeArea }>(em, `select area from finance_school_setting where school_id = $1`, [
      schoolId,
    ]);
    return row?.area ?? 'URBAN';
  }

  /** The fee lines the school adopted for the year (drafts and withdrawn lines bill nothing). */
  async adoptedSchedules(em: EntityManager, schoolId: string, yearId: string): Promise<PlanSchedule[]> {
    const rows = await sqlRows<{
      id: string;
      fee_kind: FeeKind;
      billing_unit: BillingUnit;
      amount: string;
      grades: string[];
    }>(
      em,
      `select id, fee_kind, billing_unit, amount::text, grades from finance_fee_schedule
        where school_id = $1 and school_year_id = $2 and status = 'ADOPTED' order by fee_kind, name, id`,
      [schoolId, yearId],
    );
    return rows.map((r) => ({
      id: r.id,
      feeKind: r.fee_kind,
      billingUnit: r.billing_unit,
      amount: Number(r.amount),
      grades: r.grades,
    }));
  }

  async tuitionLevels(em: EntityManager, yearId: string, area: FeeArea): Promise<Map<SchoolLevel, ProvinceTuition>> {
    const rows = await sqlRows<{ school_level: SchoolLevel; monthly_amount: string; private_support_monthly: string }>(
      em,
      `select school_level, monthly_amount::text, private_support_monthly::text from finance_tuition_level
        where school_year_id = $1 and area = $2`,
      [yearId, area],
    );
    return new Map(
      rows.map((r) => [
        r.school_level,
        { monthlyAmount: Number(r.monthly_amount), privateSupportMonthly: Number(r.private_support_monthly) },
      ]),
    );
  }

  /** Approved exceptions of the year by pupil and fee kind (one live exception each: finance_exception_live_idx). */
  async approvedExceptions(
    em: EntityManager,
    schoolId: string,
    yearId: string,
  ): Promise<Map<string, { id: string; percent: number }>> {
    const rows = await sqlRows<{ id: string; student_id: string; fee_kind: FeeKind; percent: number }>(
      em,
      `select id, student_id, fee_kind, percent from finance_exception
        where school_id = $1 and school_year_id = $2 and status = 'APPROVED'`,
      [schoolId, yearId],
    );
    return new Map(rows.map((r) => [exceptionKey(r.student_id, r.fee_kind), { id: r.id, percent: r.percent }]));
  }

  /**
   * The period's charges with what generation last set: due plus the runs' corrections (adjustments with a run_id)
   * — a waiver or a person's correction stays out, so a run never undoes it. `studentIds`: only those pupils.
   */
  async existingCharges(
    em: EntityManager,
    schoolId: string,
    periodId: string,
    studentIds: readonly string[] | null,
  ): Promise<ExistingCharge[]> {
    const rows = await sqlRows<{ id: string; student_id: string; fee_schedule_id: string; generated_due: string }>(
      em,
      `select c.id, c.student_id, c.fee_schedule_id,
              (c.due_amount + coalesce((select sum(a.amount) from finance_charge_adjustment a
                 where a.school_id = c.school_id and a.charge_id = c.id and a.run_id is not null), 0))::text
                as generated_due
         from finance_charge c
        where c.school_id = $1 and c.period_id = $2 and ($3::uuid[] is null or c.student_id = any($3))`,
      [schoolId, periodId, studentIds],
    );
    return rows.map((r) => ({
      id: r.id,
      studentId: r.student_id,
      feeScheduleId: r.fee_schedule_id,
      generatedDue: Number(r.generated_due),
    }));
  }

  /** Writes the new charges in one statement. */
  async insertCharges(
    em: EntityManager,
    schoolId: string,
    periodId: string,
    userId: string | null,
    charges: readonly TargetCharge[],
  ): Promise<void> {
    if (charges.length === 0) return;
    const column = <T>(pick: (c: TargetCharge) => T): T[] => charges.map(pick);
    await sqlExec(
      em,
      `insert into finance_charge (school_id, period_id, student_id, class_id, fee_schedule_id, fee_kind, list_amount,
         relief_percent, relief_amount, support_amount, reimbursed_amount, due_amount, basis, created_by)
       select $1, $2, t.student_id, t.class_id, t.fee_schedule_id, t.fee_kind, t.list_amount, t.relief_percent,
              t.relief_amount, t.support_amount, t.reimbursed_amount, t.due_amount, t.basis::jsonb, $14
         from unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::bigint[], $8::int[], $9::bigint[],
                     $10::bigint[], $11::bigint[], $12::bigint[], $13::text[])
           as t(student_id, class_id, fee_schedule_id, fee_kind, list_amount, relief_percent, relief_amount,
                support_amount, reimbursed_amount, due_amount, basis)
       returning 1`,
      [
        schoolId,
        periodId,
        column((c) => c.studentId),
        column((c) => c.classId),
        column((c) => c.feeScheduleId),
        column((c) => c.feeKind),
        column((c) => c.amounts.listAmount),
        column((c) => c.amounts.reliefPercent),
        column((c) => c.amounts.reliefAmount),
        column((c) => c.amounts.supportAmount),
        column((c) => c.amounts.reimbursedAmount),
        column((c) => c.amounts.dueAmount),
        column((c) => JSON.stringify(c.basis)),
        userId,
      ],
    );
  }

  /** Writes the run's corrections in one statement, each naming the run and dated `enteredOn`. */
  async insertCorrections(
    em: EntityManager,
    schoolId: string,
    runId: string,
    enteredOn: string,
    userId: string | null,
    corrections: readonly (Correction & { reason: string })[],
  ): Promise<void> {
    if (corrections.length === 0) return;
    await sqlExec(
      em,
      `insert into finance_charge_adjustment (school_id, charge_id, kind, amount, reason, entered_on, run_id, created_by)
       select $1, t.charge_id, 'CORRECTION', t.amount, t.reason, $5, $6, $7
         from unnest($2::uuid[], $3::bigint[], $4::text[]) as t(charge_id, amount, reason)
       returning 1`,
      [
        schoolId,
        corrections.map((c) => c.chargeId),
        corrections.map((c) => c.amount),
        corrections.map((c) => c.reason),
        enteredOn,
        runId,
        userId,
      ],
    );
  }

  async createRun(
    em: EntityManager,
    schoolId: string,
    periodId: string,
    status: 'QUEUED' | 'RUNNING',
    pupils: number,
    userId: string | null,
  ): Promise<ChargeGeneration & { id: string }> {
    const row = await sqlRow<RunRow>(
      em,
      `insert into finance_charge_run (school_id, period_id, status, pupils, requested_by) values ($1, $2, $3, $4, $5)
       returning ${RUN_COLUMNS}`,
      [schoolId, periodId, status, pupils, userId],
    );
    if (!row) throw new Error(`insert: no run returned for period ${periodId}`);
    return toRun(row);
  }

  /**
   * Marks FAILED a run of the period still queued or running after `hours`: its job died for good (pg-boss retries a
   * job once within 30 minutes), and it would otherwise hold the period's one active run forever.
   */
  async abandonStaleRuns(em: EntityManager, schoolId: string, periodId: string, hours: number): Promise<void> {
    await sqlExec(
      em,
      `update finance_charge_run set status = 'FAILED', message = 'abandoned: no worker finished it', finished_at = now()
        where school_id = $1 and period_id = $2 and status in ('QUEUED', 'RUNNING')
          and created_at < now() - make_interval(hours => $3)`,
      [schoolId, periodId, hours],
    );
  }

  /** The period's run still queued or running, if any. */
  async activeRun(
    em: EntityManager,
    schoolId: string,
    periodId: string,
  ): Promise<(ChargeGeneration & { id: string }) | undefined> {
    const row = await sqlRow<RunRow>(
      em,
      `select ${RUN_COLUMNS} from finance_charge_run
        where school_id = $1 and period_id = $2 and status in ('QUEUED', 'RUNNING')`,
      [schoolId, periodId],
    );
    return row && toRun(row);
  }

  async latestRun(
    em: EntityManager,
    schoolId: string,
    periodId: string,
  ): Promise<(ChargeGeneration & { id: string }) | undefined> {
    const row = await sqlRow<RunRow>(
      em,
      `select ${RUN_COLUMNS} from finance_charge_run where school_id = $1 and period_id = $2
        order by created_at desc, id limit 1`,
      [schoolId, periodId],
    );
    return row && toRun(row);
  }

  /** Starts (or, for a redelivered job, starts over) a queued run's counts: batches add to them. */
  async startRun(em: EntityManager, schoolId: string, runId: string): Promise<void> {
    await sqlExec(
      em,
      `update finance_charge_run set status = 'RUNNING', processed = 0, created = 0, corrected = 0, unchanged = 0,
              list_amount = 0, relief_amount = 0, support_amount = 0, reimbursed_amount = 0, due_amount = 0
        where school_id = $1 and id = $2`,
      [schoolId, runId],
    );
  }

  /** Adds a batch's counts and sums to the run, and marks it running. */
  async addTally(em: EntityManager, schoolId: string, runId: string, t: RunTally): Promise<void> {
    await sqlExec(
      em,
      `update finance_charge_run set status = 'RUNNING', processed = processed + $3, created = created + $4,
              corrected = corrected + $5, unchanged = unchanged + $6, list_amount = list_amount + $7,
              relief_amount = relief_amount + $8, support_amount = support_amount + $9,
              reimbursed_amount = reimbursed_amount + $10, due_amount = due_amount + $11
        where school_id = $1 and id = $2`,
      [
        schoolId,
        runId,
        t.processed,
        t.created,
        t.corrected,
        t.unchanged,
        t.listAmount,
        t.reliefAmount,
        t.supportAmount,
        t.reimbursedAmount,
        t.dueAmount,
      ],
    );
  }

  async finishRun(
    em: EntityManager,
    schoolId: string,
    runId: string,
    status: 'DONE' | 'FAILED',
    message: string | null,
  ): Promise<void> {
    await sqlExec(
      em,
      `update finance_charge_run set status = $3, message = $4, finished_at = now() where school_id = $1 and id = $2`,
      [schoolId, runId, status, message],
    );
  }
}

function toRun(r: RunRow): ChargeGeneration & { id: string } {
  return {
    id: r.id,
    periodId: r.period_id,
    status: r.status,
    pupils: r.pupils,
    processed: r.processed,
    created: r.created,
    corrected: r.corrected,
    unchanged: r.unchanged,
    listAmount: Number(r.list_amount),
    reliefAmount: Number(r.relief_amount),
    supportAmount: Number(r.support_amount),
    reimbursedAmount: Number(r.reimbursed_amount),
    dueAmount: Number(r.due_amount),
    message: r.message,
  };
}
