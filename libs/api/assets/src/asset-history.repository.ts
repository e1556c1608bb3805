import { Injectable } from '@nestjs/common';
import type { AssetHistoryEntry } from '@emis/contracts';
import { AssetEventKind } from '@emis/domain';
import { sqlExec, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

interface EventRow {
  id: string;
  kind: AssetEventKind;
  effective_on: string;
  details: Record<string, unknown>;
  recorded_at: Date;
  recorded_by: string | null;
}

/**
 * An asset's life (table `asset_event`): every change to an asset adds one row here, in the transaction of the change,
 * whichever part of the context makes it (registration, cost change, move, loan, transfer, wear, disposal).
 */
@Injectable()
export class AssetHistory {
  /**
   * Adds a history row. `costAfter` is the asset's cost from `effectiveOn` on, for COST_CHANGED: the wear of the
   * later years is computed on it. The recorder is the user the transaction's scope was set for (TenantDb).
   */
  async record(
    em: EntityManager,
    schoolId: string,
    assetId: string,
    kind: AssetEventKind,
    effectiveOn: string,
    details: Record<string, unknown>,
    costAfter: number | null = null,
  ): Promise<void> {
    await sqlExec(
      em,
      // clock_timestamp(), not the transaction's now(): the lines of one change keep the order they were written in.
      `insert into asset_event (school_id, asset_id, kind, effective_on, details, cost_after, recorded_at, recorded_by)
       values ($1, $2, $3, $4, $5::jsonb, $6, clock_timestamp(), nullif(current_setting('app.user_id', true), '')::uuid)`,
      [schoolId, assetId, kind, effectiveOn, JSON.stringify(details), costAfter],
    );
  }

  /**
   * Adds one row per entry in a single statement, in the entries' order (a wear run records a line for each of up to
   * a few hundred assets per batch: one round trip instead of one per asset, docs/benchmarks.md).
   */
  async recordMany(
    em: EntityManager,
    schoolId: string,
    kind: AssetEventKind,
    entries: readonly { assetId: string; effectiveOn: string; details: Record<string, unknown> }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    await sqlExec(
      em,
      `insert into asset_event (school_id, asset_id, kind, effective_on, details, recorded_at, recorded_by)
       select $1, e.asset_id, $2, e.effective_on, e.details, clock_timestamp(),
              nullif(current_setting('app.user_id', true), '')::uuid
         from rows from (jsonb_to_recordset($3::jsonb) as (asset_id uuid, effective_on date, details jsonb))
              with ordinality as e (asset_id, effective_on, details, n)
        order by e.n
       returning 1`,
      [
        schoolId,
        kind,
        JSON.stringify(entries.map((e) => ({ asset_id: e.assetId, effective_on: e.effectiveOn, details: e.details }))),
      ],
    );
  }

  /** The asset's history, oldest first. */
  async list(em: EntityManager, schoolId: string, assetId: string): Promise<AssetHistoryEntry[]> {
    const rows = await sqlRows<EventRow>(
      em,
      `select id, kind, effective_on::text as effective_on, details, recorded_at, recorded_by from asset_event
        where school_id = $1 and asset_id = $2 order by effective_on, recorded_at, id`,
      [schoolId, assetId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      effectiveOn: r.effective_on,
      details: r.details,
      recordedAt: r.recorded_at.toISOString(),
      recordedBy: r.recorded_by,
    }));
  }

  /** The asset's cost changes in date order: the cost each one set and from when (the wear rules read them). */
  async costChanges(
    em: EntityManager,
    schoolId: string,
    assetId: string,
  ): Promise<{ effectiveOn: string; costAfter: number }[]> {
    const rows = await sqlRows<{ effective_on: string; cost_after: string }>(
      em,
      `select effective_on::text as effective_on, cost_after from asset_event
        where school_id = $1 and asset_id = $2 and kind = 'COST_CHANGED' and cost_after is not null
        order by effective_on, recorded_at, id`,
      [schoolId, assetId],
    );
    return rows.map((r) => ({ effectiveOn: r.effective_on, costAfter: Number(r.cost_after) }));
  }
}
