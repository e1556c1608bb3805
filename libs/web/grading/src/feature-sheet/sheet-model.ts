import { GradeConflict, GradeRow, SavedGradeRow } from '@emis/contracts';
import {
  CellError,
  CellValue,
  formatAverage,
  formatCell,
  GradeColumn,
  GradeLevel,
  GradingSubject,
  MissingAssessmentReading,
  parseCell,
  RatingCode,
  Scheme,
  semesterSubjectResult,
  SubjectTermResult,
  yearSubjectResult,
} from '@emis/domain';

/** The column key of the teacher's comment, as the API's history names it. */
export const COMMENT_KEY = 'comment';

/** What the averages of a sheet depend on: the same inputs the server gives the domain functions. */
export interface SheetContext {
  scheme: Scheme;
  subject: GradingSubject;
  grade: GradeLevel;
  semester: 1 | 2;
  yearCode: string;
  columns: readonly GradeColumn[];
  /** The year's province setting (docs/domain/gradebook.md "A missing assessment"); the default when absent. */
  missingAssessment?: MissingAssessmentReading;
}

/** One student's line of the grid. AG Grid holds these objects; the page mutates them and refreshes the cells. */
export interface GridRow {
  studentId: string;
  ordinal: number;
  fullName: string;
  dateOfBirth: string;
  /** The version the next save is based on. */
  version: number;
  /** The values last known to be saved: what an edit is based on, to tell a real conflict from a harmless one. */
  saved: Record<string, CellValue>;
  savedComment: string | null;
  /** Valid values as they stand in the grid (saved or not yet saved). */
  values: Record<string, CellValue | null>;
  /** Text that did not parse, shown in place of the value and never sent. */
  invalidText: Record<string, string>;
  /** A domain CellError code, or a message from the server's field error. */
  errors: Record<string, string>;
  /** Keys whose value another person saved differently since this edit was based. */
  conflicts: Record<string, true>;
  comment: string;
  result: SubjectTermResult;
  semester1: { average: number | null; rating: RatingCode | null } | null;
  year: SubjectTermResult | null;
  updatedByName: string | null;
  updatedAt: string | null;
}

export function toGridRow(context: SheetContext, row: GradeRow): GridRow {
  const grid: GridRow = {
    studentId: row.studentId,
    ordinal: row.ordinal,
    fullName: row.fullName,
    dateOfBirth: row.dateOfBirth,
    version: row.version,
    saved: { ...row.cells },
    savedComment: row.comment,
    values: { ...row.cells },
    invalidText: {},
    errors: {},
    conflicts: {},
    comment: row.comment ?? '',
    result: { average: row.average, rating: row.rating, missing: [] },
    semester1: row.semester1 ?? null,
    year: null,
    updatedByName: row.updatedByName,
    updatedAt: row.updatedAt,
  };
  recompute(context, grid);
  return grid;
}

/**
 * Recomputes the row's semester (and, in semester II, year) result with the domain's functions — the very ones the
 * server stores — so what the teacher sees while typing equals the saved average to the last digit. Invalid text
 * counts as no value: it is never sent, so the server does not count it either.
 */
export function recompute(context: SheetContext, row: GridRow): void {
  const { scheme, subject, grade, semester, yearCode, missingAssessment } = context;
  row.result = semesterSubjectResult(scheme, subject, grade, semester, row.values, yearCode, missingAssessment);
  if (semester === 2) {
    const first: SubjectTermResult = {
      average: row.semester1?.average ?? null,
      rating: row.semester1?.rating ?? null,
      missing: [],
    };
    row.year = yearSubjectResult(scheme, subject, first, row.result);
  }
}

/** The outcome of typing or pasting `raw` into a cell: whether the value changed and must be saved. */
export function applyInput(context: SheetContext, row: GridRow, key: string, raw: unknown): { changed: boolean } {
  if (key === COMMENT_KEY) {
    const next = typeof raw === 'string' ? raw : '';
    if (next === row.comment) return { changed: false };
    row.comment = next;
    return { changed: true };
  }
  const column = context.columns.find((c) => c.key === key);
  if (!column) return { changed: false };
  const parsed = parseCell(column, raw);
  delete row.conflicts[key];
  if ('error' in parsed) {
    row.errors[key] = parsed.error;
    row.invalidText[key] = String(raw);
    return { changed: false };
  }
  const hadError = key in row.errors;
  delete row.errors[key];
  delete row.invalidText[key];
  const before = row.values[key] ?? null;
  row.values[key] = parsed.value;
  recompute(context, row);
  return { changed: hadError || before !== parsed.value };
}

/** What a cell shows: the text that failed to parse, else the value formatted the Vietnamese way (7,5; Đ). */
export function cellText(row: GridRow, key: string): string {
  if (key in row.invalidText) return row.invalidText[key];
  return formatCell(row.values[key]);
}

export function resultText(result: SubjectTermResult | null): string {
  if (!result) return '';
  return result.average !== null ? formatAverage(result.average) : formatCell(result.rating);
}

export function semester1Text(row: GridRow): string {
  const s1 = row.semester1;
  if (!s1) return '';
  return s1.average !== null ? formatAverage(s1.average) : formatCell(s1.rating);
}

/** Takes the server's saved row: its version, values and result; cells still being edited locally keep their text. */
export function acceptSaved(
  context: SheetContext,
  row: GridRow,
  saved: SavedGradeRow,
  pendingKeys: ReadonlySet<string>,
): void {
  row.version = saved.version;
  row.saved = { ...saved.cells };
  row.savedComment = saved.comment;
  for (const column of context.columns) {
    if (!pendingKeys.has(column.key) && !(column.key in row.errors) && !(column.key in row.conflicts)) {
      row.values[column.key] = saved.cells[column.key] ?? null;
    }
  }
  if (!pendingKeys.has(COMMENT_KEY)) row.comment = saved.comment ?? '';
  row.semester1 = saved.semester1 ?? row.semester1;
  row.updatedByName = saved.updatedByName;
  row.updatedAt = saved.updatedAt;
  recompute(context, row);
}

/** A cell where another person's saved value differs from the value this edit was based on. */
export interface CellConflict {
  studentId: string;
  fullName: string;
  key: string;
  label: string;
  mine: CellValue | string | null;
  theirs: CellValue | string | null;
  byName: string | null;
  at: string | null;
}

/**
 * Reads a 409 grade_conflict: the row moves to the other person's version and values; the keys this request
 * carried are split into real conflicts (their value differs from the one the edit was based on: the teacher
 * decides) and harmless ones (to be sent again on the new version). Cells this request did not touch take theirs.
 */
export function applyConflict(
  context: SheetContext,
  row: GridRow,
  conflict: GradeConflict,
  sentKeys: readonly string[],
): { conflicts: CellConflict[]; resend: string[] } {
  const conflicts: CellConflict[] = [];
  const resend: string[] = [];
  for (const key of sentKeys) {
    const based = key === COMMENT_KEY ? row.savedComment : (row.saved[key] ?? null);
    const theirs = key === COMMENT_KEY ? conflict.comment : (conflict.cells[key] ?? null);
    const mine = key === COMMENT_KEY ? row.comment : (row.values[key] ?? null);
    if (based === theirs || mine === theirs) {
      if (mine !== theirs) resend.push(key);
      continue;
    }
    row.conflicts[key] = true;
    const label = context.columns.find((c) => c.key === key)?.label ?? key;
    conflicts.push({
      studentId: row.studentId,
      fullName: row.fullName,
      key,
      label,
      mine,
      theirs,
      byName: conflict.updatedByName,
      at: conflict.updatedAt,
    });
  }
  row.version = conflict.version;
  row.saved = { ...conflict.cells };
  row.savedComment = conflict.comment;
  for (const column of context.columns) {
    if (!sentKeys.includes(column.key) && !(column.key in row.errors))
      row.values[column.key] = conflict.cells[column.key] ?? null;
  }
  recompute(context, row);
  return { conflicts, resend };
}

/** "Dùng giá trị mới": the other person's value replaces this teacher's. */
export function takeTheirs(context: SheetContext, row: GridRow, key: string): void {
  delete row.conflicts[key];
  if (key === COMMENT_KEY) row.comment = row.savedComment ?? '';
  else row.values[key] = row.saved[key] ?? null;
  recompute(context, row);
}

/**
 * A block copied from Excel or Google Sheets: rows by newline, cells by tab, the trailing newline Excel adds dropped.
 * Excel quotes a cell that holds a tab, a newline or a quote (a comment typed with Alt+Enter), doubling the quotes
 * inside; such a cell is read whole, line breaks included. A quote that does not close a whole cell is kept as text.
 */
export function parseClipboardBlock(text: string): string[][] {
  const s = text.replace(/\r\n?/g, '\n');
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    const quoted = s[i] === '"' ? quotedCell(s, i) : undefined;
    let cell: string;
    if (quoted) {
      cell = quoted.value;
      i = quoted.next;
    } else {
      const end = nextSeparator(s, i);
      cell = s.slice(i, end);
      i = end;
    }
    row.push(cell);
    if (i >= s.length) break;
    if (s[i] === '\t') {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    i++;
    if (i >= s.length) return rows;
  }
  rows.push(row);
  return rows;
}

/** A quoted cell starting at `start`, when its closing quote ends the cell (a tab, a newline or the end follows). */
function quotedCell(s: string, start: number): { value: string; next: number } | undefined {
  for (let j = start + 1; j < s.length; j++) {
    if (s[j] !== '"') continue;
    if (s[j + 1] === '"') {
      j++;
      continue;
    }
    const after = j + 1;
    if (after < s.length && s[after] !== '\t' && s[after] !== '\n') return undefined;
    return { value: s.slice(start + 1, j).replace(/""/g, '"'), next: after };
  }
  return undefined;
}

function nextSeparator(s: string, from: number): number {
  for (let j = from; j < s.length; j++) if (s[j] === '\t' || s[j] === '\n') return j;
  return s.length;
}

/** The translation key of a cell's error: domain codes have texts; server messages are shown as they come. */
export function isDomainError(error: string): error is CellError {
  return ['notANumber', 'outOfRange', 'tooManyDecimals', 'notWholeScore', 'notARating', 'unknownColumn'].includes(
    error,
  );
}
