import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Scope } from '../context/request-context';
import { TenantDb } from '../database/tenant-db';
import { EventSubscribers, Subscription } from './event-subscribers';
import { JobBoss } from './job-boss';
import { OutboxEvent } from './outbox-event';
import { OutboxRepository } from './outbox.repository';

/** The relay reads every school's unpublished events: the province's scope, never a bypass of RLS. */
const PROVINCE: Scope = { rootId: '', all: true, orgUnitIds: [] };
const BATCH = 100;

/**
 * Moves committed outbox rows to pg-boss and delivers them to the in-process subscribers (docs/adr/table-ownership-and-events.md).
 *
 * The relay sends each unpublished event to the queue of every subscriber of its type, then stamps published_at, in one
 * transaction holding the rows' locks: a crash between the send and the commit sends the event again (at least once),
 * never loses it. Each subscriber has its own queue, so one failing reaction is retried by pg-boss without holding
 * up the others; its handler runs in a transaction that also records the event in outbox_delivery, so a second
 * delivery of a handled event does nothing. Events of a type nobody subscribes to are marked published and stay in
 * the table, from which a later consumer (the reporting read model) can be fed.
 *
 * Batch projections (EventSubscribers.project) are folded differently: the relay hands each batch's events of their
 * types to `record` inside the same transaction, before markPublished, and calls `afterCommit` once it committed.
 *
 * Every API instance relays and delivers unless EVENT_WORKER=off; a single `npm start` needs nothing else running.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private readonly workers: string[] = [];
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobBoss,
    private readonly db: TenantDb,
    private readonly repo: OutboxRepository,
    private readonly subscribers: EventSubscribers,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.EVENT_WORKER === 'off') return;
    const boss = await this.jobs.boss();
    for (const sub of this.subscribers.all()) {
      const queue = queueOf(sub);
      // pg-boss retries a failed reaction with a growing delay; after the last try the job stays failed in pgboss.job.
      await this.jobs.createQueue(queue, { retryLimit: 10, retryDelay: 2, retryBackoff: true });
      this.workers.push(
        await boss.work<OutboxEvent>(queue, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
          await this.deliver(sub, job.data);
        }),
      );
    }
    this.schedule(0);
  }

  /**
   * Hands every unpublished event to pg-boss; answers how many. Runs on a timer; callers that need an event on its way
   * now (tests, a shutdown) may call it too — runs never overlap.
   */
  async relayPending(): Promise<number> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.relayAll();
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  /** Runs one subscriber's reaction to one event, at most once per event (see the class comment). */
  async deliver(sub: Subscription, event: OutboxEvent): Promise<void> {
    const scope: Scope = { rootId: event.schoolId, all: false, orgUnitIds: [event.schoolId] };
    await this.db.runWithScope(scope, async (em) => {
      if (!(await this.repo.claimDelivery(em, event.schoolId, event.id, sub.subscriber))) return;
      await sub.handle(em, event);
    });
  }

  private async relayAll(): Promise<number> {
    const boss = await this.jobs.boss();
    let total = 0;
    // Events that occurred before this run began: the run ends even while other requests keep adding events (they are
    // the next run's), and a shutdown ends it after the batch in hand.
    const until = new Date();
    while (!this.stopped) {
      const events = await this.db.runWithScope(PROVINCE, async (em) => {
        const batch = await this.repo.unpublished(em, BATCH, until);
        for (const event of batch) {
          for (const sub of this.subscribers.of(event.type)) await boss.send(queueOf(sub), event);
        }
        for (const p of this.subscribers.allProjections()) {
          const folded = batch.filter((e) => p.types.includes(e.type));
          if (folded.length) await p.record(em, folded);
        }
        if (batch.length) await this.repo.markPublished(em, batch, new Date());
        return batch;
      });
      await this.afterCommit(events);
      total += events.length;
      // A batch holds one school's events (OutboxRepository.unpublished): go on until none of the run's is left.
      if (events.length === 0) break;
    }
    // This instance's workers fetch at once instead of at their next poll.
    if (total) for (const id of this.workers) boss.notifyWorker(id);
    return total;
  }

  /** The projections' after-commit step for a committed batch; a failure is theirs to recover from (a sweeper). */
  private async afterCommit(events: OutboxEvent[]): Promise<void> {
    for (const p of this.subscribers.allProjections()) {
      const folded = events.filter((e) => p.types.includes(e.type));
      if (!folded.length || !p.afterCommit) continue;
      await p.afterCommit(folded).catch((error) => this.logger.error({ err: error }, `projection ${p.name}`));
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.relayPending()
        .catch((error) => this.logger.error({ err: error }, 'outbox relay'))
        .finally(() => this.schedule(this.config.EVENT_RELAY_INTERVAL_MS));
    }, delayMs);
    // The timer alone never keeps the process alive: shutdown stops it (onModuleDestroy).
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}

/** pg-boss queue names take letters, digits, hyphens and underscores. */
export function queueOf(sub: Pick<Subscription, 'subscriber'>): string {
  return `event__${sub.subscriber.replace(/\./g, '__')}`;
}
