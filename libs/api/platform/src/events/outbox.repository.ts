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

/** Schools a relay tries, oldest events first, before it concludes that the rest is another relay's. */
const CANDIDATE_SCHOOLS = 16;

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

  /**
   * The oldest unpublished events of one school — of the schools with the oldest unpublished events, the first whose
   * events another relay has not locked — locked so two relays never hand over the same rows at once; none when there
   * is nothing to relay. One school at a time because a row lock must name its shard under Citus, which refuses
   * FOR UPDATE over many (docs/scaling.md); events keep their order within a school, the order their subscribers
   * rely on. Only events that occurred by `until` (the relay run's start), so that a run ends.
   */
  async unpublished(em: EntityManager, limit: number, until: Date): Promise<OutboxEvent[]> {
    const schools = await sqlRows<{ school_id: string }>(
      em,
      `select school_id from outbox where published_at is null and occurred_at <= $2
        group by school_id order by min(occurred_at), school_id limit $1`,
      [CANDIDATE_SCHOOLS, until],
    );
    let rows: OutboxRow[] = [];
    for (const { school_id } of schools) {
      rows = await sqlRows<OutboxRow>(
        em,
        `select school_id, id, type, aggregate_id, payload, occurred_at from outbox
          where school_id = $1 and published_at is null and occurred_at <= $3
          order by occurred_at, id limit $2 for update skip locked`,
        [school_id, limit, until],
      );
      if (rows.length) break;
    }
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      schoolId: r.school_id,
      aggregateId: r.aggregate_id,
      payload: r.payload,
      occurredAt: r.occurred_at.toISOString(),
    }));
  }

  /** One statement per school (a batch holds one), each naming its school so it runs on that school's shard. */
  async markPublished(em: EntityManager, events: OutboxEvent[], at: Date): Promise<void> {
    for (const school of new Set(events.map((e) => e.schoolId)))
      await sqlExec(em, `update outbox set published_at = $3 where school_id = $1 and id = any($2::uuid[])`, [
        school,
        events.filter((e) => e.schoolId === school).map((e) => e.id),
        at,
      ]);
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
