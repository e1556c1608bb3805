import { Injectable } from '@nestjs/common';
import { sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** One pupil's charges of one period in one class, summed: what the summary groups by class, grade or period. */
export interface PupilPeriodSums {
  periodId: string;
  periodCode: string;
  periodName: string;
  periodStartsOn: string;
  periodEndsOn: string;
  classId: string;
  studentId: string;
  listAmount: number;
  reliefAmount: number;
  supportAmount: number;
  reimbursedAmount: number;
  due: number;
  adjusted: number;
  paid: number;
}

interface SumsRow {
  period_id: string;
  code: string;
  name: string;
  starts_on: string;
  ends_on: string;
  class_id: string;
  student_id: string;
  list_amount: string;
  relief_amount: string;
  support_amount: string;
  reimbursed_amount: string;
  due: string;
  adjusted: string;
  paid: string;
}

/** The charges of a school year (or one of its periods) with their adjustments and what was allocated to them. */
@Injectable()
export class CollectionSummaryRepository {
  async sums(
    em: EntityManager,
    schoolId: string,
    schoolYearId: string,
    periodId: string | null,
  ): Promise<PupilPeriodSums[]> {
    const rows = await sqlRows<SumsRow>(
      em,
      `select p.id as period_id, p.code, p.name, p.starts_on::text, p.ends_on::text, c.class_id, c.student_id,
              sum(c.list_amount) as list_amount, sum(c.relief_amount) as relief_amount,
              sum(c.support_amount) as support_amount, sum(c.reimbursed_amount) as reimbursed_amount,
              sum(c.due_amount) as due,
              coalesce(sum((select sum(j.amount) from finance_charge_adjustment j
                             where j.school_id = c.school_id and j.charge_id = c.id)), 0) as adjusted,
              coalesce(sum((select sum(a.amount) from finance_allocation a
                             where a.school_id = c.school_id and a.charge_id = c.id)), 0) as paid
         from finance_charge c
         join finance_period p on p.school_id = c.school_id and p.id = c.period_id
        where c.school_id = $1 and p.school_year_id = $2 and ($3::uuid is null or p.id = $3)
        group by p.id, p.code, p.name, p.starts_on, p.ends_on, c.class_id, c.student_id`,
      [schoolId, schoolYearId, periodId],
    );
    return rows.map((r) => ({
      periodId: r.period_id,
      periodCode: r.code,
      periodName: r.name,
      periodStartsOn: r.starts_on,
      periodEndsOn: r.ends_on,
      classId: r.class_id,
      studentId: r.student_id,
      listAmount: Number(r.list_amount),
      reliefAmount: Number(r.relief_amount),
      supportAmount: Number(r.support_amount),
      reimbursedAmount: Number(r.reimbursed_amount),
      due: Number(r.due),
      adjusted: Number(r.adjusted),
      paid: Number(r.paid),
    }));
  }

  /** The school year's code (2025-2026), for the printed title, through academic's view; null for an unknown year. */
  async schoolYearCode(em: EntityManager, schoolYearId: string): Promise<string | null> {
    const row = await sqlRow<{ code: string }>(em, `select code from academic_school_year where id = $1`, [
      schoolYearId,
    ]);
    return row?.code ?? null;
  }
}
