import type { CashBook } from '@emis/contracts';
import { CashAccount, formatDocumentNumber } from '@emis/domain';
import type { CashMovement } from './cash-movements.repository';

/** What a book line says of the pupil a payment belongs to (resolved through the people context's roster). */
export type PupilLabel = (studentId: string) => string;

/**
 * The cash book (sổ quỹ tiền mặt, form S11-H) or the bank book (sổ tiền gửi ngân hàng, kho bạc, form S12-H) of
 * Circular 107/2017/TT-BTC: the balance at the start, each movement with its document and the balance after it, the
 * totals and the balance at the end. Whole đồng: sums of integers, nothing rounded.
 */
export function composeCashBook(
  account: CashAccount,
  from: string,
  to: string,
  opening: number,
  movements: CashMovement[],
  pupil: PupilLabel,
): CashBook {
  let balance = opening;
  let totalIn = 0;
  let totalOut = 0;
  const rows = movements.map((m) => {
    balance += m.receipt - m.spending;
    totalIn += m.receipt;
    totalOut += m.spending;
    return {
      date: m.date,
      documentNumber: documentNumberOf(m),
      description: describe(m, pupil),
      receipt: m.receipt,
      spending: m.spending,
      balance,
    };
  });
  return { account, from, to, opening, rows, totalIn, totalOut, closing: balance };
}

function documentNumberOf(m: CashMovement): string | null {
  return m.docSeries && m.docYear && m.docNumber ? formatDocumentNumber(m.docSeries, m.docYear, m.docNumber) : null;
}

/** The book's "Diễn giải": what the money was for, in Vietnamese (the book is a Vietnamese accounting record). */
function describe(m: CashMovement, pupil: PupilLabel): string {
  const who = m.studentId ? pupil(m.studentId) : '';
  if (m.reverses) {
    const original =
      m.reverses.docSeries && m.reverses.docYear && m.reverses.docNumber
        ? formatDocumentNumber(m.reverses.docSeries, m.reverses.docYear, m.reverses.docNumber)
        : '';
    return [`Huỷ chứng từ ${original}`.trim(), who, m.text].filter(Boolean).join(' — ');
  }
  if (m.kind === 'PAYMENT') return [`Thu tiền của ${who}`, m.text].filter(Boolean).join(' — ');
  if (m.kind === 'REFUND') return [`Hoàn trả cho ${who}`, m.text].filter(Boolean).join(' — ');
  return m.text ?? '';
}
