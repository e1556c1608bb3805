import { FormControl, FormGroup, Validators } from '@angular/forms';
import { BudgetEntry, BudgetEntryInput } from '@emis/contracts';
import { BudgetSource, SpendingGroup, todayInVietnam } from '@emis/domain';

export type EnteredKind = BudgetEntryInput['kind'];

/**
 * The kinds of entry a user may write: the school writes its estimate and adjustments (finance.manage); the allocation
 * comes from the department or the school's unit (finance.allocate), the school only reads it.
 */
export function enterableKinds(rights: { manage: boolean; allocate: boolean }): EnteredKind[] {
  const kinds: EnteredKind[] = [];
  if (rights.manage) kinds.push('ESTIMATE', 'ADJUSTMENT');
  if (rights.allocate) kinds.push('ALLOCATION');
  return kinds;
}

/**
 * An entry is corrected by one REVERSAL entry that cancels it, written by whoever may write its kind; a reversal
 * itself is not reversed (the entry is made again instead).
 */
export function isReversible(entry: BudgetEntry, kinds: readonly EnteredKind[]): boolean {
  return entry.kind !== 'REVERSAL' && entry.reversedById === null && kinds.includes(entry.kind);
}

/**
 * The estimate and the allocation are amounts given; an adjustment adds or takes away, so it alone may be negative.
 * Zero is refused everywhere: an entry that moves nothing is noise in the ledger.
 */
export function amountError(kind: EnteredKind, amount: number | null): 'required' | 'zero' | 'negative' | null {
  if (amount === null) return 'required';
  if (amount === 0) return 'zero';
  return amount < 0 && kind !== 'ADJUSTMENT' ? 'negative' : null;
}

export function createBudgetEntryForm(kind: EnteredKind, today: string = todayInVietnam()) {
  return new FormGroup({
    kind: new FormControl<EnteredKind>(kind, { nonNullable: true }),
    fundingSource: new FormControl<BudgetSource>('STATE_REGULAR', { nonNullable: true }),
    spendingGroup: new FormControl<SpendingGroup>('PERSONNEL', { nonNullable: true }),
    amount: new FormControl<number | null>(null),
    negative: new FormControl(false, { nonNullable: true }),
    enteredOn: new FormControl(today, { nonNullable: true, validators: [Validators.required] }),
    decisionNumber: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(60)] }),
    decisionDate: new FormControl('', { nonNullable: true }),
    note: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] }),
  });
}

export type BudgetEntryForm = ReturnType<typeof createBudgetEntryForm>;

/**
 * The entry for the fiscal year, or the reason it cannot go. The amount field takes whole đồng without a sign (the
 * đồng input reads digits only); "reduce" on an adjustment makes it negative.
 */
export function toBudgetEntryInput(
  form: BudgetEntryForm,
  fiscalYear: number,
): { input: BudgetEntryInput } | { error: 'required' | 'zero' | 'negative' | 'form' } {
  const v = form.getRawValue();
  const amount = v.amount === null ? null : v.negative && v.kind === 'ADJUSTMENT' ? -v.amount : v.amount;
  const error = amountError(v.kind, amount);
  if (error) return { error };
  if (form.invalid || amount === null) return { error: 'form' };
  return {
    input: {
      fiscalYear,
      kind: v.kind,
      fundingSource: v.fundingSource,
      spendingGroup: v.spendingGroup,
      amount,
      enteredOn: v.enteredOn,
      decisionNumber: v.decisionNumber.trim() || null,
      decisionDate: v.decisionDate || null,
      note: v.note.trim() || null,
    },
  };
}
