import { Injectable } from '@nestjs/common';
import type { FinanceBudgetFact, FinanceTotalFact } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { FinanceFactsRepository } from './finance-facts.repository';

/**
 * The finance port of the reporting read model: a school's dues and collection per school year, and its budget and
 * execution per fiscal year, source and group, in whole đồng. Runs in the caller's transaction under the school's
 * scope. The department's and units' figures are sums of these rows, so they equal the sum of their schools' to the
 * đồng.
 */
@Injectable()
export class FinanceFacts {
  constructor(private readonly repo: FinanceFactsRepository) {}

  async financeTotals(em: EntityManager, schoolId: string): Promise<FinanceTotalFact[]> {
    return (await this.repo.duesByYear(em, schoolId)).map((r) => {
      const dueAmount = Number(r.due_amount);
      const adjusted = Number(r.adjusted);
      const paid = Number(r.paid);
      return {
        schoolYearId: r.school_year_id,
        pupils: r.pupils,
        charges: r.charges,
        listAmount: Number(r.list_amount),
        reliefAmount: Number(r.relief_amount),
        supportAmount: Number(r.support_amount),
        reimbursedAmount: Number(r.reimbursed_amount),
        dueAmount,
        adjusted,
        paid,
        // What the families still owe: the sum over charges of due + adjustments − allocations (docs/domain/finance.md).
        outstanding: dueAmount + adjusted - paid,
      };
    });
  }

  /** One row per fiscal year, source and group that has budget entries or spending. */
  async budgetTotals(em: EntityManager, schoolId: string): Promise<FinanceBudgetFact[]> {
    const rows = new Map<string, FinanceBudgetFact>();
    const row = (r: Pick<FinanceBudgetFact, 'fiscalYear' | 'fundingSource' | 'spendingGroup'>) => {
      const key = `${r.fiscalYear}|${r.fundingSource}|${r.spendingGroup}`;
      const fact = rows.get(key) ?? { ...r, estimate: 0, allocated: 0, adjusted: 0, spent: 0 };
      rows.set(key, fact);
      return fact;
    };
    for (const b of await this.repo.budgetByYear(em, schoolId)) {
      const fact = row({ fiscalYear: b.fiscal_year, fundingSource: b.funding_source, spendingGroup: b.spending_group });
      fact.estimate = Number(b.estimate);
      fact.allocated = Number(b.allocated);
      fact.adjusted = Number(b.adjusted);
    }
    for (const s of await this.repo.spentByYear(em, schoolId)) {
      row({ fiscalYear: s.fiscal_year, fundingSource: s.funding_source, spendingGroup: s.spending_group }).spent =
        Number(s.spent);
    }
    return [...rows.values()];
  }
}
