import { ColumnType } from './bulk-insert';
import { SeedAsset, SeedLocation } from './asset-register-builder';
import { SeedWearRow, SeedWearRun } from './asset-wear-history';

/**
 * The asset tables a seeded register fills, in foreign-key order, with their columns in the order `assetRows` gives
 * them. Shared by the demo seed (bulkInsert) and `npm run seed:scale` (its bulk loader), so both write the same rows.
 */
export const ASSET_TABLES = {
  asset_location: { school_id: 'uuid', id: 'uuid', building: 'text', room: 'text', created_at: 'timestamptz' },
  asset: {
    school_id: 'uuid',
    id: 'uuid',
    code: 'text',
    name: 'text',
    category_code: 'text',
    kind: 'text',
    quantity: 'int',
    unit: 'text',
    unit_cost: 'bigint',
    original_cost: 'bigint',
    cost: 'bigint',
    funding_source: 'text',
    in_use_on: 'date',
    document_number: 'text',
    document_date: 'date',
    location_id: 'uuid',
    responsible: 'text',
    condition: 'text',
    status: 'text',
    opening_wear: 'bigint',
    opening_wear_year: 'int',
    posted_wear: 'bigint',
    disposed_on: 'date',
    note: 'text',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  asset_event: {
    school_id: 'uuid',
    id: 'uuid',
    asset_id: 'uuid',
    kind: 'text',
    effective_on: 'date',
    details: 'jsonb',
    cost_after: 'bigint',
    recorded_at: 'timestamptz',
  },
  asset_wear_run: {
    school_id: 'uuid',
    id: 'uuid',
    year: 'int',
    scope: 'text',
    status: 'text',
    total: 'int',
    done: 'int',
    posted_rows: 'int',
    posted_amount: 'bigint',
    created_at: 'timestamptz',
    finished_at: 'timestamptz',
  },
  asset_wear: {
    school_id: 'uuid',
    asset_id: 'uuid',
    year: 'int',
    cost_basis: 'bigint',
    amount: 'bigint',
    accumulated_after: 'bigint',
    run_id: 'uuid',
    posted_at: 'timestamptz',
  },
  asset_disposal: {
    school_id: 'uuid',
    id: 'uuid',
    asset_id: 'uuid',
    method: 'text',
    decision_number: 'text',
    decision_date: 'date',
    disposed_on: 'date',
    quantity: 'int',
    proceeds: 'bigint',
    costs: 'bigint',
    cost: 'bigint',
    accumulated_wear: 'bigint',
    note: 'text',
    created_at: 'timestamptz',
  },
} satisfies Record<string, Record<string, ColumnType>>;

export type AssetTable = keyof typeof ASSET_TABLES;
export type AssetTableRows = Record<AssetTable, unknown[][]>;

export function emptyAssetRows(): AssetTableRows {
  return { asset_location: [], asset: [], asset_event: [], asset_wear_run: [], asset_wear: [], asset_disposal: [] };
}

/** The register came into Emis at the start of 2016: what was in use before was entered then. */
const REGISTER_OPENED = '2016-01-04';

/** When a line was written: the morning of its day (Hanoi time), or the register's opening for the paper years. */
function recordedOn(day: string): string {
  return `${day < REGISTER_OPENED ? REGISTER_OPENED : day}T09:00:00+07:00`;
}

/** Appends one school's register, history, wear runs and rows and disposals to `out`. `ids` draws the event ids. */
export function assetRows(
  out: AssetTableRows,
  schoolId: string,
  register: { locations: readonly SeedLocation[]; assets: readonly SeedAsset[] },
  wear: { rows: readonly SeedWearRow[]; runs: readonly SeedWearRun[] },
  newId: () => string,
  now: Date | string,
): void {
  const runAt = new Map(wear.runs.map((r) => [r.year, r.at]));
  for (const l of register.locations)
    out.asset_location.push([schoolId, l.id, l.building, l.room, recordedOn(REGISTER_OPENED)]);
  for (const a of register.assets) {
    out.asset.push([
      schoolId,
      a.id,
      a.code,
      a.name,
      a.categoryCode,
      a.kind,
      a.quantity,
      a.unit,
      a.unitCost,
      a.originalCost,
      a.cost,
      a.fundingSource,
      a.inUseOn,
      a.documentNumber,
      a.documentDate,
      a.locationId,
      a.responsible,
      a.condition,
      a.status,
      a.openingWear,
      a.openingWearYear,
      a.postedWear,
      a.disposedOn,
      a.note,
      recordedOn(a.inUseOn),
      now,
    ]);
    for (const e of a.events)
      out.asset_event.push([
        schoolId,
        newId(),
        a.id,
        e.kind,
        e.effectiveOn,
        e.details,
        e.costAfter,
        e.kind === 'WEAR_POSTED' ? runAt.get(Number(e.effectiveOn.slice(0, 4))) : recordedOn(e.effectiveOn),
      ]);
    if (a.disposal) {
      const d = a.disposal;
      out.asset_disposal.push([
        schoolId,
        d.id,
        a.id,
        d.method,
        d.decisionNumber,
        d.decisionDate,
        a.disposedOn,
        a.quantity,
        d.proceeds,
        0,
        a.cost,
        a.openingWear + a.postedWear,
        'Thanh lý theo quyết định của Hiệu trưởng',
        recordedOn(a.disposedOn!),
      ]);
      out.asset_event.push([
        schoolId,
        newId(),
        a.id,
        'DISPOSED',
        a.disposedOn,
        { method: d.method, decisionNumber: d.decisionNumber, decisionDate: d.decisionDate, proceeds: d.proceeds },
        null,
        recordedOn(a.disposedOn!),
      ]);
    }
  }
  for (const r of wear.runs)
    out.asset_wear_run.push([
      schoolId,
      r.id,
      r.year,
      'SCHOOL',
      'DONE',
      r.total,
      r.total,
      r.postedRows,
      r.postedAmount,
      r.at,
      r.at,
    ]);
  for (const w of wear.rows)
    out.asset_wear.push([schoolId, w.assetId, w.year, w.costBasis, w.amount, w.accumulatedAfter, w.runId, w.postedAt]);
}
