import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AppConfig, JobBoss } from '@emis/api/platform';
import type { SecurityEvent } from '@emis/contracts';
import PgBoss from 'pg-boss';

export const SECURITY_ALERT_QUEUE = 'security-alert';

/** How long one delivery may take before it counts as failed and is retried. */
const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * What the webhook receives: the event as the API lists it, and a line a chat channel can show as is. A short text in
 * Vietnamese, then English (the department's operators read the first; an outside incident desk the second).
 */
export function webhookBody(event: SecurityEvent): { text: string; event: SecurityEvent } {
  const who = event.userName ?? event.userId ?? 'không rõ / unknown';
  return { text: `[Emis] Cảnh báo bảo mật / Security alert: ${event.kind} — ${who} — ${event.at}`, event };
}

/**
 * Delivers alerts beyond the app (docs/security/coverage.md): each alert is a pg-boss job that POSTs it to
 * SECURITY_WEBHOOK_URL, retried with backoff, so a slow or absent receiver never slows the request that raised it.
 * The in-app list needs no delivery: it reads the security_event rows themselves.
 */
@Injectable()
export class SecurityAlertQueue implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(SecurityAlertQueue.name);
  private boss?: PgBoss;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobBoss,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.SECURITY_WEBHOOK_URL) return;
    // About an hour of retries (2 s doubling, 10 attempts): a receiver down for maintenance still gets the alert.
    this.boss = await this.jobs.createQueue(SECURITY_ALERT_QUEUE, {
      retryLimit: 10,
      retryDelay: 2,
      retryBackoff: true,
      expireInSeconds: 60,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.boss || this.config.EVENT_WORKER === 'off') return;
    await this.boss.work<SecurityEvent>(
      SECURITY_ALERT_QUEUE,
      { pollingIntervalSeconds: 1, batchSize: 1 },
      async ([job]) => this.post(job.data),
    );
  }

  /** Queues the alert for the webhook, when one is configured. */
  async deliver(event: SecurityEvent): Promise<void> {
    if (!this.boss) return;
    await this.boss.send(SECURITY_ALERT_QUEUE, event);
  }

  private async post(event: SecurityEvent): Promise<void> {
    const url = this.config.SECURITY_WEBHOOK_URL;
    if (!url) return;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(webhookBody(event)),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    if (!res.ok) {
      this.logger.warn({ status: res.status, eventId: event.id }, 'security webhook refused the alert; will retry');
      throw new Error(`security webhook answered ${res.status}`);
    }
  }
}
