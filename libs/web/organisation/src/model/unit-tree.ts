import { OrgUnitAdminItem } from '@emis/contracts';

/** A unit (department or intermediate unit) of the tree page's left column, with the units under it. */
export interface UnitTreeNode {
  unit: OrgUnitAdminItem;
  depth: number;
  children: UnitTreeNode[];
}

/**
 * The units of the caller's scope arranged by today's parent (per the parent history). A unit whose parent is not
 * in the list (the caller's own unit, or the department for a department user) is a root. Names sort the Vietnamese
 * way, so "Đ" follows "D" rather than "Z".
 */
export function buildUnitTree(units: readonly OrgUnitAdminItem[]): UnitTreeNode[] {
  const ids = new Set(units.map((unit) => unit.id));
  const childrenOf = new Map<string | null, OrgUnitAdminItem[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), unit]);
  }
  const grow = (parentId: string | null, depth: number, seen: Set<string>): UnitTreeNode[] =>
    (childrenOf.get(parentId) ?? [])
      .filter((unit) => !seen.has(unit.id))
      .sort(byName)
      .map((unit) => ({ unit, depth, children: grow(unit.id, depth + 1, new Set(seen).add(unit.id)) }));
  return grow(null, 0, new Set());
}

/** The rows the tree shows: every root, and the children of the expanded nodes, depth first. */
export function visibleRows(roots: readonly UnitTreeNode[], expanded: ReadonlySet<string>): UnitTreeNode[] {
  const rows: UnitTreeNode[] = [];
  const walk = (nodes: readonly UnitTreeNode[]): void => {
    for (const node of nodes) {
      rows.push(node);
      if (expanded.has(node.unit.id)) walk(node.children);
    }
  };
  walk(roots);
  return rows;
}

/** The unit and everything under it: a move into any of them would make the tree a cycle. */
export function subtreeIds(units: readonly Pick<OrgUnitAdminItem, 'id' | 'parentId'>[], rootId: string): Set<string> {
  const inside = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && inside.has(unit.parentId) && !inside.has(unit.id)) {
        inside.add(unit.id);
        grew = true;
      }
    }
  }
  return inside;
}

/** The ancestors of a unit, nearest last, so opening the tree at a unit expands the path down to it. */
export function ancestorIds(units: readonly Pick<OrgUnitAdminItem, 'id' | 'parentId'>[], id: string): string[] {
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
  const path: string[] = [];
  let current = parentOf.get(id) ?? null;
  while (current !== null && !path.includes(current)) {
    path.unshift(current);
    current = parentOf.get(current) ?? null;
  }
  return path;
}

const collator = new Intl.Collator('vi');

function byName(a: OrgUnitAdminItem, b: OrgUnitAdminItem): number {
  return collator.compare(a.name, b.name) || a.code.localeCompare(b.code);
}
