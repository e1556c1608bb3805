import { AssessmentKind, RatingCode } from '../grade-column';
import { C22AdjustmentReading } from '../rule-settings';
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
  /** The reading of Circular 22 Art. 9.3 (see rule-settings.ts); on by default. */
  adjustment: C22AdjustmentReading;
}

export const DEFAULT_LEARNING_SETTINGS: LearningSettings = { adjustment: 'EXCEPT_ONE_SUBJECT' };

/**
 * Circular 22 Art. 9.2, for a semester (from ĐTBmhk) or the year (from ĐTBmcn):
 * - Tốt: every comment subject Đạt; every scored subject ≥ 6.5, at least 6 of them ≥ 8.0;
 * - Khá: every comment subject Đạt; every scored subject ≥ 5.0, at least 6 of them ≥ 6.5;
 * - Đạt: at most one comment subject Chưa đạt; at least 6 scored subjects ≥ 5.0, none below 3.5;
 * - Chưa đạt otherwise;
 * then Art. 9.3 (`adjustedLevel`) unless the settings turn it off.
 * Null while any subject result is missing: a level from part of the subjects would be wrong, not provisional.
 */
export function learningResult(
  subjects: readonly SubjectOutcome[],
  settings: LearningSettings = DEFAULT_LEARNING_SETTINGS,
): Level4 | null {
  if (subjects.some((s) => (s.assessment === 'SCORE' ? s.average === null : s.rating === null))) return null;
  const computed = levelOf(subjects);
  return settings.adjustment === 'OFF' ? computed : adjustedLevel(subjects, computed);
}

/**
 * Circular 22 Art. 9.3 (docs/domain/secondary-assessment-c22.md): a pupil who would be Tốt or Khá but for exactly
 * one subject — one scored subject below that level's floor, or one comment subject Chưa đạt — and whose computed
 * level is two or more steps lower is raised one step (Tốt→Đạt becomes Khá, Tốt→Chưa đạt becomes Đạt, Khá→Chưa đạt
 * becomes Đạt). A one-step drop stays. "But for one subject": every condition of the level holds once that subject is
 * left out of the per-subject floors and the comment-subject condition; the count of subjects ≥ 8.0 / 6.5 is taken
 * as it is.
 */
export function adjustedLevel(subjects: readonly SubjectOutcome[], computed: Level4): Level4 {
  const wouldBe = wouldBeLevel(subjects);
  if (wouldBe === null) return computed;
  const rank = LEVEL4_ORDER.indexOf(computed);
  return rank - LEVEL4_ORDER.indexOf(wouldBe) >= 2 ? LEVEL4_ORDER[rank - 1] : computed;
}

const ADJUSTABLE: readonly { level: Level4; floor: number; countFrom: number }[] = [
  { level: 'TOT', floor: 65, countFrom: 80 },
  { level: 'KHA', floor: 50, countFrom: 65 },
];

/** The highest of Tốt and Khá that exactly one subject keeps the pupil from, or null. */
function wouldBeLevel(subjects: readonly SubjectOutcome[]): Level4 | null {
  const scores = subjects.filter((s) => s.assessment === 'SCORE').map((s) => toTenths(s.average as number));
  for (const { level, floor, countFrom } of ADJUSTABLE) {
    if (scores.filter((t) => t >= countFrom).length < 6) continue;
    const atFault = subjects.filter((s) =>
      s.assessment === 'SCORE' ? toTenths(s.average as number) < floor : s.rating !== 'D',
    );
    if (atFault.length === 1) return level;
  }
  return null;
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
