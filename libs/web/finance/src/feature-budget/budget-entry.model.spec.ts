import '@angular/compiler';
import { BudgetEntry } from '@emis/contracts';
import { createBudgetEntryForm, enterableKinds, isReversible, toBudgetEntryInput } from './budget-entry.model';

const entry: BudgetEntry = {
  id: 'b1',
  fiscalYear: 2026,
  kind: 'ESTIMATE',
  fundingSource: 'STATE_REGULAR',
  spendingGroup: 'PERSONNEL',
  amount: 1_200_000_000,
  enteredOn: '2026-01-05',
  decisionNumber: null,
  decisionDate: null,
  note: null,
  reversesId: null,
  reversedById: null,
  createdAt: '2026-01-05T02:00:00Z',
};

describe('the budget entries a user may write', () => {
  it('gives the school its estimate and adjustments, and the department the allocation', () => {
    expect(enterableKinds({ manage: true, allocate: false })).toEqual(['ESTIMATE', 'ADJUSTMENT']);
    expect(enterableKinds({ manage: false, allocate: true })).toEqual(['ALLOCATION']);
    expect(enterableKinds({ manage: false, allocate: false })).toEqual([]);
  });

  it('reverses an entry once, by whoever may write its kind, and never a reversal', () => {
    const school = enterableKinds({ manage: true, allocate: false });
    expect(isReversible(entry, school)).toBe(true);
    expect(isReversible(entry, ['ALLOCATION'])).toBe(false);
    expect(isReversible({ ...entry, reversedById: 'b2' }, school)).toBe(false);
    expect(isReversible({ ...entry, id: 'b2', kind: 'REVERSAL', reversesId: 'b1', amount: -1 }, school)).toBe(false);
  });
});

describe('a budget entry typed in', () => {
  it('carries the fiscal year, the amount in whole đồng and empty texts as null', () => {
    const form = createBudgetEntryForm('ESTIMATE', '2026-01-05');
    form.patchValue({ amount: 1_200_000_000, decisionNumber: '  ' });
    expect(toBudgetEntryInput(form, 2026)).toEqual({
      input: {
        fiscalYear: 2026,
        kind: 'ESTIMATE',
        fundingSource: 'STATE_REGULAR',
        spendingGroup: 'PERSONNEL',
        amount: 1_200_000_000,
        enteredOn: '2026-01-05',
        decisionNumber: null,
        decisionDate: null,
        note: null,
      },
    });
  });

  it('makes a reducing adjustment negative, and ignores "reduce" on an estimate', () => {
    const adjustment = createBudgetEntryForm('ADJUSTMENT');
    adjustment.patchValue({ amount: 50_000_000, negative: true });
    expect(toBudgetEntryInput(adjustment, 2026)).toMatchObject({ input: { amount: -50_000_000 } });
    const estimate = createBudgetEntryForm('ESTIMATE');
    estimate.patchValue({ amount: 50_000_000, negative: true });
    expect(toBudgetEntryInput(estimate, 2026)).toMatchObject({ input: { amount: 50_000_000 } });
  });

  it('refuses a missing or zero amount', () => {
    const form = createBudgetEntryForm('ALLOCATION');
    expect(toBudgetEntryInput(form, 2026)).toEqual({ error: 'required' });
    form.patchValue({ amount: 0 });
    expect(toBudgetEntryInput(form, 2026)).toEqual({ error: 'zero' });
  });
});
