import { Injectable } from '@nestjs/common';
import { sqlRows } from '@emis/api/platform';
import type { BudgetSource, SpendingGroup } from '@emis/domain';
import { EntityManager } from 'typeorm';

/** A school's charges of one school year, summed; sums of bigint arrive as text. */
export interface DuesRow {
  school_year_id: string;
  pupils: number;
  charges: number;
  list_amount: string;
  relief_amount: string;
  support_amount: string;
  reimbursed_amount: string;
  due_amount: string;
  adjusted: string;
  paid: string;
}

/** A school's budget entries of one fiscal year, source and group, summed by the kind they count in. */
export interface BudgetRow {
  fiscal_year: number;
  funding_source: BudgetSource;
  spending_group: SpendingGroup;
  estimate: string;
  allocated: string;
  adjusted: string;
}

/** What a school's approved vouchers spent in one fiscal year, source and group. */
export interface SpentRow {
  fiscal_year: number;
  funding_source: BudgetSource;
  spending_group: SpendingGroup;
  spent: string;
}

/** The queries behind FinanceFacts: every one reads one school's ledger (school_id first: one Citus shard). */
@Injectable()
export class FinanceFactsRepository {
  /**
   * The charges of each school year (through their fee period) with the adjustments and allocations of each charge
   * summed first, so a charge with several of either is counted once.
   */
  async duesByYear(em: EntityManager, schoolId: string): Promise<DuesRow[]> {
    return sqlRows<DuesRow>(
      em,
      `with adjusted as (
              select charge_id, sum(amount) as amount from finance_charge_adjustment
               where school_id = $1 group by charge_id),
            paid as (
              select charge_id, sum(amount) as amount from finance_allocation
               where school_id = $1 group by charge_id)
       select p.school_year_id, count(distinct c.student_id)::int as pupils, count(*)::int as charges,
              sum(c.list_amount)::text as list_amount, sum(c.relief_amount)::text as relief_amount,
              sum(c.support_amount)::text as support_amount, sum(c.reimbursed_amount)::text as reimbursed_amount,
              sum(c.due_amount)::text as due_amount, coalesce(sum(a.amount), 0)::text as adjusted,
              coalesce(sum(x.amount), 0)::text as paid
         from finance_charge c
         join finance_period p on p.school_id = c.school_id and p.id = c.period_id
         left join adjusted a on a.charge_id = c.id
         left join paid x on x.charge_id = c.id
        where c.school_id = $1
        group by p.school_year_id`,
      [schoolId],
    );
  }

  /** Budget entries by the kind they count in: a REVERSAL in the kind of the entry it reverses. */
  async budgetByYear(em: EntityManager, schoolId: string): Promise<BudgetRow[]> {
    return sqlRows<BudgetRow>(
      em,
      `select e.fiscal_year, e.funding_source, e.spending_group,
              coalesce(sum(e.amount) filter (where coalesce(r.kind, e.kind) = 'ESTIMATE'), 0)::text as estimate,
              coalesce(sum(e.amount) filter (where coalesce(r.kind, e.kind) = 'ALLOCATION'), 0)::text as allocated,
              coalesce(sum(e.amount) filter (where coalesce(r.kind, e.kind) = 'ADJUSTMENT'), 0)::text as adjusted
         from finance_budget_entry e
         left join finance_budget_entry r on r.school_id = e.school_id and r.id = e.reverses_id
        where e.school_id = $1
        group by e.fiscal_year, e.funding_source, e.spending_group`,
      [schoolId],
    );
  }

  /**
   * Execution: approved vouchers by the calendar year of their date (the fiscal year), as the school's budget view
   * counts them: a reversal is an approved row of the opposite amount dated when it was reversed. Drafts and rejected
   * vouchers spent nothing.
   */
  async spentByYear(em: EntityManager, schoolId: string): Promise<SpentRow[]> {
    return sqlRows<SpentRow>(
      em,
      `select extract(year from spent_on)::int as fiscal_year, funding_source, spending_group,
              sum(amount)::text as spent
         from finance_expense
        where school_id = $1 and status = 'APPROVED'
        group by 1, funding_source, spending_group`,
      [schoolId],
    );
  }
}
