import type { SchoolLevel, SchoolOwnership } from '../organisation/org-unit';
import type { PolicyGroup } from '../people/people-enums';
import type { BillingUnit, FeeKind } from './finance-types';

/**
 * What one pupil owes for one fee line in one period (docs/domain/finance.md, "The fee rules"). Pure: the API
 * generates charges with it, the seed and the reports reuse it, so a figure means the same everywhere.
 *
 * Rounding: a relief is a whole percentage of a whole-đồng amount, taken down to the đồng (`percentOf`); the family
 * owes the rest, so relief + due always equals what was relieved from.
 */

/** Why a charge is what it is. */
export const FEE_RULE_CODES = [
  'NONE',
  'FREE_PUBLIC',
  'FREE_PUBLIC_PRIMARY',
  'PRIVATE_SUPPORT',
  'EXEMPT',
  'REDUCED_70',
  'REDUCED_50',
  'EXCEPTION',
] as const;
export type FeeRuleCode = (typeof FEE_RULE_CODES)[number];

export const FEE_RULE_LABELS: Record<FeeRuleCode, { vi: string; en: string }> = {
  NONE: { vi: 'Không miễn, giảm', en: 'No relief' },
  FREE_PUBLIC: { vi: 'Miễn học phí, Nhà nước cấp bù', en: 'Tuition-free, reimbursed by the state' },
  FREE_PUBLIC_PRIMARY: { vi: 'Tiểu học công lập không thu học phí', en: 'Public primary: no tuition' },
  PRIVATE_SUPPORT: { vi: 'Hỗ trợ học phí (ngoài công lập)', en: 'Tuition support (private school)' },
  EXEMPT: { vi: 'Miễn 100% học phí', en: 'Exempt (100 %)' },
  REDUCED_70: { vi: 'Giảm 70% học phí', en: 'Reduced by 70 %' },
  REDUCED_50: { vi: 'Giảm 50% học phí', en: 'Reduced by 50 %' },
  EXCEPTION: { vi: 'Miễn, giảm theo quyết định riêng', en: 'Approved exception' },
};

/** The first school year (by its starting calendar year) of free tuition: Resolution 217/2025/QH15, Decree 238/2025/NĐ-CP. */
export const FREE_TUITION_FROM_YEAR = 2025;

/** Nationality code of Vietnamese citizens on the pupil's record (the people context's default). */
export const VIETNAMESE_NATIONALITY = 'VN';

export interface FeePupil {
  /** The calendar year the school year starts in: 2025 for 2025-26. */
  schoolYearStart: number;
  ownership: SchoolOwnership;
  /** The level of the pupil's grade (a multi-level school bills each pupil at the level of their class). */
  schoolLevel: SchoolLevel;
  nationality: string;
  policyGroups: readonly PolicyGroup[];
  /** An approved exception's percentage for this fee kind and year, if any. */
  exceptionPercent: number | null;
}

/** The province's levels for the pupil's year, level and the school's area. */
export interface ProvinceTuition {
  monthlyAmount: number;
  privateSupportMonthly: number;
}

export interface FeeLine {
  feeKind: FeeKind;
  billingUnit: BillingUnit;
  amount: number;
}

/** A collection period: how many months it covers, and whether it is the first of its school year. */
export interface FeePeriodShape {
  months: number;
  firstOfYear: boolean;
}

export interface ChargeBreakdown {
  listAmount: number;
  reliefPercent: number;
  reliefAmount: number;
  supportAmount: number;
  reimbursedAmount: number;
  dueAmount: number;
  rule: FeeRuleCode;
  /**
   * What the state pays the school for this charge (the reimbursement claim): free public tuition reimbursed, the
   * statutory relief on public tuition (cấp bù, Decree 81/2021/NĐ-CP Art. 20), and the support a private school
   * deducted from the fee. A school's own exception is its own cost, never claimed.
   */
  claimable: number;
}

/**
 * Statutory relief of tuition before 2025-26 and outside the free-tuition scope, by policy group: exemption
 * (Decree 81/2021/NĐ-CP Art. 15 — children of war invalids and martyrs under the Ordinance on people with
 * meritorious service, pupils with disabilities, orphans without support, poor households), 70 % reduction
 * (Art. 16.1 — ethnic-minority pupils in extremely disadvantaged villages and communes), 50 % reduction
 * (Art. 16.2 — near-poor households). A pupil in several groups gets the highest.
 */
export const POLICY_GROUP_RELIEF: Record<PolicyGroup, { percent: number; rule: FeeRuleCode }> = {
  WAR_INVALID_CHILD: { percent: 100, rule: 'EXEMPT' },
  MARTYR_CHILD: { percent: 100, rule: 'EXEMPT' },
  DISABILITY: { percent: 100, rule: 'EXEMPT' },
  ORPHAN: { percent: 100, rule: 'EXEMPT' },
  POOR_HOUSEHOLD: { percent: 100, rule: 'EXEMPT' },
  ETHNIC_MINORITY_DISADVANTAGED: { percent: 70, rule: 'REDUCED_70' },
  NEAR_POOR_HOUSEHOLD: { percent: 50, rule: 'REDUCED_50' },
};

/** `percent` % of `amount`, taken down to the whole đồng; BigInt when the product would pass 2^53. */
export function percentOf(amount: number, percent: number): number {
  const product = amount * percent;
  if (Number.isSafeInteger(product)) return Math.floor(product / 100);
  return Number((BigInt(amount) * BigInt(percent)) / 100n);
}

/**
 * What a fee line bills in a period: a monthly fee × the period's months, a semester fee once per period (periods
 * are semesters or shorter), a yearly or one-off fee in the first period of the year only.
 */
export function billedAmount(fee: FeeLine, period: FeePeriodShape): number {
  switch (fee.billingUnit) {
    case 'MONTH':
      return safeProduct(fee.amount, period.months);
    case 'SEMESTER':
      return fee.amount;
    case 'YEAR':
    case 'ONCE':
      return period.firstOfYear ? fee.amount : 0;
  }
}

/** The charge of one fee line for one pupil in one period, with why (the rule) and what the state pays for it. */
export function chargeFor(
  fee: FeeLine,
  period: FeePeriodShape,
  pupil: FeePupil,
  tuition: ProvinceTuition | null,
): ChargeBreakdown {
  const billed = billedAmount(fee, period);
  if (fee.feeKind !== 'TUITION') return withRelief(billed, exceptionRelief(pupil.exceptionPercent), false);
  if (pupil.ownership === 'PUBLIC' && pupil.schoolLevel === 'PRIMARY') return freePublicPrimary(billed);
  if (inFreeTuitionScope(pupil)) {
    return pupil.ownership === 'PUBLIC'
      ? freePublic(tuition ? safeProduct(tuition.monthlyAmount, period.months) : billed)
      : privateSupport(billed, period, pupil, tuition);
  }
  // Before 2025-26 a private school's exempt or reduced pupils were supported by the state directly, not through
  // the school's fee (Decree 81/2021/NĐ-CP Art. 20): the school charges its fee, less only its own exceptions.
  if (pupil.ownership !== 'PUBLIC') return withRelief(billed, exceptionRelief(pupil.exceptionPercent), false);
  return withRelief(billed, higherRelief(statutoryRelief(pupil.policyGroups), pupil.exceptionPercent), true);
}

/**
 * Free tuition from 2025-26 (Resolution 217/2025/QH15; Decree 238/2025/NĐ-CP): Vietnamese pupils of every level
 * and ownership — public schools charge nothing and are reimbursed, private schools receive the province's support.
 * Foreign pupils stay outside it.
 */
export function inFreeTuitionScope(pupil: Pick<FeePupil, 'schoolYearStart' | 'nationality'>): boolean {
  return pupil.schoolYearStart >= FREE_TUITION_FROM_YEAR && pupil.nationality === VIETNAMESE_NATIONALITY;
}

interface Relief {
  percent: number;
  rule: FeeRuleCode;
}

const NO_RELIEF: Relief = { percent: 0, rule: 'NONE' };

function statutoryRelief(groups: readonly PolicyGroup[]): Relief {
  return groups.map((group) => POLICY_GROUP_RELIEF[group]).reduce(higher, NO_RELIEF);
}

function exceptionRelief(exceptionPercent: number | null): Relief {
  return exceptionPercent ? { percent: exceptionPercent, rule: 'EXCEPTION' } : NO_RELIEF;
}

/** The rule's relief or the approved exception, whichever is higher; the rule wins a tie. */
function higherRelief(rule: Relief, exceptionPercent: number | null): Relief {
  return higher(rule, exceptionRelief(exceptionPercent));
}

function higher(a: Relief, b: Relief): Relief {
  return b.percent > a.percent ? b : a;
}

function withRelief(listAmount: number, relief: Relief, statutoryClaimable: boolean): ChargeBreakdown {
  const reliefAmount = percentOf(listAmount, relief.percent);
  const claimable = statutoryClaimable && relief.rule !== 'EXCEPTION' ? reliefAmount : 0;
  return breakdown(listAmount, { reliefPercent: relief.percent, reliefAmount, rule: relief.rule, claimable });
}

/** Primary education in public schools charges no tuition in any year (Law on Education 2019 Art. 99.1). */
function freePublicPrimary(listAmount: number): ChargeBreakdown {
  return breakdown(listAmount, { reliefPercent: 100, reliefAmount: listAmount, rule: 'FREE_PUBLIC_PRIMARY' });
}

/** The family owes nothing; the state reimburses the school at the province's level × the period's months. */
function freePublic(listAmount: number): ChargeBreakdown {
  return breakdown(listAmount, { reimbursedAmount: listAmount, rule: 'FREE_PUBLIC', claimable: listAmount });
}

/**
 * A private school charges its fee; the province's monthly support × months is deducted, never more than what is
 * left of the fee after the school's own exception.
 */
function privateSupport(
  listAmount: number,
  period: FeePeriodShape,
  pupil: FeePupil,
  tuition: ProvinceTuition | null,
): ChargeBreakdown {
  const relief = exceptionRelief(pupil.exceptionPercent);
  const reliefAmount = percentOf(listAmount, relief.percent);
  const offered = tuition ? safeProduct(tuition.privateSupportMonthly, period.months) : 0;
  const supportAmount = Math.min(offered, listAmount - reliefAmount);
  return breakdown(listAmount, {
    reliefPercent: relief.percent,
    reliefAmount,
    supportAmount,
    rule: supportAmount > 0 ? 'PRIVATE_SUPPORT' : relief.rule,
    claimable: supportAmount,
  });
}

function breakdown(
  listAmount: number,
  parts: Partial<Omit<ChargeBreakdown, 'listAmount' | 'dueAmount'>> & { rule: FeeRuleCode },
): ChargeBreakdown {
  const reliefAmount = parts.reliefAmount ?? 0;
  const supportAmount = parts.supportAmount ?? 0;
  const reimbursedAmount = parts.reimbursedAmount ?? 0;
  return {
    listAmount,
    reliefPercent: parts.reliefPercent ?? 0,
    reliefAmount,
    supportAmount,
    reimbursedAmount,
    dueAmount: listAmount - reliefAmount - supportAmount - reimbursedAmount,
    rule: parts.rule,
    claimable: parts.claimable ?? 0,
  };
}

function safeProduct(amount: number, times: number): number {
  const product = amount * times;
  if (!Number.isSafeInteger(product)) throw new RangeError(`${amount} × ${times} đồng passes 2^53`);
  return product;
}
