import { CellValue, GradeColumn, RatingCode } from './grade-column';
import { foldVietnamese } from '../text/fold';
import { fromTenths, toTenths } from './tenths';

export type CellError =
  'notANumber' | 'outOfRange' | 'tooManyDecimals' | 'notWholeScore' | 'notARating' | 'unknownColumn';
export type ParsedCell = { value: CellValue | null } | { error: CellError };

const SCORE_TEXT = /^([+-])?(\d*)(?:\.(\d*))?$/;

/**
 * Spellings teachers type or paste, after folding case, diacritics and spaces ('Chưa đạt' → 'chuadat').
 * 'c' is Chưa hoàn thành, never Chưa đạt: a pass/fail column rejects it rather than guess.
 */
const RATING_SPELLINGS: Readonly<Record<string, RatingCode>> = {
  d: 'D',
  dat: 'D',
  cd: 'CD',
  chuadat: 'CD',
  t: 'T',
  htt: 'T',
  hoanthanhtot: 'T',
  h: 'H',
  ht: 'H',
  hoanthanh: 'H',
  c: 'C',
  cht: 'C',
  chuahoanthanh: 'C',
};

const RATING_DISPLAY: Readonly<Record<RatingCode, string>> = { D: 'Đ', CD: 'CĐ', T: 'T', H: 'H', C: 'C' };

/**
 * What a teacher typed or pasted into a cell: '7,5' and '7.5' alike (Vietnamese writes a decimal comma), spaces
 * ignored; ratings by code or in words, with or without diacritics. Empty input clears the cell.
 */
export function parseCell(column: GradeColumn, raw: unknown): ParsedCell {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { value: null };
  return column.kind === 'SCORE' ? parseScore(column, raw) : parseRating(column, raw);
}

/** parseCell for a column named by key, as a pasted sheet or an API payload names it. */
export function parseGradebookCell(columns: readonly GradeColumn[], key: string, raw: unknown): ParsedCell {
  const column = columns.find((c) => c.key === key);
  return column ? parseCell(column, raw) : { error: 'unknownColumn' };
}

function parseScore(column: GradeColumn, raw: unknown): ParsedCell {
  if (typeof raw === 'number' && !Number.isFinite(raw)) return { error: 'notANumber' };
  if (typeof raw !== 'number' && typeof raw !== 'string') return { error: 'notANumber' };
  // Read the decimal text rather than the double, so 7.25 is seen to have two decimals and nothing is rounded.
  const m = SCORE_TEXT.exec(String(raw).trim().replace(',', '.'));
  if (!m || `${m[2]}${m[3] ?? ''}` === '') return { error: 'notANumber' };
  const decimals = (m[3] ?? '').replace(/0+$/, '');
  const value = Number(`${m[1] ?? ''}${m[2] || '0'}.${decimals || '0'}`);
  if (value < (column.min ?? 0) || value > (column.max ?? 10)) return { error: 'outOfRange' };
  // A primary periodic test is a whole number (Circular 27/2020 Art. 7), a secondary score has one decimal
  // (Circular 22/2021 Art. 6): each level gets its own message (docs/domain/gradebook.md, "Cell errors by level").
  if (decimals.length > (column.decimals ?? 1))
    return { error: column.decimals === 0 ? 'notWholeScore' : 'tooManyDecimals' };
  return { value: fromTenths(toTenths(value)) + 0 }; // + 0 turns "-0" into 0
}

function parseRating(column: GradeColumn, raw: unknown): ParsedCell {
  if (typeof raw !== 'string') return { error: 'notARating' };
  const folded = foldVietnamese(raw).replace(/[\s.]/g, '');
  const code = RATING_SPELLINGS[folded];
  return code && (column.ratings ?? []).includes(code) ? { value: code } : { error: 'notARating' };
}

/**
 * A cell as typed: one decimal only when it has one (8 → '8', 7.5 → '7,5'), so a sheet reads like the paper
 * gradebook; ratings as the gradebook prints them ('D' → 'Đ', 'CD' → 'CĐ').
 */
export function formatCell(value: CellValue | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return RATING_DISPLAY[value] ?? value;
  const tenths = toTenths(value);
  const whole = formatWhole(tenths);
  return tenths % 10 === 0 ? whole : `${whole},${Math.abs(tenths % 10)}`;
}

/** An average always shows its one decimal (8 → '8,0'), as the gradebook prints ĐTB columns. */
export function formatAverage(average: number | null): string {
  if (average === null) return '';
  const tenths = toTenths(average);
  return `${formatWhole(tenths)},${Math.abs(tenths % 10)}`;
}

function formatWhole(tenths: number): string {
  return `${tenths < 0 ? '-' : ''}${Math.trunc(Math.abs(tenths) / 10)}`;
}
