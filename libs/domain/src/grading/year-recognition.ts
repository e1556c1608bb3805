import { GradeLevel } from '../calendar/grades';
import { Award } from './c22/award';
import { C27Completion } from './c27/c27-recognition';
import { Scheme } from './scheme';

/** What a year-end decision is about: the award or title, or (Circular 27) the programme completion. */
export type RecognitionKind = 'AWARD' | 'COMPLETION';
/** A decided award, or NONE when the school gives none. */
export type AwardDecision = Award | 'NONE';
export type RecognitionDecision = AwardDecision | C27Completion;

export type RecognitionRule = 'notForScheme' | 'noProposal' | 'notProposed' | 'reasonRequired';

/**
 * Whether the school may record `decision` for a pupil the software proposed `proposed` for (docs/domain/gradebook.md,
 * "Year-end decisions"); null when it may. The software proposes, the school decides:
 * - nothing is decided before the year's results are complete (no proposal yet);
 * - an award or title is the one proposed, or none: the school may withhold a proposed award, never give one the
 *   results do not support;
 * - Học sinh tiêu biểu (Circular 27 Art. 15) needs the class's recognition of an achievement or progress the
 *   software cannot see: a Hoàn thành tốt pupil is only a candidate, and granting it always takes a reason;
 * - programme completion (Circular 27 Art. 14, primary only) may differ from the proposal — a pupil not yet
 *   completing may complete after the supplementary assessment Art. 14.2 provides — with the grade's own wording
 *   (grade 5: the primary programme);
 * - any decision that departs from the proposal takes a reason.
 */
export function recognitionDecisionError(input: {
  scheme: Scheme;
  grade: GradeLevel;
  kind: RecognitionKind;
  proposed: RecognitionDecision | null;
  decision: RecognitionDecision;
  reason: string | null;
}): RecognitionRule | null {
  const { kind, proposed, decision } = input;
  if (kind === 'COMPLETION' && input.scheme !== 'C27') return 'notForScheme';
  if (proposed === null) return 'noProposal';
  const reasoned = (input.reason ?? '').trim().length > 0;
  if (kind === 'AWARD') {
    if (decision !== 'NONE' && decision !== proposed) return 'notProposed';
    if (decision === 'EXEMPLARY' && !reasoned) return 'reasonRequired';
  } else {
    const completed = input.grade === '5' ? 'PRIMARY_COMPLETED' : 'GRADE_COMPLETED';
    if (decision !== completed && decision !== 'NOT_COMPLETED') return 'notProposed';
  }
  return decision !== proposed && !reasoned ? 'reasonRequired' : null;
}

/** The decisions a kind takes, for the API's validation. */
export const RECOGNITION_DECISIONS: Readonly<Record<RecognitionKind, readonly RecognitionDecision[]>> = {
  AWARD: ['NONE', 'EXCELLENT', 'GOOD', 'ADVANCED', 'EXEMPLARY'],
  COMPLETION: ['GRADE_COMPLETED', 'PRIMARY_COMPLETED', 'NOT_COMPLETED'],
};
