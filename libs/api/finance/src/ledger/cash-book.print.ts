import { BookColumn, BookLine, FORM_NOTE, PrintedBook, viDate } from '@emis/api/assets';
import type { CashBook } from '@emis/contracts';

const DOCUMENT = 'Số hiệu chứng từ';
const AMOUNT = 'Số tiền';

const COLUMNS: BookColumn[] = [
  { header: 'Ngày ghi sổ', format: 'date', width: 11 },
  { header: 'Thu', group: DOCUMENT, format: 'text', width: 15 },
  { header: 'Chi', group: DOCUMENT, format: 'text', width: 15 },
  { header: 'Diễn giải', format: 'text', width: 44 },
  { header: 'Thu', group: AMOUNT, format: 'money', width: 15 },
  { header: 'Chi', group: AMOUNT, format: 'money', width: 15 },
  { header: 'Tồn', group: AMOUNT, format: 'money', width: 16 },
];

const FORMS = {
  CASH: { formNumber: 'Mẫu số S11-H', title: 'SỔ QUỸ TIỀN MẶT', fileName: 'so-quy-tien-mat' },
  BANK: { formNumber: 'Mẫu số S12-H', title: 'SỔ TIỀN GỬI NGÂN HÀNG, KHO BẠC', fileName: 'so-tien-gui' },
} as const;

/**
 * The cash or bank book as the school prints and signs it (forms S11-H and S12-H of Circular 107/2017/TT-BTC): the
 * balance brought forward, one line per document — a receipt's number in the "Thu" column, a voucher's in "Chi" —
 * the period's totals and the balance carried forward. The same figures as the screen's.
 */
export function printedCashBook(unitName: string, book: CashBook): PrintedBook {
  const form = FORMS[book.account];
  const lines: BookLine[] = [
    { kind: 'subtotal', cells: [book.from, null, null, 'Số tồn đầu kỳ', null, null, book.opening] },
    ...book.rows.map((r) => ({
      cells: [
        r.date,
        r.receipt !== 0 ? r.documentNumber : null,
        r.spending !== 0 ? r.documentNumber : null,
        r.description,
        r.receipt || null,
        r.spending || null,
        r.balance,
      ],
    })),
    { kind: 'total', cells: [null, null, null, 'Cộng phát sinh trong kỳ', book.totalIn, book.totalOut, null] },
    { kind: 'total', cells: [book.to, null, null, 'Số tồn cuối kỳ', null, null, book.closing] },
  ];
  return {
    fileName: `${form.fileName}-${book.from}-${book.to}`,
    unitName,
    formNumber: form.formNumber,
    formNote: FORM_NOTE,
    title: form.title,
    subtitle: `Từ ngày ${viDate(book.from)} đến ngày ${viDate(book.to)}`,
    columns: COLUMNS,
    lines,
  };
}
