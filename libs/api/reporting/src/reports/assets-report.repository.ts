import { Injectable } from '@nestjs/common';
import type { AssetClassTotals, AssetSourceTotals, AssetTotals } from '@emis/contracts';
import { sqlRows } from '@emis/api/platform';
import { ASSET_CLASSES, ASSET_KINDS, AssetClass, AssetKind, FUNDING_SOURCES, FundingSource } from '@emis/domain';
import { EntityManager } from 'typeorm';

/** The sums of asset_total rows; sums of bigint arrive as text and are whole đồng below 2^53. */
interface SumsRow {
  assets: number;
  quantity: string;
  cost: string;
  accumulated_wear: string;
  remaining_value: string;
}

const SUMS = `sum(f.assets)::int as assets, sum(f.quantity)::text as quantity, sum(f.cost)::text as cost,
              sum(f.accumulated_wear)::text as accumulated_wear, sum(f.remaining_value)::text as remaining_value`;

/** The asset facts of the report's schools ($1); RLS limits them to the transaction's scope besides. */
const OF_SCHOOLS = `from reporting.asset_total f where f.school_id = any ($1::uuid[])`;

/** Nothing on the books: the figures of a school without assets. */
export function noAssets(): AssetTotals {
  return { assets: 0, quantity: 0, cost: 0, accumulatedWear: 0, remainingValue: 0 };
}

/** Adds `b` into `a` (exact: every figure is a whole number below 2^53). */
export function addAssets(a: AssetTotals, b: AssetTotals): AssetTotals {
  a.assets += b.assets;
  a.quantity += b.quantity;
  a.cost += b.cost;
  a.accumulatedWear += b.accumulatedWear;
  a.remainingValue += b.remainingValue;
  return a;
}

function totalsOf(r: SumsRow): AssetTotals {
  return {
    assets: r.assets,
    quantity: Number(r.quantity),
    cost: Number(r.cost),
    accumulatedWear: Number(r.accumulated_wear),
    remainingValue: Number(r.remaining_value),
  };
}

/** The public assets' report queries: sums of reporting.asset_total per school, per class and kind, per source. */
@Injectable()
export class AssetsReportRepository {
  async bySchool(em: EntityManager, schoolIds: string[]): Promise<Map<string, AssetTotals>> {
    const rows = await sqlRows<SumsRow & { school_id: string }>(
      em,
      `select f.school_id, ${SUMS} ${OF_SCHOOLS} group by f.school_id`,
      [schoolIds],
    );
    return new Map(rows.map((r) => [r.school_id, totalsOf(r)]));
  }

  /** In the order of Art. 4 (the vocabulary's order of classes), fixed assets before tools within a class. */
  async byClass(em: EntityManager, schoolIds: string[]): Promise<AssetClassTotals[]> {
    const rows = await sqlRows<SumsRow & { asset_class: AssetClass; kind: AssetKind }>(
      em,
      `select f.asset_class, f.kind, ${SUMS} ${OF_SCHOOLS} group by f.asset_class, f.kind`,
      [schoolIds],
    );
    return rows
      .map((r) => ({ assetClass: r.asset_class, kind: r.kind, ...totalsOf(r) }))
      .sort(
        (a, b) =>
          ASSET_CLASSES.indexOf(a.assetClass) - ASSET_CLASSES.indexOf(b.assetClass) ||
          ASSET_KINDS.indexOf(a.kind) - ASSET_KINDS.indexOf(b.kind),
      );
  }

  async bySource(em: EntityManager, schoolIds: string[]): Promise<AssetSourceTotals[]> {
    const rows = await sqlRows<SumsRow & { funding_source: FundingSource; kind: AssetKind }>(
      em,
      `select f.funding_source, f.kind, ${SUMS} ${OF_SCHOOLS} group by f.funding_source, f.kind`,
      [schoolIds],
    );
    return rows
      .map((r) => ({ fundingSource: r.funding_source, kind: r.kind, ...totalsOf(r) }))
      .sort(
        (a, b) =>
          FUNDING_SOURCES.indexOf(a.fundingSource) - FUNDING_SOURCES.indexOf(b.fundingSource) ||
          ASSET_KINDS.indexOf(a.kind) - ASSET_KINDS.indexOf(b.kind),
      );
  }
}
