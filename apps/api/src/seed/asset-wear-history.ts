import { WearAsset, wearDue, WearRate } from '@emis/domain';
import { REGISTER_FROM_YEAR, SeedAsset } from './asset-register-builder';
import { SeededRandom } from './seeded-random';

export interface SeedWearRow {
  assetId: string;
  year: number;
  costBasis: number;
  amount: number;
  accumulatedAfter: number;
  runId: string;
  postedAt: string;
}

/** A school's December run of one year, done: what the wear page lists as past runs. */
export interface SeedWearRun {
  id: string;
  year: number;
  total: number;
  postedRows: number;
  postedAmount: number;
  at: string;
}

/**
 * The wear a school has posted through `throughYear`, computed by the domain's own wearDue (the function the API's
 * wear run calls, so the seeded figures are the ones a run would have posted): one row per asset and year from the
 * register's first year, each year's rows under that December's run, a WEAR_POSTED line in the asset's history,
 * posted_wear the sum of the rows. Years before the register came into Emis are the paper books' opening wear.
 * `rates` is the configured category → rate (effectiveRate); a category without a rate is not worn.
 */
export function postSeedWear(
  rng: SeededRandom,
  assets: readonly SeedAsset[],
  rates: ReadonlyMap<string, WearRate | null>,
  throughYear: number,
  firstYear = REGISTER_FROM_YEAR,
): { rows: SeedWearRow[]; runs: SeedWearRun[] } {
  const runs = new Map<number, SeedWearRun>();
  for (let year = firstYear; year <= throughYear; year++)
    runs.set(year, {
      id: rng.uuid(),
      year,
      total: 0,
      postedRows: 0,
      postedAmount: 0,
      at: `${year}-12-${String(rng.int(20, 30))}T15:${String(rng.int(10, 59))}:00+07:00`,
    });
  const rows: SeedWearRow[] = [];
  for (const asset of assets) {
    const postings = wearDue(pastState(asset, rates), throughYear);
    const opening = postings.filter((p) => p.year < firstYear);
    if (opening.length) {
      asset.openingWear = opening.reduce((sum, p) => sum + p.amount, 0);
      asset.openingWearYear = firstYear - 1;
    }
    for (const p of postings) {
      if (p.year < firstYear) continue;
      const run = runs.get(p.year)!;
      run.postedRows += 1;
      run.postedAmount += p.amount;
      asset.postedWear += p.amount;
      rows.push({ assetId: asset.id, ...p, runId: run.id, postedAt: run.at });
      asset.events.push({
        kind: 'WEAR_POSTED',
        effectiveOn: `${p.year}-12-31`,
        // The wear run's own history line (one a run and asset, listing the years it posted).
        details: {
          runId: run.id,
          years: [{ year: p.year, costBasis: p.costBasis, amount: p.amount }],
          accumulatedAfter: p.accumulatedAfter,
        },
        costAfter: null,
      });
    }
  }
  for (const run of runs.values()) run.total = assets.filter((a) => Number(a.inUseOn.slice(0, 4)) <= run.year).length;
  return { rows, runs: [...runs.values()] };
}

/**
 * The asset as the past Decembers saw it: a machine that broke was in use, and worn, in the years before it broke;
 * a disposed asset keeps its disposal day (no wear in the year it left, docs/domain/assets.md).
 */
function pastState(asset: SeedAsset, rates: ReadonlyMap<string, WearRate | null>): WearAsset {
  const gone = asset.status === 'DISPOSED' || asset.status === 'TRANSFERRED';
  return {
    kind: asset.kind,
    rate: rates.get(asset.categoryCode) ?? null,
    inUseOn: asset.inUseOn,
    cost: asset.cost,
    originalCost: asset.originalCost,
    costChanges: asset.costChanges,
    openingWear: 0,
    openingWearYear: null,
    posted: [],
    condition: asset.condition === 'BROKEN' ? 'POOR' : asset.condition,
    status: gone ? asset.status : 'IN_USE',
    disposedOn: asset.disposedOn,
  };
}
