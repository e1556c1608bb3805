/**
 * An event as the outbox keeps it and subscribers receive it. The envelope is the same for every event and every
 * consumer (subscribers in the API today, the reporting read model later); what happened is in `type` and `payload`.
 */
export interface OutboxEvent<P = Record<string, unknown>> {
  id: string;
  /** `<context>.<what-happened>`, named by the context that owns the change (e.g. `staff.left-school`). */
  type: string;
  schoolId: string;
  /** The id of the record the event is about (a staff member, a class…). */
  aggregateId: string;
  payload: P;
  /** ISO 8601. */
  occurredAt: string;
}

export type NewOutboxEvent<P = Record<string, unknown>> = Pick<
  OutboxEvent<P>,
  'type' | 'schoolId' | 'aggregateId' | 'payload'
>;

/** A subscriber's reaction, run in its own transaction under the event's school scope. */
export type OutboxHandler<P = Record<string, unknown>> = (
  em: import('typeorm').EntityManager,
  event: OutboxEvent<P>,
) => Promise<void>;
