import { learningResult, SubjectOutcome } from './learning-result';

/** Eight scored subjects with the given averages, plus five comment subjects rated Đạt. */
function student(...averages: number[]): SubjectOutcome[] {
  const scored = averages.map((average, i): SubjectOutcome => ({
    code: `S${i}`,
    assessment: 'SCORE',
    average,
    rating: null,
  }));
  const comments = ['GIAO_DUC_THE_CHAT', 'AM_NHAC', 'MI_THUAT', 'HDTN_HN', 'GD_DIA_PHUONG'].map(
    (code): SubjectOutcome => ({ code, assessment: 'COMMENT', average: null, rating: 'D' }),
  );
  return [...scored, ...comments];
}

describe('Circular 22 learning result thresholds', () => {
  it('is Tốt with every subject ≥ 6.5 and six ≥ 8.0, a score of exactly 6.5 and exactly 8.0 counting', () => {
    expect(learningResult(student(8, 8, 8, 8, 8, 8, 6.5, 6.5))).toBe('TOT');
  });

  it('drops to Khá when only five subjects reach 8.0 (7.9 is not 8.0)', () => {
    expect(learningResult(student(8, 8, 8, 8, 8, 7.9, 6.5, 6.5))).toBe('KHA');
  });

  it('drops to Khá when one subject is 6.4, however high the others', () => {
    expect(learningResult(student(10, 10, 10, 10, 10, 10, 10, 6.4))).toBe('KHA');
  });

  it('is Khá with every subject ≥ 5.0 and six ≥ 6.5', () => {
    expect(learningResult(student(6.5, 6.5, 6.5, 6.5, 6.5, 6.5, 5, 5))).toBe('KHA');
  });

  it('drops from Khá to Đạt when one subject is 4.9', () => {
    expect(learningResult(student(9, 9, 9, 9, 9, 9, 9, 4.9), { adjustment: 'OFF' })).toBe('DAT');
    // Art. 9.3: a would-be Tốt two steps down is raised to Khá.
    expect(learningResult(student(9, 9, 9, 9, 9, 9, 9, 4.9))).toBe('KHA');
  });

  it('is Đạt with six subjects ≥ 5.0 and none below 3.5 — 3.5 itself counting', () => {
    expect(learningResult(student(5, 5, 5, 5, 5, 5, 3.5, 3.5))).toBe('DAT');
  });

  it('is Chưa đạt with one subject at 3.4', () => {
    // Art. 9.2 alone; Art. 9.3 then raises this would-be Tốt to Đạt (learning-result-adjustment-raised.spec.ts).
    expect(learningResult(student(9, 9, 9, 9, 9, 9, 9, 3.4), { adjustment: 'OFF' })).toBe('CHUA_DAT');
    expect(learningResult(student(9, 9, 9, 9, 9, 9, 9, 3.4))).toBe('DAT');
  });

  it('is Chưa đạt with only five subjects at 5.0 or more', () => {
    expect(learningResult(student(5, 5, 5, 5, 5, 4.9, 4.9, 4.9))).toBe('CHUA_DAT');
  });

  it('is null while any scored subject has no average', () => {
    const subjects = student(9, 9, 9, 9, 9, 9, 9, 9);
    subjects[3] = { ...subjects[3], average: null };
    expect(learningResult(subjects)).toBeNull();
  });
});
