import { GradeColumn, GradingSubject, PASS_FAIL_RATINGS } from '../grade-column';

/** Room for coefficient-1 and coefficient-2 tests on the pre-2020 sheet; schools set more than the minimum. */
const COEF1_SLOTS = 6;
const COEF2_SLOTS = 3;

/**
 * Minimum regular tests (oral and 15-minute, coefficient 1) per semester under Circular 58/2011 Art. 8.2 (the brief
 * cites Art. 7 — confirm the article): at least 2 for a subject of 1 period a week or less, 3 above 1 and below 3,
 * 4 from 3 periods a week. A school year has 35 weeks, so 1 period/week = 35 periods/year and 3 = 105.
 */
export function c58MinimumRegularTests(periodsPerYear: number): 2 | 3 | 4 {
  if (periodsPerYear <= 35) return 2;
  if (periodsPerYear < 105) return 3;
  return 4;
}

/**
 * The pre-2020 Circular 58 sheet: coefficient-1 tests (the circular's minimum required, the rest optional),
 * coefficient-2 period tests (their number is set by each subject's teaching plan, not by the circular, so only the
 * first is required — confirm), and the semester exam, coefficient 3, required. Scores 0–10: Circular 58 Art. 8.3
 * allows a decimal on multiple-choice and periodic tests, so every score column takes one decimal.
 */
export function coefficientColumns(subject: GradingSubject): GradeColumn[] {
  const minimum = c58MinimumRegularTests(subject.periodsPerYear);
  const coef1 = Array.from({ length: COEF1_SLOTS }, (_, i) =>
    column(subject, `HS1_${i + 1}`, `HS1.${i + 1}`, 'COEF1', 1, i < minimum),
  );
  const coef2 = Array.from({ length: COEF2_SLOTS }, (_, i) =>
    column(subject, `HS2_${i + 1}`, `HS2.${i + 1}`, 'COEF2', 2, i === 0),
  );
  return [...coef1, ...coef2, column(subject, 'HK', 'HK', 'EXAM', 3, true)];
}

function column(
  subject: GradingSubject,
  key: string,
  label: string,
  group: GradeColumn['group'],
  weight: number,
  required: boolean,
): GradeColumn {
  if (subject.assessment === 'COMMENT') {
    return { key, label, kind: 'RATING', group, weight: 0, required, ratings: PASS_FAIL_RATINGS };
  }
  return { key, label, kind: 'SCORE', group, weight, required, min: 0, max: 10, decimals: 1 };
}
