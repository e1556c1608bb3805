import type { FeeRange, TuitionLevel } from '@emis/contracts';
import { SchoolFinanceProfile } from '../config/finance-config.repository';
import { provinceProposals } from './province-proposals';

const year = 'y';
const LEVELS: TuitionLevel[] = [
  {
    schoolYearId: year,
    schoolLevel: 'LOWER_SECONDARY',
    area: 'RURAL',
    monthlyAmount: 155_000,
    privateSupportMonthly: 0,
  },
  { schoolYearId: year, schoolLevel: 'PRIMARY', area: 'RURAL', monthlyAmount: 100_000, privateSupportMonthly: 0 },
];
const range = (extra: Partial<FeeRange>): FeeRange => ({
  id: 'r',
  schoolYearId: year,
  feeKind: 'MEALS',
  schoolLevel: 'LOWER_SECONDARY',
  area: 'ANY',
  billingUnit: 'MONTH',
  minAmount: 300_000,
  maxAmount: 700_000,
  nameVi: 'Tiền ăn',
  nameEn: 'Meals',
  ...extra,
});
const school = (extra: Partial<SchoolFinanceProfile> = {}): SchoolFinanceProfile => ({
  schoolId: 's',
  name: 'Trường',
  ownership: 'PUBLIC',
  levels: ['LOWER_SECONDARY'],
  area: 'RURAL',
  ...extra,
});

describe("the drafts proposed from the province's tables", () => {
  it('proposes public tuition at the level and each range at its minimum, the own area before every area', () => {
    const ranges = [range({}), range({ area: 'RURAL', minAmount: 250_000 }), range({ area: 'URBAN', minAmount: 1 })];
    expect(provinceProposals(school(), LEVELS, ranges)).toEqual([
      {
        feeKind: 'TUITION',
        name: 'Học phí',
        billingUnit: 'MONTH',
        amount: 155_000,
        grades: [],
        voluntary: false,
        decisionNumber: null,
      },
      {
        feeKind: 'MEALS',
        name: 'Tiền ăn',
        billingUnit: 'MONTH',
        amount: 250_000,
        grades: [],
        voluntary: false,
        decisionNumber: null,
      },
    ]);
  });

  it('proposes no tuition to a private school nor for public primary, and one line per level of a multi-level school', () => {
    expect(provinceProposals(school({ ownership: 'PRIVATE' }), LEVELS, [])).toEqual([]);
    const both = provinceProposals(school({ levels: ['PRIMARY', 'LOWER_SECONDARY'] }), LEVELS, [range({})]);
    expect(both.map((l) => [l.name, l.grades])).toEqual([
      ['Học phí - Trung học cơ sở', ['6', '7', '8', '9']],
      ['Tiền ăn - Trung học cơ sở', ['6', '7', '8', '9']],
    ]);
  });
});
