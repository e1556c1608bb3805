import { Injectable } from '@nestjs/common';
import type { AssetInventory, InventoryLine } from '@emis/contracts';
import { AssetCondition, AssetKind, InventoryStatus } from '@emis/domain';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** An inventory's own row, locked while a step changes it. */
export interface InventoryHead {
  id: string;
  year: number;
  title: string;
  countDate: string;
  status: InventoryStatus;
  committee: string[];
  decisionNumber: string | null;
  version: number;
}

/** A line with what counting and approving need: the record's kind, cost and unit cost (null kind: surplus). */
export interface CountingLine {
  id: string;
  assetId: string | null;
  kind: AssetKind | null;
  code: string | null;
  name: string;
  locationId: string | null;
  /** "Building — room" as the papers print it; empty when the line has no room. */
  room: string;
  bookQuantity: number;
  countedQuantity: number | null;
  bookValue: number;
  unitCost: number;
  condition: AssetCondition | null;
  note: string | null;
  categoryCode: string | null;
  unit: string | null;
}

/** A surplus line as the count records it. */
export interface SurplusLine {
  description: string;
  quantity: number;
  locationId: string | null;
  unitCost: number;
  categoryCode: string;
  unit: string;
  condition: AssetCondition | null;
  note: string | null;
}

interface HeadRow {
  id: string;
  year: number;
  title: string;
  count_date: string;
  status: InventoryStatus;
  committee: string[];
  decision_number: string | null;
  version: number;
}

interface SummaryRow extends HeadRow {
  closed_at: Date | null;
  approved_at: Date | null;
  line_count: number;
  counted_count: number;
  shortfall_count: number;
  surplus_count: number;
}

interface LineRow {
  id: string;
  asset_id: string | null;
  kind: AssetKind | null;
  code: string | null;
  name: string;
  location_id: string | null;
  building: string | null;
  room: string | null;
  book_quantity: number;
  counted_quantity: number | null;
  book_value: string;
  unit_cost: string | null;
  condition: AssetCondition | null;
  note: string | null;
  counted_at: Date | null;
  category_code: string | null;
  unit: string | null;
  description: string | null;
}

const HEAD = `i.id, i.year, i.title, i.count_date::text as count_date, i.status, i.committee, i.decision_number, i.version`;
// A shortfall or a surplus is a counted line whose count differs from the books (libs/domain inventoryDifference).
const SUMMARY = `select ${HEAD}, i.closed_at, i.approved_at,
    (select count(*)::int from asset_inventory_line l where l.school_id = i.school_id and l.inventory_id = i.id) as line_count,
    (select count(*)::int from asset_inventory_line l where l.school_id = i.school_id and l.inventory_id = i.id
        and l.counted_quantity is not null) as counted_count,
    (select count(*)::int from asset_inventory_line l where l.school_id = i.school_id and l.inventory_id = i.id
        and l.counted_quantity < l.book_quantity) as shortfall_count,
    (select count(*)::int from asset_inventory_line l where l.school_id = i.school_id and l.inventory_id = i.id
        and l.counted_quantity > l.book_quantity) as surplus_count
  from asset_inventory i`;
const LINE = `select l.id, l.asset_id, a.kind, a.code, coalesce(a.name, l.description) as name, l.location_id, r.building,
    r.room, l.book_quantity, l.counted_quantity, l.book_value, l.unit_cost, l.condition, l.note, l.counted_at,
    l.category_code, l.unit, l.description
  from asset_inventory_line l
  left join asset a on a.school_id = l.school_id and a.id = l.asset_id
  left join asset_location r on r.school_id = l.school_id and r.id = l.location_id`;
const LINE_ORDER = `order by r.building collate "vi-x-icu" nulls last, r.room collate "vi-x-icu" nulls last,
  l.asset_id is null, a.code, l.description, l.id`;

/** The annual inventories of one school and their lines; every statement names the school (and RLS holds it). */
@Injectable()
export class InventoryRepository {
  /** Creates the inventory, OPEN; the partial unique index refuses a second open one (23505). */
  async insert(
    em: EntityManager,
    schoolId: string,
    head: { year: number; title: string; countDate: string },
  ): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into asset_inventory (school_id, year, title, count_date) values ($1, $2, $3, $4) returning id`,
      [schoolId, head.year, head.title, head.countDate],
    );
    return row!.id;
  }

  /** A line for every asset on the books (not disposed of, not transferred): its quantity, cost and room now. */
  async addBookLines(em: EntityManager, schoolId: string, inventoryId: string): Promise<number> {
    return sqlExec(
      em,
      `insert into asset_inventory_line (school_id, inventory_id, asset_id, location_id, book_quantity, book_value,
                                         unit_cost)
       select a.school_id, $2, a.id, a.location_id, a.quantity, a.cost, a.unit_cost from asset a
        where a.school_id = $1 and a.status not in ('DISPOSED', 'TRANSFERRED')`,
      [schoolId, inventoryId],
    );
  }

  async lockHead(em: EntityManager, schoolId: string, id: string): Promise<InventoryHead | undefined> {
    const r = await sqlRow<HeadRow>(
      em,
      `select ${HEAD} from asset_inventory i where i.school_id = $1 and i.id = $2 for update`,
      [schoolId, id],
    );
    return r && toHead(r);
  }

  async summary(em: EntityManager, schoolId: string, id: string): Promise<AssetInventory | undefined> {
    const r = await sqlRow<SummaryRow>(em, `${SUMMARY} where i.school_id = $1 and i.id = $2`, [schoolId, id]);
    return r && toSummary(r);
  }

  async list(em: EntityManager, schoolId: string): Promise<AssetInventory[]> {
    const rows = await sqlRows<SummaryRow>(
      em,
      `${SUMMARY} where i.school_id = $1 order by i.year desc, i.created_at desc`,
      [schoolId],
    );
    return rows.map(toSummary);
  }

  /** The lines in room order, of one room when `locationId` is given. */
  async lines(em: EntityManager, schoolId: string, id: string, locationId?: string): Promise<InventoryLine[]> {
    return (await this.lineRows(em, schoolId, id, locationId)).map(toLine);
  }

  /** The lines with what approving and the report read of them. */
  async countingLines(em: EntityManager, schoolId: string, id: string, locationId?: string): Promise<CountingLine[]> {
    return (await this.lineRows(em, schoolId, id, locationId)).map(toCountingLine);
  }

  async line(
    em: EntityManager,
    schoolId: string,
    inventoryId: string,
    lineId: string,
  ): Promise<InventoryLine | undefined> {
    const r = await sqlRow<LineRow>(em, `${LINE} where l.school_id = $1 and l.inventory_id = $2 and l.id = $3`, [
      schoolId,
      inventoryId,
      lineId,
    ]);
    return r && toLine(r);
  }

  async countingLine(
    em: EntityManager,
    schoolId: string,
    inventoryId: string,
    lineId: string,
  ): Promise<CountingLine | undefined> {
    const r = await sqlRow<LineRow>(em, `${LINE} where l.school_id = $1 and l.inventory_id = $2 and l.id = $3`, [
      schoolId,
      inventoryId,
      lineId,
    ]);
    return r && toCountingLine(r);
  }

  /** The line of the asset with this code, or of this asset id, in the inventory. */
  async lineOfAsset(
    em: EntityManager,
    schoolId: string,
    inventoryId: string,
    codeOrId: { code?: string; assetId?: string },
  ): Promise<CountingLine | undefined> {
    const r = await sqlRow<LineRow>(
      em,
      `${LINE} where l.school_id = $1 and l.inventory_id = $2 and (a.code = $3 or a.id = $4::uuid)`,
      [schoolId, inventoryId, codeOrId.code ?? null, codeOrId.assetId ?? null],
    );
    return r && toCountingLine(r);
  }

  async count(
    em: EntityManager,
    schoolId: string,
    lineId: string,
    c: { countedQuantity: number; condition: AssetCondition | null; note: string | null },
    by: string,
  ): Promise<void> {
    await sqlExec(
      em,
      `update asset_inventory_line set counted_quantity = $3, condition = $4, note = $5, counted_at = now(),
              counted_by = nullif($6, '')::uuid
        where school_id = $1 and id = $2`,
      [schoolId, lineId, c.countedQuantity, c.condition, c.note, by],
    );
  }

  async addSurplus(
    em: EntityManager,
    schoolId: string,
    inventoryId: string,
    s: SurplusLine,
    by: string,
  ): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into asset_inventory_line (school_id, inventory_id, description, location_id, book_quantity, book_value,
          counted_quantity, unit_cost, category_code, unit, condition, note, counted_at, counted_by)
       values ($1, $2, $3, $4, 0, 0, $5, $6, $7, $8, $9, $10, now(), nullif($11, '')::uuid) returning id`,
      [
        schoolId,
        inventoryId,
        s.description,
        s.locationId,
        s.quantity,
        s.unitCost,
        s.categoryCode,
        s.unit,
        s.condition,
        s.note,
        by,
      ],
    );
    return row!.id;
  }

  /** The asset a surplus line became on approval: the line keeps its count and now names the record. */
  async linkSurplus(em: EntityManager, schoolId: string, lineId: string, assetId: string): Promise<void> {
    await sqlExec(em, `update asset_inventory_line set asset_id = $3 where school_id = $1 and id = $2`, [
      schoolId,
      lineId,
      assetId,
    ]);
  }

  async close(em: EntityManager, schoolId: string, id: string, committee: string[]): Promise<void> {
    await sqlExec(
      em,
      `update asset_inventory set status = 'CLOSED', committee = $3, closed_at = now(), version = version + 1
        where school_id = $1 and id = $2`,
      [schoolId, id, committee],
    );
  }

  async approve(em: EntityManager, schoolId: string, id: string, decisionNumber: string): Promise<void> {
    await sqlExec(
      em,
      `update asset_inventory set status = 'APPROVED', decision_number = $3, approved_at = now(), version = version + 1
        where school_id = $1 and id = $2`,
      [schoolId, id, decisionNumber],
    );
  }

  /** A lot of tools after its count: fewer or more items, its cost changed with them. */
  async adjustLot(em: EntityManager, schoolId: string, assetId: string, quantity: number, cost: number): Promise<void> {
    await sqlExec(
      em,
      `update asset set quantity = $3, cost = $4, version = version + 1, updated_at = now()
        where school_id = $1 and id = $2`,
      [schoolId, assetId, quantity, cost],
    );
  }

  async setCondition(em: EntityManager, schoolId: string, assetId: string, condition: AssetCondition): Promise<void> {
    await sqlExec(
      em,
      `update asset set condition = $3, version = version + 1, updated_at = now() where school_id = $1 and id = $2`,
      [schoolId, assetId, condition],
    );
  }

  private lineRows(em: EntityManager, schoolId: string, id: string, locationId?: string): Promise<LineRow[]> {
    return sqlRows<LineRow>(
      em,
      `${LINE} where l.school_id = $1 and l.inventory_id = $2 ${locationId ? 'and l.location_id = $3' : ''} ${LINE_ORDER}`,
      locationId ? [schoolId, id, locationId] : [schoolId, id],
    );
  }
}

function toHead(r: HeadRow): InventoryHead {
  return {
    id: r.id,
    year: r.year,
    title: r.title,
    countDate: r.count_date,
    status: r.status,
    committee: r.committee,
    decisionNumber: r.decision_number,
    version: r.version,
  };
}

function toSummary(r: SummaryRow): AssetInventory {
  return {
    id: r.id,
    year: r.year,
    title: r.title,
    countDate: r.count_date,
    status: r.status,
    committee: r.committee,
    lineCount: r.line_count,
    countedCount: r.counted_count,
    shortfallCount: r.shortfall_count,
    surplusCount: r.surplus_count,
    closedAt: r.closed_at ? r.closed_at.toISOString() : null,
    approvedAt: r.approved_at ? r.approved_at.toISOString() : null,
    decisionNumber: r.decision_number,
    version: r.version,
  };
}

function toLine(r: LineRow): InventoryLine {
  return {
    id: r.id,
    assetId: r.asset_id,
    code: r.code,
    name: r.name,
    location: r.location_id ? { id: r.location_id, building: r.building ?? '', room: r.room ?? '' } : null,
    bookQuantity: r.book_quantity,
    countedQuantity: r.counted_quantity,
    difference: r.counted_quantity === null ? null : r.counted_quantity - r.book_quantity,
    bookValue: Number(r.book_value),
    condition: r.condition,
    note: r.note,
    countedAt: r.counted_at ? r.counted_at.toISOString() : null,
  };
}

function toCountingLine(r: LineRow): CountingLine {
  return {
    id: r.id,
    assetId: r.asset_id,
    // A surplus line (it has a description) stays one after its approval linked it to the asset it became.
    kind: r.description === null ? r.kind : null,
    code: r.code,
    name: r.name,
    locationId: r.location_id,
    room: r.location_id ? `${r.building} — ${r.room}` : '',
    bookQuantity: r.book_quantity,
    countedQuantity: r.counted_quantity,
    bookValue: Number(r.book_value),
    unitCost: Number(r.unit_cost ?? 0),
    condition: r.condition,
    note: r.note,
    categoryCode: r.category_code,
    unit: r.unit,
  };
}
