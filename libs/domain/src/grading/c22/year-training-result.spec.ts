import { Level4 } from './learning-result';
import { yearTrainingResult } from './training-result';

describe('Circular 22 year training result from the two semesters', () => {
  // [semester I, semester II, year] — all sixteen combinations.
  const table: [Level4, Level4, Level4][] = [
    ['TOT', 'TOT', 'TOT'],
    ['KHA', 'TOT', 'TOT'],
    ['DAT', 'TOT', 'KHA'],
    ['CHUA_DAT', 'TOT', 'KHA'],
    ['TOT', 'KHA', 'KHA'],
    ['KHA', 'KHA', 'KHA'],
    ['DAT', 'KHA', 'KHA'],
    ['CHUA_DAT', 'KHA', 'DAT'],
    ['TOT', 'DAT', 'KHA'],
    ['KHA', 'DAT', 'DAT'],
    ['DAT', 'DAT', 'DAT'],
    ['CHUA_DAT', 'DAT', 'DAT'],
    ['TOT', 'CHUA_DAT', 'CHUA_DAT'],
    ['KHA', 'CHUA_DAT', 'CHUA_DAT'],
    ['DAT', 'CHUA_DAT', 'CHUA_DAT'],
    ['CHUA_DAT', 'CHUA_DAT', 'CHUA_DAT'],
  ];

  it.each(table)('semester I %s, semester II %s → %s', (hk1, hk2, year) => {
    expect(yearTrainingResult(hk1, hk2)).toBe(year);
  });
});
