import { Injectable, Logger } from '@nestjs/common';
import { wearDue } from '@emis/domain';
import { TenantDb } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { EntityManager } from 'typeorm';
import { AssetHistory } from '../asset-history.repository';
import { AssetsEvents } from '../assets-events';
import { toWearAsset } from './wear-table';
import { NewWearRow, RunRow, WearRepository } from './wear.repository';

/** Assets posted per transaction: each batch commits its rows, history, register totals and progress together. */
const BATCH = 200;

/** What a queued wear job carries: the school's run, and for a school of the province's run, the province's. */
export interface WearJob {
  schoolId: string;
  runId: string;
  province?: { unitId: string; runId: string };
}

/** The worker's side of a wear run (docs/domain/assets.md "The wear run"). */
@Injectable()
export class WearRunner {
  private readonly logger = new Logger(WearRunner.name);

  constructor(
    private readonly db: TenantDb,
    private readonly repo: WearRepository,
    private readonly history: AssetHistory,
    private readonly events: AssetsEvents,
    private readonly tree: OrgTreeService,
  ) {}

  /**
   * Walks the school's fixed assets in batches under the school's own scope, posting what
   * `wearDue` says is due for the run's year. A redelivered job finds its rows already written and posts nothing.
   */
  async run(job: WearJob): Promise<void> {
    const scope = await this.tree.scopeFor(job.schoolId);
    const run = await this.db.runWithScope(scope, (em) => this.repo.findRun(em, job.runId, 'SCHOOL', job.schoolId));
    if (!run || run.status === 'DONE' || run.status === 'FAILED') return;
    try {
      const ids = await this.db.runWithScope(scope, async (em) => {
        const found = await this.repo.fixedAssetIds(em, job.schoolId, run.year);
        await this.repo.startRun(em, job.schoolId, run.id, found.length);
        return found;
      });
      for (let i = 0; i < ids.length; i += BATCH) {
        await this.db.runWithScope(scope, (em) => this.postBatch(em, run, ids.slice(i, i + BATCH)));
      }
      await this.db.runWithScope(scope, (em) => this.repo.finishRun(em, job.schoolId, run.id, 'DONE', null));
    } catch (error) {
      this.logger.error({ err: error, runId: run.id }, 'wear run failed');
      const message = error instanceof Error ? error.message : String(error);
      await this.db.runWithScope(scope, (em) =>
        this.repo.finishRun(em, job.schoolId, run.id, 'FAILED', message.slice(0, 500)),
      );
    }
    if (job.province) {
      const { unitId, runId } = job.province;
      const provinceScope = await this.tree.scopeFor(unitId);
      await this.db.runWithScope(provinceScope, (em) => this.repo.refreshProvinceRun(em, unitId, runId));
    }
  }

  /**
   * One transaction: the batch's wear rows, each asset's posted wear and a WEAR_POSTED line in its history, the
   * school's assets.changed event (the department's totals move) and the run's progress.
   */
  private async postBatch(em: EntityManager, run: RunRow, ids: string[]): Promise<void> {
    const assets = await this.repo.wearAssets(em, run.schoolId, run.year, ids, true);
    const due: NewWearRow[] = assets.flatMap((asset) =>
      wearDue(toWearAsset(asset), run.year).map((posting) => ({ assetId: asset.id, ...posting })),
    );
    const written = await this.repo.insertWear(em, run.schoolId, run.id, due);
    const byAsset = new Map<string, NewWearRow[]>();
    for (const row of written) byAsset.set(row.assetId, [...(byAsset.get(row.assetId) ?? []), row]);
    const amounts = new Map([...byAsset].map(([id, rows]) => [id, rows.reduce((sum, r) => sum + r.amount, 0)]));
    await this.repo.addPostedWear(em, run.schoolId, amounts);
    const lines = [...byAsset].map(([assetId, rows]) => {
      const last = rows[rows.length - 1];
      const details = {
        runId: run.id,
        years: rows.map((r) => ({ year: r.year, costBasis: r.costBasis, amount: r.amount })),
        accumulatedAfter: last.accumulatedAfter,
      };
      return { assetId, effectiveOn: `${last.year}-12-31`, details };
    });
    await this.history.recordMany(em, run.schoolId, 'WEAR_POSTED', lines);
    if (written.length > 0) await this.events.publishAssetsChanged(em, run.schoolId);
    const amount = written.reduce((sum, r) => sum + r.amount, 0);
    await this.repo.advanceRun(em, run.schoolId, run.id, { done: ids.length, rows: written.length, amount });
  }
}
