import { regularPeriodicColumns } from './c22/c22-columns';
import { entryPercent, entryProgress } from './entry-progress';

describe('entryProgress: what is left to enter in a sheet', () => {
  // Circular 22, a 140-period subject (Toán 6): four regular assessments, mid-term and end-of-term, all required.
  const toan = regularPeriodicColumns({ code: 'TOAN', assessment: 'SCORE', periodsPerYear: 140 });

  it('owes every pupil each required column: 3 pupils × 6 columns = 18, 7 entered', () => {
    expect(toan.filter((c) => c.required).map((c) => c.key)).toEqual(['TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK']);
    expect(entryProgress(toan, 3, { TX1: 3, TX2: 2, GK: 1, CK: 1 })).toEqual({ filled: 7, expected: 18 });
    expect(entryPercent({ filled: 7, expected: 18 })).toBe(38);
  });

  it('ignores keys that are no required column and never counts more than the class', () => {
    expect(entryProgress(toan, 2, { TX1: 5, comment: 2, TX9: 2 })).toEqual({ filled: 2, expected: 12 });
  });

  it('shows 100 % only when nothing is left, and an empty class as done', () => {
    expect(entryPercent({ filled: 17, expected: 18 })).toBe(94);
    expect(entryPercent({ filled: 179, expected: 180 })).toBe(99);
    expect(entryPercent({ filled: 18, expected: 18 })).toBe(100);
    expect(entryPercent({ filled: 0, expected: 0 })).toBe(100);
  });
});
