import { Award } from '../c22/award';
import { Level4, SubjectOutcome } from '../c22/learning-result';
import { MAX_ABSENCES_FOR_PROMOTION, PromotionOutcome } from '../c22/promotion';
import { toTenths } from '../tenths';
import { C58Ranking } from './c58-ranking';

/**
 * Circular 58 conduct (hạnh kiểm) as Emis stores it: the four steps of the Circular 22 training level, so
 * Tốt = TOT, Khá = KHA, Trung bình = DAT, Yếu = CHUA_DAT (docs/domain/circular-58.md).
 */
export type C58StoredConduct = Level4;

const RANK_STEP: Readonly<Record<C58Ranking, number>> = { GIOI: 0, KHA: 1, TB: 2, YEU: 3, KEM: 4 };
const CONDUCT_STEP: Readonly<Record<Level4, number>> = { TOT: 0, KHA: 1, DAT: 2, CHUA_DAT: 3 };

/**
 * The year's title (Circular 58 Art. 18, docs/domain/circular-58.md): Học sinh giỏi (`GOOD`) — conduct Tốt and
 * ranking Giỏi; Học sinh tiên tiến (`ADVANCED`) — conduct at least Khá and ranking at least Khá; none otherwise.
 * A proposal: the school decides.
 */
export function c58Title(ranking: C58Ranking, conduct: C58StoredConduct): Award | null {
  if (ranking === 'GIOI' && conduct === 'TOT') return 'GOOD';
  if (RANK_STEP[ranking] <= RANK_STEP.KHA && CONDUCT_STEP[conduct] <= CONDUCT_STEP.KHA) return 'ADVANCED';
  return null;
}

/**
 * Circular 58 Art. 15–16 as a proposal for the school council (docs/domain/circular-58.md):
 * - more than 45 school sessions absent, a ranking Kém, or ranking and conduct both Yếu: repeat the year;
 * - ranking Yếu with conduct at least Trung bình: re-test, in the summer, the subjects whose year average is below
 *   5.0 or whose comment result is Chưa đạt (the pupil chooses which to sit);
 * - conduct Yếu with ranking at least Trung bình: summer training, then the conduct is rated again;
 * - conduct and ranking at least Trung bình: promote.
 */
export function c58PromotionProposal(input: {
  ranking: C58Ranking;
  conduct: C58StoredConduct;
  absences: number;
  subjects: readonly SubjectOutcome[];
}): { outcome: PromotionOutcome; retestSubjects: string[] } {
  const { ranking, conduct } = input;
  const weakConduct = conduct === 'CHUA_DAT';
  if (input.absences > MAX_ABSENCES_FOR_PROMOTION || ranking === 'KEM' || (ranking === 'YEU' && weakConduct))
    return { outcome: 'REPEAT', retestSubjects: [] };
  if (ranking === 'YEU')
    return { outcome: 'RETEST', retestSubjects: input.subjects.filter(belowPass).map((s) => s.code) };
  if (weakConduct) return { outcome: 'SUMMER_TRAINING', retestSubjects: [] };
  return { outcome: 'PROMOTE', retestSubjects: [] };
}

function belowPass(subject: SubjectOutcome): boolean {
  if (subject.assessment === 'COMMENT') return subject.rating === 'CD';
  return subject.average !== null && toTenths(subject.average) < 50;
}
