import { GradingSubject } from '../grade-column';
import { SubjectTermResult, yearSubjectResult } from '../subject-result';

const maths: GradingSubject = { code: 'TOAN', assessment: 'SCORE', periodsPerYear: 140 };
const music: GradingSubject = { code: 'AM_NHAC', assessment: 'COMMENT', periodsPerYear: 35 };
const scored = (average: number | null): SubjectTermResult => ({
  average,
  rating: null,
  missing: average === null ? ['CK'] : [],
});
const rated = (rating: 'D' | 'CD' | null): SubjectTermResult => ({
  average: null,
  rating,
  missing: rating === null ? ['CK'] : [],
});

describe('Circular 22 year subject average (ĐTBmcn)', () => {
  it('counts semester II twice: 7.9 and 6.3 → 20.5 / 3 = 6.83 → 6.8', () => {
    expect(yearSubjectResult('C22', maths, scored(7.9), scored(6.3))).toEqual({
      average: 6.8,
      rating: null,
      missing: [],
    });
  });

  it('rounds half-up in integers: 6.5 and 6.6 → 19.7 / 3 = 6.566… → 6.6; 8.0 and 8.5 → 8.333… → 8.3', () => {
    expect(yearSubjectResult('C22', maths, scored(6.5), scored(6.6)).average).toBe(6.6);
    expect(yearSubjectResult('C22', maths, scored(8), scored(8.5)).average).toBe(8.3);
  });

  it('is uncomputed when either semester average is missing, and says which', () => {
    expect(yearSubjectResult('C22', maths, scored(null), scored(7))).toEqual({
      average: null,
      rating: null,
      missing: ['HK1'],
    });
    expect(yearSubjectResult('C22', maths, scored(7), scored(null)).missing).toEqual(['HK2']);
  });

  it('takes the semester II rating for a comment subject, whatever semester I was', () => {
    expect(yearSubjectResult('C22', music, rated('CD'), rated('D')).rating).toBe('D');
    expect(yearSubjectResult('C22', music, rated('D'), rated('CD')).rating).toBe('CD');
    expect(yearSubjectResult('C22', music, rated('D'), rated(null))).toEqual({
      average: null,
      rating: null,
      missing: ['HK2'],
    });
  });
});
