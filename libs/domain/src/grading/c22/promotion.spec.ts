import { SubjectOutcome } from './learning-result';
import { promotionProposal } from './promotion';

const subjects: SubjectOutcome[] = [
  { code: 'TOAN', assessment: 'SCORE', average: 4.9, rating: null },
  { code: 'NGU_VAN', assessment: 'SCORE', average: 5, rating: null },
  { code: 'KHTN', assessment: 'SCORE', average: 3.2, rating: null },
  { code: 'AM_NHAC', assessment: 'COMMENT', average: null, rating: 'CD' },
  { code: 'MI_THUAT', assessment: 'COMMENT', average: null, rating: 'D' },
];

describe('Circular 22 promotion proposal', () => {
  it('promotes with training and learning at least Đạt and 45 sessions absent', () => {
    expect(promotionProposal({ learning: 'DAT', training: 'DAT', absences: 45, subjects })).toEqual({
      outcome: 'PROMOTE',
      retestSubjects: [],
    });
  });

  it('proposes repeating the year at 46 sessions absent, whatever the results', () => {
    expect(promotionProposal({ learning: 'TOT', training: 'TOT', absences: 46, subjects }).outcome).toBe('REPEAT');
  });

  it('re-tests the subjects below 5.0 or Chưa đạt when learning is Chưa đạt and training at least Đạt', () => {
    expect(promotionProposal({ learning: 'CHUA_DAT', training: 'KHA', absences: 3, subjects })).toEqual({
      outcome: 'RETEST',
      retestSubjects: ['TOAN', 'KHTN', 'AM_NHAC'],
    });
  });

  it('sends to summer training when training is Chưa đạt and learning at least Đạt', () => {
    expect(promotionProposal({ learning: 'KHA', training: 'CHUA_DAT', absences: 0, subjects })).toEqual({
      outcome: 'SUMMER_TRAINING',
      retestSubjects: [],
    });
  });

  it('proposes both summer training and re-tests when both are Chưa đạt', () => {
    expect(promotionProposal({ learning: 'CHUA_DAT', training: 'CHUA_DAT', absences: 10, subjects })).toEqual({
      outcome: 'RETEST_AND_TRAINING',
      retestSubjects: ['TOAN', 'KHTN', 'AM_NHAC'],
    });
  });
});
