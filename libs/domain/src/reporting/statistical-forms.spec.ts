import { buildStatisticalSections, StatisticalFacts, sumStatisticalSections } from './statistical-form-builder';
import { checkStatisticalReport, hasBlockingCheck } from './statistical-form-checks';

const ROOMS = { CLASSROOMS: 12, SUBJECT_ROOMS: 3, LABORATORIES: 1, LIBRARIES: 1, COMPUTERS: 20 };

function facts(overrides: Partial<StatisticalFacts> = {}): StatisticalFacts {
  return {
    grades: ['6', '7', '8', '9'],
    classes: [
      { grade: '6', pupils: 3, ceiling: 45 },
      { grade: '7', pupils: 2, ceiling: 1 },
    ],
    headcount: [
      { grade: '6', gender: 'MALE', ethnicity: '01', disabled: false, pupils: 1 },
      { grade: '6', gender: 'FEMALE', ethnicity: '02', disabled: true, pupils: 2 },
      { grade: '7', gender: 'FEMALE', ethnicity: '01', disabled: false, pupils: 2 },
    ],
    policy: [{ policyGroup: 'ORPHAN', gender: 'FEMALE', pupils: 1 }],
    staff: [
      { position: 'TEACHER', qualification: 'BACHELOR', contractType: 'CIVIL_SERVANT', gender: 'FEMALE', staff: 4 },
      { position: 'PRINCIPAL', qualification: 'MASTER', contractType: 'CIVIL_SERVANT', gender: 'MALE', staff: 1 },
    ],
    movement: [
      { grade: '6', kind: 'PROMOTE', gender: 'MALE', pupils: 1 },
      { grade: '6', kind: 'DROPPED_OUT', gender: 'FEMALE', pupils: 1 },
    ],
    outcomes: [
      { grade: '6', measure: 'pupils', code: '', pupils: 3 },
      { grade: '6', measure: 'learning', code: 'TOT', pupils: 2 },
      { grade: '6', measure: 'missing', code: '', pupils: 1 },
    ],
    ...overrides,
  };
}

const line = (sections: ReturnType<typeof buildStatisticalSections>, section: string, code: string) =>
  sections.find((s) => s.code === section)?.lines.find((l) => l.code === code)?.values;

describe('statistical forms', () => {
  it('fills pupils by grade, gender, ethnic minority and disability, with a total line', () => {
    const sections = buildStatisticalSections('START_OF_YEAR', facts(), ROOMS);
    expect(line(sections, 'PUPILS', '6')).toEqual({
      total: 3,
      male: 1,
      female: 2,
      ethnicMinority: 2,
      ethnicMinorityFemale: 2,
      disabled: 2,
    });
    expect(line(sections, 'PUPILS', 'TOTAL')?.['total']).toBe(5);
    expect(line(sections, 'PUPILS', '9')?.['total']).toBe(0);
    expect(line(sections, 'CLASSES', '7')).toEqual({ classes: 1, pupils: 2, overCeiling: 1 });
    expect(line(sections, 'STAFF', 'TOTAL')).toMatchObject({ total: 5, female: 4, qualBachelor: 4, qualMaster: 1 });
    expect(line(sections, 'FACILITIES', 'CLASSROOMS')).toEqual({ value: 12 });
    expect(sections.map((s) => s.code)).not.toContain('LEARNING');
  });

  it('adds learning results, promotion and drop-out at the end of the year, with only the levels present', () => {
    const sections = buildStatisticalSections('END_OF_YEAR', facts(), ROOMS);
    expect(sections.find((s) => s.code === 'LEARNING')?.columns).toEqual(['pupils', 'TOT', 'missing']);
    expect(line(sections, 'LEARNING', '6')).toEqual({ pupils: 3, TOT: 2, missing: 1 });
    expect(line(sections, 'PROMOTION', '6')).toMatchObject({ promoted: 1, droppedOut: 1, droppedOutFemale: 1 });
  });

  it('refuses a form with a room figure missing or a headcount that disagrees with the class rolls', () => {
    const { CLASSROOMS: _, ...noClassrooms } = ROOMS;
    const sections = buildStatisticalSections('START_OF_YEAR', facts(), noClassrooms);
    const checks = checkStatisticalReport('START_OF_YEAR', sections, noClassrooms);
    expect(checks.filter((c) => c.severity === 'ERROR').map((c) => c.field)).toEqual(['manual.CLASSROOMS']);
    expect(hasBlockingCheck(checks)).toBe(true);

    const skewed = facts({ classes: [{ grade: '6', pupils: 4, ceiling: 45 }] });
    const skewedChecks = checkStatisticalReport(
      'START_OF_YEAR',
      buildStatisticalSections('START_OF_YEAR', skewed, ROOMS),
      ROOMS,
    );
    expect(skewedChecks).toContainEqual(
      expect.objectContaining({
        code: 'statisticalGenderSum',
        severity: 'ERROR',
        params: expect.objectContaining({ grade: '6', total: 4 }),
      }),
    );
  });

  it('warns, without blocking, about a class above the ceiling and missing results', () => {
    const sections = buildStatisticalSections('END_OF_YEAR', facts(), ROOMS);
    const checks = checkStatisticalReport('END_OF_YEAR', sections, ROOMS);
    expect(checks.map((c) => `${c.severity} ${c.code}`)).toEqual([
      'WARNING statisticalClassOverCeiling',
      'WARNING statisticalResultsMissing',
    ]);
    expect(hasBlockingCheck(checks)).toBe(false);
  });

  it('sums schools line by line, keeping the union of grades and level columns', () => {
    const a = buildStatisticalSections('END_OF_YEAR', facts({ grades: ['6'] }), ROOMS);
    const b = buildStatisticalSections(
      'END_OF_YEAR',
      facts({
        grades: ['10'],
        classes: [{ grade: '10', pupils: 1, ceiling: 45 }],
        headcount: [{ grade: '10', gender: 'MALE', ethnicity: '01', disabled: false, pupils: 1 }],
        outcomes: [{ grade: '10', measure: 'learning', code: 'KHA', pupils: 1 }],
      }),
      { ...ROOMS, COMPUTERS: null },
    );
    const total = sumStatisticalSections('END_OF_YEAR', [a, b]);
    expect(line(total, 'SCHOOL', 'SCHOOLS')).toEqual({ value: 2 });
    expect(total.find((s) => s.code === 'PUPILS')?.lines.map((l) => l.code)).toEqual(['6', '7', '10', 'TOTAL']);
    expect(line(total, 'PUPILS', 'TOTAL')?.['total']).toBe(6);
    expect(total.find((s) => s.code === 'LEARNING')?.columns).toEqual(['pupils', 'TOT', 'KHA', 'missing']);
    expect(line(total, 'FACILITIES', 'CLASSROOMS')).toEqual({ value: 24 });
    expect(line(total, 'FACILITIES', 'COMPUTERS')).toEqual({ value: 20 });
  });
});
