import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { AuthStore } from '../auth/auth.store';
import { answerUnauthorized, isSignOutNotice } from '../auth/unauthorized';
import { LanguageService } from '../i18n/language.service';
import { OrgUnitContext } from '../org/org-unit.context';
import { toProblem } from './problem';
import { IGNORE_SELECTED_UNIT, SKIP_SESSION_REFRESH } from './request-context';

/**
 * Adds the bearer token, the picked org unit and the interface language to every /api call, and answers a 401 as
 * answerUnauthorized decides: an expired access token is refreshed once and the call retried; a session the server
 * ended or expired sends the user back to the sign-in page with a notice (the shell layout navigates when the store empties).
 */
export const apiInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith('/api/')) return next(request);

  const auth = inject(AuthStore);
  const orgUnits = inject(OrgUnitContext);
  const languages = inject(LanguageService);

  const send = (token: string | null) => {
    const headers: Record<string, string> = { 'Accept-Language': languages.language() };
    if (token) headers['Authorization'] = `Bearer ${token}`;
    const unitId = orgUnits.selectedUnitId();
    if (unitId && !request.context.get(IGNORE_SELECTED_UNIT)) headers['X-Org-Unit'] = unitId;
    return next(request.clone({ setHeaders: headers }));
  };

  const sentToken = auth.accessToken();
  if (request.context.get(SKIP_SESSION_REFRESH)) return send(sentToken);

  return send(sentToken).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) return throwError(() => error);
      const code = toProblem(error).code;
      const answer = answerUnauthorized({
        code,
        sentToken,
        currentToken: auth.accessToken(),
      });
      switch (answer) {
        case 'resend':
          return send(auth.accessToken());
        case 'refresh':
          // A refused refresh ends the session in the store; the call fails with its own 401.
          return auth.refresh().pipe(
            catchError(() => throwError(() => error)),
            switchMap((session) => send(session.accessToken)),
          );
        case 'end-session':
          auth.sessionEnded(isSignOutNotice(code) ? code : 'session_ended');
          return throwError(() => error);
        case 'pass-on':
          return throwError(() => error);
      }
    }),
  );
};
