import type { FeeRange, TuitionLevel } from '@emis/contracts';
import { GRADES_OF_LEVEL, rangeOf, SchoolLevel } from '@emis/domain';
import { SchoolFinanceProfile } from '../config/finance-config.repository';
import { SCHOOL_LEVEL_VI } from '../finance-words';
import { ScheduleFields } from './fee-schedules.repository';

/**
 * The drafts "adopt the province's" proposes to a school (docs/domain/finance.md, "Who sets what"): a public school's
 * tuition at the province's level of each level it teaches but primary (Law on Education 2019 Art. 99.1), and every
 * range for its levels and area (its own area before "every area") at the range's minimum. A school of several levels
 * gets one line per level, named after it and limited to its grades; a school of one level, lines for every grade.
 */
export function provinceProposals(
  school: SchoolFinanceProfile,
  levels: readonly TuitionLevel[],
  ranges: readonly FeeRange[],
): ScheduleFields[] {
  return school.levels.flatMap((level) => [
    ...tuitionProposal(school, level, levels),
    ...rangeProposals(school, level, ranges),
  ]);
}

function tuitionProposal(
  school: SchoolFinanceProfile,
  level: SchoolLevel,
  levels: readonly TuitionLevel[],
): ScheduleFields[] {
  if (school.ownership !== 'PUBLIC' || level === 'PRIMARY') return [];
  const found = levels.find((l) => l.schoolLevel === level && l.area === school.area);
  if (!found) return [];
  return [
    line(school, level, { feeKind: 'TUITION', name: 'Học phí', billingUnit: 'MONTH', amount: found.monthlyAmount }),
  ];
}

function rangeProposals(
  school: SchoolFinanceProfile,
  level: SchoolLevel,
  ranges: readonly FeeRange[],
): ScheduleFields[] {
  const own = ranges.filter((r) => r.schoolLevel === level && (r.area === school.area || r.area === 'ANY'));
  // One line per kind and billing unit: the range the limits would check it against.
  return own
    .filter((r) => rangeOf(ranges, r, level, school.area) === r)
    .map((r) =>
      line(school, level, { feeKind: r.feeKind, name: r.nameVi, billingUnit: r.billingUnit, amount: r.minAmount }),
    );
}

function line(
  school: SchoolFinanceProfile,
  level: SchoolLevel,
  fee: Pick<ScheduleFields, 'feeKind' | 'name' | 'billingUnit' | 'amount'>,
): ScheduleFields {
  const several = school.levels.length > 1;
  return {
    ...fee,
    name: several ? `${fee.name} - ${SCHOOL_LEVEL_VI[level]}` : fee.name,
    grades: several ? [...GRADES_OF_LEVEL[level]] : [],
    voluntary: fee.feeKind === 'VOLUNTARY',
    decisionNumber: null,
  };
}
