import { HttpStatus, Injectable } from '@nestjs/common';
import type { MfaPolicyItem, MfaPolicyUpdate } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import { Principal, ProblemException, TenantDb } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { isRole, MFA_ALWAYS_ROLES, Role, roleRequiresMfa, ROLES } from '@emis/domain';
import { MfaRepository } from './mfa.repository';

/**
 * Which roles must use a second factor (docs/domain/sign-in.md, "Second factor"): the department sets it for the
 * school roles; MFA_ALWAYS_ROLES (they read more than one school, or administer) need it whatever the policy says.
 */
@Injectable()
export class MfaPolicyService {
  constructor(
    private readonly repo: MfaRepository,
    private readonly tree: OrgTreeService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  /** The roles the policy requires a second factor of (read at every sign-in: six rows, one query). */
  async enforcedRoles(): Promise<Role[]> {
    return (await this.repo.policy()).filter((p) => p.required).map((p) => p.role);
  }

  async requiresMfa(role: Role): Promise<boolean> {
    return roleRequiresMfa(role, await this.enforcedRoles());
  }

  async list(): Promise<MfaPolicyItem[]> {
    const enforced = await this.enforcedRoles();
    return ROLES.map((role) => ({
      role,
      required: roleRequiresMfa(role, enforced),
      fixed: MFA_ALWAYS_ROLES.includes(role),
    }));
  }

  /** Sets the policy; exempting a fixed role is refused. Audited under the department's chain, before and after. */
  async update(change: MfaPolicyUpdate, actor: Principal): Promise<MfaPolicyItem[]> {
    // Only the roles named (a DTO instance carries the others as undefined).
    const entries = Object.entries(change.required).filter(
      (e): e is [Role, boolean] => isRole(e[0]) && typeof e[1] === 'boolean',
    );
    const exempted = entries.filter(([role, required]) => MFA_ALWAYS_ROLES.includes(role) && !required);
    if (exempted.length) throw new ProblemException(HttpStatus.CONFLICT, 'mfa_role_fixed');
    const before = await this.list();
    for (const [role, required] of entries) await this.repo.setPolicy(role, required, actor.userId);
    const after = await this.list();
    if (JSON.stringify(requiredRoles(before)) === JSON.stringify(requiredRoles(after))) return after;
    const scope = await this.tree.scopeFor(actor.orgUnitId);
    await this.db.runWithScope(scope, (em) =>
      this.audit.record(
        em,
        {
          schoolId: actor.orgUnitId,
          entity: 'mfa_policy',
          entityId: actor.orgUnitId,
          action: 'UPDATE',
          before: requiredRoles(before),
          after: requiredRoles(after),
        },
        actor,
      ),
    );
    return after;
  }
}

function requiredRoles(policy: MfaPolicyItem[]): { required: Role[] } {
  return { required: policy.filter((p) => p.required).map((p) => p.role) };
}
