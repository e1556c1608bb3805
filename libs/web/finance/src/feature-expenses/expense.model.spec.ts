import '@angular/compiler';
import { Expense } from '@emis/contracts';
import { createExpenseForm, expenseActions, fillExpenseForm, toExpenseInput, toExpenseUpdate } from './expense.model';

const draft: Expense = {
  id: 'e1',
  kind: 'EXPENSE',
  documentNumber: null,
  spentOn: '2026-03-10',
  fundingSource: 'STATE_REGULAR',
  spendingGroup: 'GOODS_SERVICES',
  method: 'CASH',
  amount: 1_250_000,
  payee: 'Công ty Văn phòng phẩm Hồng Hà',
  description: 'Mua giấy thi học kỳ II',
  status: 'DRAFT',
  reversesId: null,
  reversedById: null,
  approvedBy: null,
  approvedAt: null,
  decisionNote: null,
  attachments: [],
  version: 3,
};
const approved: Expense = { ...draft, status: 'APPROVED', documentNumber: 'PC-2026-000004', approvedBy: 'u2' };
const accountant = { manage: true, approve: false };
const principal = { manage: true, approve: true };

describe('what can be done with an expense voucher', () => {
  it('lets the accountant edit a draft and attach files, but not decide it', () => {
    expect([...expenseActions(draft, accountant)].sort()).toEqual(['attach', 'edit']);
  });

  it('lets the principal approve or reject a draft', () => {
    const actions = expenseActions(draft, principal);
    expect(actions.has('approve')).toBe(true);
    expect(actions.has('reject')).toBe(true);
  });

  it('never edits an approved voucher: the principal reverses it; it prints with its number', () => {
    expect([...expenseActions(approved, principal)].sort()).toEqual(['print', 'reverse']);
    expect([...expenseActions(approved, accountant)]).toEqual(['print']);
  });

  it('reverses a voucher once, and never a reversal', () => {
    expect(expenseActions({ ...approved, reversedById: 'e9' }, principal).has('reverse')).toBe(false);
    const reversal: Expense = { ...approved, id: 'e9', kind: 'REVERSAL', reversesId: 'e1', amount: -1_250_000 };
    expect(expenseActions(reversal, principal).has('reverse')).toBe(false);
  });

  it('leaves a rejected voucher alone', () => {
    expect(expenseActions({ ...draft, status: 'REJECTED' }, principal).size).toBe(0);
  });
});

describe('the expense voucher form', () => {
  it('gives nothing until the amount, payee and description are filled', () => {
    const form = createExpenseForm('2026-03-10');
    expect(toExpenseInput(form)).toBeNull();
    form.patchValue({ amount: 0, payee: 'A', description: 'B' });
    expect(toExpenseInput(form)).toBeNull();
    form.patchValue({ amount: 500_000 });
    expect(toExpenseInput(form)).toMatchObject({ spentOn: '2026-03-10', amount: 500_000, payee: 'A' });
  });

  it('sends only the changed fields of a draft, with the version it read', () => {
    const form = createExpenseForm();
    fillExpenseForm(form, draft);
    expect(toExpenseUpdate(form, draft)).toEqual({ version: 3 });
    form.patchValue({ amount: 1_300_000, payee: '  Công ty Hồng Hà ' });
    expect(toExpenseUpdate(form, draft)).toEqual({ version: 3, amount: 1_300_000, payee: 'Công ty Hồng Hà' });
  });
});
