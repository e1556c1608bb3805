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
  /** Circular 58 Art. 13.6, raising a ranking pulled down by one subject. It is the circular's text: default true. */
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
 * Art. 13.6 adjustment, exactly its four cases and nothing else (docs/domain/circular-58.md): when the pupil would
 * reach Giỏi or Khá but for one subject alone, Giỏi pulled to Trung bình becomes Khá, Giỏi pulled to Yếu becomes
 * Trung bình, Khá pulled to Yếu becomes Trung bình, Khá pulled to Kém becomes Yếu. "One subject alone" is read as:
 * the ranking the pupil would have if that subject's own floor (or its comment result) were ignored, the overall
 * average and the Maths-or-Literature condition unchanged. A one-step drop (Giỏi → Khá, Khá → Trung bình), Giỏi
 * pulled to Kém, and a drop two subjects cause are left as computed.
 */
export function c58Ranking(subjects: readonly SubjectOutcome[], opts?: C58RankingOptions): C58Ranking | null {
  const overall = c58OverallAverage(subjects);
  if (overall === null || subjects.some((s) => s.assessment === 'COMMENT' && s.rating === null)) return null;
  const context = { overall: toTenths(overall), core: coreBest(subjects, opts?.foreignLanguageCounts ?? false) };
  const actual = rankOf(subjects, context, -1);
  if (opts?.adjustOneSubject === false) return actual;
  const best = RANKING_ORDER[Math.min(...subjects.map((_, i) => RANKING_ORDER.indexOf(rankOf(subjects, context, i))))];
  return ART_13_6[`${best}>${actual}`] ?? actual;
}

/** Art. 13.6's table: would-be ranking > computed ranking → the ranking given. No other pair is adjusted. */
const ART_13_6: Readonly<Record<string, C58Ranking>> = {
  'GIOI>TB': 'KHA',
  'GIOI>YEU': 'TB',
  'KHA>YEU': 'TB',
  'KHA>KEM': 'YEU',
};

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
