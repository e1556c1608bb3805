// Angular's packages are partially compiled: the JIT compiler finishes their declarations (no linker runs under Jest).
import '@angular/compiler';
import { can, Role } from '@emis/domain';
import { COLLECTION_ROUTES } from './collection.routes';
import { FINANCE_TILES, tilesOf, visibleTiles } from './finance-tiles';
import { FINANCE_ROUTES } from './finance.routes';

const tilesFor = (role: Role) =>
  visibleTiles(tilesOf(FINANCE_TILES, FINANCE_ROUTES), (permission) => can(role, permission));

describe('the finance landing page’s tiles', () => {
  it('point only at pages the routes have', () => {
    const paths = new Set(FINANCE_ROUTES.map((route) => route.path));
    expect(tilesOf(FINANCE_TILES, FINANCE_ROUTES).every((tile) => paths.has(tile.path))).toBe(true);
    expect(tilesOf(FINANCE_TILES, COLLECTION_ROUTES).map((tile) => tile.group)).not.toContain('money');
  });

  it('give the accountant payment entry, periods, fee schedules and debtors', () => {
    const names = tilesFor('ACCOUNTANT').collection.map((tile) => tile.name);
    expect(names).toEqual(expect.arrayContaining(['paymentEntry', 'periods', 'feeSchedules', 'debtors', 'payments']));
  });

  it('give a homeroom teacher only the debtor list', () => {
    const tiles = tilesFor('TEACHER');
    expect(tiles.collection.map((tile) => tile.name)).toEqual(['debtors']);
    expect(tiles.money).toEqual([]);
  });

  it('give the department reading tiles but no payment entry and no debtor list', () => {
    const names = tilesFor('DEPARTMENT_OFFICER').collection.map((tile) => tile.name);
    expect(names).toContain('charges');
    expect(names).not.toContain('paymentEntry');
    expect(names).not.toContain('debtors');
  });
});

describe('the finance routes', () => {
  it('need finance.read wherever a page names no permission of its own', () => {
    const unguarded = FINANCE_ROUTES.filter((route) => route.path !== '' && !route.canMatch);
    expect(unguarded.map((route) => route.path)).toEqual([]);
  });
});
