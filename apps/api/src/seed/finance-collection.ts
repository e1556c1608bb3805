import { Allocation, allocatePayment, foldVietnamese, PaymentMethod, paymentCodeOf } from '@emis/domain';
import { FinanceSeedPupil, FinanceSeedSchool, SeedCharge } from './finance-dues';
import { BANK_SHARE, DEMO_FEES, PAYER_MIX, PAYMENTS_FROM, PAYMENTS_TO } from './finance-plan';
import { addRow, FinanceTableRows } from './finance-rows';
import { SeededRandom } from './seeded-random';

/** A payment before its receipt number: numbers follow the dates, so they are given once all are drawn. */
export interface DrawnPayment {
  id: string;
  kind: 'PAYMENT' | 'REFUND' | 'REVERSAL';
  pupil: FinanceSeedPupil;
  paidOn: string;
  method: PaymentMethod;
  amount: number;
  allocations: { chargeId: string; amount: number }[];
  bankReference: string | null;
  reversesId: string | null;
  /** The payment a refund pays back part of. */
  refundsId?: string;
  note: string | null;
  /** What the family wrote on the transfer, when not the payment code the statement is matched by. */
  transferText?: string;
}

/** A school's collection, drawn: its payments (numbered later, with the school's vouchers) and the money by method. */
export interface SchoolCollection {
  payments: DrawnPayment[];
  cashIn: number;
  bankIn: number;
  cashOut: number;
}

const DAY = 86_400_000;

/** A day between two dates (inclusive), drawn from the stream. */
function dayBetween(rng: SeededRandom, from: string, to: string): string {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / DAY);
  return new Date(Date.parse(from) + rng.int(0, span) * DAY).toISOString().slice(0, 10);
}

/** Settles `amount` on the pupil's charges oldest first (tuition first within the period), as the payment service does. */
function settle(charges: SeedCharge[], amount: number): Allocation[] {
  const open = charges.filter((c) => c.due > 0).map((c) => ({ chargeId: c.id, outstanding: c.due }));
  const result = allocatePayment(amount, open);
  if ('refused' in result) throw new Error(`the seed over-pays a pupil: ${JSON.stringify(result.refused)}`);
  return result.allocations;
}

/**
 * A school's collection up to the demo's today: most families paid the semester in full, some part of it (rounded down
 * to 10,000 đ), a few not yet (the debtors); by bank transfer with the pupil's payment code or in cash. Besides: one
 * receipt entered for the wrong amount, reversed and entered again; one pupil's November meals waived after a long
 * illness and the money refunded in cash; one debtor's transfer with a mistyped code, matched by hand. Then every bank
 * payment on the school's monthly statements as a matched line, and a donation set aside: nothing is left unmatched,
 * so the school's reconciliation balances.
 */
export function schoolCollectionRows(
  rng: SeededRandom,
  school: FinanceSeedSchool,
  charges: Map<string, SeedCharge[]>,
  bankAccount: string,
  out: FinanceTableRows,
  now: Date | string,
): SchoolCollection {
  const payments: DrawnPayment[] = [];
  let references = 0;
  const draw = (
    pupil: FinanceSeedPupil,
    amount: number,
    own: SeedCharge[],
    paidOn = dayBetween(rng, PAYMENTS_FROM, PAYMENTS_TO),
  ) => {
    const method: PaymentMethod = rng.chance(BANK_SHARE) ? 'BANK' : 'CASH';
    const p: DrawnPayment = {
      id: rng.uuid(),
      kind: 'PAYMENT',
      pupil,
      paidOn,
      method,
      amount,
      allocations: settle(own, amount),
      bankReference:
        method === 'BANK' ? `FT26${school.code.replace(/\W/g, '')}${String(++references).padStart(6, '0')}` : null,
      reversesId: null,
      note: null,
    };
    payments.push(p);
    return p;
  };
  let reversed = false;
  let refunded = false;
  let mistyped = false;
  for (const pupil of school.pupils) {
    const own = charges.get(pupil.id) ?? [];
    const total = own.reduce((n, c) => n + c.due, 0);
    if (total === 0) continue;
    const behaviour = rng.weighted(PAYER_MIX);
    if (behaviour === 'NONE') {
      if (!mistyped) mistyped = payByMistypedTransfer(pupil, own, total, draw);
      continue;
    }
    if (behaviour === 'PART') {
      draw(pupil, Math.max(10_000, Math.floor((total * rng.int(30, 70)) / 100 / 10_000) * 10_000), own);
      continue;
    }
    if (!reversed) {
      reversed = reverseAndReenter(rng, pupil, own, total, draw, payments);
      if (reversed) continue;
    }
    const paid = draw(pupil, total, own);
    if (!refunded) refunded = waiveAndRefund(rng, school, paid, own, out, payments, now);
  }
  bankStatementRows(rng, school, payments, bankAccount, out, now);
  const money = (method: PaymentMethod, sign: 1 | -1) =>
    payments.filter((p) => p.method === method && Math.sign(p.amount) === sign).reduce((n, p) => n + p.amount, 0);
  // A reversal is money back out of the box it came in through: net of it, cash in is what the cash book shows.
  return { payments, cashIn: money('CASH', 1), bankIn: money('BANK', 1), cashOut: -money('CASH', -1) };
}

type Draw = (pupil: FinanceSeedPupil, amount: number, own: SeedCharge[], paidOn?: string) => DrawnPayment;

/**
 * A debtor's family transferred part of the semester with a digit of the code wrong: the statement line matched
 * nothing on import, and the accountant matched it by hand to the pupil (a bank payment with the line's reference).
 */
function payByMistypedTransfer(pupil: FinanceSeedPupil, own: SeedCharge[], total: number, draw: Draw): boolean {
  const amount = Math.min(1_000_000, Math.floor(total / 2 / 10_000) * 10_000);
  if (amount <= 0) return false;
  const paid = draw(pupil, amount, own, '2026-11-24');
  paid.method = 'BANK';
  paid.bankReference ??= `FT26${pupil.code.slice(-8)}X1`;
  const wrongDigit = `${pupil.code.slice(0, -1)}${(Number(pupil.code.slice(-1)) + 1) % 10}`;
  paid.transferText = `${paymentCodeOf(wrongDigit)} ${pupil.name} nop tien`;
  paid.note = 'Khớp tay: mã nộp tiền trên chuyển khoản ghi sai một chữ số';
  return true;
}

/** A cash receipt typed 10 times too large, reversed the same day (no number of its own), then entered right. */
function reverseAndReenter(
  rng: SeededRandom,
  pupil: FinanceSeedPupil,
  own: SeedCharge[],
  total: number,
  draw: Draw,
  payments: DrawnPayment[],
): boolean {
  const wrong = draw(pupil, total, own);
  if (wrong.method !== 'CASH' || own.length < 2) {
    payments.pop();
    return false;
  }
  // The wrong figure allocated to the first charges as typed; the reversal takes exactly those back.
  wrong.note = 'Nhập nhầm số tiền';
  payments.push({
    ...wrong,
    id: rng.uuid(),
    kind: 'REVERSAL',
    amount: -wrong.amount,
    allocations: wrong.allocations.map((a) => ({ chargeId: a.chargeId, amount: -a.amount })),
    reversesId: wrong.id,
    note: 'Huỷ phiếu thu nhập nhầm',
  });
  draw(pupil, total, own, wrong.paidOn).note = 'Thu lại sau khi huỷ phiếu nhập nhầm';
  return true;
}

/**
 * A pupil ill through November: the month's meals waived (an adjustment), and what the family had paid for them
 * refunded in cash with a voucher.
 */
function waiveAndRefund(
  rng: SeededRandom,
  school: FinanceSeedSchool,
  paid: DrawnPayment,
  own: SeedCharge[],
  out: FinanceTableRows,
  payments: DrawnPayment[],
  now: Date | string,
): boolean {
  const meals = own.find((c) => c.feeKind === 'MEALS' && c.due > 0);
  const monthly = DEMO_FEES.find((f) => f.feeKind === 'MEALS')!.adopted;
  if (!meals || meals.due < monthly || paid.paidOn > '2026-11-20') return false;
  addRow(out, 'finance_charge_adjustment', {
    school_id: school.id,
    id: rng.uuid(),
    charge_id: meals.id,
    kind: 'WAIVER',
    amount: -monthly,
    reason: 'Nghỉ ốm dài ngày tháng 11: miễn tiền ăn tháng 11',
    entered_on: '2026-11-20',
    created_at: now,
  });
  payments.push({
    id: rng.uuid(),
    kind: 'REFUND',
    pupil: paid.pupil,
    paidOn: '2026-11-23',
    method: 'CASH',
    amount: -monthly,
    allocations: [{ chargeId: meals.id, amount: -monthly }],
    bankReference: null,
    reversesId: null,
    refundsId: paid.id,
    note: 'Hoàn tiền ăn tháng 11 đã nộp',
  });
  return true;
}

/**
 * Writes the payments and their allocations: receipts numbered in date order in the school's RECEIPT series of 2026,
 * refunds with the numbers the school's VOUCHER series gave them (`vouchers`), reversals without a number.
 */
export function writePayments(
  school: FinanceSeedSchool,
  payments: DrawnPayment[],
  vouchers: Map<string, number>,
  out: FinanceTableRows,
  now: Date | string,
): number {
  const receipts = new Map(
    payments
      .filter((p) => p.kind === 'PAYMENT')
      .sort((a, b) => a.paidOn.localeCompare(b.paidOn))
      .map((p, i) => [p.id, i + 1]),
  );
  for (const p of payments) {
    addRow(out, 'finance_payment', {
      school_id: school.id,
      id: p.id,
      kind: p.kind,
      doc_series: p.kind === 'PAYMENT' ? 'RECEIPT' : p.kind === 'REFUND' ? 'VOUCHER' : null,
      doc_year: p.kind === 'REVERSAL' ? null : 2026,
      doc_number: p.kind === 'PAYMENT' ? receipts.get(p.id) : p.kind === 'REFUND' ? vouchers.get(p.id) : null,
      student_id: p.pupil.id,
      payer_name: `Phụ huynh em ${p.pupil.name}`,
      paid_on: p.paidOn,
      method: p.method,
      bank_reference: p.bankReference,
      amount: p.amount,
      reverses_id: p.reversesId,
      refunds_id: p.refundsId ?? null,
      note: p.note,
      recorded_at: now,
    });
    for (const a of p.allocations)
      addRow(out, 'finance_allocation', {
        school_id: school.id,
        payment_id: p.id,
        charge_id: a.chargeId,
        amount: a.amount,
      });
  }
  return receipts.size;
}

/** Statement lines carry the bank's words without accents, as Vietnamese banks print them. */
function bankText(text: string): string {
  return foldVietnamese(text).toUpperCase();
}

/**
 * The school's monthly statements: every bank payment as a matched line (the payment's reference, the payment code or
 * what the family wrote in the description), and in November a donation to the study-promotion fund, set aside as no
 * pupil's payment.
 */
function bankStatementRows(
  rng: SeededRandom,
  school: FinanceSeedSchool,
  payments: DrawnPayment[],
  bankAccount: string,
  out: FinanceTableRows,
  now: Date | string,
): void {
  type Line = {
    bookedOn: string;
    amount: number;
    reference: string;
    description: string;
    paymentId: string | null;
    /** Why a line that is no pupil's payment was set aside. */
    ignored?: string;
  };
  const lines: Line[] = payments
    .filter((p) => p.kind === 'PAYMENT' && p.method === 'BANK')
    .map((p) => ({
      bookedOn: p.paidOn,
      amount: p.amount,
      reference: p.bankReference!,
      description: bankText(p.transferText ?? `${paymentCodeOf(p.pupil.code)} ${p.pupil.name} nop tien hoc ky I`),
      paymentId: p.id,
    }));
  lines.push({
    bookedOn: '2026-11-24',
    amount: 5_000_000,
    reference: `FT26${school.code.replace(/\W/g, '')}X2`,
    description: 'UNG HO QUY KHUYEN HOC',
    paymentId: null,
    ignored: 'Tài trợ quỹ khuyến học: không phải khoản thu của học sinh',
  });
  const months = [...new Set(lines.map((l) => l.bookedOn.slice(0, 7)))].sort();
  for (const month of months) {
    const ofMonth = lines
      .filter((l) => l.bookedOn.startsWith(month))
      .sort((a, b) => a.bookedOn.localeCompare(b.bookedOn));
    const statementId = rng.uuid();
    addRow(out, 'finance_bank_statement', {
      school_id: school.id,
      id: statementId,
      file_name: `sao-ke-${month}.xlsx`,
      bank_account: bankAccount,
      line_count: ofMonth.length,
      total_amount: ofMonth.reduce((n, l) => n + l.amount, 0),
      imported_at: now,
    });
    ofMonth.forEach((l, i) =>
      addRow(out, 'finance_bank_line', {
        school_id: school.id,
        id: rng.uuid(),
        statement_id: statementId,
        line_no: i + 1,
        booked_on: l.bookedOn,
        amount: l.amount,
        reference: l.reference,
        description: l.description,
        counterparty: null,
        status: l.paymentId ? 'MATCHED' : 'IGNORED',
        payment_id: l.paymentId,
        matched_at: now,
        note: l.ignored ?? null,
      }),
    );
  }
}
