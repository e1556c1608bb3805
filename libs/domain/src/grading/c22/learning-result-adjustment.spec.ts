import { learningResult, SubjectOutcome } from './learning-result';

function student(...averages: number[]): SubjectOutcome[] {
  return averages.map((average, i): SubjectOutcome => ({ code: `S${i}`, assessment: 'SCORE', average, rating: null }));
}

describe('the one-subject adjustment of the learning result (a setting, off by default)', () => {
  // Without subject S7 (3.4) this student would be Tốt; with it, Chưa đạt: three steps down.
  const pulledDown = student(9, 9, 9, 9, 9, 9, 9, 3.4);

  it('is not applied by default, nor when the setting is off', () => {
    expect(learningResult(pulledDown)).toBe('CHUA_DAT');
    expect(learningResult(pulledDown, { adjustOneSubject: false })).toBe('CHUA_DAT');
  });

  it('raises the level one step when one subject alone pulls it down two steps or more', () => {
    expect(learningResult(pulledDown, { adjustOneSubject: true })).toBe('DAT');
    // Tốt without S7 (4.9), Đạt with it: two steps.
    expect(learningResult(student(9, 9, 9, 9, 9, 9, 9, 4.9), { adjustOneSubject: true })).toBe('KHA');
  });

  it('leaves a one-step drop alone', () => {
    expect(learningResult(student(9, 9, 9, 9, 9, 9, 9, 6.4), { adjustOneSubject: true })).toBe('KHA');
  });
});
