import { Injectable } from '@nestjs/common';
import { OutboxPublisher } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** Events the people context publishes through the outbox (docs/adr/table-ownership-and-events.md). */

/**
 * The school's pupils changed: a record created, edited or imported, a pupil placed, moved, dropped out, transferred
 * or promoted. The payload is empty: a consumer rereads what it needs of the school.
 */
export const PEOPLE_ENROLMENT_CHANGED = 'people.enrolment-changed';

/** Publishes people's events in the transaction of the change (the event exists if and only if the change commits). */
@Injectable()
export class PeopleEvents {
  constructor(private readonly outbox: OutboxPublisher) {}

  /** `aggregateId`: the student (or the class, for a change of many pupils at once). */
  enrolmentChanged(em: EntityManager, schoolId: string, aggregateId: string): Promise<string> {
    return this.outbox.publish(em, { type: PEOPLE_ENROLMENT_CHANGED, schoolId, aggregateId, payload: {} });
  }
}
