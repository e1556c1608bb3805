import { Route, Routes } from '@angular/router';
import { requireGuest, requireSession } from '@emis/web/core';
import { ShellLayoutComponent } from './layout/shell-layout.component';

/** The sign-in page, outside the shell layout. */
export const loginRoute: Route = {
  path: 'login',
  title: 'titles.login',
  canActivate: [requireGuest],
  loadComponent: () => import('./feature-login/login.page').then((m) => m.LoginPage),
};

/**
 * Everything after sign-in, inside the shell layout: the dashboard, the account page, the feature routes
 * the app passes in (the shell does not know the feature libraries), and the not-found page last.
 */
export function shellRoute(features: Routes): Route {
  return {
    path: '',
    component: ShellLayoutComponent,
    canActivate: [requireSession],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'titles.dashboard',
        loadComponent: () => import('./feature-dashboard/dashboard.page').then((m) => m.DashboardPage),
      },
      {
        path: 'account',
        title: 'titles.account',
        loadComponent: () => import('./feature-account/account.page').then((m) => m.AccountPage),
      },
      {
        path: 'notifications',
        title: 'notifications.title',
        loadComponent: () => import('./feature-notifications/notifications.page').then((m) => m.NotificationsPage),
      },
      ...features,
      {
        path: '**',
        title: 'titles.notFound',
        loadComponent: () => import('./feature-not-found/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  };
}
