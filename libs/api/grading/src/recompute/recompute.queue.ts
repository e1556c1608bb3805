import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AppConfig, JobBoss } from '@emis/api/platform';
import PgBoss from 'pg-boss';
import { RecomputeJob, RecomputeRunner } from './recompute.runner';

export const RECOMPUTE_QUEUE = 'grading-recompute';

/**
 * Recomputations run on pg-boss (the process's one instance, JobBoss), like the wear runs and the imports, by every
 * API instance unless IMPORT_WORKER=off. One job per run: a run is rare (a settings change) and walks the schools in
 * turn; a retried job skips nothing it needs, since recomputing an entry twice writes the same values.
 */
@Injectable()
export class RecomputeQueue implements OnModuleInit, OnApplicationBootstrap {
  private boss?: PgBoss;
  private workerId?: string;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobBoss,
    private readonly runner: RecomputeRunner,
  ) {}

  async onModuleInit(): Promise<void> {
    this.boss = await this.jobs.createQueue(RECOMPUTE_QUEUE, { retryLimit: 1, expireInSeconds: 60 * 60 });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.boss || this.config.IMPORT_WORKER === 'off') return;
    this.workerId = await this.boss.work<RecomputeJob>(
      RECOMPUTE_QUEUE,
      { pollingIntervalSeconds: 2, batchSize: 1 },
      async ([job]) => this.runner.run(job.data),
    );
  }

  async enqueue(job: RecomputeJob): Promise<void> {
    if (!this.boss) throw new Error('the recompute queue is not started');
    await this.boss.send(RECOMPUTE_QUEUE, job);
    if (this.workerId) this.boss.notifyWorker(this.workerId);
  }
}
