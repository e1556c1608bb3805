import { AssetCategory, AssetCategoryUpdate } from '@emis/contracts';
import { categoryOverrideProblems, INTANGIBLE_ASSET_CLASSES } from '@emis/domain';

/** What the province sets for a category: a rate for a tangible one (Art. 13.1.a), a life for an intangible one (Art. 13.2). */
export type OverrideField = 'rateBasisPoints' | 'lifeYears';

export function overrideField(category: AssetCategory): OverrideField | null {
  if (!category.worn) return null;
  const intangible = INTANGIBLE_ASSET_CLASSES.includes(category.assetClass) || category.defaultRateBasisPoints === null;
  return intangible ? 'lifeYears' : 'rateBasisPoints';
}

/**
 * A rate as officials write it, "12,5" or "12.5" (per cent a year), in whole basis points: 1250. At most two
 * decimals, since the register keeps basis points; undefined when the text is not such a number, null when empty.
 */
export function parseRatePercent(text: string): number | null | undefined {
  const trimmed = text.trim().replace(/\s*%$/, '');
  if (trimmed === '') return null;
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(trimmed);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Basis points shown as a vi-VN percentage without the sign: 1250 → "12,5". */
export function formatRatePercent(basisPoints: number | null): string {
  if (basisPoints === null) return '';
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(basisPoints / 100);
}

export function parseLifeYears(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : undefined;
}

export interface OverrideCheck {
  update: AssetCategoryUpdate | null;
  /** A translation key under assets.register.config.errors and its parameters. */
  error: { key: string; params: Record<string, string | number> } | null;
}

/**
 * Reads the province's value typed for a category and checks it with the domain's rule, the same the API applies:
 * a rate within ±20 % of the appendix's, a life of 4–50 years. An empty field resets the category to the default.
 */
export function checkOverride(category: AssetCategory, text: string): OverrideCheck {
  const field = overrideField(category);
  if (!field) return { update: null, error: null };
  const value = field === 'rateBasisPoints' ? parseRatePercent(text) : parseLifeYears(text);
  if (value === undefined) return { update: null, error: { key: 'assets.register.config.errors.number', params: {} } };
  const update: AssetCategoryUpdate = { [field]: value };
  const problem = categoryOverrideProblems(category, update)[0];
  if (!problem) return { update, error: null };
  if (problem.rule === 'RATE_OUT_OF_RANGE') {
    return {
      update: null,
      error: {
        key: 'assets.register.config.errors.rateRange',
        params: {
          min: formatRatePercent(problem.min ?? null),
          max: formatRatePercent(problem.max ?? null),
          base: formatRatePercent(category.defaultRateBasisPoints),
        },
      },
    };
  }
  return {
    update: null,
    error: {
      key: 'assets.register.config.errors.lifeRange',
      params: { min: problem.min ?? '', max: problem.max ?? '' },
    },
  };
}
