import { wearDue, wearSkipReason } from './wear';
import { fixedAsset } from './wear.fixtures';

describe('an asset disposed of during the year', () => {
  const photocopier = fixedAsset({
    inUseOn: '2021-09-01',
    cost: 40_000_000,
    posted: [
      { year: 2021, amount: 8_000_000 },
      { year: 2022, amount: 8_000_000 },
      { year: 2023, amount: 8_000_000 },
    ],
  });

  it('gets no wear for the year when disposed of before December', () => {
    const sold = { ...photocopier, status: 'DISPOSED' as const, disposedOn: '2024-11-30' };
    expect(wearDue(sold, 2024)).toEqual([]);
    expect(wearSkipReason(sold, 2024)).toBe('DISPOSED');
  });

  it("is worn for the year when disposed of in December, after the year's wear was due (Art. 12.1.a)", () => {
    const sold = { ...photocopier, status: 'DISPOSED' as const, disposedOn: '2024-12-01' };
    expect(wearDue(sold, 2024)).toEqual([
      { year: 2024, costBasis: 40_000_000, amount: 8_000_000, accumulatedAfter: 32_000_000 },
    ]);
  });

  it('still catches up the years before the one it left, and nothing after', () => {
    const lostLater = { ...photocopier, posted: [], status: 'DISPOSED' as const, disposedOn: '2023-05-01' };
    expect(wearDue(lostLater, 2026).map((row) => row.year)).toEqual([2021, 2022]);
  });
});
