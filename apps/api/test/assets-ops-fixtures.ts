import { schoolWithAdmin, SchoolFixture } from './academic-fixtures';
import { bearer, TestApp } from './harness';

/**
 * Arranging what the movements and inventory specs need, as the schema owner: fresh schools with their own
 * administrator (specs running side by side never share rows), rooms, and register rows written as a registration
 * would leave them (cost = unit cost × quantity, a REGISTERED history row), with wear already posted when asked.
 */
export interface AssetSeed {
  code: string;
  name: string;
  categoryCode?: string;
  kind?: 'FIXED' | 'TOOL';
  quantity?: number;
  unit?: string;
  unitCost: number;
  fundingSource?: string;
  inUseOn?: string;
  locationId?: string | null;
  /** Wear already posted, year by year (asset_wear rows and the row's posted_wear). */
  wear?: { year: number; amount: number }[];
}

export async function schoolWithRooms(t: TestApp, rooms: string[]): Promise<SchoolFixture & { rooms: string[] }> {
  const school = await schoolWithAdmin(t);
  const ids: string[] = [];
  for (const room of rooms) {
    const [row] = await t.owner.query(
      `insert into asset_location (school_id, building, room) values ($1, 'Nhà A', $2) returning id`,
      [school.id, room],
    );
    ids.push(row.id);
  }
  return { ...school, rooms: ids };
}

export async function seedAsset(t: TestApp, schoolId: string, a: AssetSeed): Promise<string> {
  const quantity = a.quantity ?? 1;
  const cost = a.unitCost * quantity;
  const wear = a.wear ?? [];
  const posted = wear.reduce((sum, w) => sum + w.amount, 0);
  const [row] = await t.owner.query(
    `insert into asset (school_id, code, name, category_code, kind, quantity, unit, unit_cost, original_cost, cost,
       funding_source, in_use_on, location_id, posted_wear)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12, $13) returning id`,
    [
      schoolId,
      a.code,
      a.name,
      a.categoryCode ?? 'OFFICE_EQUIPMENT',
      a.kind ?? (a.unitCost >= 10_000_000 ? 'FIXED' : 'TOOL'),
      quantity,
      a.unit ?? 'cái',
      a.unitCost,
      cost,
      a.fundingSource ?? 'STATE_BUDGET',
      a.inUseOn ?? '2023-03-01',
      a.locationId ?? null,
      posted,
    ],
  );
  await t.owner.query(
    `insert into asset_event (school_id, asset_id, kind, effective_on, details) values ($1, $2, 'REGISTERED', $3, '{}')`,
    [schoolId, row.id, a.inUseOn ?? '2023-03-01'],
  );
  let accumulated = 0;
  for (const w of wear) {
    accumulated += w.amount;
    await t.owner.query(
      `insert into asset_wear (school_id, asset_id, year, cost_basis, amount, accumulated_after) values ($1, $2, $3, $4, $5, $6)`,
      [schoolId, row.id, w.year, cost, w.amount, accumulated],
    );
  }
  return row.id;
}

/** The asset's version now, as a client would have read it. */
export async function versionOf(t: TestApp, schoolId: string, assetId: string): Promise<number> {
  const [row] = await t.owner.query(`select version from asset where school_id = $1 and id = $2`, [schoolId, assetId]);
  return row.version;
}

export async function historyKinds(t: TestApp, schoolId: string, assetId: string): Promise<string[]> {
  const rows = await t.owner.query(
    `select kind from asset_event where school_id = $1 and asset_id = $2 order by recorded_at, effective_on`,
    [schoolId, assetId],
  );
  return rows.map((r: { kind: string }) => r.kind);
}

/** A POST as `token`, answering supertest's response. */
export function post(t: TestApp, token: string, path: string, body: object = {}) {
  return t.http().post(path).set(bearer(token)).send(body);
}

export function get(t: TestApp, token: string, path: string, query: Record<string, string> = {}) {
  return t.http().get(path).query(query).set(bearer(token));
}
