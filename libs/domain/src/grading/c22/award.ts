import { toTenths } from '../tenths';
import { Level4, SubjectOutcome } from './learning-result';

/**
 * The year's awards and titles: Học sinh Xuất sắc (`EXCELLENT`, Circular 22 Art. 15 and Circular 27 Art. 15),
 * Học sinh Giỏi (`GOOD`, Circular 22 Art. 15; Học sinh giỏi of Circular 58 Art. 18), Học sinh tiên tiến
 * (`ADVANCED`, Circular 58 Art. 18) and Học sinh tiêu biểu (`EXEMPLARY`, Circular 27 Art. 15).
 */
export type Award = 'EXCELLENT' | 'GOOD' | 'ADVANCED' | 'EXEMPLARY';

/**
 * Circular 22 Art. 15.1, from the year results: Xuất sắc — learning Tốt, training Tốt and at least 6 subjects with
 * a year average of 9.0 or more (only scored subjects have one); Giỏi — learning Tốt and training Tốt.
 */
export function c22Award(learning: Level4, training: Level4, subjects: readonly SubjectOutcome[]): Award | null {
  if (learning !== 'TOT' || training !== 'TOT') return null;
  const fromNine = subjects.filter(
    (s) => s.assessment === 'SCORE' && s.average !== null && toTenths(s.average) >= 90,
  ).length;
  return fromNine >= 6 ? 'EXCELLENT' : 'GOOD';
}
