import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { AccountDetail, AuditAction, OneTimeCredential, SessionEndReason } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import { Principal, ProblemException, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { StaffDirectory } from '@emis/api/staff';
import { grantableRoles, Role, ROLE_UNIT_KIND } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { SessionRegistry } from '../sessions/session-registry';
import { assertManageable, rolesGrantableOn } from './account-access';
import { auditAccountAction } from './account-audit';
import { AccountRecord, AccountsRepository } from './accounts.repository';
import { newOneTimePassword, hashPassword } from './one-time-password';
import { ResetRequestsRepository } from './reset-requests.repository';

/** An action's outcome inside its transaction: the account after it, and the sessions to end once it committed. */
interface Outcome<T> {
  result: T;
  endSessions?: SessionEndReason;
}

/**
 * What an administrator does to an existing account (docs/domain/accounts.md): change its role, disable and enable it,
 * reset its password or second factor, lift a soft lock. Each one checks the account is the caller's to administer,
 * records the reason in the audit trail with the state before and after, and — for disable, role change and the
 * resets — ends the user's sessions at once, so nothing signed in before outlives the change.
 */
@Injectable()
export class AccountActionsService {
  constructor(
    private readonly db: TenantDb,
    private readonly accounts: AccountsRepository,
    private readonly resetRequests: ResetRequestsRepository,
    private readonly staff: StaffDirectory,
    private readonly sessions: SessionRegistry,
    private readonly audit: AuditService,
  ) {}

  changeRole(actor: Principal, scope: Scope, id: string, role: Role, reason: string): Promise<AccountDetail> {
    return this.act(actor, scope, id, async (em, before) => {
      if (ROLE_UNIT_KIND[role] !== before.orgUnitKind)
        throw new ValidationProblem([{ field: 'role', rule: 'roleUnitKind', args: [] }]);
      if (!grantableRoles(actor.role, before.orgUnitKind).includes(role))
        throw new ProblemException(HttpStatus.FORBIDDEN, 'role_not_grantable');
      if (role === before.role) throw new ValidationProblem([{ field: 'role', rule: 'roleUnchanged', args: [] }]);
      await this.accounts.setRole(em, id, role);
      return this.done(em, actor, scope, 'ROLE_CHANGED', before, reason, 'ROLE_CHANGED');
    });
  }

  disable(actor: Principal, scope: Scope, id: string, reason: string): Promise<AccountDetail> {
    return this.act(actor, scope, id, async (em, before) => {
      if (before.status === 'DISABLED') throw new ProblemException(HttpStatus.CONFLICT, 'account_already_disabled');
      await this.accounts.disable(em, id, reason);
      return this.done(em, actor, scope, 'ACCOUNT_DISABLED', before, reason, 'DISABLED');
    });
  }

  /** A staff member's account comes back only while they work at the school: one who left stays disabled. */
  enable(actor: Principal, scope: Scope, id: string, reason: string): Promise<AccountDetail> {
    return this.act(actor, scope, id, async (em, before) => {
      if (before.status !== 'DISABLED') throw new ProblemException(HttpStatus.CONFLICT, 'account_not_disabled');
      if (before.staffId && before.orgUnitKind === 'SCHOOL') {
        const working = await this.staff.activeStaffIds(em, before.orgUnitId, [before.staffId]);
        if (!working.size) throw new ProblemException(HttpStatus.CONFLICT, 'staff_not_working');
      }
      await this.accounts.enable(em, id);
      return this.done(em, actor, scope, 'ACCOUNT_ENABLED', before, reason);
    });
  }

  /**
   * A new one-time password, shown once to the administrator who hands it over; the next sign-in must replace it. It
   * answers the account's pending "forgot password" requests.
   */
  resetPassword(actor: Principal, scope: Scope, id: string, reason: string): Promise<OneTimeCredential> {
    return this.act(actor, scope, id, async (em, before) => {
      const oneTimePassword = newOneTimePassword(before.username);
      await this.accounts.setOneTimePassword(em, id, await hashPassword(oneTimePassword));
      const answered = await this.resetRequests.markDone(em, id, actor.userId);
      const after = await this.reload(em, id);
      await auditAccountAction(this.audit, em, 'PASSWORD_RESET', before, after, reason, { resetRequests: answered });
      const credential: OneTimeCredential = {
        accountId: id,
        username: after.username,
        fullName: after.fullName,
        orgUnitName: after.orgUnitName,
        role: after.role,
        oneTimePassword,
      };
      return { result: credential, endSessions: 'PASSWORD_CHANGED' };
    });
  }

  /** Forgets the second factor (a lost phone): the next sign-in enrols a new one if the role requires it. */
  resetMfa(actor: Principal, scope: Scope, id: string, reason: string): Promise<AccountDetail> {
    return this.act(actor, scope, id, async (em, before) => {
      await this.accounts.clearMfa(em, id);
      return this.done(em, actor, scope, 'MFA_RESET', before, reason, 'MFA_RESET');
    });
  }

  unlock(actor: Principal, scope: Scope, id: string, reason: string): Promise<AccountDetail> {
    return this.act(actor, scope, id, async (em, before) => {
      if (before.status !== 'SOFT_LOCKED') throw new ProblemException(HttpStatus.CONFLICT, 'account_not_locked');
      await this.accounts.unlock(em, id);
      return this.done(em, actor, scope, 'UNLOCK', before, reason);
    });
  }

  /**
   * Runs one action on an account the caller administers, in one transaction with its audit row; ends the user's
   * sessions once the change has committed.
   */
  private async act<T>(
    actor: Principal,
    scope: Scope,
    id: string,
    work: (em: EntityManager, before: AccountRecord) => Promise<Outcome<T>>,
  ): Promise<T> {
    const outcome = await this.db.run(async (em) => {
      const before = await this.accounts.find(em, id, true);
      if (!before) throw new NotFoundException();
      assertManageable(actor, scope, before);
      return work(em, before);
    });
    if (outcome.endSessions) await this.sessions.endAllFor(id, outcome.endSessions);
    return outcome.result;
  }

  private async done(
    em: EntityManager,
    actor: Principal,
    scope: Scope,
    action: AuditAction,
    before: AccountRecord,
    reason: string,
    endSessions?: SessionEndReason,
  ): Promise<Outcome<AccountDetail>> {
    const after = await this.reload(em, before.id);
    await auditAccountAction(this.audit, em, action, before, after, reason);
    // The sessions end before the answer leaves (act), so the account has none open by then.
    const activeSessions = endSessions ? 0 : after.activeSessions;
    return { result: { ...after, activeSessions, grantableRoles: rolesGrantableOn(actor, scope, after) }, endSessions };
  }

  private async reload(em: EntityManager, id: string): Promise<AccountRecord> {
    const after = await this.accounts.find(em, id);
    if (!after) throw new NotFoundException();
    return after;
  }
}
