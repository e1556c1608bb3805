import { Injectable } from '@nestjs/common';
import { OutboxHandler } from './outbox-event';

export interface Subscription {
  type: string;
  /** Unique per reaction (`<context>.<reaction>`): names its pg-boss queue and its rows in outbox_delivery. */
  subscriber: string;
  handle: OutboxHandler;
}

/**
 * The in-process subscribers. A context registers its reactions in its module's onModuleInit; the relay starts
 * delivering after every module has (onApplicationBootstrap). A handler may run more than once for one event (the
 * delivery is at least once); the relay skips an event the subscriber has already handled (outbox_delivery).
 */
@Injectable()
export class EventSubscribers {
  private readonly subscriptions = new Map<string, Subscription>();

  subscribe<P>(type: string, subscriber: string, handle: OutboxHandler<P>): void {
    if (!/^[a-z]+(\.[a-z][a-z-]*)+$/.test(subscriber))
      throw new Error(`subscriber name ${subscriber}: use <context>.<reaction>`);
    if (this.subscriptions.has(subscriber)) throw new Error(`subscriber ${subscriber} registered twice`);
    this.subscriptions.set(subscriber, { type, subscriber, handle: handle as OutboxHandler });
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
