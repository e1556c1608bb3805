import { Injectable } from '@nestjs/common';
import { OutboxPublisher } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/**
 * Events the staff context publishes through the outbox (docs/adr/table-ownership-and-events.md). Other contexts
 * react to them instead of writing staff's consequences into their own tables from here.
 */

/** A person stopped working at a school: transferred to another school by a department decision, or retired. */
export const STAFF_LEFT_SCHOOL = 'staff.left-school';

export interface StaffLeftSchool {
  staffId: string;
  /** The status the record at the school now has. */
  status: 'TRANSFERRED' | 'RETIRED';
  /** The day the person left (the decision's effective date, or the day the status was saved). */
  effectiveOn: string;
  /** The receiving school of a transfer. */
  toSchoolId?: string;
}

/** The school's staff changed: a record created, edited, imported, put on leave, retired or transferred. */
export const STAFF_CHANGED = 'staff.changed';

/** Publishes staff.changed in the transaction of the change (the event exists if and only if the change commits). */
@Injectable()
export class StaffEvents {
  constructor(private readonly outbox: OutboxPublisher) {}

  changed(em: EntityManager, schoolId: string, staffId: string): Promise<string> {
    return this.outbox.publish(em, { type: STAFF_CHANGED, schoolId, aggregateId: staffId, payload: {} });
  }
}
