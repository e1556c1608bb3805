import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { OrgUnitAdminDetail, OrgUnitClose, OrgUnitMove, OrgUnitReopen } from '@emis/contracts';
import { todayInVietnam } from '@emis/domain';
import { assertInScope, ProblemException, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { OrgTreeService } from '../org-tree.service';
import { OrgChangeAudit } from './org-change-audit';
import { AdminUnitRow, OrgAdminRepository, PeriodRow } from './org-admin.repository';
import { fieldError, OrgAdminService } from './org-admin.service';
import { vietnamDay, vietnamMidnight } from './org-unit-item';
import { placementErrors } from './placement';

/**
 * A unit's life in the tree (docs/domain/organisation.md): effective-dated moves, closing and reopening. Every change
 * is audited with its reason and decision, and the cached tree is dropped so scopes follow at once.
 */
@Injectable()
export class UnitLifecycleService {
  constructor(
    private readonly repo: OrgAdminRepository,
    private readonly tree: OrgTreeService,
    private readonly db: TenantDb,
    private readonly audit: OrgChangeAudit,
    private readonly units: OrgAdminService,
  ) {}

  /**
   * Moves a unit under another from `effectiveFrom`: the period in force ends that day and the new one begins, so a
   * unit officer sees a school from the day it joins the unit and reports of earlier dates keep it under the old one.
   * A move dated after today waits ("pending"); deciding another replaces it, and a move back to the parent in force
   * cancels it.
   */
  async move(scope: Scope, id: string, body: OrgUnitMove): Promise<OrgUnitAdminDetail> {
    await this.db.run(async (em) => {
      const unit = await this.openUnit(em, scope, id);
      if (unit.kind === 'DEPARTMENT') throw new ValidationProblem([fieldError('parentId', 'departmentStays')]);
      const placement = await placementErrors(this.tree, scope, body.parentId, id);
      if (placement.length) throw new ValidationProblem(placement);
      const { current, droppedPending } = await this.periodInForce(em, id);
      const from = vietnamMidnight(body.effectiveFrom);
      if (current.parent_id === body.parentId) {
        if (!droppedPending) throw new ValidationProblem([fieldError('parentId', 'sameParent')]);
      } else {
        if (from <= current.valid_from) {
          const start = vietnamDay(current.valid_from);
          throw new ValidationProblem([fieldError('effectiveFrom', 'notAfterPeriodStart', [start])]);
        }
        await this.repo.move(em, id, body.parentId, from, current.valid_from);
      }
      const grounds = { reason: body.reason, decisionNo: body.decisionNo ?? null };
      await this.audit.record(em, id, 'MOVE', { before: unit, after: await this.repo.find(em, id), grounds });
    });
    this.tree.invalidate();
    return this.units.detail(scope, id);
  }

  /** Closes a unit from a day not after today; it keeps its data, read-only. A unit with open units under it stays. */
  async close(scope: Scope, id: string, body: OrgUnitClose): Promise<OrgUnitAdminDetail> {
    if (body.closedOn > todayInVietnam()) throw new ValidationProblem([fieldError('closedOn', 'notInFuture')]);
    await this.db.run(async (em) => {
      const unit = await this.openUnit(em, scope, id);
      if ((await this.repo.openChildren(em, id)) > 0) {
        throw new ProblemException(HttpStatus.CONFLICT, 'unit_has_open_children');
      }
      await this.repo.close(em, id, body.closedOn, body.reason, body.decisionNo ?? null);
      const grounds = { reason: body.reason, decisionNo: body.decisionNo ?? null };
      await this.audit.record(em, id, 'CLOSE', { before: unit, after: await this.repo.find(em, id), grounds });
    });
    this.tree.invalidate();
    return this.units.detail(scope, id);
  }

  /**
   * Opens a closed unit again, under an open parent. The request's scope is taken without its closed units: the
   * reopening is audited in the unit's own chain, which row-level security keeps from writes while it is closed.
   */
  async reopen(scope: Scope, id: string, body: OrgUnitReopen): Promise<OrgUnitAdminDetail> {
    assertInScope(scope, id);
    await this.db.runWithScope({ ...scope, closedIds: [] }, async (em) => {
      const unit = await this.repo.find(em, id);
      if (!unit) throw new NotFoundException();
      if (unit.active) throw new ProblemException(HttpStatus.CONFLICT, 'unit_not_closed');
      if (unit.parent_id && (await this.tree.get(unit.parent_id))?.closed) {
        throw new ProblemException(HttpStatus.CONFLICT, 'parent_closed');
      }
      await this.repo.reopen(em, id);
      const grounds = { reason: body.reason, decisionNo: body.decisionNo ?? null };
      await this.audit.record(em, id, 'REOPEN', { before: unit, after: await this.repo.find(em, id), grounds });
    });
    this.tree.invalidate();
    return this.units.detail(scope, id);
  }

  private async openUnit(em: EntityManager, scope: Scope, id: string): Promise<AdminUnitRow> {
    assertInScope(scope, id);
    const unit = await this.repo.find(em, id);
    if (!unit) throw new NotFoundException();
    if (!unit.active) throw new ProblemException(HttpStatus.CONFLICT, 'unit_closed');
    return unit;
  }

  /** The period in force (the latest once a pending move is dropped), its rows locked for the split. */
  private async periodInForce(em: EntityManager, id: string): Promise<{ current: PeriodRow; droppedPending: boolean }> {
    let periods = await this.repo.periods(em, id);
    if (periods.length === 0) {
      await this.repo.recordFirstPeriod(em, id);
      periods = await this.repo.periods(em, id);
    }
    const latest = periods[periods.length - 1];
    if (latest.valid_from > new Date() && periods.length > 1) {
      await this.repo.dropPendingMove(em, id, latest.valid_from);
      return { current: { ...periods[periods.length - 2], valid_to: null }, droppedPending: true };
    }
    return { current: latest, droppedPending: false };
  }
}
