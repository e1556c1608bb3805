import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AppConfig, JobBoss } from '@emis/api/platform';
import PgBoss from 'pg-boss';
import { ChargeRunJob, ChargeRunner } from './charge-runner';

export const CHARGE_RUN_QUEUE = 'finance-charge-runs';

/**
 * Generations of large schools run on pg-boss (the process's one instance, JobBoss), like the imports and the wear
 * runs, on every API instance unless IMPORT_WORKER=off.
 */
@Injectable()
export class ChargeRunQueue implements OnModuleInit, OnApplicationBootstrap {
  private boss?: PgBoss;
  private workerId?: string;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobBoss,
    private readonly runner: ChargeRunner,
  ) {}

  async onModuleInit(): Promise<void> {
    // One attempt more if a worker dies mid-run: committed batches stay, and the next attempt writes only the rest.
    this.boss = await this.jobs.createQueue(CHARGE_RUN_QUEUE, { retryLimit: 1, expireInSeconds: 30 * 60 });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.boss || this.config.IMPORT_WORKER === 'off') return;
    this.workerId = await this.boss.work<ChargeRunJob>(
      CHARGE_RUN_QUEUE,
      { pollingIntervalSeconds: 2, batchSize: 1 },
      async ([job]) => this.runner.run(job.data),
    );
  }

  async enqueue(job: ChargeRunJob): Promise<void> {
    if (!this.boss) throw new Error('the charge run queue is not started');
    await this.boss.send(CHARGE_RUN_QUEUE, job);
    if (this.workerId) this.boss.notifyWorker(this.workerId);
  }
}
