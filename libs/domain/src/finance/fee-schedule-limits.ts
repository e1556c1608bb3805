import { GRADES_OF_LEVEL, type GradeLevel } from '../calendar/grades';
import type { SchoolLevel, SchoolOwnership } from '../organisation/org-unit';
import type { BillingUnit, FeeArea, FeeKind } from './finance-types';

/**
 * What amount a school may adopt for a fee line (docs/domain/finance.md, "Who sets what"): an other fee within the
 * province's range for the school's area and the levels of the grades it covers; a public school's tuition at most
 * the province's monthly level; a private school's tuition is its own.
 */

export interface ScheduleLine {
  feeKind: FeeKind;
  billingUnit: BillingUnit;
  /** Grade codes; empty: every grade of the school. */
  grades: readonly string[];
}

export interface ProvinceLevelRow {
  schoolLevel: SchoolLevel;
  area: FeeArea;
  monthlyAmount: number;
}

export interface ProvinceRangeRow {
  feeKind: FeeKind;
  schoolLevel: SchoolLevel;
  area: FeeArea | 'ANY';
  billingUnit: BillingUnit;
  minAmount: number;
  maxAmount: number;
}

export interface ScheduleSchool {
  ownership: SchoolOwnership;
  levels: readonly SchoolLevel[];
  area: FeeArea;
}

export interface AllowedAmount {
  minAmount: number;
  maxAmount: number;
}

/** Why an amount cannot be adopted. */
export const ADOPTION_PROBLEMS = [
  'GRADE_NOT_TAUGHT',
  'PRIMARY_TUITION_FREE',
  'TUITION_NOT_MONTHLY',
  'NO_PROVINCE_LEVEL',
  'NO_RANGE',
  'OUT_OF_RANGE',
] as const;
export type AdoptionProblem = (typeof ADOPTION_PROBLEMS)[number];

export type Allowance =
  { ok: true; allowed: AllowedAmount | null } | { ok: false; problem: Exclude<AdoptionProblem, 'OUT_OF_RANGE'> };

/** The school's levels a line covers: those teaching one of its grades, or all of them for an empty list. */
export function levelsOfLine(line: Pick<ScheduleLine, 'grades'>, schoolLevels: readonly SchoolLevel[]): SchoolLevel[] {
  if (line.grades.length === 0) return [...schoolLevels];
  return schoolLevels.filter((level) => line.grades.some((g) => GRADES_OF_LEVEL[level].includes(g as GradeLevel)));
}

/** Whether a line bills a pupil of `grade`: its grades name it, or it names none. */
export function lineCoversGrade(line: Pick<ScheduleLine, 'grades'>, grade: string): boolean {
  return line.grades.length === 0 || line.grades.includes(grade);
}

/**
 * The school's level a pupil of `grade` is taught at (the fee rules' `schoolLevel`): grade 6 is lower secondary at a
 * lower-secondary school but continuing education at a continuing-education centre. Null when the school teaches no
 * level with that grade.
 */
export function schoolLevelOfGrade(grade: string, schoolLevels: readonly SchoolLevel[]): SchoolLevel | null {
  return schoolLevels.find((level) => GRADES_OF_LEVEL[level].includes(grade as GradeLevel)) ?? null;
}

/** Grades of the line that no level of the school teaches. */
export function gradesNotTaught(line: Pick<ScheduleLine, 'grades'>, schoolLevels: readonly SchoolLevel[]): string[] {
  return line.grades.filter((g) => !schoolLevels.some((level) => GRADES_OF_LEVEL[level].includes(g as GradeLevel)));
}

/** The bounds a line's amount must keep, null when the province sets none for it. */
export function allowanceFor(
  line: ScheduleLine,
  school: ScheduleSchool,
  levels: readonly ProvinceLevelRow[],
  ranges: readonly ProvinceRangeRow[],
): Allowance {
  if (gradesNotTaught(line, school.levels).length > 0) return { ok: false, problem: 'GRADE_NOT_TAUGHT' };
  const covered = levelsOfLine(line, school.levels);
  if (covered.length === 0) return { ok: false, problem: 'GRADE_NOT_TAUGHT' };
  if (line.feeKind === 'TUITION') return tuitionAllowance(line, school, covered, levels);
  return rangeAllowance(line, school, covered, ranges);
}

/** Whether `amount` may be adopted for the line; null when it may. */
export function adoptionProblem(
  amount: number,
  line: ScheduleLine,
  school: ScheduleSchool,
  levels: readonly ProvinceLevelRow[],
  ranges: readonly ProvinceRangeRow[],
): AdoptionProblem | null {
  const allowance = allowanceFor(line, school, levels, ranges);
  if (!allowance.ok) return allowance.problem;
  const { allowed } = allowance;
  return allowed && (amount < allowed.minAmount || amount > allowed.maxAmount) ? 'OUT_OF_RANGE' : null;
}

/**
 * A public school's tuition is billed per month up to the province's level of every level it covers (the lowest
 * wins); public primary charges none (Law on Education 2019 Art. 99.1). A private school sets its own fee.
 */
function tuitionAllowance(
  line: ScheduleLine,
  school: ScheduleSchool,
  covered: readonly SchoolLevel[],
  levels: readonly ProvinceLevelRow[],
): Allowance {
  if (school.ownership !== 'PUBLIC') return { ok: true, allowed: null };
  const charged = covered.filter((level) => level !== 'PRIMARY');
  if (charged.length === 0) return { ok: false, problem: 'PRIMARY_TUITION_FREE' };
  if (line.billingUnit !== 'MONTH') return { ok: false, problem: 'TUITION_NOT_MONTHLY' };
  const amounts = charged.map(
    (level) => levels.find((l) => l.schoolLevel === level && l.area === school.area)?.monthlyAmount,
  );
  if (amounts.some((a) => a === undefined)) return { ok: false, problem: 'NO_PROVINCE_LEVEL' };
  return { ok: true, allowed: { minAmount: 0, maxAmount: Math.min(...(amounts as number[])) } };
}

/**
 * An other fee keeps the range of its kind and billing unit for the school's area (or every area) at each level it
 * covers — all of them at once. A voluntary contribution without a published range has no bounds.
 */
function rangeAllowance(
  line: ScheduleLine,
  school: ScheduleSchool,
  covered: readonly SchoolLevel[],
  ranges: readonly ProvinceRangeRow[],
): Allowance {
  const found = covered.map((level) => rangeOf(ranges, line, level, school.area));
  if (found.some((r) => r === undefined)) {
    return line.feeKind === 'VOLUNTARY' ? { ok: true, allowed: null } : { ok: false, problem: 'NO_RANGE' };
  }
  const rows = found as ProvinceRangeRow[];
  return {
    ok: true,
    allowed: {
      minAmount: Math.max(...rows.map((r) => r.minAmount)),
      maxAmount: Math.min(...rows.map((r) => r.maxAmount)),
    },
  };
}

/** The range of the school's own area wins over one for every area. */
export function rangeOf(
  ranges: readonly ProvinceRangeRow[],
  line: Pick<ScheduleLine, 'feeKind' | 'billingUnit'>,
  level: SchoolLevel,
  area: FeeArea,
): ProvinceRangeRow | undefined {
  const candidates = ranges.filter(
    (r) => r.feeKind === line.feeKind && r.billingUnit === line.billingUnit && r.schoolLevel === level,
  );
  return candidates.find((r) => r.area === area) ?? candidates.find((r) => r.area === 'ANY');
}
