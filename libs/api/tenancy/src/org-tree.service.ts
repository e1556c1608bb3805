import { HttpStatus, Injectable } from '@nestjs/common';
import type { OrgUnitNode } from '@emis/contracts';
import { OrgUnitKind, SchoolLevel, SchoolOwnership } from '@emis/domain';
import { ProblemException, Scope, ScopeResolver } from '@emis/api/platform';
import { OrgUnitsRepository } from './org-units.repository';

export interface OrgUnit {
  id: string;
  parentId: string | null;
  kind: OrgUnitKind;
  code: string;
  name: string;
  levels: SchoolLevel[];
  ownership: SchoolOwnership | null;
  /** A closed unit stays in the tree with its data, read-only (docs/domain/organisation.md, "Closing a unit"). */
  closed: boolean;
}

interface TreeIndex {
  byId: Map<string, OrgUnit>;
  children: Map<string, string[]>;
  closedIds: string[];
  loadedAt: number;
}

/**
 * What a user of a closed school or unit may still change: their own account (password, sign-out, sessions, MFA),
 * and the department's organisation administration, which reopens a unit.
 */
const OPEN_WHEN_CLOSED = ['/api/auth/', '/api/org-admin/'];

/** A province has at most a few thousand org units: the tree is held in memory and refreshed every few seconds. */
const TREE_TTL_MS = 10_000;

/**
 * The org-unit tree of today and the scopes it implies. org_unit is reference data (no RLS); this service is the
 * API-side layer that decides which subtree a caller sees. A moved unit sits under the parent of the period in force
 * today, so a unit officer sees a school from the day it joins the unit (docs/domain/organisation.md).
 */
@Injectable()
export class OrgTreeService implements ScopeResolver {
  private index?: TreeIndex;
  private loading?: Promise<TreeIndex>;

  constructor(private readonly units: OrgUnitsRepository) {}

  async get(id: string): Promise<OrgUnit | undefined> {
    return (await this.tree()).byId.get(id);
  }

  /** The scope of a user attached to `orgUnitId`: the department sees all, others their subtree. */
  async scopeFor(orgUnitId: string): Promise<Scope> {
    let tree = await this.tree();
    let unit = tree.byId.get(orgUnitId);
    if (!unit) {
      // A unit created since the cached tree was read (by another API instance): read the tree again once, rather
      // than hand out an empty scope under which an import job or a new school's user would find nothing.
      this.invalidate();
      tree = await this.tree();
      unit = tree.byId.get(orgUnitId);
    }
    if (!unit) return { rootId: orgUnitId, all: false, orgUnitIds: [] };
    if (unit.kind === 'DEPARTMENT' && unit.parentId === null) return { rootId: orgUnitId, all: true, orgUnitIds: [] };
    return { rootId: orgUnitId, all: false, orgUnitIds: this.subtreeIds(tree, orgUnitId) };
  }

  /** The department: the root of the tree. */
  async departmentId(): Promise<string> {
    const root = [...(await this.tree()).byId.values()].find((u) => u.parentId === null && u.kind === 'DEPARTMENT');
    if (!root) throw new Error('departmentId: the province has no department (run the set-up first)');
    return root.id;
  }

  /** The units of `rootId`'s subtree today, itself included. */
  async subtree(rootId: string): Promise<string[]> {
    return this.subtreeIds(await this.tree(), rootId);
  }

  /**
   * The same, read from the database now rather than the cache. For the organisation administration's lists: a school
   * another API instance has just created (an import runs on whichever instance's worker takes the job) shows at once,
   * not when this instance's cached tree expires. One read of the tree, on pages the department's few administrators
   * open.
   */
  async currentSubtree(rootId: string): Promise<string[]> {
    this.invalidate();
    return this.subtree(rootId);
  }

  /** Narrows `scope` to the subtree of `unitId`, or undefined when that unit lies outside it. */
  async narrow(scope: Scope, unitId: string): Promise<Scope | undefined> {
    if (unitId === scope.rootId) return scope;
    if (!scope.all && !scope.orgUnitIds.includes(unitId)) return undefined;
    return this.scopeFor(unitId);
  }

  async nodes(scope: Scope): Promise<OrgUnitNode[]> {
    const tree = await this.tree();
    const ids = scope.all ? [...tree.byId.keys()] : scope.orgUnitIds;
    return ids
      .map((id) => tree.byId.get(id))
      .filter((u): u is OrgUnit => Boolean(u))
      .map((u) => ({
        id: u.id,
        parentId: u.parentId,
        kind: u.kind,
        code: u.code,
        name: u.name,
        levels: u.levels,
        closed: u.closed,
        schoolCount: this.subtreeIds(tree, u.id).filter((id) => tree.byId.get(id)?.kind === 'SCHOOL').length,
      }))
      .sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || a.name.localeCompare(b.name, 'vi'));
  }

  /** Ancestors of a unit from the root down, the unit itself excluded. */
  async ancestors(id: string): Promise<OrgUnit[]> {
    const tree = await this.tree();
    const path: OrgUnit[] = [];
    let current = tree.byId.get(id)?.parentId ?? null;
    while (current) {
      const unit = tree.byId.get(current);
      if (!unit) break;
      path.unshift(unit);
      current = unit.parentId;
    }
    return path;
  }

  /**
   * The scope of a mutating request: `scope` with the closed units inside it, which row-level security then keeps
   * from the request (a closed school is read-only).
   */
  async forWriting(scope: Scope, path: string): Promise<Scope> {
    const tree = await this.tree();
    if (tree.byId.get(scope.rootId)?.closed && !OPEN_WHEN_CLOSED.some((prefix) => path.startsWith(prefix))) {
      throw new ProblemException(HttpStatus.CONFLICT, 'school_closed');
    }
    const closedIds = scope.all ? tree.closedIds : scope.orgUnitIds.filter((id) => tree.byId.get(id)?.closed);
    return { ...scope, closedIds };
  }

  /** Forget the cached tree after the tree changed. */
  invalidate(): void {
    this.index = undefined;
  }

  private subtreeIds(tree: TreeIndex, rootId: string): string[] {
    const out: string[] = [];
    const stack = [rootId];
    while (stack.length) {
      const id = stack.pop()!;
      out.push(id);
      stack.push(...(tree.children.get(id) ?? []));
    }
    return out;
  }

  private async tree(): Promise<TreeIndex> {
    if (this.index && Date.now() - this.index.loadedAt < TREE_TTL_MS) return this.index;
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    this.index = await this.loading;
    return this.index;
  }

  private async load(): Promise<TreeIndex> {
    const rows = await this.units.treeUnits();
    const byId = new Map<string, OrgUnit>();
    const children = new Map<string, string[]>();
    for (const r of rows) {
      const unit: OrgUnit = {
        id: r.id,
        parentId: r.parent_id,
        kind: r.kind,
        code: r.code,
        name: r.name,
        levels: r.levels ?? [],
        ownership: r.ownership,
        closed: !r.active,
      };
      byId.set(unit.id, unit);
      if (unit.parentId) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
    }
    const closedIds = [...byId.values()].filter((u) => u.closed).map((u) => u.id);
    return { byId, children, closedIds, loadedAt: Date.now() };
  }
}

function kindRank(kind: OrgUnitKind): number {
  return kind === 'DEPARTMENT' ? 0 : kind === 'UNIT' ? 1 : 2;
}
