import { GradingSubject } from '../grade-column';
import { semesterSubjectResult } from '../subject-result';

const pe: GradingSubject = { code: 'GIAO_DUC_THE_CHAT', assessment: 'COMMENT', periodsPerYear: 70 };

describe('Circular 22 comment subject semester rating', () => {
  it('is Đạt when every assessment was done and rated Đạt', () => {
    const result = semesterSubjectResult('C22', pe, '6', 1, { TX1: 'D', TX2: 'D', TX3: 'D', GK: 'D', CK: 'D' });
    expect(result).toEqual({ average: null, rating: 'D', missing: [] });
  });

  it('is Chưa đạt when any assessment is Chưa đạt', () => {
    const result = semesterSubjectResult('C22', pe, '6', 1, { TX1: 'D', TX2: 'CD', TX3: 'D', GK: 'D', CK: 'D' });
    expect(result.rating).toBe('CD');
  });

  it('is uncomputed while an assessment is missing', () => {
    const result = semesterSubjectResult('C22', pe, '6', 1, { TX1: 'D', TX2: 'D', GK: 'D', CK: 'D' });
    expect(result).toEqual({ average: null, rating: null, missing: ['TX3'] });
  });

  it('treats a score typed into a rating column as missing', () => {
    const result = semesterSubjectResult('C22', pe, '6', 1, { TX1: 'D', TX2: 'D', TX3: 8, GK: 'D', CK: 'D' });
    expect(result.missing).toEqual(['TX3']);
  });
});
