import { Routes } from '@angular/router';
import { requirePermission } from '@emis/web/core';

/**
 * Accounts in the caller's scope (docs/domain/accounts.md): the list, one account, a new one, a school's staff at once,
 * the "forgot password" requests and the department's second-factor policy.
 */
export const ACCOUNTS_ROUTES: Routes = [
  {
    path: '',
    title: 'accounts.titles.list',
    loadComponent: () => import('./feature-account-list/account-list.page').then((m) => m.AccountListPage),
  },
  {
    path: 'bulk',
    title: 'accounts.titles.bulk',
    canMatch: [requirePermission('accounts.manage')],
    loadComponent: () => import('./feature-bulk-create/bulk-create.page').then((m) => m.BulkCreatePage),
  },
  {
    path: 'new',
    title: 'accounts.titles.new',
    canMatch: [requirePermission('accounts.manage')],
    loadComponent: () => import('./feature-account-new/account-new.page').then((m) => m.AccountNewPage),
  },
  {
    path: 'reset-requests',
    title: 'accounts.titles.resetRequests',
    canMatch: [requirePermission('accounts.manage')],
    loadComponent: () => import('./feature-reset-requests/reset-requests.page').then((m) => m.ResetRequestsPage),
  },
  {
    path: 'mfa-policy',
    title: 'accounts.titles.mfaPolicy',
    canMatch: [requirePermission('accounts.policy')],
    loadComponent: () => import('./feature-mfa-policy/mfa-policy.page').then((m) => m.MfaPolicyPage),
  },
  {
    path: ':accountId',
    title: 'accounts.titles.detail',
    loadComponent: () => import('./feature-account-detail/account-detail.page').then((m) => m.AccountDetailPage),
  },
];

/** The department administrator's security events and alerts (docs/security/coverage.md), under /security. */
export const SECURITY_ROUTES: Routes = [
  {
    path: '',
    title: 'accounts.titles.securityEvents',
    loadComponent: () => import('./feature-security-events/security-events.page').then((m) => m.SecurityEventsPage),
  },
];
