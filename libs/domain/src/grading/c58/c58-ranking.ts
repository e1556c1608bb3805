import { SubjectOutcome } from '../c22/learning-result';
import { divideHalfUp, fromTenths, toTenths } from '../tenths';

/** Học lực under Circular 58/2011: Giỏi, Khá, Trung bình, Yếu, Kém. */
export type C58Ranking = 'GIOI' | 'KHA' | 'TB' | 'YEU' | 'KEM';
const RANKING_ORDER: readonly C58Ranking[] = ['GIOI', 'KHA', 'TB', 'YEU', 'KEM'];

/** Hạnh kiểm under Circular 58 Art. 4: rated by the homeroom teacher, nothing computed. */
export type C58Conduct = 'TOT' | 'KHA' | 'TB' | 'YEU';

export interface C58RankingOptions {
  /**
   * Circular 26/2020 widened "Maths or Literature" to "Maths, Literature or the foreign language" from 2020-21
   * (confirm the dates). Default false: the pre-2020 rule.
   */
  foreignLanguageCounts?: boolean;
  /** Circular 58 Art. 13.3, raising a ranking pulled down by one subject. It is the circular's text: default true. */
  adjustOneSubject?: boolean;
}

interface RankRule {
  ranking: C58Ranking;
  overall: number;
  core: number | null;
  floor: number;
  commentsPassed: boolean;
}

/**
 * Circular 58 Art. 13.1, in tenths. Giỏi, Khá and Trung bình also require every comment subject Đạt: the circular
 * says so for all three (another reading lists it only for Giỏi).
 */
const RULES: readonly RankRule[] = [
  { ranking: 'GIOI', overall: 80, core: 80, floor: 65, commentsPassed: true },
  { ranking: 'KHA', overall: 65, core: 65, floor: 50, commentsPassed: true },
  { ranking: 'TB', overall: 50, core: 50, floor: 35, commentsPassed: true },
  { ranking: 'YEU', overall: 35, core: null, floor: 20, commentsPassed: false },
];

/** ĐTBcm: the mean of the scored subjects' averages, half-up to one decimal; comment subjects do not count. */
export function c58OverallAverage(subjects: readonly SubjectOutcome[]): number | null {
  const scored = subjects.filter((s) => s.assessment === 'SCORE');
  if (scored.length === 0 || scored.some((s) => s.average === null)) return null;
  const total = scored.reduce((sum, s) => sum + toTenths(s.average as number), 0);
  return fromTenths(divideHalfUp(total, scored.length));
}

/**
 * Học lực from a period's subject results; null while any is missing.
 * Art. 13.3 adjustment: when ĐTBcm reaches Giỏi or Khá but one subject alone drops the ranking — Giỏi to Trung
 * bình or Yếu, Khá to Yếu or Kém — it is raised one step (to Khá, Trung bình, Trung bình, Yếu). "One subject alone"
 * is read as: the ranking the student would have if that subject's own floor (or its comment result) were ignored,
 * the overall average and the Maths-or-Literature condition unchanged (confirm the reading).
 */
export function c58Ranking(subjects: readonly SubjectOutcome[], opts?: C58RankingOptions): C58Ranking | null {
  const overall = c58OverallAverage(subjects);
  if (overall === null || subjects.some((s) => s.assessment === 'COMMENT' && s.rating === null)) return null;
  const context = { overall: toTenths(overall), core: coreBest(subjects, opts?.foreignLanguageCounts ?? false) };
  const actual = RANKING_ORDER.indexOf(rankOf(subjects, context, -1));
  if (opts?.adjustOneSubject === false) return RANKING_ORDER[actual];
  const potential = Math.min(...subjects.map((_, i) => RANKING_ORDER.indexOf(rankOf(subjects, context, i))));
  const drop = actual - potential;
  return potential <= 1 && (drop === 2 || drop === 3) ? RANKING_ORDER[actual - 1] : RANKING_ORDER[actual];
}

/** The best of Maths and Literature (and the foreign language, when it counts), in tenths; -1 when none is taught. */
function coreBest(subjects: readonly SubjectOutcome[], foreignLanguageCounts: boolean): number {
  const codes = foreignLanguageCounts ? ['TOAN', 'NGU_VAN', 'NGOAI_NGU_1'] : ['TOAN', 'NGU_VAN'];
  const core = subjects.filter((s) => codes.includes(s.code) && s.average !== null);
  return Math.max(-1, ...core.map((s) => toTenths(s.average as number)));
}

function rankOf(
  subjects: readonly SubjectOutcome[],
  context: { overall: number; core: number },
  ignored: number,
): C58Ranking {
  const others = subjects.filter((_, i) => i !== ignored);
  const lowest = Math.min(...others.filter((s) => s.assessment === 'SCORE').map((s) => toTenths(s.average as number)));
  const commentsPassed = others.every((s) => s.assessment === 'SCORE' || s.rating === 'D');
  const rule = RULES.find(
    (r) =>
      context.overall >= r.overall &&
      (r.core === null || context.core >= r.core) &&
      lowest >= r.floor &&
      (!r.commentsPassed || commentsPassed),
  );
  return rule?.ranking ?? 'KEM';
}
