import { foldVietnamese } from '@emis/domain';
import { ImportFailure } from '@emis/api/spreadsheets';
import type { StatementCell } from './statement-file';

/** The columns a statement line is read from; an amount is either signed, or a credit and a debit column. */
export type StatementColumnKey = 'date' | 'amount' | 'credit' | 'debit' | 'reference' | 'description' | 'counterparty';

/**
 * The headings each column is recognised by, compared with accents, case, punctuation and a unit in brackets
 * ("Số tiền (VND)") ignored: the words of the statements Vietnamese banks export, and the template's own. The
 * accepted layouts are described in docs/domain/finance.md (part D).
 */
export const STATEMENT_HEADINGS: Record<StatementColumnKey, readonly string[]> = {
  date: [
    'Ngày',
    'Ngày giao dịch',
    'Ngày GD',
    'Ngày hạch toán',
    'Ngày hiệu lực',
    'Date',
    'Transaction date',
    'Booking date',
    'Value date',
  ],
  amount: ['Số tiền', 'Số tiền giao dịch', 'Amount'],
  credit: ['Ghi có', 'Số tiền ghi có', 'Phát sinh có', 'Tiền vào', 'Có', 'Credit', 'Credit amount'],
  debit: ['Ghi nợ', 'Số tiền ghi nợ', 'Phát sinh nợ', 'Tiền ra', 'Nợ', 'Debit', 'Debit amount'],
  reference: [
    'Số tham chiếu',
    'Mã giao dịch',
    'Số giao dịch',
    'Số bút toán',
    'Mã tham chiếu',
    'Reference',
    'Transaction ID',
    'Ref',
  ],
  description: ['Nội dung', 'Nội dung giao dịch', 'Diễn giải', 'Mô tả', 'Description', 'Details', 'Remarks'],
  counterparty: [
    'Người chuyển',
    'Tên người chuyển',
    'Đối tác',
    'Tên đối ứng',
    'Đơn vị chuyển',
    'Counterparty',
    'Payer',
  ],
};

/** The Vietnamese name each column is reported by (the first heading of its list). */
export const COLUMN_NAMES: Record<StatementColumnKey, string> = Object.fromEntries(
  Object.entries(STATEMENT_HEADINGS).map(([key, headings]) => [key, headings[0]]),
) as Record<StatementColumnKey, string>;

export interface StatementLayout {
  /** The header row, counted from 1 as the file shows it. */
  headerRow: number;
  /** Column index (from 0) of each column found. */
  columns: Partial<Record<StatementColumnKey, number>>;
  /** The heading as the file writes it, for error messages. */
  headings: Partial<Record<StatementColumnKey, string>>;
}

/** The rows a bank's title block may take above the headings. */
const HEADER_WITHIN = 30;

/**
 * Finds the headings row — the first of the top rows naming a date, an amount (signed, or credit), a reference and a
 * description — and where each column is. A file without one fails, naming what it misses.
 */
export function findStatementLayout(rows: StatementCell[][]): StatementLayout {
  let best: StatementLayout | null = null;
  for (let r = 0; r < Math.min(HEADER_WITHIN, rows.length); r++) {
    const layout = layoutOf(rows[r] ?? [], r + 1);
    if (missing(layout).length === 0) return layout;
    if (!best || Object.keys(layout.columns).length > Object.keys(best.columns).length) best = layout;
  }
  const lacking = best ? missing(best) : ['date', 'amount', 'reference', 'description'];
  throw new ImportFailure(
    `Không tìm thấy dòng tiêu đề của sao kê: thiếu cột ${lacking.map((k) => `"${COLUMN_NAMES[k as StatementColumnKey]}"`).join(', ')}. ` +
      'Sao kê cần các cột Ngày, Số tiền (hoặc Ghi có/Ghi nợ), Số tham chiếu, Nội dung.',
  );
}

function layoutOf(row: StatementCell[], headerRow: number): StatementLayout {
  const layout: StatementLayout = { headerRow, columns: {}, headings: {} };
  row.forEach((cell, col) => {
    if (typeof cell !== 'string') return;
    const key = headingKey(cell);
    if (key && layout.columns[key] === undefined) {
      layout.columns[key] = col;
      layout.headings[key] = cell;
    }
  });
  return layout;
}

function missing(layout: StatementLayout): string[] {
  const c = layout.columns;
  return [
    c.date === undefined ? 'date' : null,
    c.amount === undefined && c.credit === undefined ? 'amount' : null,
    c.reference === undefined ? 'reference' : null,
    c.description === undefined ? 'description' : null,
  ].filter((k): k is string => k !== null);
}

const FOLDED = new Map<string, StatementColumnKey>(
  (Object.entries(STATEMENT_HEADINGS) as [StatementColumnKey, readonly string[]][]).flatMap(([key, headings]) =>
    headings.map((h) => [fold(h), key] as const),
  ),
);

function headingKey(text: string): StatementColumnKey | undefined {
  return FOLDED.get(fold(text));
}

/** "Số tiền (VND):" → "so tien": accents, case, a bracketed unit and punctuation ignored. */
function fold(text: string): string {
  return foldVietnamese(text)
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
