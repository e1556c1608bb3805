import { wearDue } from './wear';
import { fixedAsset, runYears } from './wear.fixtures';

/**
 * A cost change effective in year Y (upgrade, value-adding repair, revaluation): from Y on the annual wear is the
 * remaining value (cost after the change − wear accumulated before Y) over the remaining life, rounded up; the last
 * year of the life takes the remainder (docs/domain/assets.md "Cost changes").
 */
describe('wear after a cost change mid-life', () => {
  // A computer room's server: 50,000,000 đ at 20 % (5 years), put into use in 2020.
  const server = fixedAsset({ inUseOn: '2020-04-01', cost: 50_000_000, rate: { lifeYears: 5, rateBasisPoints: 2000 } });

  it('spreads the remaining value of an upgrade in year 3 over the three years left', () => {
    const { asset: worn2Years } = runYears(server, 2020, 2021);
    // Upgraded in 2022 to 60,000,001 đ: remaining 60,000,001 − 20,000,000 = 40,000,001 over 3 years → 13,333,334.
    const upgraded = {
      ...worn2Years,
      cost: 60_000_001,
      originalCost: 50_000_000,
      costChanges: [{ effectiveOn: '2022-06-15', costAfter: 60_000_001 }],
    };
    const { rows } = runYears(upgraded, 2022, 2025);
    expect(rows).toEqual([
      { year: 2022, costBasis: 60_000_001, amount: 13_333_334, accumulatedAfter: 33_333_334 },
      { year: 2023, costBasis: 60_000_001, amount: 13_333_334, accumulatedAfter: 46_666_668 },
      { year: 2024, costBasis: 60_000_001, amount: 13_333_333, accumulatedAfter: 60_000_001 },
    ]);
  });

  it('catches up the years before the change at the original cost', () => {
    const changedBeforeAnyRun = {
      ...server,
      cost: 60_000_000,
      originalCost: 50_000_000,
      costChanges: [{ effectiveOn: '2022-06-15', costAfter: 60_000_000 }],
    };
    expect(wearDue(changedBeforeAnyRun, 2022)).toEqual([
      { year: 2020, costBasis: 50_000_000, amount: 10_000_000, accumulatedAfter: 10_000_000 },
      { year: 2021, costBasis: 50_000_000, amount: 10_000_000, accumulatedAfter: 20_000_000 },
      { year: 2022, costBasis: 60_000_000, amount: 13_333_334, accumulatedAfter: 33_333_334 },
    ]);
  });

  it('lowers the later wear after a partial removal and stops when the new cost is worn', () => {
    const { asset: worn2Years } = runYears(server, 2020, 2021);
    const lowered = {
      ...worn2Years,
      cost: 26_000_000,
      costChanges: [{ effectiveOn: '2022-03-01', costAfter: 26_000_000 }],
    };
    const { asset, rows } = runYears(lowered, 2022, 2026);
    expect(rows.map((row) => row.amount)).toEqual([2_000_000, 2_000_000, 2_000_000]);
    expect(wearDue(asset, 2027)).toEqual([]);
  });

  it('posts nothing more when a revaluation lowers the cost under the wear already accumulated', () => {
    const { asset: worn2Years } = runYears(server, 2020, 2021);
    const revalued = {
      ...worn2Years,
      cost: 15_000_000,
      costChanges: [{ effectiveOn: '2022-03-01', costAfter: 15_000_000 }],
    };
    expect(wearDue(revalued, 2022)).toEqual([]);
  });
});
