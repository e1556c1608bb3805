import { accumulatedWear, annualWear, wearDue } from './wear';
import { runYears, fixedAsset } from './wear.fixtures';

describe('wear of a laptop at 18,500,000 đ and 20 % a year', () => {
  const laptop = fixedAsset({ inUseOn: '2020-03-15', cost: 18_500_000, rate: { lifeYears: 5, rateBasisPoints: 2000 } });

  it('wears 3,700,000 đ a year', () => {
    expect(annualWear(18_500_000, { lifeYears: 5, rateBasisPoints: 2000 })).toBe(3_700_000);
    expect(wearDue(laptop, 2020)).toEqual([
      { year: 2020, costBasis: 18_500_000, amount: 3_700_000, accumulatedAfter: 3_700_000 },
    ]);
  });

  it('is fully worn after five years, remaining value 0', () => {
    const { asset, rows } = runYears(laptop, 2020, 2024);
    expect(rows.map((row) => row.amount)).toEqual([3_700_000, 3_700_000, 3_700_000, 3_700_000, 3_700_000]);
    expect(accumulatedWear(asset)).toBe(18_500_000);
    expect(asset.cost - accumulatedWear(asset)).toBe(0);
  });

  it('posts nothing in the sixth year', () => {
    const { asset } = runYears(laptop, 2020, 2024);
    expect(wearDue(asset, 2025)).toEqual([]);
  });

  it('posts nothing twice: a rerun of a posted year is empty', () => {
    const { asset } = runYears(laptop, 2020, 2022);
    expect(wearDue(asset, 2022)).toEqual([]);
    expect(wearDue(asset, 2021)).toEqual([]);
  });

  it('takes the whole remainder in the last year of its life even when above the annual wear (Art. 14.9)', () => {
    // Paper books carried only 10,000,000 đ through 2023, the fourth year: 2024, the fifth, posts 8,500,000 đ.
    const fromPaper = fixedAsset({ ...laptop, openingWear: 10_000_000, openingWearYear: 2023 });
    expect(wearDue(fromPaper, 2024)).toEqual([
      { year: 2024, costBasis: 18_500_000, amount: 8_500_000, accumulatedAfter: 18_500_000 },
    ]);
  });
});
