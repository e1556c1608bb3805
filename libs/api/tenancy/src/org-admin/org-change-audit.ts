import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import { Principal } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { OrgTreeService } from '../org-tree.service';

/** What an organisation change records besides the unit before and after: why, and on whose decision. */
export interface OrgChangeGrounds {
  reason?: string;
  decisionNo?: string | null;
}

/**
 * Audits a change of the org-unit tree twice, in the transaction that makes it: in the department's chain, which
 * holds the province's whole organisation history, and in the unit's own chain, which travels with the school's
 * records (docs/adr/audit-hash-chain-per-school.md).
 */
@Injectable()
export class OrgChangeAudit {
  constructor(
    private readonly audit: AuditService,
    private readonly tree: OrgTreeService,
  ) {}

  async record(
    em: EntityManager,
    unitId: string,
    action: AuditAction,
    change: { before?: unknown; after?: unknown; grounds?: OrgChangeGrounds },
    actor?: Principal,
  ): Promise<void> {
    const after = change.grounds ? { ...(change.after as object), ...change.grounds } : change.after;
    const entry = { entity: 'org_unit', entityId: unitId, action, before: change.before, after };
    const departmentId = await this.tree.departmentId();
    await this.audit.record(em, { schoolId: departmentId, ...entry }, actor);
    if (unitId !== departmentId) await this.audit.record(em, { schoolId: unitId, ...entry }, actor);
  }
}
