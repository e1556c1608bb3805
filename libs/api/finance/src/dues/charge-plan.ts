import {
  BillingUnit,
  ChargeBreakdown,
  chargeFor,
  FeeKind,
  FeePeriodShape,
  isGradeLevel,
  levelOfGrade,
  PolicyGroup,
  ProvinceTuition,
  SchoolLevel,
  SchoolOwnership,
} from '@emis/domain';

/**
 * What a generation of a fee period writes (docs/domain/finance.md, "Generating charges"), worked out without the
 * database: the charge each pupil should have for each adopted fee line, by the fee rules (chargeFor), and how that
 * differs from what earlier runs set — a new charge, a CORRECTION of the difference, or nothing.
 */

export interface PlanPupil {
  studentId: string;
  classId: string;
  grade: string;
  nationality: string;
  policyGroups: PolicyGroup[];
}

export interface PlanSchedule {
  id: string;
  feeKind: FeeKind;
  billingUnit: BillingUnit;
  amount: number;
  /** Grade codes it applies to; empty: every grade. */
  grades: string[];
}

export interface PlanInput {
  schoolYearStart: number;
  ownership: SchoolOwnership;
  schoolLevels: readonly SchoolLevel[];
  period: FeePeriodShape;
  pupils: readonly PlanPupil[];
  schedules: readonly PlanSchedule[];
  /** The province's levels for the year and the school's area, by school level. */
  tuition: ReadonlyMap<SchoolLevel, ProvinceTuition>;
  /** Approved exceptions by `${studentId}:${feeKind}`. */
  exceptions: ReadonlyMap<string, { id: string; percent: number }>;
}

/** Why a charge is what it is, kept with it (finance_charge.basis). */
export interface ChargeBasis {
  rule: string;
  schoolLevel: SchoolLevel;
  policyGroups: PolicyGroup[];
  exceptionId: string | null;
  exceptionPercent: number | null;
  tuitionMonthly: number | null;
  supportMonthly: number | null;
  months: number;
  billingUnit: BillingUnit;
  claimable: number;
}

export interface TargetCharge {
  studentId: string;
  classId: string;
  feeScheduleId: string;
  feeKind: FeeKind;
  amounts: ChargeBreakdown;
  basis: ChargeBasis;
}

/** A charge already written, with what generation last set it to: its due plus the runs' corrections. */
export interface ExistingCharge {
  id: string;
  studentId: string;
  feeScheduleId: string;
  generatedDue: number;
}

export interface Correction {
  chargeId: string;
  /** Signed: the new due less what generation last set. */
  amount: number;
  target: TargetCharge | null;
}

export interface ChargePlan {
  creates: TargetCharge[];
  corrections: Correction[];
  unchanged: number;
}

export const exceptionKey = (studentId: string, feeKind: FeeKind) => `${studentId}:${feeKind}`;

/**
 * The level a pupil is billed at: their grade's, or continuing education at a centre that teaches only that (its
 * grades 6–12 share the numbers of the secondary levels).
 */
export function pupilLevel(grade: string, schoolLevels: readonly SchoolLevel[]): SchoolLevel | null {
  if (!isGradeLevel(grade)) return null;
  const level = levelOfGrade(grade);
  if (!schoolLevels.includes(level) && schoolLevels.includes('CONTINUING_EDUCATION')) return 'CONTINUING_EDUCATION';
  return level;
}

/** Every charge the rules give the period's pupils; a fee line that bills nothing in the period gives none. */
export function targetCharges(input: PlanInput): TargetCharge[] {
  const targets: TargetCharge[] = [];
  for (const pupil of input.pupils) {
    const level = pupilLevel(pupil.grade, input.schoolLevels);
    if (!level) continue;
    const tuition = input.tuition.get(level) ?? null;
    for (const fee of input.schedules) {
      if (fee.grades.length > 0 && !fee.grades.includes(pupil.grade)) continue;
      const exception = input.exceptions.get(exceptionKey(pupil.studentId, fee.feeKind)) ?? null;
      const amounts = chargeFor(
        fee,
        input.period,
        {
          schoolYearStart: input.schoolYearStart,
          ownership: input.ownership,
          schoolLevel: level,
          nationality: pupil.nationality,
          policyGroups: pupil.policyGroups,
          exceptionPercent: exception?.percent ?? null,
        },
        fee.feeKind === 'TUITION' ? tuition : null,
      );
      if (amounts.listAmount === 0) continue;
      targets.push({
        studentId: pupil.studentId,
        classId: pupil.classId,
        feeScheduleId: fee.id,
        feeKind: fee.feeKind,
        amounts,
        basis: {
          rule: amounts.rule,
          schoolLevel: level,
          policyGroups: pupil.policyGroups,
          exceptionId: amounts.rule === 'EXCEPTION' ? (exception?.id ?? null) : null,
          exceptionPercent: exception?.percent ?? null,
          tuitionMonthly: fee.feeKind === 'TUITION' ? (tuition?.monthlyAmount ?? null) : null,
          supportMonthly: fee.feeKind === 'TUITION' ? (tuition?.privateSupportMonthly ?? null) : null,
          months: input.period.months,
          billingUnit: fee.billingUnit,
          claimable: amounts.claimable,
        },
      });
    }
  }
  return targets;
}

/**
 * What a run writes: a charge for a pupil and fee line not charged yet; a CORRECTION where the rules now give
 * another due (a changed policy group, an approved exception, a fee line withdrawn, a pupil no longer enrolled: due
 * 0); nothing where it is the same — so running it twice writes nothing the second time.
 */
export function planCharges(targets: readonly TargetCharge[], existing: readonly ExistingCharge[]): ChargePlan {
  const written = new Map(existing.map((c) => [`${c.studentId}:${c.feeScheduleId}`, c]));
  const plan: ChargePlan = { creates: [], corrections: [], unchanged: 0 };
  for (const target of targets) {
    const key = `${target.studentId}:${target.feeScheduleId}`;
    const charge = written.get(key);
    written.delete(key);
    if (!charge) plan.creates.push(target);
    else if (charge.generatedDue !== target.amounts.dueAmount)
      plan.corrections.push({ chargeId: charge.id, amount: target.amounts.dueAmount - charge.generatedDue, target });
    else plan.unchanged++;
  }
  for (const charge of written.values()) {
    if (charge.generatedDue !== 0)
      plan.corrections.push({ chargeId: charge.id, amount: -charge.generatedDue, target: null });
    else plan.unchanged++;
  }
  return plan;
}
