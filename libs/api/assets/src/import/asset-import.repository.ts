import { Injectable } from '@nestjs/common';
import type { AssetCondition, AssetKind, AssetStatus, FundingSource } from '@emis/domain';
import { sqlExec, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { AssetRow } from './asset-rows';

/** A category of the province's list, as the import matches a row's category against it. */
export interface ImportCategory {
  code: string;
  nameVi: string;
  worn: boolean;
}

/** An asset on the register as the import compares a row with it. */
export interface ExistingAsset {
  id: string;
  code: string;
  name: string;
  categoryCode: string;
  quantity: number;
  unit: string;
  unitCost: number;
  fundingSource: FundingSource;
  inUseOn: string;
  documentNumber: string | null;
  documentDate: string | null;
  building: string | null;
  room: string | null;
  responsible: string | null;
  condition: AssetCondition;
  openingWear: number;
  openingWearYear: number | null;
  status: AssetStatus;
}

/** Statuses of an asset that left the school's books: the import never writes over them. */
export const ASSET_STATUS_LEFT: readonly AssetStatus[] = ['DISPOSED', 'TRANSFERRED'];

/** A row as written: the file's fields, the kind decided from the threshold, the code proposed when the file had none. */
export interface AssetWrite {
  row: AssetRow;
  code: string;
  kind: AssetKind;
}

export interface AssetEventWrite {
  assetId: string;
  kind: 'REGISTERED' | 'UPDATED';
  effectiveOn: string;
  details: Record<string, unknown>;
}

interface CategoryRow {
  code: string;
  name_vi: string;
  worn: boolean;
}

interface ExistingAssetRow {
  id: string;
  code: string;
  name: string;
  category_code: string;
  quantity: number;
  unit: string;
  unit_cost: string;
  funding_source: FundingSource;
  in_use_on: string;
  document_number: string | null;
  document_date: string | null;
  building: string | null;
  room: string | null;
  responsible: string | null;
  condition: AssetCondition;
  opening_wear: string;
  opening_wear_year: number | null;
  status: AssetStatus;
}

const EXISTING_COLUMNS = `a.id, a.code, a.name, a.category_code, a.quantity, a.unit, a.unit_cost, a.funding_source,
  to_char(a.in_use_on, 'YYYY-MM-DD') as in_use_on, a.document_number, to_char(a.document_date, 'YYYY-MM-DD') as document_date,
  l.building, l.room, a.responsible, a.condition, a.opening_wear, a.opening_wear_year, a.status`;

/**
 * The asset import's reads and bulk writes. Like the staff import's writer, each write is one set-based statement
 * over unnest()ed arrays, so a school's whole paper register costs a handful of statements.
 */
@Injectable()
export class AssetImportRepository {
  async categories(em: EntityManager): Promise<ImportCategory[]> {
    const rows = await sqlRows<CategoryRow>(em, `select code, name_vi, worn from asset_category order by sort_order`);
    return rows.map((r) => ({ code: r.code, nameVi: r.name_vi, worn: r.worn }));
  }

  /** The school's assets with one of these codes, or (rows without a code) one of these names. */
  async existing(em: EntityManager, schoolId: string, codes: string[], names: string[]): Promise<ExistingAsset[]> {
    const rows = await sqlRows<ExistingAssetRow>(
      em,
      `select ${EXISTING_COLUMNS}
         from asset a left join asset_location l on l.school_id = a.school_id and l.id = a.location_id
        where a.school_id = $1 and (a.code = any($2::text[]) or a.name = any($3::text[]))`,
      [schoolId, codes, names],
    );
    return rows.map(toExisting);
  }

  /** The rooms the rows name, created when new; keyed by locationKey(building, room). */
  async locations(em: EntityManager, schoolId: string, places: { building: string; room: string }[]) {
    const ids = new Map<string, string>();
    if (!places.length) return ids;
    const buildings = places.map((p) => p.building);
    const rooms = places.map((p) => p.room);
    await sqlExec(
      em,
      `insert into asset_location (school_id, building, room)
       select $1, u.b, u.r from unnest($2::text[], $3::text[]) as u(b, r)
       on conflict (school_id, building, room) do nothing`,
      [schoolId, buildings, rooms],
    );
    const rows = await sqlRows<{ id: string; building: string; room: string }>(
      em,
      `select l.id, l.building, l.room from asset_location l join unnest($2::text[], $3::text[]) as u(b, r)
          on l.building = u.b and l.room = u.r
        where l.school_id = $1`,
      [schoolId, buildings, rooms],
    );
    for (const r of rows) ids.set(locationKey(r.building, r.room), r.id);
    return ids;
  }

  /** Inserts the new assets (cost = original cost = quantity × unit cost); answers their ids by code. */
  async insert(
    em: EntityManager,
    schoolId: string,
    writes: AssetWrite[],
    locationIds: Map<string, string>,
    at: Date,
  ): Promise<Map<string, string>> {
    if (!writes.length) return new Map();
    const col = <T>(pick: (w: AssetWrite) => T) => writes.map(pick);
    const inserted = await sqlRows<{ id: string; code: string }>(
      em,
      `insert into asset (school_id, code, name, category_code, kind, quantity, unit, unit_cost, original_cost, cost,
                          funding_source, in_use_on, document_number, document_date, location_id, responsible, condition,
                          opening_wear, opening_wear_year, created_at, updated_at)
       select $1, u.code, u.name, u.cat, u.kind, u.qty, u.unit, u.uc, u.qty * u.uc, u.qty * u.uc, u.src, u.use, u.docn,
              u.docd, u.loc, u.resp, u.cond, u.ow, u.owy, $18, $18
         from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::bigint[], $9::text[],
                     $10::date[], $11::text[], $12::date[], $13::uuid[], $14::text[], $15::text[], $16::bigint[], $17::int[])
              as u(code, name, cat, kind, qty, unit, uc, src, use, docn, docd, loc, resp, cond, ow, owy)
       returning id, code`,
      [
        schoolId,
        col((w) => w.code),
        col((w) => w.row.name),
        col((w) => w.row.categoryCode),
        col((w) => w.kind),
        col((w) => w.row.quantity),
        col((w) => w.row.unit),
        col((w) => w.row.unitCost),
        col((w) => w.row.fundingSource),
        col((w) => w.row.inUseOn),
        col((w) => w.row.documentNumber),
        col((w) => w.row.documentDate),
        col((w) => locationIdOf(w.row, locationIds)),
        col((w) => w.row.responsible),
        col((w) => w.row.condition),
        col((w) => w.row.openingWear),
        col((w) => w.row.openingWearYear),
        at,
      ],
    );
    return new Map(inserted.map((r) => [r.code, r.id]));
  }

  /** What a re-import may change on an asset already registered: its description, place and keeper, not its money. */
  async updateDescriptions(
    em: EntityManager,
    schoolId: string,
    changes: { id: string; row: AssetRow }[],
    locationIds: Map<string, string>,
    at: Date,
  ): Promise<void> {
    if (!changes.length) return;
    const col = <T>(pick: (c: { id: string; row: AssetRow }) => T) => changes.map(pick);
    await sqlExec(
      em,
      `update asset a
          set name = u.name, unit = u.unit, document_number = u.docn, document_date = u.docd, location_id = u.loc,
              responsible = u.resp, condition = u.cond, version = a.version + 1, updated_at = $10
         from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::uuid[], $8::text[], $9::text[])
              as u(id, name, unit, docn, docd, loc, resp, cond)
        where a.school_id = $1 and a.id = u.id`,
      [
        schoolId,
        col((c) => c.id),
        col((c) => c.row.name),
        col((c) => c.row.unit),
        col((c) => c.row.documentNumber),
        col((c) => c.row.documentDate),
        col((c) => locationIdOf(c.row, locationIds)),
        col((c) => c.row.responsible),
        col((c) => c.row.condition),
        at,
      ],
    );
  }

  async events(em: EntityManager, schoolId: string, events: AssetEventWrite[], actorId: string, at: Date) {
    if (!events.length) return;
    await sqlExec(
      em,
      `insert into asset_event (school_id, asset_id, kind, effective_on, details, recorded_at, recorded_by)
       select $1, u.aid, u.kind, u.eff, u.details::jsonb, $6, $7
         from unnest($2::uuid[], $3::text[], $4::date[], $5::text[]) as u(aid, kind, eff, details)
       returning 1`,
      [
        schoolId,
        events.map((e) => e.assetId),
        events.map((e) => e.kind),
        events.map((e) => e.effectiveOn),
        events.map((e) => JSON.stringify(e.details)),
        at,
        actorId,
      ],
    );
  }
}

export function locationKey(building: string, room: string): string {
  return `${building}\n${room}`;
}

function locationIdOf(row: AssetRow, ids: Map<string, string>): string | null {
  return row.building && row.room ? (ids.get(locationKey(row.building, row.room)) ?? null) : null;
}

function toExisting(r: ExistingAssetRow): ExistingAsset {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    categoryCode: r.category_code,
    quantity: r.quantity,
    unit: r.unit,
    unitCost: Number(r.unit_cost),
    fundingSource: r.funding_source,
    inUseOn: r.in_use_on,
    documentNumber: r.document_number,
    documentDate: r.document_date,
    building: r.building,
    room: r.room,
    responsible: r.responsible,
    condition: r.condition,
    openingWear: Number(r.opening_wear),
    openingWearYear: r.opening_wear_year,
    status: r.status,
  };
}
