import { isDate } from 'node:util/types';
import { foldVietnamese } from '@emis/domain';
import type { StatementCell } from './statement-file';
import { COLUMN_NAMES, StatementColumnKey, StatementLayout } from './statement-layout';

/** A line of a statement, checked: money in is positive, money out negative, in whole đồng. */
export interface StatementLine {
  /** The file's row. */
  row: number;
  bookedOn: string;
  amount: number;
  reference: string;
  description: string;
  counterparty: string | null;
}

export interface StatementError {
  row: number;
  /** The column's heading as the file writes it. */
  column: string;
  message: string;
}

const LIMITS = { reference: 100, description: 500, counterparty: 200 } as const;

/** The first words of the lines a bank adds around the transactions: balances and totals, not transactions. */
const SUMMARY_LINE = /^(tong|cong|so du|du dau|du cuoi|total|balance|opening|closing)/;

/**
 * Every line below the headings, each checked before any is written: a real date not after `today`, an amount in
 * whole đồng other than 0, a reference given once in the file, texts within their length. Empty rows and the bank's
 * balance and total rows (no reference, and a first text such as "Tổng cộng" or "Số dư cuối kỳ") are skipped.
 */
export function readStatementLines(
  rows: StatementCell[][],
  layout: StatementLayout,
  today: string,
): { lines: StatementLine[]; errors: StatementError[] } {
  const lines: StatementLine[] = [];
  const errors: StatementError[] = [];
  const firstRowOf = new Map<string, number>();
  for (let r = layout.headerRow; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const at = (key: StatementColumnKey) => {
      const col = layout.columns[key];
      return col === undefined ? null : (cells[col] ?? null);
    };
    if (cells.every((c) => c === null) || isSummary(at('reference'), cells)) continue;
    const fail = (key: StatementColumnKey, message: string): null => {
      errors.push({ row: r + 1, column: layout.headings[key] ?? COLUMN_NAMES[key], message });
      return null;
    };
    const bookedOn = readDate(at('date'), today, (m) => fail('date', m));
    const amount = readAmount(layout, at, (key, m) => fail(key, m));
    const reference = readText(at('reference'), LIMITS.reference, true, (m) => fail('reference', m));
    const description = readText(at('description'), LIMITS.description, false, (m) => fail('description', m));
    const counterparty = readText(at('counterparty'), LIMITS.counterparty, false, (m) => fail('counterparty', m));
    if (reference !== null) {
      const first = firstRowOf.get(reference);
      if (first) fail('reference', `Số tham chiếu trùng với dòng ${first}`);
      else firstRowOf.set(reference, r + 1);
    }
    if (bookedOn === null || amount === null || reference === null || errors.some((e) => e.row === r + 1)) continue;
    lines.push({ row: r + 1, bookedOn, amount, reference, description: description ?? '', counterparty });
  }
  return { lines, errors };
}

function isSummary(reference: StatementCell, cells: StatementCell[]): boolean {
  if (reference !== null) return false;
  const first = cells.find((c): c is string => typeof c === 'string');
  return first !== undefined && SUMMARY_LINE.test(foldVietnamese(first));
}

/** A date cell of Excel, or dd/mm/yyyy (also with - or . and a time after it), or yyyy-mm-dd. */
export function readDate(cell: StatementCell, today: string, fail: (message: string) => null): string | null {
  if (cell === null) return fail('Bắt buộc nhập');
  let ymd: [number, number, number] | null = null;
  // exceljs reads an Excel date serial as midnight UTC of that calendar day.
  if (isDate(cell)) ymd = [cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()];
  else if (typeof cell === 'string') {
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(\s+\d{1,2}:\d{2}(:\d{2})?)?$/.exec(cell);
    const iso = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(cell);
    if (dmy) ymd = [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])];
    else if (iso) ymd = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  }
  if (!ymd) return fail('Ngày không đúng dạng dd/mm/yyyy');
  const [y, m, d] = ymd;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return fail('Ngày không tồn tại');
  }
  const iso = date.toISOString().slice(0, 10);
  if (y < 2000 || iso > today) return fail('Ngày nằm ngoài khoảng cho phép (từ năm 2000 đến hôm nay)');
  return iso;
}

/**
 * The line's amount: the signed amount column, or credit − debit (one of the two filled). Whole đồng, never 0.
 */
function readAmount(
  layout: StatementLayout,
  at: (key: StatementColumnKey) => StatementCell,
  fail: (key: StatementColumnKey, message: string) => null,
): number | null {
  if (layout.columns.amount !== undefined) {
    const amount = parseDong(at('amount'));
    if (typeof amount === 'string') return fail('amount', amount);
    return amount === 0 ? fail('amount', 'Số tiền phải khác 0') : amount;
  }
  const credit = parseDong(at('credit'));
  const debit = layout.columns.debit === undefined ? 0 : parseDong(at('debit'));
  if (typeof credit === 'string') return fail('credit', credit);
  if (typeof debit === 'string') return fail('debit', debit);
  if ((credit === 0) === (debit === 0)) {
    return fail('credit', 'Mỗi dòng ghi một trong hai cột Ghi có hoặc Ghi nợ, khác 0');
  }
  return credit - debit;
}

/**
 * An amount in whole đồng, as a number cell or as text the way banks print it: 1500000, 1.500.000, 1,500,000,
 * "1 500 000 VND", with a sign or in brackets for money out, and decimals only if they are zero (1,500,000.00).
 * Answers the amount, 0 for an empty cell, or the Vietnamese message of what is wrong.
 */
export function parseDong(cell: StatementCell): number | string {
  if (cell === null) return 0;
  if (typeof cell === 'number') {
    return Number.isSafeInteger(cell) ? cell : 'Số tiền phải là số đồng nguyên';
  }
  if (typeof cell !== 'string') return 'Số tiền phải là số';
  let text = cell.replace(/\s|vnd|vnđ|đ/gi, '');
  let sign = 1;
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) [sign, text] = [-1, bracketed[1]];
  if (/^[-+]/.test(text)) [sign, text] = [text[0] === '-' ? -sign : sign, text.slice(1)];
  const grouped = /^\d{1,3}([.,])\d{3}(\1\d{3})*([.,]0{1,2})?$/.exec(text);
  const plain = /^\d+([.,]0{1,2})?$/.exec(text);
  if (!grouped && !plain) {
    return /^[\d.,]+$/.test(text) ? 'Số tiền phải là số đồng nguyên' : 'Số tiền phải là số';
  }
  const digits = (grouped ? text.replace(/([.,]0{1,2})$/, '') : text.replace(/[.,]0{1,2}$/, '')).replace(/[.,]/g, '');
  const value = Number(digits);
  return Number.isSafeInteger(value) ? sign * value : 'Số tiền quá lớn';
}

function readText(cell: StatementCell, max: number, required: boolean, fail: (m: string) => null): string | null {
  if (cell === null) return required ? fail('Bắt buộc nhập') : null;
  if (isDate(cell)) return fail('Phải là văn bản, không phải ngày');
  if (typeof cell === 'number' && !Number.isSafeInteger(cell)) {
    return fail('Số đã bị Excel làm tròn; hãy định dạng cột là Văn bản (Text) rồi xuất lại');
  }
  const text = String(cell);
  return text.length > max ? fail(`Quá dài: tối đa ${max} ký tự`) : text;
}
