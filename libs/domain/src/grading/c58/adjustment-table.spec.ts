import { SubjectOutcome } from '../c22/learning-result';
import { c58Ranking } from './c58-ranking';

/** Maths, Literature, then other scored subjects by average; every comment subject Đạt unless `music` says. */
function pupil(maths: number, literature: number, others: number[], music: 'D' | 'CD' = 'D'): SubjectOutcome[] {
  const scored: [string, number][] = [
    ['TOAN', maths],
    ['NGU_VAN', literature],
    ...others.map((a, i): [string, number] => [`S${i}`, a]),
  ];
  return [
    ...scored.map(([code, average]): SubjectOutcome => ({ code, assessment: 'SCORE', average, rating: null })),
    { code: 'AM_NHAC', assessment: 'COMMENT', average: null, rating: music },
  ];
}

const raw = (subjects: SubjectOutcome[]) => c58Ranking(subjects, { adjustOneSubject: false });

describe('Circular 58 Art. 13.6: the four adjusted cases', () => {
  it('Giỏi pulled to Trung bình by one subject becomes Khá', () => {
    const subjects = pupil(9, 9, [9, 9, 9, 4.5]); // ĐTBcm 8.3
    expect(raw(subjects)).toBe('TB');
    expect(c58Ranking(subjects)).toBe('KHA');
  });

  it('Giỏi pulled to Yếu by one subject becomes Trung bình', () => {
    const subjects = pupil(9, 9, [9, 9, 9, 3]); // ĐTBcm 8.0
    expect(raw(subjects)).toBe('YEU');
    expect(c58Ranking(subjects)).toBe('TB');
  });

  it('Giỏi pulled to Yếu by one comment subject Chưa đạt becomes Trung bình', () => {
    const subjects = pupil(9, 9, [9, 9], 'CD');
    expect(raw(subjects)).toBe('YEU');
    expect(c58Ranking(subjects)).toBe('TB');
  });

  it('Khá pulled to Yếu by one subject becomes Trung bình', () => {
    const subjects = pupil(7, 7, [7.5, 7.5, 7.5, 3]); // ĐTBcm 6.6
    expect(raw(subjects)).toBe('YEU');
    expect(c58Ranking(subjects)).toBe('TB');
  });

  it('Khá pulled to Kém by one subject becomes Yếu', () => {
    const subjects = pupil(8, 8, [8, 7, 1.5]); // ĐTBcm 6.5
    expect(raw(subjects)).toBe('KEM');
    expect(c58Ranking(subjects)).toBe('YEU');
  });
});

describe('Circular 58 Art. 13.6: what is not adjusted', () => {
  it('Giỏi pulled to Yếu by two subjects stays Yếu', () => {
    const subjects = pupil(9.5, 9.5, [9.5, 9.5, 9.5, 9.5, 3, 3]); // ĐTBcm 8.1
    expect(raw(subjects)).toBe('YEU');
    expect(c58Ranking(subjects)).toBe('YEU');
  });

  it('Khá pulled to Trung bình (one step) stays Trung bình', () => {
    const subjects = pupil(7.5, 7, [7, 7, 4]); // ĐTBcm 6.5, one subject 4.0
    expect(raw(subjects)).toBe('TB');
    expect(c58Ranking(subjects)).toBe('TB');
  });

  it('Giỏi pulled to Khá (one step) stays Khá', () => {
    expect(c58Ranking(pupil(9, 9, [9, 9, 6]))).toBe('KHA');
  });

  it('Giỏi pulled to Kém by one subject is not in the table and stays Kém', () => {
    const subjects = pupil(10, 10, [10, 10, 10, 10, 10, 10, 10, 10, 10, 1.5]); // ĐTBcm 9.2
    expect(raw(subjects)).toBe('KEM');
    expect(c58Ranking(subjects)).toBe('KEM');
  });

  it('a Trung bình average pulled to Yếu by one subject stays Yếu', () => {
    const subjects = pupil(6, 6, [6, 6, 3]); // ĐTBcm 5.4
    expect(raw(subjects)).toBe('YEU');
    expect(c58Ranking(subjects)).toBe('YEU');
  });

  it('Khá pulled to Yếu by two subjects stays Yếu', () => {
    const subjects = pupil(8, 8, [8, 8, 8, 3, 3]); // ĐTBcm 6.6
    expect(c58Ranking(subjects)).toBe('YEU');
  });
});
