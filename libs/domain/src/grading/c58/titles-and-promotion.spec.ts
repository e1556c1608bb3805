import { SubjectOutcome } from '../c22/learning-result';
import { c58PromotionProposal, c58Title } from './c58-year-decisions';

const subjects: SubjectOutcome[] = [
  { code: 'TOAN', assessment: 'SCORE', average: 4.9, rating: null },
  { code: 'NGU_VAN', assessment: 'SCORE', average: 5, rating: null },
  { code: 'VAT_LY', assessment: 'SCORE', average: 3.4, rating: null },
  { code: 'AM_NHAC', assessment: 'COMMENT', average: null, rating: 'CD' },
  { code: 'THE_DUC', assessment: 'COMMENT', average: null, rating: 'D' },
];

describe('Circular 58 titles (Art. 18)', () => {
  it('is Học sinh giỏi with conduct Tốt and ranking Giỏi', () => {
    expect(c58Title('GIOI', 'TOT')).toBe('GOOD');
  });

  it('is Học sinh tiên tiến with conduct and ranking at least Khá', () => {
    expect(c58Title('GIOI', 'KHA')).toBe('ADVANCED');
    expect(c58Title('KHA', 'TOT')).toBe('ADVANCED');
    expect(c58Title('KHA', 'KHA')).toBe('ADVANCED');
  });

  it('gives no title with conduct Trung bình or ranking Trung bình', () => {
    expect(c58Title('GIOI', 'DAT')).toBeNull();
    expect(c58Title('TB', 'TOT')).toBeNull();
    expect(c58Title('YEU', 'TOT')).toBeNull();
  });
});

describe('Circular 58 promotion proposal (Art. 15–16)', () => {
  const propose = (
    ranking: 'GIOI' | 'KHA' | 'TB' | 'YEU' | 'KEM',
    conduct: 'TOT' | 'KHA' | 'DAT' | 'CHUA_DAT',
    absences = 0,
  ) => c58PromotionProposal({ ranking, conduct, absences, subjects });

  it('promotes with conduct and ranking at least Trung bình and at most 45 sessions absent', () => {
    expect(propose('TB', 'DAT', 45)).toEqual({ outcome: 'PROMOTE', retestSubjects: [] });
    expect(propose('GIOI', 'TOT')).toEqual({ outcome: 'PROMOTE', retestSubjects: [] });
  });

  it('re-tests a Yếu ranking with conduct at least Trung bình: subjects below 5.0 and comment subjects Chưa đạt', () => {
    expect(propose('YEU', 'DAT')).toEqual({ outcome: 'RETEST', retestSubjects: ['TOAN', 'VAT_LY', 'AM_NHAC'] });
  });

  it('sends conduct Yếu with ranking at least Trung bình to summer training', () => {
    expect(propose('KHA', 'CHUA_DAT')).toEqual({ outcome: 'SUMMER_TRAINING', retestSubjects: [] });
  });

  it('repeats with more than 45 sessions absent, a Kém ranking, or ranking and conduct both Yếu', () => {
    expect(propose('GIOI', 'TOT', 46).outcome).toBe('REPEAT');
    expect(propose('KEM', 'TOT').outcome).toBe('REPEAT');
    expect(propose('YEU', 'CHUA_DAT').outcome).toBe('REPEAT');
  });
});
