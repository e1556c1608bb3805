import { hasOverallAverage } from './scheme';

describe('which circulars have an average of all subjects (ĐTB các môn)', () => {
  it('Circular 58/2011 (amended by 26/2020) averages the subjects assessed by scores', () => {
    expect(hasOverallAverage('C58')).toBe(true);
  });

  it('Circular 22/2021 rates learning subject by subject and has none', () => {
    expect(hasOverallAverage('C22')).toBe(false);
  });

  it('Circular 27/2020 assesses primary pupils by levels and comments, with no average at all', () => {
    expect(hasOverallAverage('C27')).toBe(false);
  });
});
