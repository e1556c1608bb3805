import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SqlPart } from '../database/sql-part';
import { NewOutboxEvent } from './outbox-event';
import { OutboxRepository } from './outbox.repository';

/**
 * Records an event in the transaction of the change it reports (the `em` a repository was given by TenantDb): the
 * event exists if and only if the change committed. The relay hands it on afterwards.
 */
@Injectable()
export class OutboxPublisher {
  constructor(private readonly repo: OutboxRepository) {}

  publish<P extends object>(em: EntityManager, event: NewOutboxEvent<P>): Promise<string> {
    return this.repo.insert(em, event as NewOutboxEvent, new Date());
  }

  /**
   * The same event as a piece of the caller's own statement: an `insert … select` the caller may give a WHERE (and
   * run as a data-modifying CTE), so a change and its event are written in one round trip (the grade save).
   */
  publishPart<P extends object>(event: NewOutboxEvent<P>, at: Date = new Date()): SqlPart {
    return (bind) =>
      `insert into outbox (school_id, type, aggregate_id, payload, occurred_at) select ${bind(event.schoolId)}::uuid, ${bind(
        event.type,
      )}::text, ${bind(event.aggregateId)}::text, ${bind(JSON.stringify(event.payload))}::jsonb, ${bind(at)}::timestamptz`;
  }
}
