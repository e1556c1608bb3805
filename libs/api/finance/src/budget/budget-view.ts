import type { Budget, BudgetEntry, BudgetRow } from '@emis/contracts';
import { BUDGET_SOURCES, BudgetEntryKind, BudgetSource, SPENDING_GROUPS, SpendingGroup } from '@emis/domain';

/** A budget entry with the kind it counts as: its own, or for a reversal the kind of the entry it reverses. */
export interface CountedEntry extends BudgetEntry {
  countsAs: Exclude<BudgetEntryKind, 'REVERSAL'>;
}

/** What approved vouchers (and their reversals) spent from one source on one group in the year. */
export interface Spending {
  fundingSource: BudgetSource;
  spendingGroup: SpendingGroup;
  amount: number;
}

type Figures = Omit<BudgetRow, 'fundingSource' | 'spendingGroup'>;

const COLUMN: Record<CountedEntry['countsAs'], 'estimate' | 'allocated' | 'adjusted'> = {
  ESTIMATE: 'estimate',
  ALLOCATION: 'allocated',
  ADJUSTMENT: 'adjusted',
};

const zero = (): Figures => ({ estimate: 0, allocated: 0, adjusted: 0, available: 0, spent: 0, remaining: 0 });

/**
 * The budget of a fiscal year per funding source × spending group: the school's estimate (dự toán), what the
 * department or unit allocated (giao dự toán), adjustments, what may be spent (allocated + adjusted) and what
 * approved vouchers spent. A reversal counts in the column of the entry it reverses, with the opposite sign, so a
 * reversed entry leaves its row as if it had never been made. Only combinations with some figure are listed, in the
 * order of the vocabulary. Sums of whole đồng: exact as long as each stays below 2^53, which the API's limit per
 * amount and the count of entries of a school keep them far from.
 */
export function budgetOf(fiscalYear: number, entries: CountedEntry[], spending: Spending[]): Budget {
  const rows = new Map<string, Figures>();
  const at = (source: BudgetSource, group: SpendingGroup) => {
    const key = `${source}/${group}`;
    if (!rows.has(key)) rows.set(key, zero());
    return rows.get(key)!;
  };
  for (const e of entries) at(e.fundingSource, e.spendingGroup)[COLUMN[e.countsAs]] += e.amount;
  for (const s of spending) at(s.fundingSource, s.spendingGroup).spent += s.amount;
  const ordered: BudgetRow[] = [];
  for (const fundingSource of BUDGET_SOURCES)
    for (const spendingGroup of SPENDING_GROUPS) {
      const f = rows.get(`${fundingSource}/${spendingGroup}`);
      if (!f || Object.values(f).every((v) => v === 0)) continue;
      ordered.push({ fundingSource, spendingGroup, ...withBalances(f) });
    }
  const total = withBalances(
    ordered.reduce<Figures>(
      (sum, r) => ({
        ...sum,
        estimate: sum.estimate + r.estimate,
        allocated: sum.allocated + r.allocated,
        adjusted: sum.adjusted + r.adjusted,
        spent: sum.spent + r.spent,
      }),
      zero(),
    ),
  );
  return { fiscalYear, rows: ordered, total, entries: entries.map(({ countsAs: _countsAs, ...entry }) => entry) };
}

function withBalances(f: Figures): Figures {
  const available = f.allocated + f.adjusted;
  return { ...f, available, remaining: available - f.spent };
}
