import { SubjectOutcome } from '../c22/learning-result';
import { c58OverallAverage, c58Ranking } from './c58-ranking';

/** Maths, Literature, foreign language, then other scored subjects, plus Music rated Đạt unless given. */
function student(
  maths: number,
  literature: number,
  language: number,
  others: number[],
  music: 'D' | 'CD' = 'D',
): SubjectOutcome[] {
  const scored: [string, number][] = [
    ['TOAN', maths],
    ['NGU_VAN', literature],
    ['NGOAI_NGU_1', language],
    ...others.map((a, i): [string, number] => [`S${i}`, a]),
  ];
  return [
    ...scored.map(([code, average]): SubjectOutcome => ({ code, assessment: 'SCORE', average, rating: null })),
    { code: 'AM_NHAC', assessment: 'COMMENT', average: null, rating: music },
  ];
}

describe('Circular 58 overall average and academic ranking', () => {
  it('averages the scored subjects only, half-up', () => {
    expect(c58OverallAverage(student(8, 7, 9, [6.5]))).toBe(7.6); // 30.5 / 4 = 7.625
    expect(c58OverallAverage(student(8, 7, 9, []))).toBe(8);
  });

  it('is Giỏi from 8.0 with Maths or Literature at 8.0 and nothing below 6.5', () => {
    expect(c58Ranking(student(8, 6.5, 8, [8, 9, 9]))).toBe('GIOI');
  });

  it('needs Maths or Literature at the level: a high foreign language does not count before 2020-21', () => {
    expect(c58Ranking(student(7.9, 7.9, 10, [9, 9, 9]))).toBe('KHA');
    expect(c58Ranking(student(7.9, 7.9, 10, [9, 9, 9]), { foreignLanguageCounts: true })).toBe('GIOI');
  });

  it('is Khá, Trung bình, Yếu at their thresholds', () => {
    expect(c58Ranking(student(6.5, 5, 6.5, [7, 7, 7]))).toBe('KHA');
    expect(c58Ranking(student(5, 4, 5, [6, 7, 3.5]))).toBe('TB'); // 30.5 / 6 = 5.08
    expect(c58Ranking(student(4.9, 4.9, 4.9, [4, 4, 2]))).toBe('YEU');
    expect(c58Ranking(student(3, 3, 3, [3, 3, 3]))).toBe('KEM');
  });

  it('holds a comment subject Chưa đạt against Giỏi, Khá and Trung bình', () => {
    expect(c58Ranking(student(9, 9, 9, [9, 9, 9]), { adjustOneSubject: false })).toBe('GIOI');
    expect(c58Ranking(student(9, 9, 9, [9, 9, 9], 'CD'), { adjustOneSubject: false })).toBe('YEU');
  });

  it('raises a ranking one subject alone pulled down two steps or more (Art. 13.6), unless switched off', () => {
    // Giỏi by average, one subject 4.8 → Trung bình; adjusted to Khá.
    expect(c58Ranking(student(9, 9, 9, [9, 9, 4.8]), { adjustOneSubject: false })).toBe('TB');
    expect(c58Ranking(student(9, 9, 9, [9, 9, 4.8]))).toBe('KHA');
    // Giỏi by average, one subject 3.0 → Yếu; adjusted to Trung bình.
    expect(c58Ranking(student(9, 9, 9, [9, 9, 3]))).toBe('TB');
    // Khá by average, one subject 1.5 → Kém; adjusted to Yếu.
    expect(c58Ranking(student(8, 8, 8, [8, 7, 1.5]))).toBe('YEU'); // 40.5 / 6 = 6.75
  });

  it('leaves a one-step drop alone', () => {
    expect(c58Ranking(student(9, 9, 9, [9, 9, 6]))).toBe('KHA');
  });

  it('is null while any subject result is missing', () => {
    const subjects = student(9, 9, 9, [9]);
    expect(c58Ranking([...subjects, { code: 'X', assessment: 'SCORE', average: null, rating: null }])).toBeNull();
    expect(c58Ranking([...subjects, { code: 'Y', assessment: 'COMMENT', average: null, rating: null }])).toBeNull();
  });
});
