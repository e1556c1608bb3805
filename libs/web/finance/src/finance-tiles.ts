import { Routes } from '@angular/router';
import { Permission } from '@emis/domain';

/** A page's tile on the finance landing page. */
export interface FinanceTile {
  /** The page's path under /finance, as its route declares it. */
  path: string;
  /** The landing page's section: the collection's pages or the budget, spending and books. */
  group: 'collection' | 'money';
  /** Also the tile's data-testid suffix: finance-tile-<name>. */
  name: string;
  /** The page's title and a one-line description (translation keys). */
  titleKey: string;
  descriptionKey: string;
  /** The tile shows when the user has any of these; the page's own guard and the API decide the rest. */
  permissions: readonly Permission[];
}

const collection = (path: string, name: string, permissions: readonly Permission[]): FinanceTile => ({
  path,
  group: 'collection',
  name,
  titleKey: `finance.collection.titles.${name}`,
  descriptionKey: `finance.collection.home.tiles.${name}`,
  permissions,
});

const money = (path: string, name: string, permissions: readonly Permission[] = ['finance.read']): FinanceTile => ({
  path,
  group: 'money',
  name,
  titleKey: `finance.money.titles.${name}`,
  descriptionKey: `finance.money.home.tiles.${name}`,
  permissions,
});

/**
 * Every finance page worth a tile, in the order the landing page shows them. A page added to either routes file
 * gets a line here (and its description in home.tiles of i18n/collection.ts or i18n/money.ts).
 */
export const FINANCE_TILES: readonly FinanceTile[] = [
  collection('payments/new', 'paymentEntry', ['finance.manage']),
  collection('payments', 'payments', ['finance.read']),
  collection('periods', 'periods', ['finance.read']),
  collection('charges', 'charges', ['finance.read']),
  collection('debtors', 'debtors', ['finance.debtors']),
  collection('fee-schedules', 'feeSchedules', ['finance.read']),
  collection('exceptions', 'exceptions', ['finance.read']),
  money('budget', 'budget'),
  money('expenses', 'expenses'),
  money('bank', 'bank'),
  money('books', 'books'),
  money('collection-summary', 'summary'),
  money('reconciliation', 'reconciliation'),
  money('months', 'months'),
  money('claims', 'claims'),
  money('config/tuition-levels', 'tuitionLevels', ['finance.configure']),
  money('config/fee-ranges', 'feeRanges', ['finance.configure']),
  money('config/schools', 'schoolAreas', ['finance.configure']),
];

/** The tiles whose page is among the routes, so a tile never points at a page that is not there. */
export function tilesOf(tiles: readonly FinanceTile[], routes: Routes): FinanceTile[] {
  const paths = new Set(routes.map((route) => route.path));
  return tiles.filter((tile) => paths.has(tile.path));
}

/** The tiles a user may open, by group, in the registry's order. */
export function visibleTiles(
  tiles: readonly FinanceTile[],
  can: (permission: Permission) => boolean,
): Record<FinanceTile['group'], FinanceTile[]> {
  const allowed = tiles.filter((tile) => tile.permissions.some(can));
  return {
    collection: allowed.filter((tile) => tile.group === 'collection'),
    money: allowed.filter((tile) => tile.group === 'money'),
  };
}
