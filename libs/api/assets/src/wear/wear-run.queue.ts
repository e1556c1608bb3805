import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AppConfig, JobBoss } from '@emis/api/platform';
import PgBoss from 'pg-boss';
import { WearJob, WearRunner } from './wear-runner';

export const WEAR_QUEUE = 'assets-wear';

/**
 * Wear runs on pg-boss (the process's one instance, JobBoss): background work like the imports and report jobs, run
 * by every API instance unless IMPORT_WORKER=off. A province run is one job per school, so instances share it.
 */
@Injectable()
export class WearRunQueue implements OnModuleInit, OnApplicationBootstrap {
  private boss?: PgBoss;
  private workerId?: string;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobBoss,
    private readonly runner: WearRunner,
  ) {}

  async onModuleInit(): Promise<void> {
    // One attempt more if a worker dies mid-run: batches already committed stay, and the rows' key skips them.
    this.boss = await this.jobs.createQueue(WEAR_QUEUE, { retryLimit: 1, expireInSeconds: 30 * 60 });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.boss || this.config.IMPORT_WORKER === 'off') return;
    const boss = this.boss;
    this.workerId = await boss.work<WearJob>(WEAR_QUEUE, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => {
      await this.runner.run(job.data);
      // pg-boss waits out the polling interval after every fetch, found or not: a province run is one job per school,
      // so after a job the worker asks for the next at once (measured: 30 schools took 59 s, one per interval).
      if (this.workerId) boss.notifyWorker(this.workerId);
    });
  }

  async enqueue(job: WearJob): Promise<void> {
    if (!this.boss) throw new Error('the wear queue is not started');
    await this.boss.send(WEAR_QUEUE, job);
    if (this.workerId) this.boss.notifyWorker(this.workerId);
  }
}
