import { OrgUnitAdminItem } from '@emis/contracts';
import { ancestorIds, buildUnitTree, subtreeIds, visibleRows } from './unit-tree';

function unit(
  id: string,
  parentId: string | null,
  name: string,
  kind: OrgUnitAdminItem['kind'] = 'UNIT',
): OrgUnitAdminItem {
  return {
    id,
    kind,
    code: id.toUpperCase(),
    name,
    parentId,
    parentName: null,
    levels: [],
    ownership: null,
    address: null,
    commune: null,
    closedOn: null,
    closedReason: null,
    pendingMove: null,
    accountCount: 0,
    hasAdministrator: false,
  };
}

const units = [
  unit('so', null, 'Sở GD&ĐT', 'DEPARTMENT'),
  unit('vl', 'so', 'Văn Lâm'),
  unit('kc', 'so', 'Khoái Châu'),
  unit('dt', 'so', 'Đông Tảo'),
  unit('kc-a', 'kc', 'Cụm A'),
];

describe('buildUnitTree', () => {
  it('roots the tree at the units whose parent is outside the list, children sorted the Vietnamese way', () => {
    const [root, ...others] = buildUnitTree(units);
    expect(others).toEqual([]);
    expect(root.unit.id).toBe('so');
    // Đ sorts after D and before K in Vietnamese, not after Z as in code points.
    expect(root.children.map((n) => n.unit.name)).toEqual(['Đông Tảo', 'Khoái Châu', 'Văn Lâm']);
    expect(root.children[1].children.map((n) => [n.unit.id, n.depth])).toEqual([['kc-a', 2]]);
  });

  it("makes a unit officer's own unit the root when the department is not in their list", () => {
    const roots = buildUnitTree(units.filter((u) => u.id !== 'so'));
    expect(roots.map((n) => n.unit.id)).toEqual(['dt', 'kc', 'vl']);
    expect(roots.every((n) => n.depth === 0)).toBe(true);
  });
});

describe('visibleRows', () => {
  it('lists the roots, and the children of expanded units only', () => {
    const tree = buildUnitTree(units);
    expect(visibleRows(tree, new Set()).map((n) => n.unit.id)).toEqual(['so']);
    expect(visibleRows(tree, new Set(['so'])).map((n) => n.unit.id)).toEqual(['so', 'dt', 'kc', 'vl']);
    expect(visibleRows(tree, new Set(['so', 'kc'])).map((n) => n.unit.id)).toEqual(['so', 'dt', 'kc', 'kc-a', 'vl']);
  });
});

describe('subtreeIds and ancestorIds', () => {
  it('holds the unit and everything under it, whatever the order of the list', () => {
    const shuffled = [units[4], units[2], units[0], units[1], units[3]];
    expect([...subtreeIds(shuffled, 'kc')].sort()).toEqual(['kc', 'kc-a']);
    expect(subtreeIds(shuffled, 'so').size).toBe(5);
  });

  it('walks up to the root, nearest last', () => {
    expect(ancestorIds(units, 'kc-a')).toEqual(['so', 'kc']);
    expect(ancestorIds(units, 'so')).toEqual([]);
  });
});
