import { divideHalfUp } from '../grading/tenths';

/**
 * The rules of a published figure, shared by the API's reports and the web's charts so both print the same number
 * (docs/domain/reporting.md): small counts withheld above the school, shares and means rounded half-up in integers
 * only, ranks that ties share, and what each comparison measure divides by what.
 */

/** A count describing fewer pupils than this is withheld in any view above the school (statistical disclosure). */
export const SMALL_NUMBER = 5;

/**
 * A count as published: withheld (null) when it describes 1 to 4 pupils and the view is above the school. Zero is
 * published — it identifies nobody — and a school's own report shows every count.
 */
export function publishedCount(count: number | null, aboveSchool: boolean): number | null {
  if (count === null) return null;
  return aboveSchool && count > 0 && count < SMALL_NUMBER ? null : count;
}

/** Whether publishedCount withholds `count`. */
export function isWithheld(count: number | null, aboveSchool: boolean): boolean {
  return count !== null && publishedCount(count, aboveSchool) === null;
}

/**
 * `part` of `whole` as a percentage with one decimal, rounded half-up in integers (2 / 3 → 66.7, 1 / 8 → 12.5);
 * null when the whole is 0 (nothing to divide).
 */
export function sharePercent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return divideHalfUp(part * 1000, whole) / 10;
}

/**
 * The mean of `count` averages whose sum is `sumTenths` tenths, with two decimals, rounded half-up in integers:
 * (65 + 70 + 70) tenths over 3 → 6.83. Null when nobody was scored.
 */
export function meanOfTenths(sumTenths: number, count: number): number | null {
  if (count <= 0) return null;
  // tenths → hundredths: sum × 10 / count, half-up.
  return divideHalfUp(sumTenths * 10, count) / 100;
}

/**
 * Ranks of `values` (1 = best; higher is better unless `lowerIsBetter`): equal values share a rank and the next
 * rank skips (1, 2, 2, 4). A null value gets no rank and does not push others down.
 */
export function rankValues(values: readonly (number | null)[], lowerIsBetter = false): (number | null)[] {
  const ranked = values
    .map((value, index) => ({ value, index }))
    .filter((v): v is { value: number; index: number } => v.value !== null)
    .sort((a, b) => (lowerIsBetter ? a.value - b.value : b.value - a.value));
  const ranks: (number | null)[] = values.map(() => null);
  ranked.forEach((v, i) => {
    const previous = ranked[i - 1];
    ranks[v.index] = previous && previous.value === v.value ? ranks[previous.index] : i + 1;
  });
  return ranks;
}

/** The two best learning levels of each scheme: Circular 22 Tốt / Khá, Circular 58 Giỏi / Khá, Circular 27 HTXS / HTT. */
export const LEARNING_TOP_LEVELS: readonly string[] = ['TOT', 'KHA', 'GIOI', 'HTXS', 'HTT'];
/** The two best training (conduct) levels: Tốt / Khá (Circular 22 Art. 8; Circular 58 conduct). */
export const TRAINING_TOP_LEVELS: readonly string[] = ['TOT', 'KHA'];

/** The counts a comparison measure is computed from, summed over a school's (or a unit's) fact rows. */
export interface CompareCounts {
  pupils: number;
  /** Pupils per learning / training level code; promotion outcomes per code. */
  learning: Record<string, number>;
  training: Record<string, number>;
  promotion: Record<string, number>;
  droppedOut: number;
  /** Pupils enrolled now (class sizes). */
  enrolled: number;
  recorded: number;
  present: number;
  classSizeBreaches: number;
  /** For subjectMean: the subject's sum of averages in tenths and pupils scored. */
  subjectSumTenths: number;
  subjectScored: number;
}

export const COMPARE_MEASURE_CODES = [
  'pupils',
  'learningTopShare',
  'trainingTopShare',
  'promotionShare',
  'dropOutRate',
  'attendanceRate',
  'classSizeBreaches',
  'subjectMean',
] as const;
export type CompareMeasureCode = (typeof COMPARE_MEASURE_CODES)[number];

/** Measures where less is better (a rank 1 is the lowest value). */
export const LOWER_IS_BETTER: ReadonlySet<CompareMeasureCode> = new Set(['dropOutRate', 'classSizeBreaches']);

/** The pupils a measure describes: the denominator whose size decides whether the value is withheld. */
export function measureBase(measure: CompareMeasureCode, c: CompareCounts): number | null {
  switch (measure) {
    case 'pupils':
      return c.pupils;
    case 'learningTopShare':
      return total(c.learning);
    case 'trainingTopShare':
      return total(c.training);
    case 'promotionShare':
      return total(c.promotion);
    case 'dropOutRate':
      return c.enrolled + c.droppedOut;
    case 'attendanceRate':
      // Attendance marks, not pupils: never withheld for size.
      return null;
    case 'classSizeBreaches':
      return null;
    case 'subjectMean':
      return c.subjectScored;
  }
}

/**
 * A comparison measure's value: learningTopShare = the two best learning levels ÷ pupils with a level;
 * trainingTopShare likewise; promotionShare = PROMOTE ÷ pupils with a promotion outcome; dropOutRate = DROPPED_OUT ÷
 * (enrolled + dropped out); attendanceRate = present ÷ recorded marks (all in %, one decimal); classSizeBreaches a
 * count; subjectMean the mean of the subject's averages (two decimals); pupils a count.
 */
export function measureValue(measure: CompareMeasureCode, c: CompareCounts): number | null {
  switch (measure) {
    case 'pupils':
      return c.pupils;
    case 'learningTopShare':
      return sharePercent(pick(c.learning, LEARNING_TOP_LEVELS), total(c.learning));
    case 'trainingTopShare':
      return sharePercent(pick(c.training, TRAINING_TOP_LEVELS), total(c.training));
    case 'promotionShare':
      return sharePercent(c.promotion['PROMOTE'] ?? 0, total(c.promotion));
    case 'dropOutRate':
      return sharePercent(c.droppedOut, c.enrolled + c.droppedOut);
    case 'attendanceRate':
      return sharePercent(c.present, c.recorded);
    case 'classSizeBreaches':
      return c.classSizeBreaches;
    case 'subjectMean':
      return meanOfTenths(c.subjectSumTenths, c.subjectScored);
  }
}

/** An empty set of counts, to sum fact rows into. */
export function emptyCompareCounts(): CompareCounts {
  return {
    pupils: 0,
    learning: {},
    training: {},
    promotion: {},
    droppedOut: 0,
    enrolled: 0,
    recorded: 0,
    present: 0,
    classSizeBreaches: 0,
    subjectSumTenths: 0,
    subjectScored: 0,
  };
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function pick(counts: Record<string, number>, codes: readonly string[]): number {
  return codes.reduce((sum, code) => sum + (counts[code] ?? 0), 0);
}
