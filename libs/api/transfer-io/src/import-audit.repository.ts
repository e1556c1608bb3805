import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@emis/contracts';
import { Principal } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

export interface RecordChange {
  entity: string;
  entityId: string;
  action: AuditAction;
  before: unknown;
  after: unknown;
}

/**
 * The import's audit rows, one per created or updated record, appended by audit_append_batch: the same hash chain
 * and row shape as AuditService.record (audit_append), with the school's chain head moved once instead of once
 * per row (see migration 1764200000400 for the measurement). In the caller's transaction.
 */
@Injectable()
export class ImportAuditRepository {
  async appendAll(em: EntityManager, schoolId: string, actor: Principal | undefined, changes: RecordChange[], at: Date): Promise<void> {
    if (!changes.length) return;
    const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
    await em.query(`select audit_append_batch($1, $2, $3, $4, $5, $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::jsonb[])`, [
      schoolId, at, actor?.userId ?? null, actor?.fullName ?? null, actor?.orgUnitId ?? null,
      changes.map((c) => c.entity), changes.map((c) => c.entityId), changes.map((c) => c.action),
      changes.map((c) => json(c.before)), changes.map((c) => json(c.after)),
    ]);
  }
}
