import { RatingCode } from '../grade-column';
import { PRIMARY_QUALITIES, QualityRating } from './qualities';

/** Hoàn thành xuất sắc / Hoàn thành tốt / Hoàn thành / Chưa hoàn thành (Circular 27/2020, year-end summary). */
export type C27Classification = 'HTXS' | 'HTT' | 'HT' | 'CHT';

export interface C27YearSubject {
  code: string;
  /** The end-of-year rating. */
  rating: RatingCode | null;
  /** The end-of-year periodic test, a whole number 0–10. */
  test: number | null;
  /** Whether the subject has an end-of-year test (see `c27HasPeriodicTest`). */
  tested: boolean;
}

export interface C27YearInput {
  subjects: readonly C27YearSubject[];
  qualities: Readonly<Record<string, QualityRating | null | undefined>>;
}

/**
 * Circular 27/2020, the year-end summary of educational results (Art. 8 as we read it — confirm the numbering):
 * - Hoàn thành xuất sắc: every subject T, every quality and competency Tốt, every end-of-year test ≥ 9;
 * - Hoàn thành tốt: the same with every test ≥ 7;
 * - Hoàn thành: every subject T or H, every quality and competency Tốt or Đạt, every test ≥ 5;
 * - Chưa hoàn thành otherwise.
 * Null while a subject rating, a required test, a quality or a general competency is missing. A specific
 * competency without a rating is left out rather than blocking: grades 1 and 2 have no Tin học or Công nghệ to
 * rate them in (confirm which specific competencies each grade must rate).
 */
export function c27YearClassification(input: C27YearInput): C27Classification | null {
  const qualities = qualityRatings(input.qualities);
  if (qualities === null) return null;
  const { subjects } = input;
  if (subjects.some((s) => s.rating === null || (s.tested && s.test === null))) return null;
  const lowestTest = Math.min(...subjects.filter((s) => s.tested).map((s) => s.test as number));
  const allT = subjects.every((s) => s.rating === 'T');
  const allTOrH = subjects.every((s) => s.rating === 'T' || s.rating === 'H');
  const qualitiesTot = qualities.every((q) => q === 'TOT');
  const qualitiesPassed = qualities.every((q) => q === 'TOT' || q === 'DAT');
  if (allT && qualitiesTot && lowestTest >= 9) return 'HTXS';
  if (allT && qualitiesTot && lowestTest >= 7) return 'HTT';
  if (allTOrH && qualitiesPassed && lowestTest >= 5) return 'HT';
  return 'CHT';
}

function qualityRatings(ratings: C27YearInput['qualities']): QualityRating[] | null {
  const result: QualityRating[] = [];
  for (const quality of PRIMARY_QUALITIES) {
    const rating = ratings[quality.code];
    if (rating) result.push(rating);
    else if (quality.kind !== 'SPECIFIC') return null;
  }
  return result;
}
