import { Routes } from '@angular/router';
import { requirePermission } from '@emis/web/core';

/**
 * Fee schedules, exceptions, periods and charges, pupils' accounts, payments and receipts, debtor lists (their
 * tiles on the landing page: finance-tiles.ts). Reading is finance.read; the debtor list is finance.debtors, the one
 * page a homeroom teacher opens here.
 */
export const COLLECTION_ROUTES: Routes = [
  {
    path: 'payments/new',
    title: 'finance.collection.titles.paymentEntry',
    canMatch: [requirePermission('finance.manage')],
    loadComponent: () => import('./feature-payment-entry/payment-entry.page').then((m) => m.PaymentEntryPage),
  },
  {
    path: 'payments/import',
    title: 'finance.collection.payments.import',
    canMatch: [requirePermission('finance.manage')],
    loadComponent: () => import('./feature-payments/payment-import.page').then((m) => m.PaymentImportPage),
  },
  {
    path: 'payments',
    title: 'finance.collection.titles.payments',
    canMatch: [requirePermission('finance.read')],
    loadComponent: () => import('./feature-payments/payments.page').then((m) => m.PaymentsPage),
  },
  {
    path: 'periods',
    title: 'finance.collection.titles.periods',
    canMatch: [requirePermission('finance.read')],
    loadComponent: () => import('./feature-fee-periods/fee-periods.page').then((m) => m.FeePeriodsPage),
  },
  {
    path: 'charges',
    title: 'finance.collection.titles.charges',
    canMatch: [requirePermission('finance.read')],
    loadComponent: () => import('./feature-charges/charges.page').then((m) => m.ChargesPage),
  },
  {
    path: 'debtors',
    title: 'finance.collection.titles.debtors',
    canMatch: [requirePermission('finance.debtors')],
    loadComponent: () => import('./feature-debtors/debtors.page').then((m) => m.DebtorsPage),
  },
  {
    path: 'fee-schedules',
    title: 'finance.collection.titles.feeSchedules',
    canMatch: [requirePermission('finance.read')],
    loadComponent: () => import('./feature-fee-schedules/fee-schedules.page').then((m) => m.FeeSchedulesPage),
  },
  {
    path: 'fee-schedules/import',
    title: 'finance.collection.schedules.import',
    canMatch: [requirePermission('finance.manage')],
    loadComponent: () =>
      import('./feature-fee-schedules/fee-schedule-import.page').then((m) => m.FeeScheduleImportPage),
  },
  {
    path: 'exceptions',
    title: 'finance.collection.titles.exceptions',
    canMatch: [requirePermission('finance.read')],
    loadComponent: () => import('./feature-fee-exceptions/fee-exceptions.page').then((m) => m.FeeExceptionsPage),
  },
  {
    path: 'pupils/:studentId',
    title: 'finance.collection.titles.account',
    canMatch: [requirePermission('finance.read')],
    loadComponent: () => import('./feature-fee-account/fee-account.page').then((m) => m.FeeAccountPage),
  },
];
