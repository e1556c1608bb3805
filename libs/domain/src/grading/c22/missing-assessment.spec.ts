import { GradingSubject } from '../grade-column';
import { semesterSubjectResult } from '../subject-result';

// The province's reading of a missed, never-made-up assessment (docs/domain/secondary-assessment-c22.md).
const maths: GradingSubject = { code: 'TOAN', assessment: 'SCORE', periodsPerYear: 70 };
const music: GradingSubject = { code: 'AM_NHAC', assessment: 'COMMENT', periodsPerYear: 35 };

describe('a missed assessment never made up', () => {
  const noMidTerm = { TX1: 8, TX2: 7, TX3: 9, CK: 8 };

  it('leaves the semester average uncomputed by default, naming the missing column', () => {
    expect(semesterSubjectResult('C22', maths, '6', 1, noMidTerm)).toEqual({
      average: null,
      rating: null,
      missing: ['GK'],
    });
    expect(semesterSubjectResult('C22', maths, '6', 1, noMidTerm, undefined, 'NOT_COMPUTED').average).toBeNull();
  });

  it('counts as 0 under the Circular 58 reading: (24 + 2·0 + 24) / 8 = 6.0', () => {
    expect(semesterSubjectResult('C22', maths, '6', 1, noMidTerm, undefined, 'ZERO')).toEqual({
      average: 6,
      rating: null,
      missing: [],
    });
  });

  it('makes a comment subject Chưa đạt under the Circular 58 reading', () => {
    const cells = { TX1: 'D', TX2: 'D', GK: 'D' } as const;
    expect(semesterSubjectResult('C22', music, '6', 1, cells).rating).toBeNull();
    expect(semesterSubjectResult('C22', music, '6', 1, cells, undefined, 'ZERO').rating).toBe('CD');
  });

  it('does not score a pupil with nothing entered: the subject is not assessed yet', () => {
    expect(semesterSubjectResult('C22', maths, '6', 1, {}, undefined, 'ZERO')).toEqual({
      average: null,
      rating: null,
      missing: ['TX1', 'TX2', 'TX3', 'GK', 'CK'],
    });
  });

  it('changes nothing when every assessment was done', () => {
    const done = { ...noMidTerm, GK: 7.5 };
    expect(semesterSubjectResult('C22', maths, '6', 1, done, undefined, 'ZERO').average).toBe(7.9);
  });
});
