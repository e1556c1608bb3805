import { Injectable } from '@nestjs/common';
import type { OrgUnitNode } from '@emis/contracts';
import { OrgUnitKind, SchoolLevel, SchoolOwnership } from '@emis/domain';
import { Scope } from '@emis/api/platform';
import { OrgUnitsRepository } from './org-units.repository';

export interface OrgUnit {
  id: string;
  parentId: string | null;
  kind: OrgUnitKind;
  code: string;
  name: string;
  levels: SchoolLevel[];
  ownership: SchoolOwnership | null;
}

interface TreeIndex {
  byId: Map<string, OrgUnit>;
  children: Map<string, string[]>;
  loadedAt: number;
}

/** A province has at most a few thousand org units: the tree is held in memory and refreshed every few seconds. */
const TREE_TTL_MS = 10_000;

/**
 * The org-unit tree and the scopes it implies. org_unit is reference data (no RLS); this service is the
 * API-side layer that decides which subtree a caller sees.
 */
@Injectable()
export class OrgTreeService {
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
    const rows = await this.units.activeUnits();
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
      };
      byId.set(unit.id, unit);
      if (unit.parentId) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
    }
    return { byId, children, loadedAt: Date.now() };
  }
}

function kindRank(kind: OrgUnitKind): number {
  return kind === 'DEPARTMENT' ? 0 : kind === 'UNIT' ? 1 : 2;
}
