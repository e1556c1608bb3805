import { c22Award } from './award';
import { SubjectOutcome } from './learning-result';

function subjects(...averages: number[]): SubjectOutcome[] {
  const scored = averages.map((average, i): SubjectOutcome => ({
    code: `S${i}`,
    assessment: 'SCORE',
    average,
    rating: null,
  }));
  return [...scored, { code: 'AM_NHAC', assessment: 'COMMENT', average: null, rating: 'D' }];
}

describe('Circular 22 awards', () => {
  it('is Học sinh Xuất sắc with learning and training Tốt and six subjects at 9.0 or more', () => {
    expect(c22Award('TOT', 'TOT', subjects(9, 9, 9, 9, 9, 9, 8, 8))).toBe('EXCELLENT');
  });

  it('is Học sinh Giỏi with learning and training Tốt but only five subjects at 9.0 (8.9 does not count)', () => {
    expect(c22Award('TOT', 'TOT', subjects(9, 9, 9, 9, 9, 8.9, 8, 8))).toBe('GOOD');
  });

  it('gives nothing when learning or training is below Tốt', () => {
    expect(c22Award('KHA', 'TOT', subjects(10, 10, 10, 10, 10, 10))).toBeNull();
    expect(c22Award('TOT', 'KHA', subjects(10, 10, 10, 10, 10, 10))).toBeNull();
  });
});
