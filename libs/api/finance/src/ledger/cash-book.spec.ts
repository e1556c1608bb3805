import { composeCashBook } from './cash-book';
import type { CashMovement } from './cash-movements.repository';

const move = (m: Partial<CashMovement>): CashMovement => ({
  date: '2025-10-01',
  source: 'PAYMENT',
  id: 'x',
  docSeries: 'RECEIPT',
  docYear: 2025,
  docNumber: 1,
  kind: 'PAYMENT',
  reverses: null,
  studentId: 's1',
  text: null,
  receipt: 0,
  spending: 0,
  ...m,
});

describe('the cash book', () => {
  it('runs the balance from the opening through receipts, refunds, reversals and vouchers to the closing', () => {
    const book = composeCashBook(
      'CASH',
      '2025-10-01',
      '2025-10-31',
      2_000_000,
      [
        move({ docNumber: 1, receipt: 1_500_000 }),
        move({ docSeries: 'VOUCHER', docNumber: 1, kind: 'REFUND', spending: 300_000 }),
        move({
          docSeries: null,
          docYear: null,
          docNumber: null,
          kind: 'REVERSAL',
          reverses: { docSeries: 'RECEIPT', docYear: 2025, docNumber: 1 },
          receipt: -1_500_000,
        }),
        move({
          source: 'EXPENSE',
          docSeries: 'VOUCHER',
          docNumber: 2,
          kind: 'EXPENSE',
          studentId: null,
          text: 'Công ty A: phấn',
          spending: 120_000,
        }),
      ],
      () => 'Nguyễn Văn An (HS001)',
    );
    expect(book.rows.map((r) => [r.documentNumber, r.receipt, r.spending, r.balance])).toEqual([
      ['PT-2025-000001', 1_500_000, 0, 3_500_000],
      ['PC-2025-000001', 0, 300_000, 3_200_000],
      [null, -1_500_000, 0, 1_700_000],
      ['PC-2025-000002', 0, 120_000, 1_580_000],
    ]);
    expect(book.rows.map((r) => r.description)).toEqual([
      'Thu tiền của Nguyễn Văn An (HS001)',
      'Hoàn trả cho Nguyễn Văn An (HS001)',
      'Huỷ chứng từ PT-2025-000001 — Nguyễn Văn An (HS001)',
      'Công ty A: phấn',
    ]);
    expect([book.totalIn, book.totalOut, book.closing]).toEqual([0, 420_000, 1_580_000]);
    expect(book.opening + book.totalIn - book.totalOut).toBe(book.closing);
  });
});
