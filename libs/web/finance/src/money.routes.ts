import { Routes } from '@angular/router';
import { canLeavePage, requirePermission } from '@emis/web/core';

/**
 * Budget, expense vouchers, bank statements and matching, the books, reconciliation, closed months, the reimbursement
 * claims (a school's pages: the school picked in the switcher), and the province's settings (the department's).
 * Reading needs finance.read (the app's 'finance' route); writing is checked per button and by the API. Their tiles on
 * the landing page: finance-tiles.ts.
 */
export const MONEY_ROUTES: Routes = [
  {
    path: 'budget',
    title: 'finance.money.titles.budget',
    loadComponent: () => import('./feature-budget/budget.page').then((m) => m.BudgetPage),
  },
  {
    path: 'expenses',
    title: 'finance.money.titles.expenses',
    loadComponent: () => import('./feature-expenses/expense-list.page').then((m) => m.ExpenseListPage),
  },
  {
    path: 'expenses/new',
    title: 'finance.money.titles.expenseNew',
    canMatch: [requirePermission('finance.manage')],
    loadComponent: () => import('./feature-expenses/expense-form.page').then((m) => m.ExpenseFormPage),
    canDeactivate: [canLeavePage],
  },
  {
    path: 'expenses/:expenseId',
    title: 'finance.money.titles.expense',
    loadComponent: () => import('./feature-expenses/expense-detail.page').then((m) => m.ExpenseDetailPage),
  },
  {
    path: 'expenses/:expenseId/edit',
    title: 'finance.money.titles.expenseEdit',
    canMatch: [requirePermission('finance.manage')],
    loadComponent: () => import('./feature-expenses/expense-form.page').then((m) => m.ExpenseFormPage),
    canDeactivate: [canLeavePage],
  },
  {
    path: 'bank',
    title: 'finance.money.titles.bank',
    loadComponent: () => import('./feature-bank/bank.page').then((m) => m.BankPage),
  },
  {
    path: 'reconciliation',
    title: 'finance.money.titles.reconciliation',
    loadComponent: () => import('./feature-reconciliation/reconciliation.page').then((m) => m.ReconciliationPage),
  },
  {
    path: 'books',
    title: 'finance.money.titles.books',
    loadComponent: () => import('./feature-books/books.page').then((m) => m.BooksPage),
  },
  {
    path: 'collection-summary',
    title: 'finance.money.titles.summary',
    loadComponent: () =>
      import('./feature-collection-summary/collection-summary.page').then((m) => m.CollectionSummaryPage),
  },
  {
    path: 'claims',
    title: 'finance.money.titles.claims',
    loadComponent: () => import('./feature-claims/claims.page').then((m) => m.ClaimsPage),
  },
  {
    path: 'months',
    title: 'finance.money.titles.months',
    loadComponent: () => import('./feature-months/months.page').then((m) => m.MonthsPage),
  },
  {
    path: 'config/tuition-levels',
    title: 'finance.money.titles.tuitionLevels',
    loadComponent: () => import('./feature-finance-config/tuition-levels.page').then((m) => m.TuitionLevelsPage),
  },
  {
    path: 'config/fee-ranges',
    title: 'finance.money.titles.feeRanges',
    loadComponent: () => import('./feature-finance-config/fee-ranges.page').then((m) => m.FeeRangesPage),
  },
  {
    path: 'config/schools',
    title: 'finance.money.titles.schoolAreas',
    loadComponent: () => import('./feature-finance-config/school-areas.page').then((m) => m.SchoolAreasPage),
  },
];
