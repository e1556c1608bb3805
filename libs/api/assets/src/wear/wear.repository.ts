import { Injectable } from '@nestjs/common';
import type { WearRun } from '@emis/contracts';
import type { AssetClass, AssetCondition, AssetKind, AssetStatus } from '@emis/domain';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** A fixed asset as the wear rules read it: the register row, its category's rates, cost changes and posted wear. */
export interface WearAssetRow {
  id: string;
  code: string;
  name: string;
  assetClass: AssetClass;
  kind: AssetKind;
  cost: number;
  originalCost: number;
  inUseOn: string;
  openingWear: number;
  openingWearYear: number | null;
  condition: AssetCondition;
  status: AssetStatus;
  disposedOn: string | null;
  worn: boolean;
  defaultLifeYears: number | null;
  defaultRateBasisPoints: number | null;
  lifeYears: number | null;
  rateBasisPoints: number | null;
  costChanges: { effectiveOn: string; costAfter: number }[];
  posted: { year: number; amount: number; costBasis: number; accumulatedAfter: number; postedAt: string }[];
}

export interface NewWearRow {
  assetId: string;
  year: number;
  costBasis: number;
  amount: number;
  accumulatedAfter: number;
}

export interface RunRow extends WearRun {
  schoolId: string;
  parentId: string | null;
}

const RUN_COLUMNS = `
  id, school_id as "schoolId", parent_id as "parentId", year, scope, status, total, done,
  posted_rows as "postedRows", posted_amount::text as "postedAmount", message,
  created_at as "createdAt", finished_at as "finishedAt"`;

/** pg answers bigint as text: the run's amount back to a number (whole đồng, far below 2^53). */
function toRun(
  row: Omit<RunRow, 'postedAmount'> & {
    postedAmount: string;
    createdAt: Date | string;
    finishedAt: Date | string | null;
  },
): RunRow {
  return {
    ...row,
    postedAmount: Number(row.postedAmount),
    createdAt: new Date(row.createdAt).toISOString(),
    finishedAt: row.finishedAt === null ? null : new Date(row.finishedAt).toISOString(),
  };
}

type RawRun = Parameters<typeof toRun>[0];

/** The wear tables (asset_wear, asset_wear_run) and the register as wear reads and raises it. */
@Injectable()
export class WearRepository {
  /** The school's fixed assets put into use by the end of `year`, in code order: what a run of the year walks. */
  async fixedAssetIds(em: EntityManager, schoolId: string, year: number): Promise<string[]> {
    const rows = await sqlRows<{ id: string }>(
      em,
      `select id from asset
        where school_id = $1 and kind = 'FIXED' and in_use_on <= make_date($2, 12, 31)
        order by code`,
      [schoolId, year],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The fixed assets for the wear rules; `ids` null reads every one of the school put into use by `year`. A run
   * locks its batch (`forUpdate`) so two runs of one school never post from the same stale accumulated wear.
   */
  async wearAssets(
    em: EntityManager,
    schoolId: string,
    year: number,
    ids: string[] | null,
    forUpdate = false,
  ): Promise<WearAssetRow[]> {
    const rows = await sqlRows<Record<string, unknown>>(
      em,
      `select a.id, a.code, a.name, c.asset_class as "assetClass", a.kind, a.cost::text, a.original_cost::text as "originalCost",
              a.in_use_on::text as "inUseOn", a.opening_wear::text as "openingWear", a.opening_wear_year as "openingWearYear",
              a.condition, a.status, a.disposed_on::text as "disposedOn", c.worn,
              c.default_life_years as "defaultLifeYears", c.default_rate_bp as "defaultRateBasisPoints",
              c.life_years as "lifeYears", c.rate_bp as "rateBasisPoints",
              coalesce((select json_agg(json_build_object('effectiveOn', e.effective_on::text, 'costAfter', e.cost_after)
                                        order by e.effective_on, e.recorded_at)
                          from asset_event e
                         where e.school_id = a.school_id and e.asset_id = a.id and e.kind = 'COST_CHANGED'
                           and e.cost_after is not null), '[]') as "costChanges",
              coalesce((select json_agg(json_build_object('year', w.year, 'amount', w.amount, 'costBasis', w.cost_basis,
                                        'accumulatedAfter', w.accumulated_after, 'postedAt', w.posted_at) order by w.year)
                          from asset_wear w where w.school_id = a.school_id and w.asset_id = a.id), '[]') as posted
         from asset a join asset_category c on c.code = a.category_code
        where a.school_id = $1 and a.kind = 'FIXED' and a.in_use_on <= make_date($2, 12, 31)
          and ($3::uuid[] is null or a.id = any($3::uuid[]))
        order by a.code
        ${forUpdate ? 'for update of a' : ''}`,
      [schoolId, year, ids],
    );
    return rows.map((row) => ({
      ...(row as unknown as WearAssetRow),
      cost: Number(row['cost']),
      originalCost: Number(row['originalCost']),
      openingWear: Number(row['openingWear']),
    }));
  }

  /**
   * Writes the year's rows; a row already there (another run, a redelivered job) is kept and not counted: the key
   * school × asset × year makes every run idempotent. Answers the rows written.
   */
  async insertWear(em: EntityManager, schoolId: string, runId: string, rows: NewWearRow[]): Promise<NewWearRow[]> {
    if (rows.length === 0) return [];
    const written = await sqlRows<{
      assetId: string;
      year: number;
      costBasis: string;
      amount: string;
      accumulatedAfter: string;
    }>(
      em,
      `insert into asset_wear (school_id, asset_id, year, cost_basis, amount, accumulated_after, run_id)
       select $1, r.asset_id, r.year, r.cost_basis, r.amount, r.accumulated_after, $2
         from unnest($3::uuid[], $4::int[], $5::bigint[], $6::bigint[], $7::bigint[])
              as r(asset_id, year, cost_basis, amount, accumulated_after)
       on conflict (school_id, asset_id, year) do nothing
       returning asset_id as "assetId", year, cost_basis::text as "costBasis", amount::text, accumulated_after::text as "accumulatedAfter"`,
      [
        schoolId,
        runId,
        rows.map((r) => r.assetId),
        rows.map((r) => r.year),
        rows.map((r) => r.costBasis),
        rows.map((r) => r.amount),
        rows.map((r) => r.accumulatedAfter),
      ],
    );
    return written.map((r) => ({
      assetId: r.assetId,
      year: r.year,
      costBasis: Number(r.costBasis),
      amount: Number(r.amount),
      accumulatedAfter: Number(r.accumulatedAfter),
    }));
  }

  /** Raises the register's posted wear (the sum of asset_wear, kept on the row so lists need no sum). */
  async addPostedWear(em: EntityManager, schoolId: string, amounts: Map<string, number>): Promise<void> {
    if (amounts.size === 0) return;
    await sqlExec(
      em,
      `update asset a set posted_wear = a.posted_wear + p.amount, updated_at = now()
         from unnest($2::uuid[], $3::bigint[]) as p(id, amount)
        where a.school_id = $1 and a.id = p.id`,
      [schoolId, [...amounts.keys()], [...amounts.values()]],
    );
  }

  /** Whether a school run of the year has finished: its table then shows what is posted, not a preview. */
  async yearRunDone(em: EntityManager, schoolId: string, year: number): Promise<boolean> {
    const row = await sqlRow<{ done: boolean }>(
      em,
      `select exists (select 1 from asset_wear_run
                       where school_id = $1 and year = $2 and scope = 'SCHOOL' and status = 'DONE') as done`,
      [schoolId, year],
    );
    return row?.done ?? false;
  }

  // — runs —

  async createRun(
    em: EntityManager,
    run: {
      schoolId: string;
      year: number;
      scope: 'SCHOOL' | 'PROVINCE';
      parentId: string | null;
      total: number | null;
      requestedBy: string | null;
    },
  ): Promise<RunRow> {
    const row = await sqlRow<RawRun>(
      em,
      `insert into asset_wear_run (school_id, parent_id, year, scope, total, requested_by)
       values ($1, $2, $3, $4, $5, $6) returning ${RUN_COLUMNS}`,
      [run.schoolId, run.parentId, run.year, run.scope, run.total, run.requestedBy],
    );
    return toRun(row as RawRun);
  }

  async findRun(
    em: EntityManager,
    runId: string,
    scope?: 'SCHOOL' | 'PROVINCE',
    schoolId?: string,
  ): Promise<RunRow | undefined> {
    const row = await sqlRow<RawRun>(
      em,
      `select ${RUN_COLUMNS} from asset_wear_run
        where id = $1 and ($2::text is null or scope = $2) and ($3::uuid is null or school_id = $3)`,
      [runId, scope ?? null, schoolId ?? null],
    );
    return row && toRun(row);
  }

  /** A school run of the year still queued or running: asking again answers it instead of starting a second. */
  async activeRun(
    em: EntityManager,
    schoolId: string,
    year: number,
    scope: 'SCHOOL' | 'PROVINCE',
  ): Promise<RunRow | undefined> {
    const row = await sqlRow<RawRun>(
      em,
      `select ${RUN_COLUMNS} from asset_wear_run
        where school_id = $1 and year = $2 and scope = $3 and status in ('QUEUED', 'RUNNING')
        order by created_at desc limit 1`,
      [schoolId, year, scope],
    );
    return row && toRun(row);
  }

  async startRun(em: EntityManager, schoolId: string, runId: string, total: number): Promise<void> {
    await sqlExec(em, `update asset_wear_run set status = 'RUNNING', total = $3 where school_id = $1 and id = $2`, [
      schoolId,
      runId,
      total,
    ]);
  }

  async advanceRun(
    em: EntityManager,
    schoolId: string,
    runId: string,
    step: { done: number; rows: number; amount: number },
  ): Promise<void> {
    await sqlExec(
      em,
      `update asset_wear_run set done = done + $3, posted_rows = posted_rows + $4, posted_amount = posted_amount + $5
        where school_id = $1 and id = $2`,
      [schoolId, runId, step.done, step.rows, step.amount],
    );
  }

  async finishRun(
    em: EntityManager,
    schoolId: string,
    runId: string,
    status: 'DONE' | 'FAILED',
    message: string | null,
  ): Promise<void> {
    await sqlExec(
      em,
      `update asset_wear_run set status = $3, message = $4, finished_at = now() where school_id = $1 and id = $2`,
      [schoolId, runId, status, message],
    );
  }

  /**
   * The province run's progress from its school runs: schools finished, rows and amount posted; DONE (or FAILED when
   * a school failed) once every school has finished. The parent row is locked first, so two schools finishing
   * together both count each other.
   */
  async refreshProvinceRun(em: EntityManager, provinceUnitId: string, runId: string): Promise<void> {
    await sqlExec(em, `select 1 from asset_wear_run where school_id = $1 and id = $2 for update`, [
      provinceUnitId,
      runId,
    ]);
    // Read over every school's shard, then written by key: each statement stays a plain one under Citus.
    const schools = await sqlRow<{ finished: number; failed: number; rows: number; amount: string }>(
      em,
      `select count(*) filter (where status in ('DONE', 'FAILED'))::int as finished,
              count(*) filter (where status = 'FAILED')::int as failed,
              coalesce(sum(posted_rows), 0)::int as rows, coalesce(sum(posted_amount), 0)::text as amount
         from asset_wear_run where parent_id = $1`,
      [runId],
    );
    await sqlExec(
      em,
      `update asset_wear_run
          set done = $3, posted_rows = $4, posted_amount = $5,
              status = case when $3 < total then 'RUNNING' when $6 > 0 then 'FAILED' else 'DONE' end,
              finished_at = case when $3 < total then null else now() end
        where school_id = $1 and id = $2`,
      [provinceUnitId, runId, schools?.finished ?? 0, schools?.rows ?? 0, schools?.amount ?? '0', schools?.failed ?? 0],
    );
  }
}
