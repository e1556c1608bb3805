/** How a subject is assessed: a score combined with comments, or comments only (Circular 22 Art. 5). */
export type AssessmentKind = 'SCORE' | 'COMMENT';

export interface GradingSubject {
  code: string;
  assessment: AssessmentKind;
  periodsPerYear: number;
}

export type Semester = 1 | 2;

/**
 * Đạt / Chưa đạt (Circular 22 and Circular 58 comment subjects); Hoàn thành tốt / Hoàn thành / Chưa hoàn thành
 * (Circular 27 periodic ratings).
 */
export type RatingCode = 'D' | 'CD' | 'T' | 'H' | 'C';
export const PASS_FAIL_RATINGS: readonly RatingCode[] = ['D', 'CD'];
export const C27_RATINGS: readonly RatingCode[] = ['T', 'H', 'C'];

export type CellValue = number | RatingCode;
/** One student's values on one subject's semester sheet, by column key. */
export type Cells = Readonly<Record<string, CellValue | null | undefined>>;

export type ColumnGroup =
  'REGULAR' | 'MID' | 'FINAL' | 'COEF1' | 'COEF2' | 'EXAM' | 'PERIODIC_RATING' | 'PERIODIC_TEST';

export interface GradeColumn {
  /** Stable storage key: TX1…TX4, GK, CK (Circular 22); HS1_1…, HS2_1…, HK (Circular 58); GK_RATING… (Circular 27). */
  key: string;
  /** Short Vietnamese header, as teachers read it. */
  label: string;
  kind: 'SCORE' | 'RATING';
  group: ColumnGroup;
  /** Weight in the semester average; 0 where no average is computed. */
  weight: number;
  /** A missing required value leaves the semester result uncomputed (shown as missing, never as 0). */
  required: boolean;
  min?: number;
  max?: number;
  decimals?: 0 | 1;
  ratings?: readonly RatingCode[];
}

/** A column holds a usable value: a finite number in a score column, one of its ratings in a rating column. */
export function hasCellValue(column: GradeColumn, value: CellValue | null | undefined): boolean {
  if (column.kind === 'SCORE') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === 'string' && (column.ratings ?? []).includes(value);
}
