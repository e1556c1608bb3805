import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEntry, ChainVerification, Page } from '@emis/contracts';
import {
  assertInScope,
  CTX,
  Principal,
  Scope,
  SqlPart,
  TenantDb,
  toPage,
  toSqlPaging,
  PageQueryDto,
} from '@emis/api/platform';
import { ClsService } from 'nestjs-cls';
import { EntityManager } from 'typeorm';
import { withAnchor } from './anchor/anchor-check';
import { AuditAnchors } from './anchor/audit-anchors.service';
import { AuditRecord, AuditRepository } from './audit.repository';

export interface AuditChange {
  /** The school (or unit) whose chain records the change. */
  schoolId: string;
  entity: string;
  entityId: string;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
}

/**
 * What a READ row names: the object read (a list, a sheet, a class's results) and the records it returned. The one
 * shape of every READ row (docs/security/coverage.md): `after: { ids, count, filter?, groups? }`.
 */
export interface AuditedRead {
  schoolId: string;
  entity: string;
  entityId: string;
  /** The records returned (pupils' ids, a file's job id). */
  ids: readonly string[];
  /** What narrowed the read (a semester, a date, a month, a list's filter and paging), when anything did. */
  filter?: object;
  /** The field groups shown beyond the read's plain columns (identity numbers in full, sensitive groups). */
  groups?: readonly string[];
}

/** What a VIEW row names: one full record and the field groups it showed (who saw whose religion, and when). */
export interface AuditedView {
  schoolId: string;
  entity: string;
  entityId: string;
  groups: readonly string[];
}

/**
 * Writes the audit trail. `record` must be called with the transaction that makes the change, so the change
 * and its audit row commit or roll back together.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly db: TenantDb,
    private readonly cls: ClsService,
    private readonly anchors: AuditAnchors,
  ) {}

  async record(em: EntityManager, change: AuditChange, actor?: Principal): Promise<number> {
    return this.repo.append(em, this.recordOf(change, actor));
  }

  /**
   * The same entry as `record` writes, as a piece of the caller's own statement (`select audit_append(…) as seq`, a
   * SELECT the caller may give a WHERE): the change and its audit row in one round trip (the grade save,
   * docs/benchmarks.md). The caller must make its statement evaluate the piece (reference it) exactly when it writes.
   */
  appendPart(change: AuditChange, actor?: Principal): SqlPart {
    return this.repo.appendPart(this.recordOf(change, actor));
  }

  private recordOf(change: AuditChange, actor?: Principal): AuditRecord {
    const who = actor ?? (this.cls.isActive() ? this.cls.get<Principal | undefined>(CTX.principal) : undefined);
    return {
      schoolId: change.schoolId,
      at: new Date(),
      actorId: who?.userId ?? null,
      actorName: who?.fullName ?? null,
      actorOrgUnitId: who?.orgUnitId ?? null,
      entity: change.entity,
      entityId: change.entityId,
      action: change.action,
      before: change.before ?? null,
      after: change.after ?? null,
      requestId: this.cls.isActive() ? (this.cls.get<string | undefined>(CTX.requestId) ?? null) : null,
    };
  }

  /**
   * A read of pupils' grades or personal data (Decree 356/2025/NĐ-CP; docs/domain/personal-data.md): one row per
   * request naming the records returned, not one per record, in the transaction that read them — so the log answers
   * "who saw whose data, when" at the cost of one append per page.
   */
  async recordRead(em: EntityManager, read: AuditedRead, actor?: Principal): Promise<void> {
    await this.record(
      em,
      {
        schoolId: read.schoolId,
        entity: read.entity,
        entityId: read.entityId,
        action: 'READ',
        after: {
          ids: [...read.ids],
          count: read.ids.length,
          ...(read.filter ? { filter: { ...read.filter } } : {}),
          ...(read.groups?.length ? { groups: [...read.groups] } : {}),
        },
      },
      actor,
    );
  }

  /** The look at one full record (a pupil's, a staff member's), naming the field groups shown. The one VIEW writer. */
  async recordView(em: EntityManager, view: AuditedView, actor?: Principal): Promise<void> {
    await this.record(
      em,
      {
        schoolId: view.schoolId,
        entity: view.entity,
        entityId: view.entityId,
        action: 'VIEW',
        after: { groups: [...view.groups] },
      },
      actor,
    );
  }

  /** Many changes in one school by one actor, in the caller's transaction (bulk actions, imports). */
  async recordMany(
    em: EntityManager,
    schoolId: string,
    changes: Omit<AuditChange, 'schoolId'>[],
    actor?: Principal,
    at = new Date(),
  ): Promise<void> {
    const who = actor ?? (this.cls.isActive() ? this.cls.get<Principal | undefined>(CTX.principal) : undefined);
    await this.repo.appendMany(
      em,
      schoolId,
      at,
      { actorId: who?.userId ?? null, actorName: who?.fullName ?? null, actorOrgUnitId: who?.orgUnitId ?? null },
      changes.map((c) => ({
        entity: c.entity,
        entityId: c.entityId,
        action: c.action,
        before: c.before ?? null,
        after: c.after ?? null,
      })),
    );
  }

  /**
   * The changes a statement of the caller selects (columns entity, entity_id, action, before, after, ord), in one
   * school by one actor, appended in the caller's transaction without passing through the API (a province-scale
   * import's records, built from its staging table). Answers how many were appended.
   */
  recordSelected(
    em: EntityManager,
    schoolId: string,
    entries: SqlPart,
    actor?: Principal,
    at = new Date(),
  ): Promise<number> {
    const who = actor ?? (this.cls.isActive() ? this.cls.get<Principal | undefined>(CTX.principal) : undefined);
    return this.repo.appendSelected(
      em,
      schoolId,
      at,
      { actorId: who?.userId ?? null, actorName: who?.fullName ?? null, actorOrgUnitId: who?.orgUnitId ?? null },
      entries,
    );
  }

  async list(
    scope: Scope,
    query: PageQueryDto & { schoolId?: string; entity?: string; entityId?: string },
  ): Promise<Page<AuditEntry>> {
    if (query.schoolId) assertInScope(scope, query.schoolId);
    const paging = toSqlPaging(query, { at: 'at' }, '-at');
    return this.db.run(async (em) => {
      const { items, total } = await this.repo.list(em, {
        schoolIds: query.schoolId ? [query.schoolId] : null,
        entity: query.entity,
        entityId: query.entityId,
        limit: paging.limit,
        offset: paging.offset,
      });
      return toPage(items, total, paging);
    });
  }

  async verify(scope: Scope, schoolId: string): Promise<ChainVerification> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const chain = await this.repo.verify(em, schoolId);
      return withAnchor(chain, (await this.anchors.check(em, [schoolId]))?.get(schoolId));
    });
  }
}
