import { toTenths } from '../tenths';
import { Level4, SubjectOutcome } from './learning-result';

export type PromotionOutcome = 'PROMOTE' | 'RETEST' | 'SUMMER_TRAINING' | 'RETEST_AND_TRAINING' | 'REPEAT';

/** Circular 22 Art. 12.1.c: at most 45 school sessions (buổi) absent in the year, excused and unexcused together. */
export const MAX_ABSENCES_FOR_PROMOTION = 45;

/**
 * Circular 22 Art. 12–14, as a proposal: the software proposes, the school council decides and the decision is
 * recorded with who made it.
 * - More than 45 sessions absent: repeat the year, whatever the results.
 * - Training and learning both at least Đạt: promote.
 * - Learning Chưa đạt, training at least Đạt: re-test in the summer the subjects whose year average is below 5.0
 *   or whose comment result is Chưa đạt (Art. 13); the year result is then recomputed.
 * - Training Chưa đạt: summer training, then re-rating (Art. 14).
 * - Both Chưa đạt: summer training and the re-tests. Art. 13 offers re-tests to students whose training is at
 *   least Đạt, so the re-tests count once the summer training has raised it (confirm the order with the council).
 * `retestSubjects` is filled only when the outcome includes a re-test.
 */
export function promotionProposal(input: {
  learning: Level4;
  training: Level4;
  absences: number;
  subjects: readonly SubjectOutcome[];
}): { outcome: PromotionOutcome; retestSubjects: string[] } {
  if (input.absences > MAX_ABSENCES_FOR_PROMOTION) return { outcome: 'REPEAT', retestSubjects: [] };
  const learningPassed = input.learning !== 'CHUA_DAT';
  const trainingPassed = input.training !== 'CHUA_DAT';
  if (learningPassed && trainingPassed) return { outcome: 'PROMOTE', retestSubjects: [] };
  if (learningPassed) return { outcome: 'SUMMER_TRAINING', retestSubjects: [] };
  const retestSubjects = input.subjects.filter(needsRetest).map((s) => s.code);
  return { outcome: trainingPassed ? 'RETEST' : 'RETEST_AND_TRAINING', retestSubjects };
}

function needsRetest(subject: SubjectOutcome): boolean {
  if (subject.assessment === 'COMMENT') return subject.rating === 'CD';
  return subject.average !== null && toTenths(subject.average) < 50;
}
