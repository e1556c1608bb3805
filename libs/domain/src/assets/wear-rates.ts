import type { AssetClass } from './asset-types';

/**
 * How fast an asset wears: an annual rate in basis points (Art. 14.1: wear = cost × rate), or only a life in years
 * for the intangible assets whose life the province sets (Art. 13.2: wear = cost ÷ life). Both are kept so the
 * last year of the life is known (Art. 14.9). Rules and their articles: docs/domain/assets.md.
 */
export interface WearRate {
  lifeYears: number | null;
  rateBasisPoints: number | null;
}

/** A category of the province's configuration: the shipped defaults (our reading of Appendix 01) and the override. */
export interface WearCategory {
  worn: boolean;
  defaultLifeYears: number | null;
  defaultRateBasisPoints: number | null;
  lifeYears: number | null;
  rateBasisPoints: number | null;
}

const FULL_RATE_BP = 10_000;

/** The intangible classes (Art. 4.1): their life, 4–50 years, is set by the province (Art. 13.2). */
export const INTANGIBLE_ASSET_CLASSES: readonly AssetClass[] = [
  'LAND_USE_RIGHT',
  'COPYRIGHT',
  'INDUSTRIAL_PROPERTY',
  'PLANT_VARIETY',
  'SOFTWARE',
  'BRAND',
];

/** Art. 13.2: the life the province may give an intangible asset. */
export const INTANGIBLE_LIFE_YEARS = { min: 4, max: 50 } as const;

/** Art. 13.1.a: the province may move a tangible category's rate by at most this share of the default, ±20 %. */
export const RATE_OVERRIDE_PERCENT = 20;

/**
 * The rate a category applies now: the province's override where set, else the shipped default; null when the
 * category is not worn (land-use rights). A rate set without a life implies the life it takes to reach 100 %,
 * rounded up (2.4 % → 42 years, the last one taking the remainder).
 */
export function effectiveRate(c: WearCategory): WearRate | null {
  if (!c.worn) return null;
  const rateBasisPoints = c.rateBasisPoints ?? c.defaultRateBasisPoints;
  const impliedLife = rateBasisPoints === null ? null : Math.ceil(FULL_RATE_BP / rateBasisPoints);
  const lifeYears = c.lifeYears ?? (c.rateBasisPoints !== null ? impliedLife : (c.defaultLifeYears ?? impliedLife));
  if (rateBasisPoints === null && lifeYears === null) return null;
  return { lifeYears, rateBasisPoints };
}

/** The years over which an asset wears fully: the life, or the years its rate takes to reach 100 %. */
export function wearLifeYears(rate: WearRate): number | null {
  if (rate.lifeYears !== null) return rate.lifeYears;
  return rate.rateBasisPoints === null ? null : Math.ceil(FULL_RATE_BP / rate.rateBasisPoints);
}

export type CategoryOverrideRule = 'NOT_WORN' | 'RATE_OUT_OF_RANGE' | 'LIFE_OUT_OF_RANGE' | 'NOT_APPLICABLE';

export interface CategoryOverrideProblem {
  field: 'rateBasisPoints' | 'lifeYears';
  rule: CategoryOverrideRule;
  /** The range allowed, for the message. */
  min?: number;
  max?: number;
}

/** The rates a province may set for a tangible category: the default ±20 % (Art. 13.1.a), whole basis points. */
export function rateOverrideRange(defaultRateBasisPoints: number): { min: number; max: number } {
  return {
    min: Math.ceil((defaultRateBasisPoints * (100 - RATE_OVERRIDE_PERCENT)) / 100),
    max: Math.floor((defaultRateBasisPoints * (100 + RATE_OVERRIDE_PERCENT)) / 100),
  };
}

/**
 * What is wrong with a province's override of a category (null resets a field to the default). A tangible category
 * takes a rate within ±20 % of its default (Art. 13.1.a; its life follows the rate); an intangible one a life of
 * 4–50 years (Art. 13.2); land-use rights are not worn and take neither.
 */
export function categoryOverrideProblems(
  category: WearCategory & { assetClass: AssetClass },
  update: { lifeYears?: number | null; rateBasisPoints?: number | null },
): CategoryOverrideProblem[] {
  const { lifeYears, rateBasisPoints } = update;
  const setsRate = rateBasisPoints !== undefined && rateBasisPoints !== null;
  const setsLife = lifeYears !== undefined && lifeYears !== null;
  if (!category.worn) {
    return [
      ...(setsRate ? [{ field: 'rateBasisPoints' as const, rule: 'NOT_WORN' as const }] : []),
      ...(setsLife ? [{ field: 'lifeYears' as const, rule: 'NOT_WORN' as const }] : []),
    ];
  }
  const problems: CategoryOverrideProblem[] = [];
  const tangible = !INTANGIBLE_ASSET_CLASSES.includes(category.assetClass) && category.defaultRateBasisPoints !== null;
  if (tangible) {
    if (setsLife) problems.push({ field: 'lifeYears', rule: 'NOT_APPLICABLE' });
    const range = rateOverrideRange(category.defaultRateBasisPoints as number);
    if (
      setsRate &&
      !(Number.isInteger(rateBasisPoints) && rateBasisPoints >= range.min && rateBasisPoints <= range.max)
    ) {
      problems.push({ field: 'rateBasisPoints', rule: 'RATE_OUT_OF_RANGE', ...range });
    }
    return problems;
  }
  if (setsRate) problems.push({ field: 'rateBasisPoints', rule: 'NOT_APPLICABLE' });
  const { min, max } = INTANGIBLE_LIFE_YEARS;
  if (setsLife && !(Number.isInteger(lifeYears) && lifeYears >= min && lifeYears <= max)) {
    problems.push({ field: 'lifeYears', rule: 'LIFE_OUT_OF_RANGE', min, max });
  }
  return problems;
}
