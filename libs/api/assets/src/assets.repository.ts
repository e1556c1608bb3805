import { Injectable } from '@nestjs/common';
import type { AssetLoan, AssetSummary, AssetTransfer, AssetWearRow } from '@emis/contracts';
import {
  AssetClass,
  AssetCondition,
  AssetKind,
  AssetStatus,
  AssetTransferStatus,
  FundingSource,
  WearCategory,
} from '@emis/domain';
import {
  allWordsSql,
  cappedCountSql,
  ListTotal,
  listTotal,
  SqlPaging,
  sqlExec,
  sqlRow,
  sqlRows,
} from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** A register row as the API reads it: its category's rate and its room resolved, money as numbers of đồng. */
export interface AssetRecord extends AssetSummary {
  unitCost: number;
  originalCost: number;
  documentNumber: string | null;
  documentDate: string | null;
  note: string | null;
  openingWear: number;
  openingWearYear: number | null;
  postedWear: number;
  disposedOn: string | null;
  category: WearCategory;
  version: number;
}

/** Every stored field a registration writes. `cost` starts as `originalCost` (unit cost × quantity). */
export interface AssetFields {
  code: string;
  name: string;
  categoryCode: string;
  kind: AssetKind;
  quantity: number;
  unit: string;
  unitCost: number;
  originalCost: number;
  fundingSource: FundingSource;
  inUseOn: string;
  documentNumber: string | null;
  documentDate: string | null;
  locationId: string | null;
  responsible: string | null;
  condition: AssetCondition;
  status: AssetStatus;
  openingWear: number;
  openingWearYear: number | null;
  note: string | null;
}

/** The fields an edit may change: not the kind, quantity or money, which have workflows of their own. */
export type AssetEditableFields = Omit<AssetFields, 'kind' | 'quantity' | 'unitCost' | 'originalCost' | 'openingWear'>;

export interface AssetFilter {
  /** LIKE patterns (`likePatterns`), one per word, each found in the name or the code, accents ignored. */
  q?: string[];
  assetClass?: AssetClass;
  kind?: AssetKind;
  status?: AssetStatus;
  locationId?: string;
  fundingSource?: FundingSource;
}

/** Sortable fields of the list and their SQL; name in Vietnamese collation. */
export const ASSET_SORT_COLUMNS: Record<string, string> = {
  code: 'a.code',
  name: 'a.name collate "vi-x-icu"',
  cost: 'a.cost',
  inUseOn: 'a.in_use_on',
};

const FROM = `asset a
  join asset_category c on c.code = a.category_code
  left join asset_location l on l.school_id = a.school_id and l.id = a.location_id`;

const COLUMNS = `a.id, a.code, a.name, a.category_code, c.asset_class, a.kind, a.quantity, a.unit, a.unit_cost,
  a.original_cost, a.cost, a.opening_wear, a.opening_wear_year, a.posted_wear, a.funding_source,
  a.in_use_on::text as in_use_on, a.document_number, a.document_date::text as document_date, a.location_id,
  l.building, l.room, a.responsible, a.condition, a.status, a.disposed_on::text as disposed_on, a.note, a.version,
  c.worn, c.default_life_years, c.default_rate_bp, c.life_years, c.rate_bp`;

/** A row of COLUMNS: bigint columns come back from pg as text, dates are read as text. */
interface AssetRow {
  id: string;
  code: string;
  name: string;
  category_code: string;
  asset_class: AssetClass;
  kind: AssetKind;
  quantity: number;
  unit: string;
  unit_cost: string;
  original_cost: string;
  cost: string;
  opening_wear: string;
  opening_wear_year: number | null;
  posted_wear: string;
  funding_source: FundingSource;
  in_use_on: string;
  document_number: string | null;
  document_date: string | null;
  location_id: string | null;
  building: string | null;
  room: string | null;
  responsible: string | null;
  condition: AssetCondition;
  status: AssetStatus;
  disposed_on: string | null;
  note: string | null;
  version: number;
  worn: boolean;
  default_life_years: number | null;
  default_rate_bp: number | null;
  life_years: number | null;
  rate_bp: number | null;
}

interface WearRowRow {
  year: number;
  cost_basis: string;
  amount: string;
  accumulated_after: string;
  posted_at: Date;
}

interface LoanRow {
  id: string;
  borrower: string;
  lent_on: string;
  due_on: string | null;
  returned_on: string | null;
  note: string | null;
}

interface TransferRow {
  id: string;
  asset_id: string;
  direction: 'IN' | 'OUT';
  other_school_id: string;
  other_school_name: string;
  status: AssetTransferStatus;
  effective_on: string;
  decision_number: string;
  snapshot: AssetTransfer['asset'];
  reason: string | null;
  created_at: Date;
  decided_at: Date | null;
}

/**
 * The register (table `asset`) of one school. Every method takes the school id and filters on it, inside the
 * caller's TenantDb transaction, so row-level security and the explicit filter agree (docs/adr/0001-tenancy.md).
 */
@Injectable()
export class AssetsRepository {
  async list(
    em: EntityManager,
    schoolId: string,
    f: AssetFilter,
    paging: SqlPaging | null,
    orderBy = paging?.orderBy ?? 'a.code',
  ): Promise<{ items: AssetRecord[]; total: ListTotal }> {
    const { clause, params } = whereOf(schoolId, f);
    // Counted up to COUNT_CAP (docs/conventions.md, "Counts").
    const counted = await sqlRow<{ n: number }>(em, cappedCountSql(`from ${FROM} where ${clause}`), params);
    const page = paging ? `limit $${params.length + 1} offset $${params.length + 2}` : '';
    const rows = await sqlRows<AssetRow>(
      em,
      `select ${COLUMNS} from ${FROM} where ${clause} order by ${orderBy}, a.id ${page}`,
      paging ? [...params, paging.limit, paging.offset] : params,
    );
    return { total: listTotal(counted?.n), items: rows.map(toRecord) };
  }

  /** One asset of the school; `forUpdate` locks its row for the rest of the transaction. */
  async find(em: EntityManager, schoolId: string, id: string, forUpdate = false): Promise<AssetRecord | undefined> {
    const row = await sqlRow<AssetRow>(
      em,
      `select ${COLUMNS} from ${FROM} where a.school_id = $1 and a.id = $2 ${forUpdate ? 'for update of a' : ''}`,
      [schoolId, id],
    );
    return row ? toRecord(row) : undefined;
  }

  /** The asset of the school holding `code`, if any. */
  async codeHolder(em: EntityManager, schoolId: string, code: string): Promise<string | undefined> {
    const row = await sqlRow<{ id: string }>(em, `select id from asset where school_id = $1 and code = $2`, [
      schoolId,
      code,
    ]);
    return row?.id;
  }

  /**
   * The next free code `<prefix>-NNNN` of the school (one above the highest such code). A transaction-scoped advisory
   * lock per school makes two registrations at once take turns, so both do not propose the same number.
   */
  async nextCode(em: EntityManager, schoolId: string, prefix: string): Promise<string> {
    await sqlExec(em, `select pg_advisory_xact_lock(hashtext('asset_code:' || $1))`, [schoolId]);
    const row = await sqlRow<{ n: number }>(
      em,
      `select coalesce(max(substring(code from $2)::int), 0) + 1 as n from asset
        where school_id = $1 and code ~ $3`,
      [schoolId, `^${prefix}-(\\d{1,9})$`, `^${prefix}-\\d{1,9}$`],
    );
    return `${prefix}-${String(row?.n ?? 1).padStart(4, '0')}`;
  }

  async insert(em: EntityManager, schoolId: string, f: AssetFields, at: Date): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into asset (school_id, code, name, category_code, kind, quantity, unit, unit_cost, original_cost, cost,
         funding_source, in_use_on, document_number, document_date, location_id, responsible, condition, status,
         opening_wear, opening_wear_year, note, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $21)
       returning id`,
      [
        schoolId,
        f.code,
        f.name,
        f.categoryCode,
        f.kind,
        f.quantity,
        f.unit,
        f.unitCost,
        f.originalCost,
        f.fundingSource,
        f.inUseOn,
        f.documentNumber,
        f.documentDate,
        f.locationId,
        f.responsible,
        f.condition,
        f.status,
        f.openingWear,
        f.openingWearYear,
        f.note,
        at,
      ],
    );
    if (!row) throw new Error(`insert: no id returned for asset ${f.code}`);
    return row.id;
  }

  /** Saves an edit and moves the version on. */
  async update(em: EntityManager, schoolId: string, id: string, f: AssetEditableFields, at: Date): Promise<void> {
    await sqlExec(
      em,
      `update asset set code = $3, name = $4, category_code = $5, unit = $6, funding_source = $7, in_use_on = $8,
         document_number = $9, document_date = $10, location_id = $11, responsible = $12, condition = $13,
         status = $14, opening_wear_year = $15, note = $16, updated_at = $17, version = version + 1
       where school_id = $1 and id = $2`,
      [
        schoolId,
        id,
        f.code,
        f.name,
        f.categoryCode,
        f.unit,
        f.fundingSource,
        f.inUseOn,
        f.documentNumber,
        f.documentDate,
        f.locationId,
        f.responsible,
        f.condition,
        f.status,
        f.openingWearYear,
        f.note,
        at,
      ],
    );
  }

  /** The current original cost after a cost change (the history row keeps what it was and why). */
  async setCost(em: EntityManager, schoolId: string, id: string, cost: number, at: Date): Promise<void> {
    await sqlExec(
      em,
      `update asset set cost = $3, updated_at = $4, version = version + 1 where school_id = $1 and id = $2`,
      [schoolId, id, cost, at],
    );
  }

  /** A category's class and wear configuration, or undefined for an unknown code. */
  async category(em: EntityManager, code: string): Promise<(WearCategory & { assetClass: AssetClass }) | undefined> {
    const row = await sqlRow<
      Pick<AssetRow, 'asset_class' | 'worn' | 'default_life_years' | 'default_rate_bp' | 'life_years' | 'rate_bp'>
    >(
      em,
      `select asset_class, worn, default_life_years, default_rate_bp, life_years, rate_bp from asset_category c
        where code = $1`,
      [code],
    );
    return row ? { assetClass: row.asset_class, ...categoryRateOf(row) } : undefined;
  }

  /** The province's threshold of a fixed asset in đồng (Art. 3.2; configurable under Art. 3.3). */
  async fixedAssetThreshold(em: EntityManager): Promise<number> {
    const row = await sqlRow<{ fixed_asset_threshold: string }>(em, `select fixed_asset_threshold from asset_policy`);
    if (!row) throw new Error('asset_policy has no row: the assets migration seeds it');
    return Number(row.fixed_asset_threshold);
  }

  /** Whether the school has this room. */
  async locationExists(em: EntityManager, schoolId: string, locationId: string): Promise<boolean> {
    const row = await sqlRow<{ ok: boolean }>(
      em,
      `select exists (select 1 from asset_location where school_id = $1 and id = $2) as ok`,
      [schoolId, locationId],
    );
    return row?.ok ?? false;
  }

  /** The wear posted for the asset, year by year. */
  async wearRows(em: EntityManager, schoolId: string, assetId: string): Promise<AssetWearRow[]> {
    const rows = await sqlRows<WearRowRow>(
      em,
      `select year, cost_basis, amount, accumulated_after, posted_at from asset_wear
        where school_id = $1 and asset_id = $2 order by year`,
      [schoolId, assetId],
    );
    return rows.map((r) => ({
      year: r.year,
      costBasis: Number(r.cost_basis),
      amount: Number(r.amount),
      accumulatedAfter: Number(r.accumulated_after),
      postedAt: r.posted_at.toISOString(),
    }));
  }

  /** The loan not yet returned, if the asset is out. */
  async openLoan(em: EntityManager, schoolId: string, assetId: string): Promise<AssetLoan | null> {
    const row = await sqlRow<LoanRow>(
      em,
      `select id, borrower, lent_on::text as lent_on, due_on::text as due_on, returned_on::text as returned_on, note
         from asset_loan where school_id = $1 and asset_id = $2 and returned_on is null
        order by lent_on desc, created_at desc limit 1`,
      [schoolId, assetId],
    );
    return row
      ? {
          id: row.id,
          borrower: row.borrower,
          lentOn: row.lent_on,
          dueOn: row.due_on,
          returnedOn: row.returned_on,
          note: row.note,
        }
      : null;
  }

  /** This school's side of a transfer of the asset still waiting for the other school. */
  async pendingTransfer(em: EntityManager, schoolId: string, assetId: string): Promise<AssetTransfer | null> {
    const row = await sqlRow<TransferRow>(
      em,
      `select t.id, t.asset_id, t.direction, t.other_school_id, coalesce(o.name, '') as other_school_name, t.status,
              t.effective_on::text as effective_on, t.decision_number, t.snapshot, t.reason, t.created_at,
              t.decided_at
         from asset_transfer t left join tenancy_org_unit o on o.id = t.other_school_id
        where t.school_id = $1 and t.asset_id = $2 and t.status = 'PENDING'
        order by t.created_at desc limit 1`,
      [schoolId, assetId],
    );
    return row
      ? {
          id: row.id,
          assetId: row.asset_id,
          direction: row.direction,
          otherSchool: { id: row.other_school_id, name: row.other_school_name },
          status: row.status,
          effectiveOn: row.effective_on,
          decisionNumber: row.decision_number,
          asset: row.snapshot,
          reason: row.reason,
          createdAt: row.created_at.toISOString(),
          decidedAt: row.decided_at?.toISOString() ?? null,
        }
      : null;
  }
}

function whereOf(schoolId: string, f: AssetFilter): { clause: string; params: unknown[] } {
  const where = ['a.school_id = $1'];
  const params: unknown[] = [schoolId];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    where.push(`${column} = $${params.length}`);
  };
  equal('c.asset_class', f.assetClass);
  equal('a.kind', f.kind);
  equal('a.status', f.status);
  equal('a.location_id', f.locationId);
  equal('a.funding_source', f.fundingSource);
  if (f.q) {
    params.push(f.q);
    // Every word of the box, in any order, in the name or the code (docs/conventions.md, "Search").
    where.push(allWordsSql(`$${params.length}::text[]`, 'a.name', 'a.code'));
  }
  return { clause: where.join(' and '), params };
}

function categoryRateOf(
  r: Pick<AssetRow, 'worn' | 'default_life_years' | 'default_rate_bp' | 'life_years' | 'rate_bp'>,
): WearCategory {
  return {
    worn: r.worn,
    defaultLifeYears: r.default_life_years,
    defaultRateBasisPoints: r.default_rate_bp,
    lifeYears: r.life_years,
    rateBasisPoints: r.rate_bp,
  };
}

function toRecord(r: AssetRow): AssetRecord {
  const cost = Number(r.cost);
  const accumulatedWear = Number(r.opening_wear) + Number(r.posted_wear);
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    assetClass: r.asset_class,
    categoryCode: r.category_code,
    kind: r.kind,
    quantity: r.quantity,
    unit: r.unit,
    cost,
    accumulatedWear,
    // Art. 16: remaining value = original cost − accumulated wear.
    remainingValue: cost - accumulatedWear,
    fundingSource: r.funding_source,
    inUseOn: r.in_use_on,
    location: r.location_id ? { id: r.location_id, building: r.building ?? '', room: r.room ?? '' } : null,
    responsible: r.responsible,
    condition: r.condition,
    status: r.status,
    unitCost: Number(r.unit_cost),
    originalCost: Number(r.original_cost),
    documentNumber: r.document_number,
    documentDate: r.document_date,
    note: r.note,
    openingWear: Number(r.opening_wear),
    openingWearYear: r.opening_wear_year,
    postedWear: Number(r.posted_wear),
    disposedOn: r.disposed_on,
    category: categoryRateOf(r),
    version: Number(r.version),
  };
}
