import { HttpContext, HttpContextToken } from '@angular/common/http';

/**
 * Marks a request whose 401 must not trigger a session refresh: the sign-in calls themselves
 * (a wrong password is a 401 too) and the refresh call, which would otherwise loop.
 */
export const SKIP_SESSION_REFRESH = new HttpContextToken<boolean>(() => false);

/**
 * Marks a request that must see the caller's whole scope, not the unit picked in the switcher:
 * the org-unit tree that the switcher itself is built from.
 */
export const IGNORE_SELECTED_UNIT = new HttpContextToken<boolean>(() => false);

export function withoutSessionRefresh(context = new HttpContext()): HttpContext {
  return context.set(SKIP_SESSION_REFRESH, true);
}

export function withWholeScope(context = new HttpContext()): HttpContext {
  return context.set(IGNORE_SELECTED_UNIT, true);
}
