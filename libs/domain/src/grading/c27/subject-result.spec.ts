import { GradingSubject } from '../grade-column';
import { semesterSubjectResult, yearSubjectResult } from '../subject-result';

const maths: GradingSubject = { code: 'TOAN', assessment: 'SCORE', periodsPerYear: 175 };
const ethics: GradingSubject = { code: 'DAO_DUC', assessment: 'COMMENT', periodsPerYear: 35 };

describe('Circular 27 subject results', () => {
  it('takes the end-of-period rating, with no average', () => {
    const result = semesterSubjectResult('C27', maths, '3', 1, { GK_RATING: 'H', CK_RATING: 'T', CK_TEST: 9 });
    expect(result).toEqual({ average: null, rating: 'T', missing: [] });
  });

  it('is uncomputed while the end-of-period test or a mid-semester test is missing', () => {
    expect(semesterSubjectResult('C27', maths, '3', 1, { GK_RATING: 'H', CK_RATING: 'T' }).missing).toEqual([
      'CK_TEST',
    ]);
    expect(semesterSubjectResult('C27', maths, '4', 1, { GK_RATING: 'H', CK_RATING: 'T', CK_TEST: 9 })).toEqual({
      average: null,
      rating: null,
      missing: ['GK_TEST'],
    });
  });

  it('needs no test for a subject without one', () => {
    expect(semesterSubjectResult('C27', ethics, '3', 2, { GK_RATING: 'T', CK_RATING: 'H' }).rating).toBe('H');
  });

  it('takes the year result from the end-of-year rating (semester 2)', () => {
    const hk1 = { average: null, rating: 'C' as const, missing: [] };
    expect(yearSubjectResult('C27', maths, hk1, { average: null, rating: 'T', missing: [] })).toEqual({
      average: null,
      rating: 'T',
      missing: [],
    });
    expect(
      yearSubjectResult('C27', maths, hk1, { average: null, rating: null, missing: ['CK_RATING'] }).missing,
    ).toEqual(['HK2']);
  });
});
