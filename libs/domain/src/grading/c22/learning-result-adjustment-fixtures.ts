import { RatingCode } from '../grade-column';
import { SubjectOutcome } from './learning-result';

/** A pupil's period: scored subjects' averages, then comment subjects' ratings (Đạt unless given). */
export function pupil(averages: number[], ratings: RatingCode[] = ['D', 'D', 'D', 'D']): SubjectOutcome[] {
  return [
    ...averages.map((average, i): SubjectOutcome => ({ code: `S${i}`, assessment: 'SCORE', average, rating: null })),
    ...ratings.map((rating, i): SubjectOutcome => ({ code: `C${i}`, assessment: 'COMMENT', average: null, rating })),
  ];
}
