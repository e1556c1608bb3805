import { AssessmentKind, RatingCode } from '../grade-column';
import { toTenths } from '../tenths';

/** Circular 22 levels of the learning result (kết quả học tập) and the training result (kết quả rèn luyện). */
export type Level4 = 'TOT' | 'KHA' | 'DAT' | 'CHUA_DAT';
export const LEVEL4_ORDER: readonly Level4[] = ['TOT', 'KHA', 'DAT', 'CHUA_DAT'];

/** One subject's result for a period (a semester or the year), as the learning result and promotion read it. */
export interface SubjectOutcome {
  code: string;
  assessment: AssessmentKind;
  average: number | null;
  rating: RatingCode | null;
}

export interface LearningSettings {
  /**
   * Raise the level one step when a single subject alone pulls it down two steps or more. One reading reports
   * it from one source; Circular 22 Art. 9 as we read it has no such clause (Circular 58 Art. 13.6 had one), so it
   * stays off unless a department confirms it.
   */
  adjustOneSubject: boolean;
}

/**
 * Circular 22 Art. 9.2, for a semester (from ĐTBmhk) or the year (from ĐTBmcn):
 * - Tốt: every comment subject Đạt; every scored subject ≥ 6.5, at least 6 of them ≥ 8.0;
 * - Khá: every comment subject Đạt; every scored subject ≥ 5.0, at least 6 of them ≥ 6.5;
 * - Đạt: at most one comment subject Chưa đạt; at least 6 scored subjects ≥ 5.0, none below 3.5;
 * - Chưa đạt otherwise.
 * Null while any subject result is missing: a level from part of the subjects would be wrong, not provisional.
 */
export function learningResult(subjects: readonly SubjectOutcome[], settings?: LearningSettings): Level4 | null {
  if (subjects.some((s) => (s.assessment === 'SCORE' ? s.average === null : s.rating === null))) return null;
  const level = levelOf(subjects);
  if (!settings?.adjustOneSubject) return level;
  const rank = LEVEL4_ORDER.indexOf(level);
  const best = Math.min(...subjects.map((_, i) => LEVEL4_ORDER.indexOf(levelOf(subjects.filter((__, j) => j !== i)))));
  return rank - best >= 2 ? LEVEL4_ORDER[rank - 1] : level;
}

function levelOf(subjects: readonly SubjectOutcome[]): Level4 {
  const scores = subjects.filter((s) => s.assessment === 'SCORE').map((s) => toTenths(s.average as number));
  const notPassed = subjects.filter((s) => s.assessment === 'COMMENT' && s.rating !== 'D').length;
  const lowest = Math.min(...scores);
  const countFrom = (tenths: number) => scores.filter((t) => t >= tenths).length;
  if (notPassed === 0 && lowest >= 65 && countFrom(80) >= 6) return 'TOT';
  if (notPassed === 0 && lowest >= 50 && countFrom(65) >= 6) return 'KHA';
  if (notPassed <= 1 && lowest >= 35 && countFrom(50) >= 6) return 'DAT';
  return 'CHUA_DAT';
}
