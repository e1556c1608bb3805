import { GradingSubject } from '../grade-column';
import { gradebookColumns } from '../gradebook-columns';
import { semesterSubjectResult, yearSubjectResult } from '../subject-result';

const physics: GradingSubject = { code: 'VAT_LY', assessment: 'SCORE', periodsPerYear: 52 };

describe('Circular 58 coefficient sheet (before 2020-21)', () => {
  it('offers six coefficient-1, three coefficient-2 columns and the exam, requiring the minimum by periods', () => {
    const columns = gradebookColumns('C58', physics, '10', 1, '2015-2016');
    expect(columns.map((c) => c.key)).toEqual([
      'HS1_1',
      'HS1_2',
      'HS1_3',
      'HS1_4',
      'HS1_5',
      'HS1_6',
      'HS2_1',
      'HS2_2',
      'HS2_3',
      'HK',
    ]);
    expect(columns.filter((c) => c.required).map((c) => c.key)).toEqual(['HS1_1', 'HS1_2', 'HS1_3', 'HS2_1', 'HK']);
    expect(columns.find((c) => c.key === 'HK')).toMatchObject({ group: 'EXAM', weight: 3, decimals: 1 });
  });

  it('requires 2, 3 or 4 regular tests for ≤ 1, below 3, and from 3 periods a week', () => {
    const required = (periodsPerYear: number) =>
      gradebookColumns('C58', { ...physics, periodsPerYear }, '10', 1).filter((c) => c.group === 'COEF1' && c.required)
        .length;
    expect(required(35)).toBe(2);
    expect(required(70)).toBe(3);
    expect(required(104)).toBe(3);
    expect(required(105)).toBe(4);
  });

  it('averages (Σcoef-1 + 2·Σcoef-2 + 3·exam) / (n1 + 2·n2 + 3) over the tests taken, half-up', () => {
    const result = semesterSubjectResult('C58', physics, '10', 1, {
      HS1_1: 8,
      HS1_2: 7,
      HS1_3: 9,
      HS1_4: 6,
      HS2_1: 7.5,
      HS2_2: 6.5,
      HK: 8,
    });
    // (30 + 28 + 24) / (4 + 4 + 3) = 82 / 11 = 7.454… → 7.5
    expect(result).toEqual({ average: 7.5, rating: null, missing: [] });
  });

  it('is uncomputed without the exam or below the minimum of regular tests', () => {
    const result = semesterSubjectResult('C58', physics, '10', 1, { HS1_1: 8, HS1_2: 7, HS2_1: 7 });
    expect(result).toEqual({ average: null, rating: null, missing: ['HS1_3', 'HK'] });
  });

  it('averages the year as (HKI + 2·HKII) / 3', () => {
    const year = yearSubjectResult(
      'C58',
      physics,
      { average: 7.9, rating: null, missing: [] },
      { average: 6.3, rating: null, missing: [] },
    );
    expect(year.average).toBe(6.8);
  });
});
