import { FormControl, FormGroup, Validators } from '@angular/forms';
import { Expense, ExpenseInput, ExpenseUpdate } from '@emis/contracts';
import { BudgetSource, PaymentMethod, SpendingGroup, todayInVietnam } from '@emis/domain';

/** The accountant drafts a voucher; the principal (finance.approve) approves, rejects and reverses it. */
export interface ExpenseRights {
  manage: boolean;
  approve: boolean;
}

export type ExpenseAction = 'edit' | 'approve' | 'reject' | 'reverse' | 'print' | 'attach';

/**
 * What can be done with a voucher now. A draft is edited and decided; an approved voucher is never edited (it holds a
 * number in the VOUCHER series and counts in the budget's execution) but reversed by a REVERSAL voucher; a rejected
 * voucher and a reversal are final. Only a numbered voucher prints.
 */
export function expenseActions(expense: Expense, rights: ExpenseRights): ReadonlySet<ExpenseAction> {
  const actions = new Set<ExpenseAction>();
  const draft = expense.status === 'DRAFT';
  if (draft && rights.manage) actions.add('edit').add('attach');
  if (draft && rights.approve) actions.add('approve').add('reject');
  if (isReversible(expense) && rights.approve) actions.add('reverse');
  if (expense.documentNumber !== null) actions.add('print');
  return actions;
}

function isReversible(expense: Expense): boolean {
  return expense.kind === 'EXPENSE' && expense.status === 'APPROVED' && expense.reversedById === null;
}

export function createExpenseForm(today: string = todayInVietnam()) {
  return new FormGroup({
    spentOn: new FormControl(today, { nonNullable: true, validators: [Validators.required] }),
    fundingSource: new FormControl<BudgetSource>('STATE_REGULAR', { nonNullable: true }),
    spendingGroup: new FormControl<SpendingGroup>('GOODS_SERVICES', { nonNullable: true }),
    method: new FormControl<PaymentMethod>('CASH', { nonNullable: true }),
    // Whole đồng, more than nothing: a voucher pays out; a correction is a reversal, never a negative voucher.
    amount: new FormControl<number | null>(null, { validators: [Validators.required, Validators.min(1)] }),
    payee: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    description: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(500)],
    }),
  });
}

export type ExpenseForm = ReturnType<typeof createExpenseForm>;

export function fillExpenseForm(form: ExpenseForm, expense: Expense): void {
  form.reset({
    spentOn: expense.spentOn,
    fundingSource: expense.fundingSource,
    spendingGroup: expense.spendingGroup,
    method: expense.method,
    amount: expense.amount,
    payee: expense.payee,
    description: expense.description,
  });
}

/** The new voucher, the texts trimmed; null while the form is not complete. */
export function toExpenseInput(form: ExpenseForm): ExpenseInput | null {
  const v = form.getRawValue();
  if (form.invalid || v.amount === null) return null;
  return { ...v, amount: v.amount, payee: v.payee.trim(), description: v.description.trim() };
}

/** Only what changed, with the version read, so the API refuses an edit made over someone else's. */
export function toExpenseUpdate(form: ExpenseForm, expense: Expense): ExpenseUpdate | null {
  const input = toExpenseInput(form);
  if (!input) return null;
  const update: ExpenseUpdate = { version: expense.version };
  const changed = update as unknown as Record<string, unknown>;
  for (const key of Object.keys(input) as (keyof ExpenseInput)[]) {
    if (input[key] !== expense[key]) changed[key] = input[key];
  }
  return update;
}
