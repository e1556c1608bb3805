import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEntry, ChainVerification } from '@emis/contracts';
import { prepared, sqlExec, sqlRow, sqlRows, SqlPart } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

export interface AuditRecord {
  schoolId: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorOrgUnitId: string | null;
  entity: string;
  entityId: string;
  action: AuditAction;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditFilter {
  /** null: every org unit the transaction's scope allows (RLS decides). */
  schoolIds: string[] | null;
  entity?: string;
  entityId?: string;
  limit: number;
  offset: number;
}

/** A row of audit_log as read back (seq is a bigint, which the driver returns as text). */
interface AuditLogRow {
  school_id: string;
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  entity: string;
  entity_id: string;
  action: AuditAction;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

@Injectable()
export class AuditRepository {
  async append(em: EntityManager, r: AuditRecord): Promise<number> {
    const row = await sqlRow<{ seq: string }>(em, APPEND, appendParams(r));
    if (!row) throw new Error('audit_append returned no row');
    return Number(row.seq);
  }

  /** `append` as a piece of the caller's statement: `select audit_append(…) as seq` with the caller's placeholders. */
  appendPart(r: AuditRecord): SqlPart {
    return (bind) => {
      const [p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11] = appendParams(r).map(bind);
      return `select audit_append(${p1}::uuid, ${p2}::timestamptz, ${p3}::uuid, ${p4}::text, ${p5}::uuid, ${p6}::text, ${p7}::text, ${p8}::text, ${p9}::jsonb, ${p10}::jsonb, ${p11}::text) as seq`;
    };
  }

  /**
   * Many rows of one school and actor in one call (audit_append_batch): the same chain and row shape as append,
   * with the chain head moved once. Thousands of single appends in one transaction each update the head row again,
   * and every later lookup walks that row's growing version chain (14 s of a 10,000-row import, measured).
   */
  async appendMany(
    em: EntityManager,
    schoolId: string,
    at: Date,
    actor: Pick<AuditRecord, 'actorId' | 'actorName' | 'actorOrgUnitId'>,
    rows: Pick<AuditRecord, 'entity' | 'entityId' | 'action' | 'before' | 'after'>[],
  ): Promise<void> {
    if (!rows.length) return;
    const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
    await sqlExec(
      em,
      `select audit_append_batch($1, $2, $3, $4, $5, $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::jsonb[])`,
      [
        schoolId,
        at,
        actor.actorId,
        actor.actorName,
        actor.actorOrgUnitId,
        rows.map((r) => r.entity),
        rows.map((r) => r.entityId),
        rows.map((r) => r.action),
        rows.map((r) => json(r.before)),
        rows.map((r) => json(r.after)),
      ],
    );
  }

  /**
   * The rows `entries` selects, appended as appendMany does, without their passing through the API: a province-scale
   * import audits up to 200,000 records whose before and after its own statement builds from its staging table
   * (docs/adr/province-scale-imports.md). `entries` selects the columns entity, entity_id, action, before (jsonb),
   * after (jsonb) and ord (their order in the chain). Answers how many rows were appended.
   */
  async appendSelected(
    em: EntityManager,
    schoolId: string,
    at: Date,
    actor: Pick<AuditRecord, 'actorId' | 'actorName' | 'actorOrgUnitId'>,
    entries: SqlPart,
  ): Promise<number> {
    const params: unknown[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const source = entries(bind);
    const [school, when, actorId, actorName, actorUnit] = [
      schoolId,
      at,
      actor.actorId,
      actor.actorName,
      actor.actorOrgUnitId,
    ].map(bind);
    const row = await sqlRow<{ n: number }>(
      em,
      `select count(*)::int as n,
              audit_append_batch(${school}::uuid, ${when}::timestamptz, ${actorId}::uuid, ${actorName}::text, ${actorUnit}::uuid,
                                 array_agg(e.entity::text order by e.ord), array_agg(e.entity_id::text order by e.ord),
                                 array_agg(e.action::text order by e.ord), array_agg(e.before::jsonb order by e.ord),
                                 array_agg(e.after::jsonb order by e.ord)) as seq
         from (${source}) e`,
      params,
    );
    return row?.n ?? 0;
  }

  async list(em: EntityManager, f: AuditFilter): Promise<{ items: AuditEntry[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.schoolIds) {
      params.push(f.schoolIds);
      where.push(`school_id = any($${params.length}::uuid[])`);
    }
    if (f.entity) {
      params.push(f.entity);
      where.push(`entity = $${params.length}`);
    }
    if (f.entityId) {
      params.push(f.entityId);
      where.push(`entity_id = $${params.length}`);
    }
    const clause = where.length ? `where ${where.join(' and ')}` : '';
    const counted = await sqlRow<{ total: number }>(
      em,
      `select count(*)::int as total from audit_log ${clause}`,
      params,
    );
    const rows = await sqlRows<AuditLogRow>(
      em,
      `select school_id, seq, at, actor_id, actor_name, entity, entity_id, action, before, after, request_id
         from audit_log ${clause} order by at desc, seq desc limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    return { total: counted?.total ?? 0, items: rows.map(toEntry) };
  }

  async verify(em: EntityManager, schoolId: string): Promise<ChainVerification> {
    const row = await sqlRow<{ rows: string; broken_at: string | null }>(
      em,
      `select rows, broken_at from audit_verify($1)`,
      [schoolId],
    );
    if (!row) throw new Error('audit_verify returned no row');
    const brokenAtSeq = row.broken_at === null ? null : Number(row.broken_at);
    return { schoolId, rows: Number(row.rows), valid: brokenAtSeq === null, brokenAtSeq };
  }

  /** Org units that have a chain, for verifying all of them. */
  async chainIds(em: EntityManager): Promise<string[]> {
    const rows = await sqlRows<{ school_id: string }>(em, `select school_id from audit_chain_head order by school_id`);
    return rows.map((r) => r.school_id);
  }
}

function toEntry(r: AuditLogRow): AuditEntry {
  return {
    schoolId: r.school_id,
    seq: Number(r.seq),
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: r.before ?? null,
    after: r.after ?? null,
    requestId: r.request_id,
  };
}

const APPEND = prepared(`select audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11) as seq`);

/** audit_append's arguments, in order. */
function appendParams(r: AuditRecord): unknown[] {
  return [
    r.schoolId,
    r.at,
    r.actorId,
    r.actorName,
    r.actorOrgUnitId,
    r.entity,
    r.entityId,
    r.action,
    r.before === undefined ? null : JSON.stringify(r.before),
    r.after === undefined ? null : JSON.stringify(r.after),
    r.requestId,
  ];
}
