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
    // Two instances starting together on a fresh database both create the queue (its partition and row): PostgreSQL
    // may pick one as a deadlock victim, or the second may find the row just made. Either way, the next try sees the
    // queue there.
    for (let attempt = 1; ; attempt++) {
      try {
        // One attempt more if a worker dies mid-job: the workbook is rebuilt from the facts; nothing half-written stays.
        await boss.createQueue(REPORT_QUEUE, { name: REPORT_QUEUE, retryLimit: 1, expireInSeconds: 30 * 60 });
        break;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
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
