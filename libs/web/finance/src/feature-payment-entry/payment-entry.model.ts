import { PaymentInput } from '@emis/contracts';
import { PaymentMethod } from '@emis/domain';
import { ParsedDong } from '@emis/web/ui';
import { allocateInOrder, OutstandingLine, totalOutstanding } from '../ui/outstanding-lines';

/** What the official has on the payment form. */
export interface PaymentDraft {
  studentId: string;
  lines: readonly OutstandingLine[];
  /** The lines ticked to be paid; all of them by default. */
  chosen: ReadonlySet<string>;
  amount: ParsedDong;
  method: PaymentMethod;
  bankReference: string;
  paidOn: string;
  payerName: string;
}

export type PaymentErrorKey = 'lines' | 'amount' | 'dong' | 'over' | 'bankReference' | 'paidOn';

export interface PaymentCheck {
  errors: Partial<Record<'amount' | 'bankReference' | 'paidOn' | 'lines', PaymentErrorKey>>;
  /** The ceiling of the amount: what the chosen lines owe. */
  payable: number;
  /** How the amount will settle the chosen lines. */
  allocations: { chargeId: string; amount: number }[];
}

export function chosenLines(draft: Pick<PaymentDraft, 'lines' | 'chosen'>): OutstandingLine[] {
  return draft.lines.filter((line) => draft.chosen.has(line.chargeId));
}

/**
 * The form's checks, the same the API makes, so a mistake is shown before the official presses Enter: an amount
 * in whole đồng above 0 and no more than the chosen lines owe (an over-payment is refused, nothing is kept "on
 * account"), a bank reference for a transfer (the bank statement is matched by it), a date.
 */
export function checkPayment(draft: PaymentDraft): PaymentCheck {
  const lines = chosenLines(draft);
  const payable = totalOutstanding(lines);
  const errors: PaymentCheck['errors'] = {};
  if (lines.length === 0) errors.lines = 'lines';
  if (!draft.amount.ok) errors.amount = 'dong';
  else if (draft.amount.value === null || draft.amount.value <= 0) errors.amount = 'amount';
  else if (draft.amount.value > payable) errors.amount = 'over';
  if (draft.method === 'BANK' && draft.bankReference.trim() === '') errors.bankReference = 'bankReference';
  if (draft.paidOn === '') errors.paidOn = 'paidOn';
  const amount = draft.amount.ok ? (draft.amount.value ?? 0) : 0;
  return { errors, payable, allocations: allocateInOrder(lines, Math.min(amount, payable)).allocations };
}

/**
 * The request. When every line is chosen the allocations are left to the API (oldest first, the same order the
 * form shows); when the official picked some lines, they are sent explicitly, settled in the order shown.
 */
export function toPaymentInput(draft: PaymentDraft, check: PaymentCheck): PaymentInput {
  const everyLine = draft.lines.every((line) => draft.chosen.has(line.chargeId));
  const amount = draft.amount.ok ? (draft.amount.value ?? 0) : 0;
  return {
    studentId: draft.studentId,
    paidOn: draft.paidOn,
    method: draft.method,
    bankReference: draft.method === 'BANK' ? draft.bankReference.trim() : null,
    amount,
    payerName: draft.payerName.trim() || null,
    ...(everyLine ? {} : { allocations: check.allocations }),
  };
}
