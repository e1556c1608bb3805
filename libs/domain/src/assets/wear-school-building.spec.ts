import { annualWear, wearDue } from './wear';
import { runYears, fixedAsset } from './wear.fixtures';

describe('wear of a school building at 2,345,678,901 đ and 2 % a year (50 years)', () => {
  const building = fixedAsset({
    inUseOn: '2000-09-05',
    cost: 2_345_678_901,
    rate: { lifeYears: 50, rateBasisPoints: 200 },
  });

  it('rounds the exact 46,913,578.02 đ up to 46,913,579 đ (Art. 5.1)', () => {
    expect(annualWear(2_345_678_901, { lifeYears: 50, rateBasisPoints: 200 })).toBe(46_913_579);
  });

  it('posts 46,913,579 đ for years 1–49, accumulating 2,298,765,371 đ', () => {
    const { rows } = runYears(building, 2000, 2048);
    expect(rows).toHaveLength(49);
    expect(rows.every((row) => row.amount === 46_913_579)).toBe(true);
    expect(rows.at(-1)?.accumulatedAfter).toBe(2_298_765_371);
  });

  it('posts the remainder 46,913,530 đ in year 50, the total exactly the cost (Art. 14.9)', () => {
    const { asset } = runYears(building, 2000, 2048);
    expect(wearDue(asset, 2049)).toEqual([
      { year: 2049, costBasis: 2_345_678_901, amount: 46_913_530, accumulatedAfter: 2_345_678_901 },
    ]);
  });

  it('posts nothing after year 50', () => {
    const { asset } = runYears(building, 2000, 2049);
    expect(wearDue(asset, 2050)).toEqual([]);
  });

  it('keeps exact integers where the product passes 2^53', () => {
    // 9·10^15 đ × 2 %: the product 1.8·10^19 is past 2^53; the wear is exactly 1.8·10^14 đ.
    expect(annualWear(9_000_000_000_000_001, { lifeYears: 50, rateBasisPoints: 200 })).toBe(180_000_000_000_001);
  });
});
