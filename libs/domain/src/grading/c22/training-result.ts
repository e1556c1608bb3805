import { Level4 } from './learning-result';

/**
 * Circular 22 Art. 8.2: the year training level from the two semesters' levels, semester II weighing more.
 * Indexed [semester II][semester I]:
 * - Tốt: II Tốt and I at least Khá;
 * - Khá: II Khá and I at least Đạt; II Đạt and I Tốt; II Tốt and I Đạt or Chưa đạt;
 * - Đạt: II Đạt and I Khá, Đạt or Chưa đạt; II Khá and I Chưa đạt;
 * - Chưa đạt: II Chưa đạt.
 */
const YEAR_TRAINING: Record<Level4, Record<Level4, Level4>> = {
  TOT: { TOT: 'TOT', KHA: 'TOT', DAT: 'KHA', CHUA_DAT: 'KHA' },
  KHA: { TOT: 'KHA', KHA: 'KHA', DAT: 'KHA', CHUA_DAT: 'DAT' },
  DAT: { TOT: 'KHA', KHA: 'DAT', DAT: 'DAT', CHUA_DAT: 'DAT' },
  CHUA_DAT: { TOT: 'CHUA_DAT', KHA: 'CHUA_DAT', DAT: 'CHUA_DAT', CHUA_DAT: 'CHUA_DAT' },
};

export function yearTrainingResult(hk1: Level4, hk2: Level4): Level4 {
  return YEAR_TRAINING[hk2][hk1];
}
