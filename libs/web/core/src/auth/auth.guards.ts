import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';
import { Permission } from '@emis/domain';
import { AuthStore } from './auth.store';

/** The session is restored before the first navigation (see provideEmisCore), so these checks are synchronous. */
export const requireSession: CanActivateFn = (_route, state) => {
  if (inject(AuthStore).isSignedIn()) return true;
  const returnUrl = state.url && state.url !== '/' ? state.url : undefined;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl } });
};

export const requireGuest: CanActivateFn = () =>
  inject(AuthStore).isSignedIn() ? inject(Router).createUrlTree(['/']) : true;

/**
 * A route the role may not use does not match, so the user lands on the not-found page. With several permissions,
 * any one of them lets the route match (a context whose pages need different ones, e.g. finance's debtor list for a
 * homeroom teacher); each page inside keeps its own guard.
 */
export function requirePermission(...permissions: [Permission, ...Permission[]]): CanMatchFn {
  return () => {
    const auth = inject(AuthStore);
    return permissions.some((permission) => auth.can(permission));
  };
}
