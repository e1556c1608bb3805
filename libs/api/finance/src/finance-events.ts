import { Injectable } from '@nestjs/common';
import { OutboxPublisher } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/**
 * Events the finance context publishes through the outbox (docs/adr/table-ownership-and-events.md): written in the
 * transaction of the change, so an event exists if and only if its change committed.
 */

/**
 * What the department's finance totals of a school show changed: charges generated or adjusted, a payment, refund or
 * reversal, a budget entry, an approved or reversed expense voucher, a claim. The payload is empty: a subscriber
 * reads the school's totals again through the context's port rather than trusting a delta (delivery is at least once).
 */
export const FINANCE_CHANGED = 'finance.changed';

@Injectable()
export class FinanceEvents {
  constructor(private readonly outbox: OutboxPublisher) {}

  /** Call it inside the transaction that wrote the change, once per school and transaction. */
  publishFinanceChanged(em: EntityManager, schoolId: string): Promise<string> {
    return this.outbox.publish(em, { type: FINANCE_CHANGED, schoolId, aggregateId: schoolId, payload: {} });
  }
}
