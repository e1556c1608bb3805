import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxEvent, OutboxHandler } from './outbox-event';

export interface Subscription {
  type: string;
  /** Unique per reaction (`<context>.<reaction>`): names its pg-boss queue and its rows in outbox_delivery. */
  subscriber: string;
  handle: OutboxHandler;
}

/**
 * A batch projection: a consumer that folds many events at once (the reporting read model's dirty marks), where a
 * pg-boss job per event would cost more than the change it reports (grade saves run at hundreds per second).
 */
export interface Projection {
  /** `<context>.<projection>`, unique among projections. */
  name: string;
  /** The event types it folds. */
  types: readonly string[];
  /**
   * Folds a batch of events in the relay's transaction, before they are marked published: the batch's effect and its
   * publication commit together, so an event is folded at least once (again after a crash before the commit). Runs
   * under the province's scope; it must be idempotent and quick (one statement per batch).
   */
  record: (em: EntityManager, events: OutboxEvent[]) => Promise<void>;
  /** Called after that transaction committed (e.g. to wake a worker); a failure is logged, never undoes the batch. */
  afterCommit?: (events: OutboxEvent[]) => Promise<void>;
}

/**
 * The in-process subscribers. A context registers its reactions in its module's onModuleInit; the relay starts
 * delivering after every module has (onApplicationBootstrap). A handler may run more than once for one event (the
 * delivery is at least once); the relay skips an event the subscriber has already handled (outbox_delivery).
 */
@Injectable()
export class EventSubscribers {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly projections = new Map<string, Projection>();

  subscribe<P>(type: string, subscriber: string, handle: OutboxHandler<P>): void {
    assertName(subscriber, 'subscriber');
    if (this.subscriptions.has(subscriber)) throw new Error(`subscriber ${subscriber} registered twice`);
    this.subscriptions.set(subscriber, { type, subscriber, handle: handle as OutboxHandler });
  }

  /** Registers a batch projection (see Projection); the relay hands it every batch holding one of its types. */
  project(projection: Projection): void {
    assertName(projection.name, 'projection');
    if (this.projections.has(projection.name)) throw new Error(`projection ${projection.name} registered twice`);
    this.projections.set(projection.name, projection);
  }

  allProjections(): Projection[] {
    return [...this.projections.values()];
  }

  all(): Subscription[] {
    return [...this.subscriptions.values()];
  }

  of(type: string): Subscription[] {
    return this.all().filter((s) => s.type === type);
  }

  get(subscriber: string): Subscription | undefined {
    return this.subscriptions.get(subscriber);
  }
}

function assertName(name: string, what: string): void {
  if (!/^[a-z]+(\.[a-z][a-z-]*)+$/.test(name)) throw new Error(`${what} name ${name}: use <context>.<reaction>`);
}
