import type { AuditAction } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import { EntityManager } from 'typeorm';
import { AccountRecord } from './accounts.repository';

/** What the audit trail keeps of an account: who it is and what it may do, never a secret. */
export function auditView(a: AccountRecord): Record<string, unknown> {
  return {
    username: a.username,
    fullName: a.fullName,
    role: a.role,
    orgUnitId: a.orgUnitId,
    staffId: a.staffId,
    status: a.status,
    mfaEnabled: a.mfaEnabled,
    mustChangePassword: a.mustChangePassword,
  };
}

/**
 * Records an administrator's action on an account in the audit chain of the account's own unit (a school's accounts
 * in the school's chain), with the state before and after and the reason given (docs/domain/accounts.md, "Audit").
 */
export function auditAccountAction(
  audit: AuditService,
  em: EntityManager,
  action: AuditAction,
  before: AccountRecord,
  after: AccountRecord,
  reason: string,
  extra: Record<string, unknown> = {},
): Promise<number> {
  return audit.record(em, {
    schoolId: before.orgUnitId,
    entity: 'app_user',
    entityId: before.id,
    action,
    before: auditView(before),
    after: { ...auditView(after), reason, ...extra },
  });
}
