import { LoadChildrenCallback, Route, Routes } from '@angular/router';
import { canLeavePage, requireGuest, requireSession } from '@emis/web/core';
import { firstValueFrom, isObservable } from 'rxjs';
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
 * the app passes in (the shell does not know the feature libraries), and the not-found page last. Every page is left
 * through the leave guard (canLeavePage): whatever holds unsaved work on screen — the page itself, a dialog typed
 * into, an inline edit — is flushed or asked about first (docs/domain/gradebook.md, "Leaving a page").
 */
export function shellRoute(features: Routes): Route {
  return {
    path: '',
    component: ShellLayoutComponent,
    canActivate: [requireSession],
    children: guardPages([
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
    ]),
  };
}

/** Adds canLeavePage to every page route, and to the routes of the feature libraries as they are loaded. */
function guardPages(routes: Routes): Routes {
  return routes.map((route) => {
    const guarded: Route = { ...route };
    const page = route.component ?? route.loadComponent;
    if (page && !route.canDeactivate?.includes(canLeavePage)) {
      guarded.canDeactivate = [...(route.canDeactivate ?? []), canLeavePage];
    }
    if (route.children) guarded.children = guardPages(route.children);
    const load = route.loadChildren;
    if (load) guarded.loadChildren = () => guardLoaded(load);
    return guarded;
  });
}

async function guardLoaded(load: LoadChildrenCallback) {
  const result = load();
  const loaded = isObservable(result) ? await firstValueFrom(result) : await result;
  return Array.isArray(loaded) ? guardPages(loaded) : loaded;
}
