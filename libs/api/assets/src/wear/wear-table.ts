import type { WearRun, WearTable, WearTableRow } from '@emis/contracts';
import { accumulatedWear, effectiveRate, type WearAsset, wearDue, type WearSkip, wearSkipReason } from '@emis/domain';
import type { RunRow, WearAssetRow } from './wear.repository';

/** The register row as the domain's wear rules read it (docs/domain/assets.md). */
export function toWearAsset(row: WearAssetRow): WearAsset {
  return {
    kind: row.kind,
    rate: effectiveRate(row),
    inUseOn: row.inUseOn,
    cost: row.cost,
    originalCost: row.originalCost,
    costChanges: row.costChanges,
    openingWear: row.openingWear,
    openingWearYear: row.openingWearYear,
    posted: row.posted.map(({ year, amount }) => ({ year, amount })),
    condition: row.condition,
    status: row.status,
    disposedOn: row.disposedOn,
  };
}

/**
 * One asset's line of the year's wear table (Bảng tính hao mòn): the row posted for the year; before the year's run,
 * the row a run would post now (its catch-up of earlier years counted in "accumulated before"); otherwise a line of
 * nothing, with why. Null for an asset that left the books before the year.
 */
export function wearTableRow(row: WearAssetRow, year: number, posted: boolean): WearTableRow | null {
  const asset = toWearAsset(row);
  if (wearSkipReason(asset, year) === 'DISPOSED' && !(row.disposedOn ?? '').startsWith(String(year))) return null;
  const line = (
    costBasis: number,
    amount: number,
    accumulatedAfter: number,
    skipped: WearSkip | null,
  ): WearTableRow => ({
    assetId: row.id,
    code: row.code,
    name: row.name,
    assetClass: row.assetClass,
    cost: costBasis,
    rateBasisPoints: asset.rate?.rateBasisPoints ?? null,
    lifeYears: asset.rate?.lifeYears ?? null,
    accumulatedBefore: accumulatedAfter - amount,
    amount,
    accumulatedAfter,
    remainingValue: costBasis - accumulatedAfter,
    skipped,
  });
  const postedRow = row.posted.find((p) => p.year === year);
  if (postedRow) return line(postedRow.costBasis, postedRow.amount, postedRow.accumulatedAfter, null);
  const due = posted ? [] : wearDue(asset, year);
  const ofYear = due.find((p) => p.year === year);
  if (ofYear) return line(ofYear.costBasis, ofYear.amount, ofYear.accumulatedAfter, null);
  const through: WearAsset = {
    ...asset,
    posted: [...asset.posted.filter((p) => p.year <= year), ...due.map(({ year: y, amount }) => ({ year: y, amount }))],
  };
  return line(row.cost, 0, accumulatedWear(through), wearSkipReason(through, year));
}

export function wearTable(rows: WearAssetRow[], year: number, posted: boolean): WearTable {
  const lines = rows.map((row) => wearTableRow(row, year, posted)).filter((line): line is WearTableRow => !!line);
  const total = lines.reduce(
    (sum, line) => ({
      cost: sum.cost + line.cost,
      amount: sum.amount + line.amount,
      accumulatedAfter: sum.accumulatedAfter + line.accumulatedAfter,
      remainingValue: sum.remainingValue + line.remainingValue,
    }),
    { cost: 0, amount: 0, accumulatedAfter: 0, remainingValue: 0 },
  );
  return { year, posted, rows: lines, total };
}

export function toWearRun(run: RunRow): WearRun {
  const { schoolId: _school, parentId: _parent, ...rest } = run;
  void _school;
  void _parent;
  return rest;
}
