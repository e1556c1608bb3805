import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sqlExec, sqlRow, sqlRows } from '../database/sql';
import { NewOutboxEvent, OutboxEvent } from './outbox-event';

/** An outbox row as the relay reads it. */
interface OutboxRow {
  school_id: string;
  id: string;
  type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

/** Every query of the outbox tables (owned by the platform). */
@Injectable()
export class OutboxRepository {
  async insert(em: EntityManager, e: NewOutboxEvent, at: Date): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into outbox (school_id, type, aggregate_id, payload, occurred_at) values ($1, $2, $3, $4::jsonb, $5) returning id`,
      [e.schoolId, e.type, e.aggregateId, JSON.stringify(e.payload), at],
    );
    if (!row) throw new Error(`insert: no id returned for event ${e.type}`);
    return row.id;
  }

  /** The oldest unpublished events, locked so two relays never hand over the same rows at once. */
  async unpublished(em: EntityManager, limit: number): Promise<OutboxEvent[]> {
    const rows = await sqlRows<OutboxRow>(
      em,
      `select school_id, id, type, aggregate_id, payload, occurred_at from outbox
        where published_at is null order by occurred_at, id limit $1 for update skip locked`,
      [limit],
    );
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      schoolId: r.school_id,
      aggregateId: r.aggregate_id,
      payload: r.payload,
      occurredAt: r.occurred_at.toISOString(),
    }));
  }

  async markPublished(em: EntityManager, events: OutboxEvent[], at: Date): Promise<void> {
    await sqlExec(
      em,
      `update outbox o set published_at = $3 from unnest($1::uuid[], $2::uuid[]) as p(school_id, id)
        where o.school_id = p.school_id and o.id = p.id`,
      [events.map((e) => e.schoolId), events.map((e) => e.id), at],
    );
  }

  /**
   * Records that `subscriber` handles the event, in the handler's transaction; false when it was handled before (a
   * redelivery). A concurrent delivery of the same event waits on the key and then finds it taken.
   */
  async claimDelivery(em: EntityManager, schoolId: string, eventId: string, subscriber: string): Promise<boolean> {
    const rows = await sqlRows<{ '?column?': number }>(
      em,
      `insert into outbox_delivery (school_id, event_id, subscriber) values ($1, $2, $3) on conflict do nothing returning 1`,
      [schoolId, eventId, subscriber],
    );
    return rows.length > 0;
  }
}
