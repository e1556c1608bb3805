import {
  adoptionProblem,
  allowanceFor,
  lineCoversGrade,
  schoolLevelOfGrade,
  type ProvinceLevelRow,
  type ProvinceRangeRow,
  type ScheduleSchool,
} from './fee-schedule-limits';

const LEVELS: ProvinceLevelRow[] = [
  { schoolLevel: 'LOWER_SECONDARY', area: 'RURAL', monthlyAmount: 155_000 },
  { schoolLevel: 'UPPER_SECONDARY', area: 'RURAL', monthlyAmount: 200_000 },
  { schoolLevel: 'LOWER_SECONDARY', area: 'URBAN', monthlyAmount: 300_000 },
];
const RANGES: ProvinceRangeRow[] = [
  {
    feeKind: 'MEALS',
    schoolLevel: 'LOWER_SECONDARY',
    area: 'ANY',
    billingUnit: 'MONTH',
    minAmount: 300_000,
    maxAmount: 700_000,
  },
  {
    feeKind: 'MEALS',
    schoolLevel: 'LOWER_SECONDARY',
    area: 'RURAL',
    billingUnit: 'MONTH',
    minAmount: 250_000,
    maxAmount: 500_000,
  },
  {
    feeKind: 'MEALS',
    schoolLevel: 'UPPER_SECONDARY',
    area: 'ANY',
    billingUnit: 'MONTH',
    minAmount: 350_000,
    maxAmount: 800_000,
  },
];
const ruralPublic: ScheduleSchool = { ownership: 'PUBLIC', levels: ['LOWER_SECONDARY'], area: 'RURAL' };
const tuition = (grades: string[] = []) => ({ feeKind: 'TUITION', billingUnit: 'MONTH', grades }) as const;
const meals = (grades: string[] = []) => ({ feeKind: 'MEALS', billingUnit: 'MONTH', grades }) as const;

describe('what a school may adopt for its tuition', () => {
  it("caps a public school's tuition at the province's level for its area", () => {
    expect(allowanceFor(tuition(), ruralPublic, LEVELS, RANGES)).toEqual({
      ok: true,
      allowed: { minAmount: 0, maxAmount: 155_000 },
    });
    expect(adoptionProblem(155_000, tuition(), ruralPublic, LEVELS, RANGES)).toBeNull();
    expect(adoptionProblem(155_001, tuition(), ruralPublic, LEVELS, RANGES)).toBe('OUT_OF_RANGE');
  });

  it('takes the lowest level when a line covers two levels', () => {
    const both: ScheduleSchool = { ...ruralPublic, levels: ['LOWER_SECONDARY', 'UPPER_SECONDARY'] };
    expect(allowanceFor(tuition(), both, LEVELS, RANGES)).toEqual({
      ok: true,
      allowed: { minAmount: 0, maxAmount: 155_000 },
    });
    expect(allowanceFor(tuition(['10', '11']), both, LEVELS, RANGES)).toEqual({
      ok: true,
      allowed: { minAmount: 0, maxAmount: 200_000 },
    });
  });

  it('refuses public tuition with no province level for the area', () => {
    expect(adoptionProblem(100_000, tuition(), { ...ruralPublic, area: 'MOUNTAIN' }, LEVELS, RANGES)).toBe(
      'NO_PROVINCE_LEVEL',
    );
  });

  it('refuses tuition at a public primary school (Law on Education 2019 Art. 99)', () => {
    const primary: ScheduleSchool = { ...ruralPublic, levels: ['PRIMARY'] };
    expect(adoptionProblem(0, tuition(), primary, LEVELS, RANGES)).toBe('PRIMARY_TUITION_FREE');
  });

  it('refuses public tuition billed other than by month (the level is monthly)', () => {
    expect(adoptionProblem(100_000, { ...tuition(), billingUnit: 'SEMESTER' }, ruralPublic, LEVELS, RANGES)).toBe(
      'TUITION_NOT_MONTHLY',
    );
  });

  it("leaves a private school's tuition to the school", () => {
    const privateSchool: ScheduleSchool = { ...ruralPublic, ownership: 'PRIVATE' };
    expect(allowanceFor(tuition(), privateSchool, LEVELS, RANGES)).toEqual({ ok: true, allowed: null });
    expect(adoptionProblem(3_000_000, tuition(), privateSchool, LEVELS, RANGES)).toBeNull();
  });

  it('refuses a grade the school does not teach', () => {
    expect(adoptionProblem(100_000, tuition(['10']), ruralPublic, LEVELS, RANGES)).toBe('GRADE_NOT_TAUGHT');
  });
});

describe('what a school may adopt for other fees', () => {
  it("takes the range of the school's own area before the range for every area", () => {
    expect(allowanceFor(meals(), ruralPublic, LEVELS, RANGES)).toEqual({
      ok: true,
      allowed: { minAmount: 250_000, maxAmount: 500_000 },
    });
    expect(allowanceFor(meals(), { ...ruralPublic, area: 'URBAN' }, LEVELS, RANGES)).toEqual({
      ok: true,
      allowed: { minAmount: 300_000, maxAmount: 700_000 },
    });
  });

  it('keeps every covered level within its range at once', () => {
    const both: ScheduleSchool = { ...ruralPublic, area: 'URBAN', levels: ['LOWER_SECONDARY', 'UPPER_SECONDARY'] };
    expect(allowanceFor(meals(), both, LEVELS, RANGES)).toEqual({
      ok: true,
      allowed: { minAmount: 350_000, maxAmount: 700_000 },
    });
    expect(adoptionProblem(340_000, meals(), both, LEVELS, RANGES)).toBe('OUT_OF_RANGE');
  });

  it('refuses a fee the province published no range for, in that billing unit', () => {
    expect(adoptionProblem(50_000, { ...meals(), billingUnit: 'YEAR' }, ruralPublic, LEVELS, RANGES)).toBe('NO_RANGE');
    expect(
      adoptionProblem(50_000, { feeKind: 'BOARDING', billingUnit: 'MONTH', grades: [] }, ruralPublic, LEVELS, RANGES),
    ).toBe('NO_RANGE');
  });

  it('lets a voluntary contribution without a range be any amount', () => {
    expect(
      allowanceFor({ feeKind: 'VOLUNTARY', billingUnit: 'YEAR', grades: [] }, ruralPublic, LEVELS, RANGES),
    ).toEqual({ ok: true, allowed: null });
  });
});

describe('which pupils a line bills, at which level', () => {
  it('bills every grade when it names none, else only the grades it names', () => {
    expect(lineCoversGrade({ grades: [] }, '7')).toBe(true);
    expect(lineCoversGrade({ grades: ['6', '7'] }, '7')).toBe(true);
    expect(lineCoversGrade({ grades: ['6'] }, '7')).toBe(false);
  });

  it("takes the school's own level of a grade: grade 6 at a continuing-education centre is continuing education", () => {
    expect(schoolLevelOfGrade('6', ['LOWER_SECONDARY'])).toBe('LOWER_SECONDARY');
    expect(schoolLevelOfGrade('6', ['CONTINUING_EDUCATION'])).toBe('CONTINUING_EDUCATION');
    expect(schoolLevelOfGrade('3', ['PRIMARY', 'LOWER_SECONDARY'])).toBe('PRIMARY');
    expect(schoolLevelOfGrade('10', ['LOWER_SECONDARY'])).toBeNull();
  });
});
