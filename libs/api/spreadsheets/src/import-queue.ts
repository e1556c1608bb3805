import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@emis/api/platform';
import PgBoss from 'pg-boss';
import { ImportRunner } from './import-runner';

export const IMPORT_QUEUE = 'people-import';

interface ImportMessage {
  schoolId: string;
  jobId: string;
}

/**
 * Import jobs on pg-boss. pg-boss keeps its tables in its own schema ('pgboss'), which it creates and migrates
 * itself, so it connects as the schema owner (DATABASE_URL), never as the application role; the job's own reads
 * and writes go through TenantDb with the school's scope (ImportRunner).
 *
 * Every API instance works the queue unless IMPORT_WORKER=off (for an installation that runs dedicated worker
 * instances): a single `npm start` imports without anything else running.
 */
@Injectable()
export class ImportQueue implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ImportQueue.name);
  private boss?: PgBoss;
  private workerId?: string;

  constructor(
    private readonly config: AppConfig,
    private readonly runner: ImportRunner,
  ) {}

  async onModuleInit(): Promise<void> {
    const boss = new PgBoss({ connectionString: this.config.DATABASE_URL, schema: 'pgboss', max: 3, application_name: 'emis-jobs', schedule: false });
    boss.on('error', (error) => this.logger.error({ err: error }, 'pg-boss'));
    await boss.start();
    // One attempt more if a worker dies mid-job (the job restarts from the stored file; nothing was committed).
    await boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, retryLimit: 1, expireInSeconds: 30 * 60 });
    this.boss = boss;
  }

  /**
   * The worker starts after every module's onModuleInit, so the import kinds the contexts register (ImportRegistry)
   * are known before a job left waiting from an earlier run is picked up.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.boss || this.config.IMPORT_WORKER === 'off') return;
    this.workerId = await this.boss.work<ImportMessage>(IMPORT_QUEUE, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => {
      await this.runner.run(job.data.schoolId, job.data.jobId);
    });
  }

  async enqueue(message: ImportMessage): Promise<void> {
    if (!this.boss) throw new Error('the import queue is not started');
    await this.boss.send(IMPORT_QUEUE, message);
    // This instance's worker fetches at once instead of at its next poll.
    if (this.workerId) this.boss.notifyWorker(this.workerId);
  }

  /**
   * Runs before the database pools close (onModuleDestroy precedes onApplicationShutdown): a job in progress
   * finishes, then pg-boss closes its own pool.
   */
  async onModuleDestroy(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 120_000 });
    this.boss = undefined;
  }
}
