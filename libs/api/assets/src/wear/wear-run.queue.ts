import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AppConfig, JobBoss } from '@emis/api/platform';
import PgBoss from 'pg-boss';
import { WearJob, WearRunner } from './wear-runner';

export const WEAR_QUEUE = 'assets-wear';
const WEAR_WORKERS = 2;

/**
 * Wear runs on pg-boss (the process's one instance, JobBoss): background work like the imports and report jobs, run
 * by every API instance unless IMPORT_WORKER=off. A province run is one job per school, so instances share it.
 */
@Injectable()
export class WearRunQueue implements OnModuleInit, OnApplicationBootstrap {
  private boss?: PgBoss;
  private readonly workerIds: string[] = [];

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
    // Two workers: a school's run waits on PostgreSQL round trips more than on the CPU, so a province run of a
    // thousand schools finishes sooner with two schools in flight (docs/benchmarks.md). One school's runs never
    // overlap harmfully: the wear rows' key posts each asset's year once.
    for (let i = 0; i < WEAR_WORKERS; i++) {
      const id = await boss.work<WearJob>(WEAR_QUEUE, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => {
        await this.runner.run(job.data);
        // pg-boss waits out the polling interval after every fetch, found or not: a province run is one job per
        // school, so after a job the worker asks for the next at once (measured: 30 schools took 59 s, one per interval).
        boss.notifyWorker(id);
      });
      this.workerIds.push(id);
    }
  }

  async enqueue(job: WearJob): Promise<void> {
    if (!this.boss) throw new Error('the wear queue is not started');
    await this.boss.send(WEAR_QUEUE, job);
    for (const id of this.workerIds) this.boss.notifyWorker(id);
  }
}
