import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type {
  OrgUnitAdminDetail,
  OrgUnitAdminItem,
  OrgUnitAdminQuery,
  OrgUnitCreate,
  OrgUnitUpdate,
  Page,
  PageQuery,
} from '@emis/contracts';
import { todayInVietnam } from '@emis/domain';
import {
  assertInScope,
  likePatterns,
  Principal,
  ProblemException,
  RawFieldError,
  Scope,
  TenantDb,
  toPage,
  toSqlPaging,
  ValidationProblem,
} from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { OrgTreeService } from '../org-tree.service';
import { OrgChangeAudit } from './org-change-audit';
import {
  AdminUnitFilter,
  AdminUnitRow,
  OrgAdminRepository,
  UNIT_SORT_COLUMNS,
  UnitParticulars,
} from './org-admin.repository';
import { toAdminItem, vietnamMidnight } from './org-unit-item';
import { placementErrors } from './placement';
import { UnitAccounts } from './unit-accounts';

/**
 * Organisation administration (docs/domain/organisation.md): reading the tree as the department keeps it, creating
 * units and schools, correcting their particulars. Moves, closing and reopening are UnitLifecycleService's.
 */
@Injectable()
export class OrgAdminService {
  constructor(
    private readonly repo: OrgAdminRepository,
    private readonly tree: OrgTreeService,
    private readonly db: TenantDb,
    private readonly audit: OrgChangeAudit,
    private readonly modules: ModuleRef,
  ) {}

  async list(scope: Scope, query: OrgUnitAdminQuery & PageQuery): Promise<Page<OrgUnitAdminItem>> {
    const filter = await this.filterOf(scope, query);
    const paging = toSqlPaging(query, UNIT_SORT_COLUMNS, 'name');
    return this.db.run(async (em) => {
      const { rows, total } = await this.repo.list(em, filter, paging);
      return toPage(await this.items(rows), total, paging);
    });
  }

  /** Every unit the filter names with its parent's code, for the workbook. */
  async listAll(scope: Scope, query: OrgUnitAdminQuery): Promise<(OrgUnitAdminItem & { parentCode: string | null })[]> {
    const filter = await this.filterOf(scope, query);
    return this.db.run(async (em) => {
      const rows = await this.repo.all(em, filter);
      const items = await this.items(rows);
      return items.map((item, i) => ({ ...item, parentCode: rows[i].parent_code }));
    });
  }

  async detail(scope: Scope, id: string): Promise<OrgUnitAdminDetail> {
    assertInScope(scope, id);
    return this.db.run(async (em) => {
      const row = await this.repo.find(em, id);
      if (!row) throw new NotFoundException();
      const [item] = await this.items([row]);
      return { ...item, history: await this.repo.history(em, id), childCount: await this.repo.childCount(em, id) };
    });
  }

  /** A new unit or school under an open unit, in the tree from `effectiveFrom` (today by default). */
  async create(scope: Scope, actor: Principal, body: OrgUnitCreate): Promise<OrgUnitAdminDetail> {
    const id = await this.db.run(async (em) => {
      const errors = [
        ...(await this.particularErrors(em, body.kind, { ...newParticulars(body), address: body.address })),
        ...(await placementErrors(this.tree, scope, body.parentId)),
      ];
      if (errors.length) throw new ValidationProblem(errors);
      const created = await this.repo.insert(em, {
        kind: body.kind,
        parentId: body.parentId,
        opensAt: vietnamMidnight(body.effectiveFrom ?? todayInVietnam()),
        ...newParticulars(body),
      });
      if (body.kind === 'SCHOOL') await this.repo.insertProfile(em, created, body.address ?? null, actor.userId);
      await this.audit.record(em, created, 'CREATE', { after: await this.repo.find(em, created) });
      return created;
    });
    this.tree.invalidate();
    return this.detail(scope, id);
  }

  /** Renames a unit or corrects its particulars (not its parent: that is a move), with the reason audited. */
  async correct(scope: Scope, actor: Principal, id: string, body: OrgUnitUpdate): Promise<OrgUnitAdminDetail> {
    assertInScope(scope, id);
    await this.db.run(async (em) => {
      const before = await this.repo.find(em, id);
      if (!before) throw new NotFoundException();
      if (!before.active) throw new ProblemException(HttpStatus.CONFLICT, 'unit_closed');
      const merged = corrected(before, body);
      const errors = await this.particularErrors(em, before.kind, { ...merged, address: body.address }, id);
      if (errors.length) throw new ValidationProblem(errors);
      await this.repo.correct(em, id, merged);
      if (before.kind === 'SCHOOL' && body.address !== undefined && body.address !== before.address) {
        await this.repo.setAddress(em, id, body.address, actor.userId);
      }
      const after = await this.repo.find(em, id);
      await this.audit.record(em, id, 'UPDATE', { before, after, grounds: { reason: body.reason } });
    });
    this.tree.invalidate();
    return this.detail(scope, id);
  }

  private async filterOf(scope: Scope, query: OrgUnitAdminQuery & { q?: string }): Promise<AdminUnitFilter> {
    let ids = scope.all ? null : scope.orgUnitIds;
    if (query.parentId) {
      assertInScope(scope, query.parentId);
      const below = new Set(await this.tree.currentSubtree(query.parentId));
      below.delete(query.parentId);
      ids = [...below];
    }
    return {
      ids,
      kind: query.kind,
      level: query.level,
      includeClosed: query.includeClosed ?? false,
      search: query.q?.trim() ? likePatterns(query.q) : undefined,
    };
  }

  private async items(rows: AdminUnitRow[]): Promise<OrgUnitAdminItem[]> {
    const counts = await this.modules.get(UnitAccounts, { strict: false }).countFor(rows.map((r) => r.id));
    return rows.map((r) => toAdminItem(r, counts));
  }

  /**
   * What a unit's particulars must be: a code of the pattern not taken by another unit; a school with at least one
   * level and its ownership; a unit (or the department) with neither, and no address (only schools have a profile).
   */
  private async particularErrors(
    em: EntityManager,
    kind: string,
    p: UnitParticulars & { address?: string | null },
    exceptId?: string,
  ): Promise<RawFieldError[]> {
    const errors: RawFieldError[] = [];
    if (await this.repo.codeTaken(em, p.code, exceptId)) errors.push(fieldError('code', 'codeTaken'));
    if (kind === 'SCHOOL') {
      if (!p.levels.length) errors.push(fieldError('levels', 'schoolLevelsRequired'));
      if (!p.ownership) errors.push(fieldError('ownership', 'isDefined'));
    } else {
      if (p.levels.length) errors.push(fieldError('levels', 'onlySchools'));
      if (p.ownership) errors.push(fieldError('ownership', 'onlySchools'));
      if (p.address) errors.push(fieldError('address', 'onlySchools'));
    }
    return errors;
  }
}

export function fieldError(field: string, rule: string, args: readonly unknown[] = []): RawFieldError {
  return { field, rule, args };
}

function newParticulars(body: OrgUnitCreate): UnitParticulars {
  return {
    code: body.code,
    name: body.name,
    levels: body.levels ?? [],
    ownership: body.ownership ?? null,
    commune: body.commune ?? null,
  };
}

/** The unit's particulars with those the correction sends (a null commune clears it). */
function corrected(before: AdminUnitRow, body: OrgUnitUpdate): UnitParticulars {
  return {
    code: body.code ?? before.code,
    name: body.name ?? before.name,
    levels: body.levels ?? before.levels ?? [],
    ownership: body.ownership ?? before.ownership,
    commune: body.commune !== undefined ? body.commune : before.commune,
  };
}
