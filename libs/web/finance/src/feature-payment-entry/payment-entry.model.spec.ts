import { Charge, FeePeriod } from '@emis/contracts';
import { outstandingLines } from '../ui/outstanding-lines';
import { checkPayment, PaymentDraft, toPaymentInput } from './payment-entry.model';

const period = (id: string, code: string, startsOn: string) => ({ id, code, startsOn }) as FeePeriod;
const charge = (id: string, periodId: string, feeName: string, outstanding: number) =>
  ({ id, periodId, feeName, outstanding }) as Charge;

const periods = [period('p2', 'HK2', '2026-01-12'), period('p1', 'HK1', '2025-09-05')];
const charges = [
  charge('c-meals-2', 'p2', 'Tiền ăn', 900_000),
  charge('c-tuition-1', 'p1', 'Học phí', 1_500_000),
  charge('c-paid', 'p1', 'Bảo hiểm y tế', 0),
  charge('c-meals-1', 'p1', 'Tiền ăn', 800_000),
];
const lines = outstandingLines(charges, periods);

const draft = (changes: Partial<PaymentDraft> = {}): PaymentDraft => ({
  studentId: 's1',
  lines,
  chosen: new Set(lines.map((line) => line.chargeId)),
  amount: { ok: true, value: 3_200_000 },
  method: 'CASH',
  bankReference: '',
  paidOn: '2026-02-02',
  payerName: '',
  ...changes,
});

describe('the outstanding lines of a payment', () => {
  it('lists what is still owed, oldest period first, then by fee name', () => {
    expect(lines.map((line) => `${line.periodCode} ${line.feeName}`)).toEqual([
      'HK1 Học phí',
      'HK1 Tiền ăn',
      'HK2 Tiền ăn',
    ]);
  });
});

describe('checking a payment before it is sent', () => {
  it('accepts the whole debt and leaves the split to the API when every line is chosen', () => {
    const d = draft();
    const check = checkPayment(d);
    expect(check.errors).toEqual({});
    expect(check.payable).toBe(3_200_000);
    expect(toPaymentInput(d, check)).toEqual({
      studentId: 's1',
      paidOn: '2026-02-02',
      method: 'CASH',
      bankReference: null,
      amount: 3_200_000,
      payerName: null,
    });
  });

  it('settles a part payment oldest first', () => {
    expect(checkPayment(draft({ amount: { ok: true, value: 2_000_000 } })).allocations).toEqual([
      { chargeId: 'c-tuition-1', amount: 1_500_000 },
      { chargeId: 'c-meals-1', amount: 500_000 },
    ]);
  });

  it('refuses more than the chosen lines owe', () => {
    expect(checkPayment(draft({ amount: { ok: true, value: 3_200_001 } })).errors.amount).toBe('over');
    const mealsOnly = draft({ chosen: new Set(['c-meals-2']), amount: { ok: true, value: 1_000_000 } });
    expect(checkPayment(mealsOnly).errors.amount).toBe('over');
  });

  it('sends the chosen lines explicitly when the official picked some', () => {
    const d = draft({ chosen: new Set(['c-meals-2', 'c-meals-1']), amount: { ok: true, value: 1_000_000 } });
    const check = checkPayment(d);
    expect(check.errors).toEqual({});
    expect(toPaymentInput(d, check).allocations).toEqual([
      { chargeId: 'c-meals-1', amount: 800_000 },
      { chargeId: 'c-meals-2', amount: 200_000 },
    ]);
  });

  it('refuses no amount, zero, an amount that is not whole đồng and no line at all', () => {
    expect(checkPayment(draft({ amount: { ok: true, value: null } })).errors.amount).toBe('amount');
    expect(checkPayment(draft({ amount: { ok: true, value: 0 } })).errors.amount).toBe('amount');
    expect(checkPayment(draft({ amount: { ok: false } })).errors.amount).toBe('dong');
    expect(checkPayment(draft({ chosen: new Set() })).errors.lines).toBe('lines');
  });

  it('asks a bank transfer for its reference and sends it trimmed; cash sends none', () => {
    expect(checkPayment(draft({ method: 'BANK' })).errors.bankReference).toBe('bankReference');
    const bank = draft({ method: 'BANK', bankReference: ' FT2603301234 ' });
    expect(toPaymentInput(bank, checkPayment(bank)).bankReference).toBe('FT2603301234');
    const cash = draft({ bankReference: 'FT1' });
    expect(toPaymentInput(cash, checkPayment(cash)).bankReference).toBeNull();
  });
});
