import { Injectable } from '@nestjs/common';
import type { AssetTransfer } from '@emis/contracts';
import { AssetCondition, AssetKind, AssetTransferStatus, FundingSource } from '@emis/domain';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/**
 * The asset as the sender released it, kept on both sides: what the transfer's views show (code, name, category,
 * cost, accumulated wear) and what the receiver registers it with.
 */
export interface TransferSnapshot {
  code: string;
  name: string;
  categoryCode: string;
  cost: number;
  accumulatedWear: number;
  kind: AssetKind;
  quantity: number;
  unit: string;
  unitCost: number;
  originalCost: number;
  fundingSource: FundingSource;
  inUseOn: string;
  condition: AssetCondition;
  /** The last year whose wear the sender has on its books (posted, or brought as opening wear). */
  lastWearYear: number | null;
  note: string | null;
}

/** One school's side of a transfer, as the service decides on it. */
export interface TransferSide {
  schoolId: string;
  id: string;
  assetId: string;
  direction: 'IN' | 'OUT';
  otherSchoolId: string;
  status: AssetTransferStatus;
  effectiveOn: string;
  decisionNumber: string;
  snapshot: TransferSnapshot;
  reason: string | null;
}

/** The register row a receiver creates for an asset that arrives: the sender's id, values and wear so far. */
export interface ArrivingAsset {
  id: string;
  code: string;
  snapshot: TransferSnapshot;
  locationId: string | null;
  decisionNumber: string;
  effectiveOn: string;
}

interface SideRow {
  school_id: string;
  id: string;
  asset_id: string;
  direction: 'IN' | 'OUT';
  other_school_id: string;
  status: AssetTransferStatus;
  effective_on: string;
  decision_number: string;
  snapshot: TransferSnapshot;
  reason: string | null;
}

interface ViewRow extends SideRow {
  other_school_name: string;
  created_at: Date;
  decided_at: Date | null;
}

const SIDE_COLUMNS = `t.school_id, t.id, t.asset_id, t.direction, t.other_school_id, t.status,
  t.effective_on::text as effective_on, t.decision_number, t.snapshot, t.reason`;
const VIEW = `select ${SIDE_COLUMNS}, coalesce(o.name, '') as other_school_name, t.created_at, t.decided_at
  from asset_transfer t left join tenancy_org_unit o on o.id = t.other_school_id`;

/** Both sides of asset transfers between schools; each statement touches one school's rows, under its scope. */
@Injectable()
export class AssetTransfersRepository {
  /** Writes one side of a new transfer, PENDING, in the school whose scope the transaction holds. */
  async insert(em: EntityManager, side: Omit<TransferSide, 'status' | 'reason'>, at: Date): Promise<void> {
    await sqlExec(
      em,
      `insert into asset_transfer (school_id, id, asset_id, direction, other_school_id, status, effective_on,
                                   decision_number, snapshot, created_at)
       values ($1, $2, $3, $4, $5, 'PENDING', $6, $7, $8::jsonb, $9)`,
      [
        side.schoolId,
        side.id,
        side.assetId,
        side.direction,
        side.otherSchoolId,
        side.effectiveOn,
        side.decisionNumber,
        JSON.stringify(side.snapshot),
        at,
      ],
    );
  }

  /** The school's side of a transfer, locked until the decision is written. */
  async lockSide(em: EntityManager, schoolId: string, id: string): Promise<TransferSide | undefined> {
    const r = await sqlRow<SideRow>(
      em,
      `select ${SIDE_COLUMNS} from asset_transfer t where t.school_id = $1 and t.id = $2 for update`,
      [schoolId, id],
    );
    return r && toSide(r);
  }

  /** Records the decision on one side; answers whether that side was still pending. */
  async decide(
    em: EntityManager,
    schoolId: string,
    id: string,
    status: AssetTransferStatus,
    reason: string | null,
    at: Date,
  ): Promise<boolean> {
    const affected = await sqlExec(
      em,
      `update asset_transfer set status = $3, reason = coalesce($4, reason), decided_at = $5
        where school_id = $1 and id = $2 and status = 'PENDING'`,
      [schoolId, id, status, reason, at],
    );
    return affected === 1;
  }

  async view(em: EntityManager, schoolId: string, id: string): Promise<AssetTransfer> {
    const r = await sqlRow<ViewRow>(em, `${VIEW} where t.school_id = $1 and t.id = $2`, [schoolId, id]);
    if (!r) throw new Error(`view: no asset transfer ${id} at school ${schoolId}`);
    return toTransfer(r);
  }

  async list(
    em: EntityManager,
    schoolId: string,
    filter: { direction?: 'IN' | 'OUT'; status?: AssetTransferStatus },
  ): Promise<AssetTransfer[]> {
    const params: unknown[] = [schoolId];
    const where = ['t.school_id = $1'];
    if (filter.direction) where.push(`t.direction = $${params.push(filter.direction)}`);
    if (filter.status) where.push(`t.status = $${params.push(filter.status)}`);
    const rows = await sqlRows<ViewRow>(
      em,
      `${VIEW} where ${where.join(' and ')} order by t.created_at desc, t.id`,
      params,
    );
    return rows.map(toTransfer);
  }

  /** The last year whose wear this school has on its books for the asset: posted here, or brought as opening wear. */
  async lastWearYear(em: EntityManager, schoolId: string, assetId: string): Promise<number | null> {
    const r = await sqlRow<{ year: number | null }>(
      em,
      `select greatest(a.opening_wear_year, (select max(w.year) from asset_wear w
                                              where w.school_id = a.school_id and w.asset_id = a.id)) as year
         from asset a where a.school_id = $1 and a.id = $2`,
      [schoolId, assetId],
    );
    return r?.year ?? null;
  }

  /** Whether the school has ever had a record under this id (an asset coming back to a school it left). */
  async assetKnown(em: EntityManager, schoolId: string, assetId: string): Promise<boolean> {
    return Boolean(
      await sqlRow(em, `select 1 as known from asset where school_id = $1 and id = $2`, [schoolId, assetId]),
    );
  }

  /**
   * Registers an arriving asset at the receiver under the sender's id (the key is school × id): the same cost,
   * category, funding source and date put into use; the wear the sender accumulated becomes the opening wear, through
   * the last year the sender posted, so the receiver's December run posts the transfer's year (Art. 12.1.c, 14.2.b).
   * Its cost on arrival is also its original cost here: the sender's cost changes stay in the sender's history, and
   * the receiver's later years are worn on the cost it received (the TRANSFER_IN row keeps the sender's figures).
   */
  async insertArriving(em: EntityManager, schoolId: string, a: ArrivingAsset, at: Date): Promise<void> {
    const s = a.snapshot;
    await sqlExec(
      em,
      `insert into asset (school_id, id, code, name, category_code, kind, quantity, unit, unit_cost, original_cost, cost,
         funding_source, in_use_on, document_number, document_date, location_id, condition, status, opening_wear,
         opening_wear_year, note, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 'IN_USE', $18, $19, $20,
               $21, $21)`,
      [
        schoolId,
        a.id,
        a.code,
        s.name,
        s.categoryCode,
        s.kind,
        s.quantity,
        s.unit,
        s.unitCost,
        s.cost,
        s.cost,
        s.fundingSource,
        s.inUseOn,
        a.decisionNumber,
        a.effectiveOn,
        a.locationId,
        s.condition,
        s.accumulatedWear,
        s.lastWearYear,
        s.note,
        at,
      ],
    );
  }

  /** The sender's record once the receiver accepted: TRANSFERRED, off the books from the transfer's date. */
  async markTransferred(em: EntityManager, schoolId: string, assetId: string, effectiveOn: string): Promise<void> {
    await sqlExec(
      em,
      `update asset set status = 'TRANSFERRED', disposed_on = $3, version = version + 1, updated_at = now()
        where school_id = $1 and id = $2`,
      [schoolId, assetId, effectiveOn],
    );
  }
}

function toSide(r: SideRow): TransferSide {
  return {
    schoolId: r.school_id,
    id: r.id,
    assetId: r.asset_id,
    direction: r.direction,
    otherSchoolId: r.other_school_id,
    status: r.status,
    effectiveOn: r.effective_on,
    decisionNumber: r.decision_number,
    snapshot: r.snapshot,
    reason: r.reason,
  };
}

function toTransfer(r: ViewRow): AssetTransfer {
  const { code, name, categoryCode, cost, accumulatedWear } = r.snapshot;
  return {
    id: r.id,
    assetId: r.asset_id,
    direction: r.direction,
    otherSchool: { id: r.other_school_id, name: r.other_school_name },
    status: r.status,
    effectiveOn: r.effective_on,
    decisionNumber: r.decision_number,
    asset: { code, name, categoryCode, cost, accumulatedWear },
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
  };
}
