import { GradingSubject } from '../grade-column';
import { semesterSubjectResult } from '../subject-result';

const music: GradingSubject = { code: 'AM_NHAC', assessment: 'COMMENT', periodsPerYear: 35 };

describe('Circular 58 comment subject semester rating', () => {
  it('is Đạt with two thirds of the tests Đạt, the exam among them', () => {
    const result = semesterSubjectResult('C58', music, '8', 1, { HS1_1: 'D', HS1_2: 'CD', HS2_1: 'D', HK: 'D' });
    expect(result.rating).toBe('D');
  });

  it('is Chưa đạt when fewer than two thirds are Đạt', () => {
    const result = semesterSubjectResult('C58', music, '8', 1, { HS1_1: 'CD', HS1_2: 'CD', HS2_1: 'D', HK: 'D' });
    expect(result.rating).toBe('CD');
  });

  it('is Chưa đạt when the exam is Chưa đạt, however many others are Đạt', () => {
    const result = semesterSubjectResult('C58', music, '8', 1, {
      HS1_1: 'D',
      HS1_2: 'D',
      HS1_3: 'D',
      HS2_1: 'D',
      HK: 'CD',
    });
    expect(result.rating).toBe('CD');
  });

  it('applies the same rule on the amended sheet, with the end-of-term assessment as the exam', () => {
    const result = semesterSubjectResult('C58', music, '9', 2, { TX1: 'D', TX2: 'CD', GK: 'D', CK: 'D' }, '2022-2023');
    expect(result.rating).toBe('D');
  });
});
