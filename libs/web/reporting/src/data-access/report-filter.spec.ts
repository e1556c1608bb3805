import {
  ASSETS_FILTER_FIELDS,
  compareFromQuery,
  filterFromQuery,
  filterToQuery,
  isIsoDay,
  pickFields,
  SCHOOL_FILTER_FIELDS,
} from './report-filter';

const YEAR = '0b9c3c2e-1f2a-4c55-9d3e-7a1b2c3d4e5f';
const UNIT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

describe('the report filter in the URL', () => {
  it('reads every filter key of a shared URL', () => {
    expect(
      filterFromQuery({ year: YEAR, period: 'CN', level: 'PRIMARY', ownership: 'PRIVATE', asOf: '2025-06-30' }),
    ).toEqual({ yearId: YEAR, period: 'CN', level: 'PRIMARY', ownership: 'PRIVATE', asOf: '2025-06-30' });
  });

  it('drops values the API would refuse, so a hand-edited URL falls back to the defaults', () => {
    expect(
      filterFromQuery({ year: 'not-a-uuid', period: 'HK3', level: 'UNIVERSITY', ownership: 'x', asOf: '2026-02-30' }),
    ).toEqual({});
    expect(filterFromQuery({ period: ['HK2', 'CN'] })).toEqual({ period: 'HK2' });
    expect(filterFromQuery({ period: '  ' })).toEqual({});
  });

  it('writes a cleared value as null so navigation removes the key, and round-trips a filter', () => {
    expect(filterToQuery({ period: 'HK1' })).toEqual({
      year: null,
      period: 'HK1',
      level: null,
      ownership: null,
      asOf: null,
    });
    const filter = { yearId: YEAR, period: 'HK2' as const, asOf: '2026-01-15' };
    const query = Object.fromEntries(Object.entries(filterToQuery(filter)).filter(([, v]) => v !== null)) as Record<
      string,
      string
    >;
    expect(filterFromQuery(query)).toEqual(filter);
  });

  it('knows a real calendar day', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2025-02-29')).toBe(false);
    expect(isIsoDay('2025-13-01')).toBe(false);
    expect(isIsoDay('01/07/2025')).toBe(false);
  });

  it('sends each endpoint only the fields it accepts (the API refuses unknown parameters)', () => {
    const filter = { yearId: YEAR, period: 'CN' as const, level: 'PRIMARY' as const, asOf: '2026-01-15' };
    expect(pickFields(filter, SCHOOL_FILTER_FIELDS)).toEqual({ yearId: YEAR, period: 'CN', asOf: '2026-01-15' });
    // The public assets are the register as it stands: no year or period.
    expect(pickFields({ ...filter, ownership: 'PRIVATE' as const }, ASSETS_FILTER_FIELDS)).toEqual({
      level: 'PRIMARY',
      ownership: 'PRIVATE',
      asOf: '2026-01-15',
    });
  });
});

describe('the comparison’s choices in the URL', () => {
  it('defaults to the share at the top learning levels and ignores a subject it does not need', () => {
    expect(compareFromQuery({ subject: 'TOAN', grade: '6' })).toEqual({ measure: 'learningTopShare' });
  });

  it('reads the unit, the measure and, for a subject mean, the subject and the grade', () => {
    expect(
      compareFromQuery({ unit: UNIT, measure: 'subjectMean', subject: 'TOAN', grade: '9', period: 'HK1' }),
    ).toEqual({ orgUnitId: UNIT, measure: 'subjectMean', subjectCode: 'TOAN', grade: '9', period: 'HK1' });
    expect(compareFromQuery({ measure: 'subjectMean', subject: "TOAN'; --", grade: 'nine' })).toEqual({
      measure: 'subjectMean',
    });
    expect(compareFromQuery({ measure: 'bestSchool' }).measure).toBe('learningTopShare');
  });
});
