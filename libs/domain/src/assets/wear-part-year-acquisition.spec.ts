import { wearDue } from './wear';
import { afterPosting, fixedAsset } from './wear.fixtures';

describe('wear of an asset put into use during the year (Art. 12.1.a, 14.1: a full year, no proration)', () => {
  const printer = fixedAsset({
    inUseOn: '2024-11-20',
    cost: 12_000_000,
    rate: { lifeYears: 5, rateBasisPoints: 2000 },
  });

  it('posts the full year for an asset put into use on 20 November', () => {
    expect(wearDue(printer, 2024)).toEqual([
      { year: 2024, costBasis: 12_000_000, amount: 2_400_000, accumulatedAfter: 2_400_000 },
    ]);
  });

  it('posts nothing for a year before the asset was put into use', () => {
    expect(wearDue(printer, 2023)).toEqual([]);
  });

  it("catches up a year the run missed: put into use after that year's run, worn in the next run", () => {
    expect(wearDue(printer, 2025).map((row) => [row.year, row.amount])).toEqual([
      [2024, 2_400_000],
      [2025, 2_400_000],
    ]);
  });

  it('catches up from after the paper books: opening wear through 2022, the 2024 run posts 2023 and 2024', () => {
    const fromPaper = fixedAsset({
      inUseOn: '2021-01-10',
      cost: 12_000_000,
      openingWear: 4_800_000,
      openingWearYear: 2022,
    });
    const due = wearDue(fromPaper, 2024);
    expect(due).toEqual([
      { year: 2023, costBasis: 12_000_000, amount: 2_400_000, accumulatedAfter: 7_200_000 },
      { year: 2024, costBasis: 12_000_000, amount: 2_400_000, accumulatedAfter: 9_600_000 },
    ]);
    expect(wearDue(afterPosting(fromPaper, due), 2024)).toEqual([]);
  });
});
