import type { ContractType, StaffPosition } from '../people/people-enums';
import type { AssetClass, AssetKind, FundingSource } from '../assets/asset-types';
import type { BudgetSource, SpendingGroup } from '../finance/finance-types';
import type { RatingCode } from '../grading/grade-column';
import { divideHalfUp, fromTenths, Tenths, toTenths } from '../grading/tenths';
import { ageOn } from '../calendar/school-day';

/**
 * The rows of the reporting read model (docs/domain/reporting.md), as the owning contexts compute them and the
 * reporting context stores them. Class-grained where the source is, so a school's, a unit's or the province's figure
 * is a SUM of rows — a mean is sum of tenths / pupils scored, never a mean of means — and equals the sum of its parts
 * to the last digit. Every row belongs to the school it is computed for (the school id is added when it is stored).
 */

export type FactPeriod = 'HK1' | 'HK2' | 'CN';

/** The bands of an average the department's reports count (≥ 8.0, 6.5–7.9, 5.0–6.4, 3.5–4.9, < 3.5). */
export const SCORE_BANDS = ['b80', 'b65', 'b50', 'b35', 'b00'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/** One subject of one class for a period: the class results' subject column, tallied. */
export interface SubjectResultFact {
  schoolYearId: string;
  period: FactPeriod;
  classId: string;
  subjectCode: string;
  grade: string;
  /** Pupils on the class list the results are computed for. */
  pupils: number;
  /** Pupils with a numeric average; `sumTenths` is the sum of those averages in tenths (7.5 → 75). */
  scored: number;
  sumTenths: number;
  b80: number;
  b65: number;
  b50: number;
  b35: number;
  b00: number;
  ratingD: number;
  ratingCd: number;
  ratingT: number;
  ratingH: number;
  ratingC: number;
  notPassed: number;
}

export const OUTCOME_MEASURES = ['pupils', 'missing', 'learning', 'training', 'award', 'promotion'] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

/** One count of a class's results summary: `pupils` and `missing` have code ''; the others a level or outcome. */
export interface ClassOutcomeFact {
  schoolYearId: string;
  period: FactPeriod;
  classId: string;
  measure: OutcomeMeasure;
  code: string;
  grade: string;
  pupils: number;
}

/** A class of the year: its enrolled pupils and the charter's ceiling for its grade (null when none applies). */
export interface ClassSizeFact {
  schoolYearId: string;
  classId: string;
  grade: string;
  name: string;
  pupils: number;
  ceiling: number | null;
}

export interface HeadcountFact {
  schoolYearId: string;
  classId: string;
  gender: string;
  /** The ethnicity code (Decision 121-TCTK/PPCĐ; '01' Kinh). */
  ethnicity: string;
  disabled: boolean;
  grade: string;
  pupils: number;
}

export interface PolicyCountFact {
  schoolYearId: string;
  classId: string;
  policyGroup: string;
  gender: string;
  grade: string;
  pupils: number;
}

export const MOVEMENT_KINDS = [
  'DROPPED_OUT',
  'TRANSFERRED_OUT',
  'TRANSFERRED_IN',
  'PROMOTE',
  'REPEAT',
  'GRADUATE',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export interface MovementFact {
  schoolYearId: string;
  grade: string;
  kind: MovementKind;
  gender: string;
  pupils: number;
}

export interface AttendanceFact {
  schoolYearId: string;
  period: 'HK1' | 'HK2';
  classId: string;
  grade: string;
  /** Marks recorded in the semester, and how many of each status. */
  recorded: number;
  present: number;
  excused: number;
  unexcused: number;
  late: number;
}

export const AGE_BANDS = ['<30', '30-39', '40-49', '50-54', '55+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export interface StaffCountFact {
  position: StaffPosition;
  /** The highest qualification level held, '' for none. */
  qualification: string;
  contractType: ContractType;
  gender: string;
  ageBand: AgeBand;
  staff: number;
}

/**
 * A school's public assets on the books (not disposed of or transferred away) of one class × kind × funding source,
 * in whole đồng (Circular 23/2023/TT-BTC Art. 5.1): records, quantity, original cost (nguyên giá), accumulated wear
 * (hao mòn lũy kế: wear brought from paper books plus wear posted) and remaining value (giá trị còn lại = cost −
 * accumulated wear, Art. 16).
 */
export interface AssetTotalFact {
  assetClass: AssetClass;
  kind: AssetKind;
  fundingSource: FundingSource;
  assets: number;
  quantity: number;
  cost: number;
  accumulatedWear: number;
  remainingValue: number;
}

/**
 * What a school's pupils owe and paid for one school year, in whole đồng, summed over the charges of the year's fee
 * periods: as generated (list − relief − support − reimbursed = due), the adjustments since (signed), and what
 * payments settled (allocations, signed: refunds and reversals lower it). outstanding = due + adjusted − paid.
 */
export interface FinanceTotalFact {
  schoolYearId: string;
  /** Pupils with at least one charge in the year. */
  pupils: number;
  charges: number;
  listAmount: number;
  reliefAmount: number;
  supportAmount: number;
  reimbursedAmount: number;
  dueAmount: number;
  adjusted: number;
  paid: number;
  outstanding: number;
}

/**
 * A school's budget of one fiscal (calendar) year for one funding source and spending group, in whole đồng: the
 * estimate, the allocations and the adjustments (a reversal counts in the kind it reverses), and what approved
 * expense vouchers spent (reversals subtract).
 */
export interface FinanceBudgetFact {
  fiscalYear: number;
  fundingSource: BudgetSource;
  spendingGroup: SpendingGroup;
  estimate: number;
  allocated: number;
  adjusted: number;
  spent: number;
}

/** An average (one decimal) as an exact whole number of tenths: 6.5 → 65, never 64.99…. */
export function averageTenths(average: number): Tenths {
  return toTenths(average);
}

/** The band of an average, compared in tenths so 7.95 cannot arise and 6.5 is never read as 6.4999…. */
export function scoreBand(average: number): ScoreBand {
  const tenths = averageTenths(average);
  if (tenths >= 80) return 'b80';
  if (tenths >= 65) return 'b65';
  if (tenths >= 50) return 'b50';
  if (tenths >= 35) return 'b35';
  return 'b00';
}

/** The mean of `scored` averages summing to `sumTenths`, half-up to one decimal; null when none was scored. */
export function meanFromTenths(sumTenths: number, scored: number): number | null {
  return scored > 0 ? fromTenths(divideHalfUp(sumTenths, scored)) : null;
}

/**
 * Not passed: an average below 5.0, or a rating of Chưa đạt (comment subjects, Circular 22 Art. 9.1) or Chưa hoàn
 * thành (Circular 27 Art. 6).
 */
export function isNotPassed(result: { average: number | null; rating: RatingCode | null }): boolean {
  if (result.average !== null) return averageTenths(result.average) < 50;
  return result.rating === 'CD' || result.rating === 'C';
}

/** The counts of one subject over a class's pupils (each pupil's period result: average or rating or neither). */
export type SubjectTally = Omit<SubjectResultFact, 'schoolYearId' | 'period' | 'classId' | 'subjectCode' | 'grade'>;

const RATING_FIELD: Record<RatingCode, 'ratingD' | 'ratingCd' | 'ratingT' | 'ratingH' | 'ratingC'> = {
  D: 'ratingD',
  CD: 'ratingCd',
  T: 'ratingT',
  H: 'ratingH',
  C: 'ratingC',
};

export function tallySubject(results: readonly { average: number | null; rating: RatingCode | null }[]): SubjectTally {
  const tally: SubjectTally = {
    pupils: results.length,
    scored: 0,
    sumTenths: 0,
    b80: 0,
    b65: 0,
    b50: 0,
    b35: 0,
    b00: 0,
    ratingD: 0,
    ratingCd: 0,
    ratingT: 0,
    ratingH: 0,
    ratingC: 0,
    notPassed: 0,
  };
  for (const r of results) {
    if (r.average !== null) {
      tally.scored += 1;
      tally.sumTenths += averageTenths(r.average);
      tally[scoreBand(r.average)] += 1;
    }
    if (r.rating !== null) tally[RATING_FIELD[r.rating]] += 1;
    if (isNotPassed(r)) tally.notPassed += 1;
  }
  return tally;
}

/** The age band of a staff member on `day` (the staff statistics' bands: under 30, 30–39, 40–49, 50–54, 55+). */
export function ageBand(dateOfBirth: string, day: string): AgeBand {
  const age = ageOn(dateOfBirth, day);
  if (age < 30) return '<30';
  if (age < 40) return '30-39';
  if (age < 50) return '40-49';
  if (age < 55) return '50-54';
  return '55+';
}
