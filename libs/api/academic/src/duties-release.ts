import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '@emis/api/audit';
import { EventSubscribers, OutboxEvent } from '@emis/api/platform';
import { STAFF_LEFT_SCHOOL, StaffDirectory, StaffLeftSchool } from '@emis/api/staff';
import { EntityManager } from 'typeorm';
import { AssignmentsRepository } from './assignments.repository';

/**
 * When a person leaves a school (staff.left-school: transferred or retired), academic releases their duties there in
 * its own transaction: the homeroom of their classes and their teaching assignments of years that are not closed.
 * The release is audited in the school's chain as the system's change (no user made it).
 */
@Injectable()
export class DutiesRelease implements OnModuleInit {
  static readonly SUBSCRIBER = 'academic.release-duties';

  constructor(
    private readonly subscribers: EventSubscribers,
    private readonly assignments: AssignmentsRepository,
    private readonly staff: StaffDirectory,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.subscribers.subscribe<StaffLeftSchool>(STAFF_LEFT_SCHOOL, DutiesRelease.SUBSCRIBER, (em, event) =>
      this.release(em, event),
    );
  }

  async release(em: EntityManager, event: OutboxEvent<StaffLeftSchool>): Promise<void> {
    const { staffId } = event.payload;
    // Back at the school by the time the event arrives (a transfer undone): what they were given since stays theirs.
    if ((await this.staff.activeStaffIds(em, event.schoolId, [staffId])).size) return;
    const released = await this.assignments.releaseDuties(em, event.schoolId, staffId);
    if (!released.homeroomClasses.length && !released.assignments) return;
    await this.audit.record(em, {
      schoolId: event.schoolId,
      entity: 'staff_duties',
      entityId: staffId,
      action: 'UPDATE',
      after: { released, cause: { event: event.type, id: event.id, status: event.payload.status } },
    });
  }
}
