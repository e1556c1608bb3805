import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AppConfig, JobBoss } from '@emis/api/platform';
import PgBoss from 'pg-boss';
import { ImportRunner } from './import-runner';

export const IMPORT_QUEUE = 'people-import';

interface ImportMessage {
  schoolId: string;
  jobId: string;
}

/**
 * Import jobs on pg-boss (the process's one instance, JobBoss, shared with the outbox events); the job's own reads
 * and writes go through TenantDb with the school's scope (ImportRunner). JobBoss stops pg-boss on shutdown, after a
 * job in progress finishes.
 *
 * Every API instance works the queue unless IMPORT_WORKER=off (for an installation that runs dedicated worker
 * instances): a single `npm start` imports without anything else running.
 */
@Injectable()
export class ImportQueue implements OnModuleInit, OnApplicationBootstrap {
  private boss?: PgBoss;
  private workerId?: string;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobBoss,
    private readonly runner: ImportRunner,
  ) {}

  async onModuleInit(): Promise<void> {
    // One attempt more if a worker dies mid-job (the job restarts from the stored file; nothing was committed).
    const boss = await this.jobs.createQueue(IMPORT_QUEUE, { retryLimit: 1, expireInSeconds: 30 * 60 });
    this.boss = boss;
  }

  /**
   * The worker starts after every module's onModuleInit, so the import kinds the contexts register (ImportRegistry)
   * are known before a job left waiting from an earlier run is picked up.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.boss || this.config.IMPORT_WORKER === 'off') return;
    this.workerId = await this.boss.work<ImportMessage>(
      IMPORT_QUEUE,
      { pollingIntervalSeconds: 2, batchSize: 1 },
      async ([job]) => {
        await this.runner.run(job.data.schoolId, job.data.jobId);
      },
    );
  }

  async enqueue(message: ImportMessage): Promise<void> {
    if (!this.boss) throw new Error('the import queue is not started');
    await this.boss.send(IMPORT_QUEUE, message);
    // This instance's worker fetches at once instead of at its next poll.
    if (this.workerId) this.boss.notifyWorker(this.workerId);
  }
}
