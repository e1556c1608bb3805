import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, switchMap, throwError } from 'rxjs';
import { AuthStore } from '../auth/auth.store';
import { LanguageService } from '../i18n/language.service';
import { OrgUnitContext } from '../org/org-unit.context';
import { IGNORE_SELECTED_UNIT, SKIP_SESSION_REFRESH } from './request-context';

/**
 * Adds the bearer token, the picked org unit and the interface language to every /api call.
 * A 401 on an ordinary call means the access token expired: refresh once and retry; if the
 * refresh fails too, the session is over and the user goes back to the sign-in page.
 */
export const apiInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith('/api/')) return next(request);

  const auth = inject(AuthStore);
  const orgUnits = inject(OrgUnitContext);
  const languages = inject(LanguageService);
  const router = inject(Router);

  const send = () => {
    const headers: Record<string, string> = { 'Accept-Language': languages.language() };
    const token = auth.accessToken();
    if (token) headers['Authorization'] = `Bearer ${token}`;
    const unitId = orgUnits.selectedUnitId();
    if (unitId && !request.context.get(IGNORE_SELECTED_UNIT)) headers['X-Org-Unit'] = unitId;
    return next(request.clone({ setHeaders: headers }));
  };

  if (request.context.get(SKIP_SESSION_REFRESH)) return send();

  return send().pipe(
    catchError((error: unknown) => {
      if (!isUnauthorized(error) || !auth.isSignedIn()) return throwError(() => error);
      return auth.refresh().pipe(
        catchError(() => {
          void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
          return throwError(() => error);
        }),
        switchMap(() => send()),
      );
    }),
  );
};

function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 401;
}
