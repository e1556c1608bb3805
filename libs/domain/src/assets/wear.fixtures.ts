import { type WearAsset, type WearPosting, wearDue } from './wear';

/** A fixed asset in good use, never worn yet; each spec states what differs. */
export function fixedAsset(overrides: Partial<WearAsset>): WearAsset {
  return {
    kind: 'FIXED',
    rate: { lifeYears: 5, rateBasisPoints: 2000 },
    inUseOn: '2020-03-15',
    cost: 18_500_000,
    costChanges: [],
    openingWear: 0,
    openingWearYear: null,
    posted: [],
    condition: 'GOOD',
    status: 'IN_USE',
    disposedOn: null,
    ...overrides,
  };
}

/** The asset after the postings of a run were written (what the next run reads back). */
export function afterPosting(asset: WearAsset, postings: WearPosting[]): WearAsset {
  return { ...asset, posted: [...asset.posted, ...postings.map(({ year, amount }) => ({ year, amount }))] };
}

/** Runs every December from `from` to `to`, one at a time, as the schools do; returns every row posted. */
export function runYears(asset: WearAsset, from: number, to: number): { asset: WearAsset; rows: WearPosting[] } {
  let current = asset;
  const rows: WearPosting[] = [];
  for (let year = from; year <= to; year++) {
    const due = wearDue(current, year);
    rows.push(...due);
    current = afterPosting(current, due);
  }
  return { asset: current, rows };
}
