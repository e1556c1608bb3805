import { executionRate } from './budget-execution.book';
import { budgetOf, CountedEntry } from './budget-view';

const entry = (
  countsAs: CountedEntry['countsAs'],
  amount: number,
  extra: Partial<CountedEntry> = {},
): CountedEntry => ({
  id: `${countsAs}-${amount}`,
  fiscalYear: 2025,
  kind: countsAs,
  countsAs,
  fundingSource: 'STATE_REGULAR',
  spendingGroup: 'PERSONNEL',
  amount,
  enteredOn: '2025-01-06',
  decisionNumber: null,
  decisionDate: null,
  note: null,
  reversesId: null,
  reversedById: null,
  createdAt: '2025-01-06T01:00:00.000Z',
  ...extra,
});

describe('the budget of a year', () => {
  it('counts a reversal in the column of the entry it reverses, so the row is as if the entry was never made', () => {
    const budget = budgetOf(
      2025,
      [
        entry('ALLOCATION', 500_000_000),
        entry('ALLOCATION', 80_000_000),
        entry('ALLOCATION', -80_000_000, { kind: 'REVERSAL', reversesId: 'ALLOCATION-80000000' }),
      ],
      [],
    );
    expect(budget.rows).toEqual([
      {
        fundingSource: 'STATE_REGULAR',
        spendingGroup: 'PERSONNEL',
        estimate: 0,
        allocated: 500_000_000,
        adjusted: 0,
        available: 500_000_000,
        spent: 0,
        remaining: 500_000_000,
      },
    ]);
    expect(budget.entries.map((e) => e.kind)).toEqual(['ALLOCATION', 'ALLOCATION', 'REVERSAL']);
    expect(budget.entries[0]).not.toHaveProperty('countsAs');
  });

  it('lists rows in the vocabulary’s order, drops a row whose figures all cancel, and totals to the đồng', () => {
    const budget = budgetOf(
      2025,
      [
        entry('ESTIMATE', 7, { fundingSource: 'AID', spendingGroup: 'OTHER' }),
        entry('ADJUSTMENT', 3, { fundingSource: 'TUITION', spendingGroup: 'ASSETS' }),
        entry('ADJUSTMENT', -3, { fundingSource: 'TUITION', spendingGroup: 'ASSETS' }),
        entry('ALLOCATION', 1_000_000_001),
      ],
      [{ fundingSource: 'STATE_REGULAR', spendingGroup: 'PERSONNEL', amount: 333_333_334 }],
    );
    expect(budget.rows.map((r) => `${r.fundingSource}/${r.spendingGroup}`)).toEqual([
      'STATE_REGULAR/PERSONNEL',
      'AID/OTHER',
    ]);
    expect(budget.total).toEqual({
      estimate: 7,
      allocated: 1_000_000_001,
      adjusted: 0,
      available: 1_000_000_001,
      spent: 333_333_334,
      remaining: 666_666_667,
    });
  });
});

describe('the execution rate', () => {
  it('is spent of available in per cent with one decimal, rounded half up, and none without a budget', () => {
    expect(executionRate({ available: 950_000_000, spent: 120_000_000 })).toBe(12.6);
    expect(executionRate({ available: 2000, spent: 1 })).toBe(0.1);
    expect(executionRate({ available: 2001, spent: 1 })).toBe(0);
    expect(executionRate({ available: 0, spent: 5 })).toBeNull();
    expect(executionRate({ available: 8_000_000_000_000_000, spent: 8_000_000_000_000_000 })).toBe(100);
  });
});
