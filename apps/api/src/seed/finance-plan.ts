import type { BudgetSource, FeeArea, FeeKind, OtherFeeKind, SchoolLevel, SpendingGroup } from '@emis/domain';

/**
 * The demo province's finance, as figures: the province's levels and ranges, what a school adopts, how families pay
 * and what a school spends. Plausible amounts for Hưng Yên, not the text of its People's Council resolutions; the
 * rules that turn them into what each pupil owes are the domain's (chargeFor, docs/domain/finance.md).
 */

/** The province's monthly tuition level (charged before 2025-26, reimbursed from then) per area, any level. */
export const TUITION_LEVEL: Record<FeeArea, Record<SchoolLevel, number>> = {
  URBAN: {
    PRESCHOOL: 300_000,
    PRIMARY: 300_000,
    LOWER_SECONDARY: 300_000,
    UPPER_SECONDARY: 300_000,
    CONTINUING_EDUCATION: 300_000,
  },
  RURAL: {
    PRESCHOOL: 100_000,
    PRIMARY: 100_000,
    LOWER_SECONDARY: 100_000,
    UPPER_SECONDARY: 200_000,
    CONTINUING_EDUCATION: 200_000,
  },
  MOUNTAIN: {
    PRESCHOOL: 50_000,
    PRIMARY: 50_000,
    LOWER_SECONDARY: 50_000,
    UPPER_SECONDARY: 100_000,
    CONTINUING_EDUCATION: 100_000,
  },
};

/** The province's monthly support for a pupil of a private school (Decree 238/2025/NĐ-CP), any area. */
export const PRIVATE_SUPPORT: Record<SchoolLevel, number> = {
  PRESCHOOL: 160_000,
  PRIMARY: 150_000,
  LOWER_SECONDARY: 150_000,
  UPPER_SECONDARY: 150_000,
  CONTINUING_EDUCATION: 150_000,
};

/** A private school's own monthly tuition per level (its council's decision, within no province ceiling). */
export const PRIVATE_TUITION: Record<SchoolLevel, number> = {
  PRESCHOOL: 2_500_000,
  PRIMARY: 4_000_000,
  LOWER_SECONDARY: 4_500_000,
  UPPER_SECONDARY: 5_000_000,
  CONTINUING_EDUCATION: 1_000_000,
};

export interface DemoFee {
  feeKind: OtherFeeKind;
  billingUnit: 'MONTH' | 'YEAR';
  levels: readonly SchoolLevel[];
  nameVi: string;
  nameEn: string;
  min: number;
  max: number;
  /** What a school adopts within the range. */
  adopted: number;
}

/**
 * The other fees the province allows (every area) and what the demo schools adopt. Health insurance is 4.5 % of the
 * base salary (2,340,000 đ) for 12 months, of which the pupil pays 70 %: 884,520 đ a year; children under six are
 * insured by the state, so preschools do not collect it (Law on Health Insurance, Art. 12 and 13).
 */
export const DEMO_FEES: readonly DemoFee[] = [
  {
    feeKind: 'MEALS',
    billingUnit: 'MONTH',
    levels: ['PRESCHOOL', 'PRIMARY'],
    nameVi: 'Tiền ăn bán trú',
    nameEn: 'School meals',
    min: 400_000,
    max: 900_000,
    adopted: 550_000,
  },
  {
    feeKind: 'BOARDING',
    billingUnit: 'MONTH',
    levels: ['PRESCHOOL', 'PRIMARY'],
    nameVi: 'Dịch vụ bán trú',
    nameEn: 'Day boarding',
    min: 100_000,
    max: 200_000,
    adopted: 120_000,
  },
  {
    feeKind: 'SERVICE',
    billingUnit: 'MONTH',
    levels: ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY', 'CONTINUING_EDUCATION'],
    nameVi: 'Nước uống tinh khiết',
    nameEn: 'Drinking water',
    min: 10_000,
    max: 20_000,
    adopted: 15_000,
  },
  {
    feeKind: 'HEALTH_INSURANCE',
    billingUnit: 'YEAR',
    levels: ['PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY', 'CONTINUING_EDUCATION'],
    nameVi: 'Bảo hiểm y tế học sinh',
    nameEn: 'Pupil health insurance',
    min: 884_520,
    max: 884_520,
    adopted: 884_520,
  },
];

/** The fee period the demo has collected: the first semester of 2026-2027, tuition billed for September–December. */
export const DEMO_PERIOD = {
  code: 'HK1',
  name: 'Học kì I',
  startsOn: '2026-09-05',
  endsOn: '2027-01-16',
  months: 4,
  dueOn: '2026-10-31',
} as const;
/** Payments run from the period's first week to the day before the demo's today (25/11/2026). */
export const PAYMENTS_FROM = '2026-09-08';
export const PAYMENTS_TO = '2026-11-24';
export const FEES_ADOPTED_ON = '2026-08-25';

/** How a family pays the semester: in full (most), part of it, or not yet (the debtors). */
export const PAYER_MIX: readonly (readonly ['FULL' | 'PART' | 'NONE', number])[] = [
  ['FULL', 80],
  ['PART', 12],
  ['NONE', 8],
];
/** Share of payments made by bank transfer with the pupil's payment code (the rest in cash at the school). */
export const BANK_SHARE = 0.6;

/**
 * A school's exceptions by policy group, approved by its principal: meals free for poor households and orphans,
 * halved for near-poor ones; health insurance paid by the state for poor households (Law on Health Insurance Art. 13).
 */
export const EXCEPTION_RULES: readonly { group: string; feeKind: FeeKind; percent: number; reason: string }[] = [
  { group: 'POOR_HOUSEHOLD', feeKind: 'MEALS', percent: 100, reason: 'Hộ nghèo: miễn tiền ăn bán trú' },
  { group: 'ORPHAN', feeKind: 'MEALS', percent: 100, reason: 'Mồ côi: miễn tiền ăn bán trú' },
  { group: 'NEAR_POOR_HOUSEHOLD', feeKind: 'MEALS', percent: 50, reason: 'Hộ cận nghèo: giảm 50% tiền ăn bán trú' },
  {
    group: 'POOR_HOUSEHOLD',
    feeKind: 'HEALTH_INSURANCE',
    percent: 100,
    reason: 'Hộ nghèo: ngân sách nhà nước đóng bảo hiểm y tế',
  },
];

/** The fiscal year the demo's budget and vouchers belong to. */
export const DEMO_FISCAL_YEAR = 2026;

/** A budget line per pupil for the year (allocation); the estimate asks a little more. */
export const BUDGET_PER_PUPIL: readonly { source: BudgetSource; group: SpendingGroup; perPupil: number }[] = [
  { source: 'STATE_REGULAR', group: 'PERSONNEL', perPupil: 9_600_000 },
  { source: 'STATE_REGULAR', group: 'GOODS_SERVICES', perPupil: 1_200_000 },
  { source: 'STATE_PROJECT', group: 'ASSETS', perPupil: 600_000 },
];
/** The estimate asked above the allocation, in percent. */
export const ESTIMATE_ABOVE_PERCENT = 8;
/** The mid-year adjustment (additional allocation) of goods and services, in percent of its allocation. */
export const ADJUSTMENT_PERCENT = 5;
