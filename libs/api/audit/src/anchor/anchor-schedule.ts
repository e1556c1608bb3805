import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig, JobBoss } from '@emis/api/platform';
import { AuditAnchors } from './audit-anchors.service';

/**
 * The pg-boss queue of the anchoring runs of one signing key: a job is run only by a process holding the key that
 * signs the file it appends to (a process started with another key, e.g. a test's, never writes into this file).
 */
export function anchorQueue(keyId: string): string {
  return `audit__anchor__${keyId}`;
}

/**
 * Runs AuditAnchors.anchorNow every ANCHOR_INTERVAL_SECONDS, once for all API processes: each process holding the
 * signing key (where EVENT_WORKER is on) asks every interval with a throttled send — pg-boss keeps one job per
 * interval whoever asks — and the queue's 'stately' policy lets one run at a time. Every such process must therefore
 * point ANCHOR_DIR at the same storage: whichever runs the job appends to the one file.
 */
@Injectable()
export class AnchorSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AnchorSchedule.name);
  private timer?: NodeJS.Timeout;
  private workerId?: string;
  private queue = '';

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobBoss,
    private readonly anchors: AuditAnchors,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.anchors.canSign || this.config.EVENT_WORKER === 'off') return;
    const interval = this.config.ANCHOR_INTERVAL_SECONDS;
    this.queue = anchorQueue(this.anchors.settings?.keys.keyId ?? '');
    const boss = await this.jobs.createQueue(this.queue, { policy: 'stately', retryLimit: 0 });
    this.workerId = await boss.work(
      this.queue,
      { pollingIntervalSeconds: Math.min(5, Math.max(0.5, interval / 2)), batchSize: 1 },
      async () => {
        const run = await this.anchors.anchorNow();
        if (run.anchorSeq !== null) this.logger.log(`anchor ${run.anchorSeq}: ${run.anchored} chain(s)`);
        if (run.mismatched.length)
          this.logger.error(`${run.mismatched.length} audit chain(s) do not match their anchor`);
      },
    );
    this.timer = setInterval(() => void this.ask(), interval * 1000);
    this.timer.unref();
    await this.ask();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async ask(): Promise<void> {
    try {
      const boss = await this.jobs.boss();
      await boss.sendThrottled(this.queue, {}, {}, this.config.ANCHOR_INTERVAL_SECONDS);
      if (this.workerId) boss.notifyWorker(this.workerId);
    } catch (error) {
      this.logger.error({ err: error }, 'audit anchor schedule');
    }
  }
}
