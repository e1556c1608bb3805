import { Route, Routes } from '@angular/router';
import { requirePermission } from '@emis/web/core';
import { COLLECTION_ROUTES } from './collection.routes';
import { FINANCE_TILES, tilesOf } from './finance-tiles';
import { MONEY_ROUTES } from './money.routes';

/**
 * The app's 'finance' route also admits a homeroom teacher (finance.debtors, for their debtor list): a page that says
 * nothing of its own needs finance.read, so nobody lands on a page whose every call the API refuses.
 */
function readingByDefault(route: Route): Route {
  return route.canMatch ? route : { ...route, canMatch: [requirePermission('finance.read')] };
}

/**
 * School finance of the current school: fee schedules, periods, what pupils owe, payments, receipts and debtors
 * (collection.routes.ts); budget, spending, bank statements, books, reconciliation and the province's settings
 * (money.routes.ts). The landing page shows a tile for each of them (finance-tiles.ts).
 */
export const FINANCE_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'finance.title',
    data: { tiles: tilesOf(FINANCE_TILES, [...COLLECTION_ROUTES, ...MONEY_ROUTES]) },
    loadComponent: () => import('./feature-finance-home/finance-home.page').then((m) => m.FinanceHomePage),
  },
  ...MONEY_ROUTES.map(readingByDefault),
  ...COLLECTION_ROUTES.map(readingByDefault),
];
