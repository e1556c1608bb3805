import { GradeLevel } from '../calendar/grades';
import { CellValue, Cells, GradeColumn, GradingSubject, hasCellValue, RatingCode, Semester } from './grade-column';
import { gradebookColumns } from './gradebook-columns';
import { MissingAssessmentReading } from './rule-settings';
import { Scheme } from './scheme';
import { divideHalfUp, fromTenths, toTenths } from './tenths';

export interface SubjectTermResult {
  /** ĐTBmhk / ĐTBmcn, one decimal; null for comment subjects, Circular 27, or when an assessment is missing. */
  average: number | null;
  rating: RatingCode | null;
  /** Required column keys without a value (semester), or 'HK1' / 'HK2' for a missing semester result (year). */
  missing: string[];
}

/**
 * One subject, one semester.
 * - Scored subjects (Circular 22 Art. 9; Circular 58 and its 26/2020 amendment): the weighted mean of the values
 *   present, half-up to one decimal. With every Circular 22 column required that is (ΣTX + 2·GK + 3·CK)/(n + 5);
 *   on the pre-2020 Circular 58 sheet it is (Σcoef-1 + 2·Σcoef-2 + 3·HK)/(n1 + 2·n2 + 3).
 * - Comment subjects: see `passFailRating`.
 * - Circular 27: the end-of-period rating (end of semester I, end of year); no average.
 * Any required value missing leaves the result uncomputed: the circulars let a missed assessment be made up and
 * never count it as 0 — unless the province's setting reads a missed, never-made-up assessment as Circular 58
 * Art. 8.5 did (`missingAssessment` 'ZERO': 0, or Chưa đạt for a comment subject), which applies to a pupil with at
 * least one assessment of the subject and semester entered (docs/domain/secondary-assessment-c22.md).
 * `yearCode` selects the Circular 58 sheet (see `gradebookColumns`).
 */
export function semesterSubjectResult(
  scheme: Scheme,
  subject: GradingSubject,
  grade: GradeLevel,
  semester: Semester,
  cells: Cells,
  yearCode?: string,
  missingAssessment: MissingAssessmentReading = 'NOT_COMPUTED',
): SubjectTermResult {
  const columns = gradebookColumns(scheme, subject, grade, semester, yearCode);
  const missing = columns.filter((c) => c.required && !hasCellValue(c, cells[c.key])).map((c) => c.key);
  const started = columns.some((c) => hasCellValue(c, cells[c.key]));
  if (missing.length > 0 && missingAssessment === 'ZERO' && scheme !== 'C27' && started) {
    const zero: CellValue = subject.assessment === 'COMMENT' ? 'CD' : 0;
    const filled: Cells = { ...cells, ...Object.fromEntries(missing.map((key) => [key, zero])) };
    return semesterSubjectResult(scheme, subject, grade, semester, filled, yearCode);
  }
  if (missing.length > 0) return { average: null, rating: null, missing };
  if (scheme === 'C27') return { average: null, rating: cells['CK_RATING'] as RatingCode, missing };
  if (subject.assessment === 'COMMENT') {
    return { average: null, rating: passFailRating(scheme, columns, cells), missing };
  }
  return { average: weightedAverage(columns, cells), rating: null, missing };
}

function weightedAverage(columns: readonly GradeColumn[], cells: Cells): number {
  const present = columns.filter((c) => c.weight > 0 && hasCellValue(c, cells[c.key]));
  const total = present.reduce((sum, c) => sum + c.weight * toTenths(cells[c.key] as number), 0);
  const weights = present.reduce((sum, c) => sum + c.weight, 0);
  return fromTenths(divideHalfUp(total, weights));
}

/**
 * A comment subject's semester rating.
 * Circular 22 Art. 9.1: Đạt when every required assessment was done and all were rated Đạt (confirm: a doubt of
 * docs/domain/secondary-assessment-c22.md; this is the text as we read it).
 * Circular 58 (Art. 12.2 as we read it, kept by Circular 26/2020 — confirm): Đạt when at least two thirds of the
 * assessments done are Đạt, the semester exam / end-of-term one among them.
 */
function passFailRating(scheme: Scheme, columns: readonly GradeColumn[], cells: Cells): RatingCode {
  const done = columns.filter((c) => hasCellValue(c, cells[c.key]));
  const passed = done.filter((c) => cells[c.key] === 'D');
  if (scheme === 'C22') return passed.length === done.length ? 'D' : 'CD';
  const final = columns.find((c) => c.group === 'EXAM' || c.group === 'FINAL');
  const finalPassed = final !== undefined && cells[final.key] === 'D';
  return finalPassed && 3 * passed.length >= 2 * done.length ? 'D' : 'CD';
}

/**
 * One subject, the whole year.
 * - Scored subjects: ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII) / 3, half-up (Circular 22 Art. 9; Circular 58 the same);
 *   either semester missing leaves it uncomputed.
 * - Comment subjects: the semester II rating (Circular 22 Art. 9.1; Circular 58 likewise as we read it — confirm).
 * - Circular 27: the end-of-year rating, which is semester 2's CK_RATING.
 * Semester I is not needed for the last two, so only a missing semester II result is reported for them.
 */
export function yearSubjectResult(
  scheme: Scheme,
  subject: GradingSubject,
  hk1: SubjectTermResult,
  hk2: SubjectTermResult,
): SubjectTermResult {
  if (scheme === 'C27' || subject.assessment === 'COMMENT') {
    return { average: null, rating: hk2.rating, missing: hk2.rating === null ? ['HK2'] : [] };
  }
  const missing = [hk1.average === null ? 'HK1' : null, hk2.average === null ? 'HK2' : null].filter(
    (m): m is string => m !== null,
  );
  if (hk1.average === null || hk2.average === null) return { average: null, rating: null, missing };
  const average = fromTenths(divideHalfUp(toTenths(hk1.average) + 2 * toTenths(hk2.average), 3));
  return { average, rating: null, missing };
}
