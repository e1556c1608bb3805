import { Injectable } from '@nestjs/common';
import type { FinanceBudgetSourceRow, FinanceFigures } from '@emis/contracts';
import { sqlRows } from '@emis/api/platform';
import { BUDGET_SOURCES, BudgetSource } from '@emis/domain';
import { EntityManager } from 'typeorm';

/** Sums of bigint arrive as text; every figure is whole đồng below 2^53. */
interface DuesSumsRow {
  school_id: string;
  pupils: number;
  list_amount: string;
  relief_amount: string;
  support_amount: string;
  reimbursed_amount: string;
  due: string;
  paid: string;
  outstanding: string;
}

interface BudgetSumsRow {
  estimate: string;
  allocated: string;
  adjusted: string;
  spent: string;
}

/** Nothing charged, nothing budgeted: the figures of a school without finance facts. */
export function noFinance(): FinanceFigures {
  return {
    pupils: 0,
    listAmount: 0,
    reliefAmount: 0,
    supportAmount: 0,
    reimbursedAmount: 0,
    due: 0,
    paid: 0,
    outstanding: 0,
    budgetAvailable: 0,
    spent: 0,
  };
}

/** Adds `b` into `a` (exact: every figure is a whole number below 2^53). */
export function addFinance(a: FinanceFigures, b: FinanceFigures): FinanceFigures {
  for (const key of Object.keys(a) as (keyof FinanceFigures)[]) a[key] += b[key];
  return a;
}

/** The finance report's queries: sums of reporting.finance_total and reporting.finance_budget per school, per source. */
@Injectable()
export class FinanceReportRepository {
  /** Each school's dues and collection of the school year, and its budget and spending of the fiscal year. */
  async bySchool(
    em: EntityManager,
    schoolIds: string[],
    yearId: string,
    fiscalYear: number,
  ): Promise<Map<string, FinanceFigures>> {
    const figures = new Map<string, FinanceFigures>();
    const of = (id: string) => figures.get(id) ?? figures.set(id, noFinance()).get(id)!;
    const dues = await sqlRows<DuesSumsRow>(
      em,
      `select f.school_id, f.pupils, f.list_amount::text, f.relief_amount::text, f.support_amount::text,
              f.reimbursed_amount::text, (f.due_amount + f.adjusted)::text as due, f.paid::text, f.outstanding::text
         from reporting.finance_total f
        where f.school_id = any ($1::uuid[]) and f.school_year_id = $2`,
      [schoolIds, yearId],
    );
    for (const r of dues)
      Object.assign(of(r.school_id), {
        pupils: r.pupils,
        listAmount: Number(r.list_amount),
        reliefAmount: Number(r.relief_amount),
        supportAmount: Number(r.support_amount),
        reimbursedAmount: Number(r.reimbursed_amount),
        due: Number(r.due),
        paid: Number(r.paid),
        outstanding: Number(r.outstanding),
      });
    const budget = await sqlRows<BudgetSumsRow & { school_id: string }>(
      em,
      `select b.school_id, sum(b.estimate)::text as estimate, sum(b.allocated)::text as allocated,
              sum(b.adjusted)::text as adjusted, sum(b.spent)::text as spent
         from reporting.finance_budget b
        where b.school_id = any ($1::uuid[]) and b.fiscal_year = $2
        group by b.school_id`,
      [schoolIds, fiscalYear],
    );
    for (const r of budget)
      Object.assign(of(r.school_id), {
        budgetAvailable: Number(r.allocated) + Number(r.adjusted),
        spent: Number(r.spent),
      });
    return figures;
  }

  /** The fiscal year's budget per funding source over the schools, in the vocabulary's order of sources. */
  async bySource(em: EntityManager, schoolIds: string[], fiscalYear: number): Promise<FinanceBudgetSourceRow[]> {
    const rows = await sqlRows<BudgetSumsRow & { funding_source: BudgetSource }>(
      em,
      `select b.funding_source, sum(b.estimate)::text as estimate, sum(b.allocated)::text as allocated,
              sum(b.adjusted)::text as adjusted, sum(b.spent)::text as spent
         from reporting.finance_budget b
        where b.school_id = any ($1::uuid[]) and b.fiscal_year = $2
        group by b.funding_source`,
      [schoolIds, fiscalYear],
    );
    return rows
      .map((r) => {
        const allocated = Number(r.allocated);
        const adjusted = Number(r.adjusted);
        const spent = Number(r.spent);
        // available = allocated + adjusted, as the school's own budget view counts it.
        const available = allocated + adjusted;
        return {
          fundingSource: r.funding_source,
          estimate: Number(r.estimate),
          allocated,
          adjusted,
          available,
          spent,
          remaining: available - spent,
        };
      })
      .sort((a, b) => BUDGET_SOURCES.indexOf(a.fundingSource) - BUDGET_SOURCES.indexOf(b.fundingSource));
  }
}
