import { GradeLevel } from '../../calendar/grades';
import { Award } from '../c22/award';
import { C27Classification } from './c27-classification';

/**
 * The year-end award Circular 27 Art. 15 lets the principal give, as the software can propose it
 * (docs/domain/primary-assessment-c27.md):
 * - Học sinh Xuất sắc (`EXCELLENT`): the classification Hoàn thành xuất sắc;
 * - Học sinh tiêu biểu (`EXEMPLARY`): Hoàn thành tốt **and** an outstanding achievement or clear progress in a
 *   subject, a quality or a competency, recognised by the class. The second half is a judgement the software cannot
 *   make, so a Hoàn thành tốt pupil is only a candidate: a person decides, with a reason.
 */
export function c27AwardProposal(classification: C27Classification): Award | null {
  if (classification === 'HTXS') return 'EXCELLENT';
  if (classification === 'HTT') return 'EXEMPLARY';
  return null;
}

export type C27Completion = 'GRADE_COMPLETED' | 'PRIMARY_COMPLETED' | 'NOT_COMPLETED';

/**
 * Circular 27 Art. 14: a pupil classified Hoàn thành or better has completed the grade's programme; in grade 5
 * that is "Hoàn thành chương trình tiểu học", written in the học bạ. Chưa hoàn thành: the teacher helps and
 * re-assesses, then the principal decides whether the pupil moves up — the software proposes `NOT_COMPLETED` and
 * the decision is the school's.
 */
export function c27CompletionProposal(grade: GradeLevel, classification: C27Classification): C27Completion {
  if (classification === 'CHT') return 'NOT_COMPLETED';
  return grade === '5' ? 'PRIMARY_COMPLETED' : 'GRADE_COMPLETED';
}
