import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AppConfig, JobBoss } from '@emis/api/platform';
import PgBoss from 'pg-boss';
import { ReportJobsService } from './report-jobs.service';

export const REPORT_QUEUE = 'reporting-workbook';

interface ReportMessage {
  orgUnitId: string;
  jobId: string;
}

/**
 * Report jobs on pg-boss (the process's one instance, JobBoss). They are background Excel work like the imports, so
 * the same switch runs them: every API instance works the queue unless IMPORT_WORKER=off.
 */
@Injectable()
export class ReportJobQueue implements OnModuleInit, OnApplicationBootstrap {
  private boss?: PgBoss;
  private workerId?: string;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobBoss,
    private readonly runner: ReportJobsService,
  ) {}

  async onModuleInit(): Promise<void> {
    const boss = await this.jobs.boss();
    // One attempt more if a worker dies mid-job: the workbook is rebuilt from the facts; nothing half-written stays.
    await boss.createQueue(REPORT_QUEUE, { name: REPORT_QUEUE, retryLimit: 1, expireInSeconds: 30 * 60 });
    this.boss = boss;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.boss || this.config.IMPORT_WORKER === 'off') return;
    this.workerId = await this.boss.work<ReportMessage>(
      REPORT_QUEUE,
      { pollingIntervalSeconds: 2, batchSize: 1 },
      async ([job]) => {
        await this.runner.run(job.data.orgUnitId, job.data.jobId);
      },
    );
  }

  async enqueue(message: ReportMessage): Promise<void> {
    if (!this.boss) throw new Error('the report queue is not started');
    await this.boss.send(REPORT_QUEUE, message);
    if (this.workerId) this.boss.notifyWorker(this.workerId);
  }
}
