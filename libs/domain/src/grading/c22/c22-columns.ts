import { GradeColumn, GradingSubject, PASS_FAIL_RATINGS } from '../grade-column';

/**
 * Regular assessments (ĐĐGtx) per subject per semester, from the subject's periods per school year
 * (Circular 22/2021 Art. 7; the same counts Circular 26/2020 gave Circular 58): 2 up to 35 periods, 3 above 35 up
 * to 70, 4 above 70.
 */
export function regularAssessmentCount(periodsPerYear: number): 2 | 3 | 4 {
  if (periodsPerYear <= 35) return 2;
  if (periodsPerYear <= 70) return 3;
  return 4;
}

/**
 * One subject's semester sheet under Circular 22 (and under Circular 58 as amended by Circular 26/2020): n regular
 * assessments, one mid-term, one end-of-term, all required because a missing one that is not made up leaves the
 * semester average uncomputed. Scores are 0–10 with at most one decimal; comment subjects are rated Đạt / Chưa đạt
 * at each of the same assessments, so their columns carry no weight.
 */
export function regularPeriodicColumns(subject: GradingSubject): GradeColumn[] {
  const n = regularAssessmentCount(subject.periodsPerYear);
  const regular = Array.from({ length: n }, (_, i) => column(subject, `TX${i + 1}`, 'REGULAR', 1));
  return [...regular, column(subject, 'GK', 'MID', 2), column(subject, 'CK', 'FINAL', 3)];
}

function column(subject: GradingSubject, key: string, group: GradeColumn['group'], weight: number): GradeColumn {
  if (subject.assessment === 'COMMENT') {
    return { key, label: key, kind: 'RATING', group, weight: 0, required: true, ratings: PASS_FAIL_RATINGS };
  }
  return { key, label: key, kind: 'SCORE', group, weight, required: true, min: 0, max: 10, decimals: 1 };
}
