import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '@emis/api/audit';
import { EventSubscribers, OutboxEvent } from '@emis/api/platform';
import { STAFF_LEFT_SCHOOL, StaffDirectory, StaffLeftSchool } from '@emis/api/staff';
import { EntityManager } from 'typeorm';
import { SessionRegistry } from '../sessions/session-registry';
import { auditView } from './account-audit';
import { AccountsRepository } from './accounts.repository';

/** Why the account was disabled, as the administrator's list shows it, in both languages. */
const LEFT_REASON: Record<StaffLeftSchool['status'], string> = {
  RETIRED: 'Đã rời trường (nghỉ hưu) / Left the school (retired)',
  TRANSFERRED: 'Đã rời trường (chuyển công tác) / Left the school (transferred)',
};

/**
 * When a person leaves a school (staff.left-school: retired, or transferred by a department decision), their account
 * at that school is disabled and its sessions end (docs/domain/accounts.md, "Staff who leave"). The change is the
 * system's, audited in the school's chain with the event that caused it. A transferred teacher gets a new account
 * from the receiving school's administrator; the old one stays, disabled, with its history.
 */
@Injectable()
export class DepartedStaffAccounts implements OnModuleInit {
  static readonly SUBSCRIBER = 'identity.disable-departed-accounts';

  constructor(
    private readonly subscribers: EventSubscribers,
    private readonly accounts: AccountsRepository,
    private readonly staff: StaffDirectory,
    private readonly sessions: SessionRegistry,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.subscribers.subscribe<StaffLeftSchool>(STAFF_LEFT_SCHOOL, DepartedStaffAccounts.SUBSCRIBER, (em, event) =>
      this.disable(em, event),
    );
  }

  async disable(em: EntityManager, event: OutboxEvent<StaffLeftSchool>): Promise<void> {
    const { staffId, status } = event.payload;
    // Back at the school by the time the event arrives (a retirement undone): the account stays as it is.
    if ((await this.staff.activeStaffIds(em, event.schoolId, [staffId])).size) return;
    const reason = LEFT_REASON[status] ?? LEFT_REASON.RETIRED;
    for (const before of await this.accounts.enabledAccountsOfStaff(em, event.schoolId, staffId)) {
      await this.accounts.disable(em, before.id, reason);
      await this.audit.record(em, {
        schoolId: event.schoolId,
        entity: 'app_user',
        entityId: before.id,
        action: 'ACCOUNT_DISABLED',
        before: auditView(before),
        after: { status: 'DISABLED', reason, cause: { event: event.type, id: event.id, status } },
      });
      // Ended at once rather than after the commit: ending the sessions of a departing person twice is harmless.
      await this.sessions.endAllFor(before.id, 'DISABLED');
    }
  }
}
