import { wearTable } from './wear-table';
import type { WearAssetRow } from './wear.repository';

const laptop: WearAssetRow = {
  id: 'a1',
  code: 'TS-0001',
  name: 'Máy tính xách tay',
  assetClass: 'MACHINERY',
  kind: 'FIXED',
  cost: 18_500_000,
  originalCost: 18_500_000,
  inUseOn: '2020-03-15',
  openingWear: 0,
  openingWearYear: null,
  condition: 'GOOD',
  status: 'IN_USE',
  disposedOn: null,
  worn: true,
  defaultLifeYears: 5,
  defaultRateBasisPoints: 2000,
  lifeYears: null,
  rateBasisPoints: null,
  costChanges: [],
  posted: [],
};

describe('the year wear table', () => {
  it('previews the year a run would post, with the catch-up of earlier years counted before it', () => {
    const table = wearTable([{ ...laptop, inUseOn: '2022-01-10' }], 2025, false);
    expect(table.rows[0]).toMatchObject({
      accumulatedBefore: 11_100_000,
      amount: 3_700_000,
      accumulatedAfter: 14_800_000,
    });
    expect(table.total).toEqual({
      cost: 18_500_000,
      amount: 3_700_000,
      accumulatedAfter: 14_800_000,
      remainingValue: 3_700_000,
    });
  });

  it('shows an asset the catch-up wears fully before the year as fully worn, posting nothing that year', () => {
    const [row] = wearTable([laptop], 2025, false).rows;
    expect(row).toMatchObject({ amount: 0, accumulatedAfter: 18_500_000, remainingValue: 0, skipped: 'FULLY_WORN' });
  });

  it('shows the rows posted once the year is run, and no preview for an asset the run did not post', () => {
    const posted = {
      ...laptop,
      posted: [{ year: 2020, amount: 3_700_000, costBasis: 18_500_000, accumulatedAfter: 3_700_000, postedAt: '' }],
    };
    expect(wearTable([posted], 2020, true).rows[0]).toMatchObject({ amount: 3_700_000, skipped: null });
    expect(wearTable([laptop], 2020, true).rows[0]).toMatchObject({ amount: 0, accumulatedAfter: 0, skipped: null });
  });

  it('leaves out an asset that left the books in an earlier year, and keeps one that left during it', () => {
    const sold = { ...laptop, status: 'DISPOSED' as const, disposedOn: '2023-05-02' };
    expect(wearTable([sold], 2025, false).rows).toEqual([]);
    expect(wearTable([sold], 2023, false).rows[0]).toMatchObject({ amount: 0, skipped: 'DISPOSED' });
  });
});
