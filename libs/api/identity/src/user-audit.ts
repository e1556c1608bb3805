import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import { CTX, Principal, Scope, scopeIncludes, TenantDb } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { ClsService } from 'nestjs-cls';
import { EntityManager } from 'typeorm';
import { UserRecord } from './users.repository';

/** The account an event is about: its audit goes to the chain of the account's own org unit. */
export type AuditedUser = Pick<UserRecord, 'id' | 'username' | 'fullName' | 'role' | 'orgUnitId'>;

/** The user as the actor of their own sign-in events (no principal exists yet at sign-in). */
export function asActor(user: AuditedUser): Principal {
  return {
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    orgUnitId: user.orgUnitId,
  };
}

/**
 * Account events (sign-in, sessions, administrators' actions) in the audit chain of the account's org unit
 * (entity app_user).
 */
@Injectable()
export class UserAudit {
  constructor(
    private readonly tree: OrgTreeService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly cls: ClsService,
  ) {}

  /**
   * Runs `work` in a transaction whose scope holds the account's unit: the request's own scope when it does, so an
   * administrator's action and its consequences (ending the account's sessions) join one transaction and one audit
   * chain lock; otherwise (sign-in, refresh, a view narrowed away from one's own unit) the unit's own scope.
   */
  async inUnitOf<T>(user: AuditedUser, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const current = this.cls.isActive() ? this.cls.get<Scope | undefined>(CTX.scope) : undefined;
    const scope =
      current && scopeIncludes(current, user.orgUnitId) ? current : await this.tree.scopeFor(user.orgUnitId);
    return this.db.runWithScope(scope, work);
  }

  /** Appends an event in `em`'s transaction. The actor defaults to the request's principal (none: the system). */
  async record(
    em: EntityManager,
    user: AuditedUser,
    action: AuditAction,
    after: Record<string, unknown>,
    actor?: Principal,
  ): Promise<void> {
    await this.audit.record(
      em,
      { schoolId: user.orgUnitId, entity: 'app_user', entityId: user.id, action, after },
      actor,
    );
  }

  /** An event in a transaction of its own. */
  recordNow(user: AuditedUser, action: AuditAction, after: Record<string, unknown>, actor?: Principal): Promise<void> {
    return this.inUnitOf(user, (em) => this.record(em, user, action, after, actor));
  }
}
