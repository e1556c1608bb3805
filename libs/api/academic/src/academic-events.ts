import { Injectable } from '@nestjs/common';
import { OutboxPublisher } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** Events the academic context publishes through the outbox (docs/adr/table-ownership-and-events.md). */

/** The school's classes changed: one created, edited or deleted. */
export const ACADEMIC_CLASSES_CHANGED = 'academic.classes-changed';
/** Attendance of a class was recorded or corrected, or the school's semester dates changed. */
export const ACADEMIC_ATTENDANCE_CHANGED = 'academic.attendance-changed';

/** Publishes academic's events in the transaction of the change (the event exists if and only if the change commits). */
@Injectable()
export class AcademicEvents {
  constructor(private readonly outbox: OutboxPublisher) {}

  classesChanged(em: EntityManager, schoolId: string, classId: string): Promise<string> {
    return this.outbox.publish(em, { type: ACADEMIC_CLASSES_CHANGED, schoolId, aggregateId: classId, payload: {} });
  }

  /** `aggregateId`: the class, or the school year whose semester dates changed. */
  attendanceChanged(em: EntityManager, schoolId: string, aggregateId: string): Promise<string> {
    return this.outbox.publish(em, { type: ACADEMIC_ATTENDANCE_CHANGED, schoolId, aggregateId, payload: {} });
  }
}
