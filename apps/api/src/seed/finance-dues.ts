import {
  chargeFor,
  FEE_KINDS,
  FeeArea,
  FeeKind,
  FeeLine,
  GRADES_OF_LEVEL,
  GradeLevel,
  levelOfGrade,
  PolicyGroup,
  SchoolLevel,
  SchoolOwnership,
} from '@emis/domain';
import {
  DEMO_FEES,
  DEMO_PERIOD,
  EXCEPTION_RULES,
  FEES_ADOPTED_ON,
  PRIVATE_SUPPORT,
  PRIVATE_TUITION,
  TUITION_LEVEL,
} from './finance-plan';
import { addRow, FinanceTableRows } from './finance-rows';
import { SeededRandom } from './seeded-random';

export interface FinanceSeedPupil {
  id: string;
  /** The pupil's code (personal id): the payment code families write on a transfer is built from it. */
  code: string;
  name: string;
  nationality: string;
  policyGroups: PolicyGroup[];
  classId: string;
  grade: GradeLevel;
}

export interface FinanceSeedSchool {
  id: string;
  code: string;
  levels: SchoolLevel[];
  ownership: SchoolOwnership;
  area: FeeArea;
  pupils: FinanceSeedPupil[];
}

/** A generated charge, as the collection needs it. */
export interface SeedCharge {
  id: string;
  feeKind: FeeKind;
  due: number;
}

interface SeedFeeLine extends FeeLine {
  id: string;
  /** The grades it bills; empty: every grade of the school. */
  grades: readonly string[];
}

/** The year the dues are generated for: its id and the calendar year it starts in. */
export interface SeedYear {
  id: string;
  start: number;
}

/**
 * The province's reference rows of one school year: the tuition level and private support per level and area, and
 * the range of every other fee the demo's schools adopt (any area).
 */
export function provinceFinanceRows(out: FinanceTableRows, yearId: string): void {
  for (const area of Object.keys(TUITION_LEVEL) as FeeArea[])
    for (const level of Object.keys(TUITION_LEVEL[area]) as SchoolLevel[])
      addRow(out, 'finance_tuition_level', {
        school_year_id: yearId,
        school_level: level,
        area,
        monthly_amount: TUITION_LEVEL[area][level],
        private_support_monthly: PRIVATE_SUPPORT[level],
      });
  for (const fee of DEMO_FEES)
    for (const level of fee.levels)
      addRow(out, 'finance_fee_range', {
        school_year_id: yearId,
        fee_kind: fee.feeKind,
        school_level: level,
        area: 'ANY',
        billing_unit: fee.billingUnit,
        min_amount: fee.min,
        max_amount: fee.max,
        name_vi: fee.nameVi,
        name_en: fee.nameEn,
      });
}

/**
 * A school's adopted fee lines of the year: tuition per level it teaches (the province's level at a public school —
 * none at public primary, which is tuition-free —, its own fee at a private one) and every other fee of its levels.
 * A multi-level school bills tuition per level, so those lines name their grades.
 */
function feeLines(rng: SeededRandom, school: FinanceSeedSchool): SeedFeeLine[] {
  const multiLevel = school.levels.length > 1;
  const lines: SeedFeeLine[] = [];
  for (const level of school.levels) {
    if (school.ownership === 'PUBLIC' && level === 'PRIMARY') continue;
    const amount = school.ownership === 'PUBLIC' ? TUITION_LEVEL[school.area][level] : PRIVATE_TUITION[level];
    lines.push({
      id: rng.uuid(),
      feeKind: 'TUITION',
      billingUnit: 'MONTH',
      amount,
      grades: multiLevel ? GRADES_OF_LEVEL[level] : [],
    });
  }
  for (const fee of DEMO_FEES) {
    const levels = school.levels.filter((l) => fee.levels.includes(l));
    if (!levels.length) continue;
    const grades = levels.length === school.levels.length ? [] : levels.flatMap((l) => GRADES_OF_LEVEL[l]);
    lines.push({ id: rng.uuid(), feeKind: fee.feeKind, billingUnit: fee.billingUnit, amount: fee.adopted, grades });
  }
  return lines;
}

function lineName(line: SeedFeeLine, school: FinanceSeedSchool): string {
  if (line.feeKind !== 'TUITION') return DEMO_FEES.find((f) => f.feeKind === line.feeKind)!.nameVi;
  if (school.levels.length === 1) return 'Học phí';
  return `Học phí ${LEVEL_NAMES[levelOfGrade(line.grades[0] as GradeLevel)]}`;
}

const LEVEL_NAMES: Record<SchoolLevel, string> = {
  PRESCHOOL: 'mầm non',
  PRIMARY: 'tiểu học',
  LOWER_SECONDARY: 'trung học cơ sở',
  UPPER_SECONDARY: 'trung học phổ thông',
  CONTINUING_EDUCATION: 'giáo dục thường xuyên',
};

/** The approved exception of a pupil per fee kind: the highest the school's rules give their policy groups. */
function exceptionsOf(pupil: FinanceSeedPupil): Map<FeeKind, { percent: number; reason: string }> {
  const found = new Map<FeeKind, { percent: number; reason: string }>();
  for (const rule of EXCEPTION_RULES) {
    if (!pupil.policyGroups.includes(rule.group as PolicyGroup)) continue;
    const earlier = found.get(rule.feeKind);
    if (!earlier || earlier.percent < rule.percent) found.set(rule.feeKind, rule);
  }
  return found;
}

/**
 * A school's dues of the period: its fee lines adopted, its exceptions approved, the period, and every pupil's charge
 * per line as the domain's chargeFor computes it (the API's generation does the same). Answers each pupil's charges
 * in the order a payment settles them: tuition first, then the other fees in the vocabulary's order.
 */
export function schoolDuesRows(
  rng: SeededRandom,
  school: FinanceSeedSchool,
  year: SeedYear,
  out: FinanceTableRows,
  now: Date | string,
): Map<string, SeedCharge[]> {
  const lines = feeLines(rng, school);
  for (const line of lines)
    addRow(out, 'finance_fee_schedule', {
      school_id: school.id,
      id: line.id,
      school_year_id: year.id,
      fee_kind: line.feeKind,
      name: lineName(line, school),
      billing_unit: line.billingUnit,
      amount: line.amount,
      grades: line.grades,
      decision_number: `${rng.int(10, 99)}/QĐ-${school.code}`,
      status: 'ADOPTED',
      adopted_on: FEES_ADOPTED_ON,
      created_at: now,
      updated_at: now,
    });
  const periodId = rng.uuid();
  addRow(out, 'finance_period', {
    school_id: school.id,
    id: periodId,
    school_year_id: year.id,
    code: DEMO_PERIOD.code,
    name: DEMO_PERIOD.name,
    starts_on: DEMO_PERIOD.startsOn,
    ends_on: DEMO_PERIOD.endsOn,
    months: DEMO_PERIOD.months,
    due_on: DEMO_PERIOD.dueOn,
    created_at: now,
  });
  const charges = new Map<string, SeedCharge[]>();
  for (const pupil of school.pupils) {
    const exceptions = new Map([...exceptionsOf(pupil)].map(([kind, e]) => [kind, { ...e, id: rng.uuid() }]));
    const billed = lines.filter((l) => l.grades.length === 0 || l.grades.includes(pupil.grade));
    for (const [feeKind, e] of exceptions) {
      if (!billed.some((l) => l.feeKind === feeKind)) continue;
      addRow(out, 'finance_exception', {
        school_id: school.id,
        id: e.id,
        school_year_id: year.id,
        student_id: pupil.id,
        fee_kind: feeKind,
        percent: e.percent,
        reason: e.reason,
        status: 'APPROVED',
        requested_at: now,
        decided_at: now,
        decision_note: 'Đủ hồ sơ theo quy định',
      });
    }
    charges.set(pupil.id, pupilCharges(rng, school, year, periodId, pupil, billed, exceptions, out, now));
  }
  return charges;
}

function pupilCharges(
  rng: SeededRandom,
  school: FinanceSeedSchool,
  year: SeedYear,
  periodId: string,
  pupil: FinanceSeedPupil,
  billed: SeedFeeLine[],
  exceptions: Map<FeeKind, { percent: number; id: string }>,
  out: FinanceTableRows,
  now: Date | string,
): SeedCharge[] {
  const level = levelOfGrade(pupil.grade);
  const tuition = { monthlyAmount: TUITION_LEVEL[school.area][level], privateSupportMonthly: PRIVATE_SUPPORT[level] };
  const feePupil = {
    schoolYearStart: year.start,
    ownership: school.ownership,
    schoolLevel: level,
    nationality: pupil.nationality,
    policyGroups: pupil.policyGroups,
    exceptionPercent: null as number | null,
  };
  const charges: SeedCharge[] = [];
  for (const line of [...billed].sort((a, b) => FEE_KINDS.indexOf(a.feeKind) - FEE_KINDS.indexOf(b.feeKind))) {
    const exception = exceptions.get(line.feeKind);
    const c = chargeFor(
      line,
      { months: DEMO_PERIOD.months, firstOfYear: true },
      { ...feePupil, exceptionPercent: exception?.percent ?? null },
      tuition,
    );
    if (c.listAmount === 0) continue;
    const id = rng.uuid();
    addRow(out, 'finance_charge', {
      school_id: school.id,
      id,
      period_id: periodId,
      student_id: pupil.id,
      class_id: pupil.classId,
      fee_schedule_id: line.id,
      fee_kind: line.feeKind,
      list_amount: c.listAmount,
      relief_percent: c.reliefPercent,
      relief_amount: c.reliefAmount,
      support_amount: c.supportAmount,
      reimbursed_amount: c.reimbursedAmount,
      due_amount: c.dueAmount,
      // The generation's own record of why (ChargeBasis of the dues' charge plan), so a seeded charge reads as one
      // the API generated.
      basis: {
        rule: c.rule,
        schoolLevel: level,
        policyGroups: pupil.policyGroups,
        exceptionId: c.rule === 'EXCEPTION' ? (exception?.id ?? null) : null,
        exceptionPercent: exception?.percent ?? null,
        tuitionMonthly: line.feeKind === 'TUITION' ? tuition.monthlyAmount : null,
        supportMonthly: line.feeKind === 'TUITION' ? tuition.privateSupportMonthly : null,
        months: DEMO_PERIOD.months,
        billingUnit: line.billingUnit,
        claimable: c.claimable,
      },
      created_at: now,
    });
    charges.push({ id, feeKind: line.feeKind, due: c.dueAmount });
  }
  return charges;
}
