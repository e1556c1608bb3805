import { HttpErrorResponse } from '@angular/common/http';
import { ProblemDetails } from '@emis/contracts';

/** A translation key of the login page's own words, with its parameters. */
export interface SignInMessage {
  key: string;
  params: Record<string, unknown>;
}

/** A problem of the sign-in calls, with the wait the server asked for (429), when it named one. */
export type SignInProblem = ProblemDetails & { retryAfter?: number };

/**
 * The wait a throttled answer asks for, in seconds: the body's `retryAfter` (the per-user-and-address backoff names
 * it there, and so does the per-address ceiling) or else the standard Retry-After header, in seconds (RFC 9110 §10.2.3).
 */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 429) return null;
  const body: unknown = error.error;
  const fromBody = typeof body === 'object' && body !== null ? (body as { retryAfter?: unknown }).retryAfter : null;
  const seconds = typeof fromBody === 'number' ? fromBody : Number(error.headers.get('Retry-After') ?? NaN);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
}

/**
 * A throttled answer, with the wait when the server named one: "in 8 seconds" below a minute, "in 3 minutes" above
 * (rounded up: never tell the user to come back too soon).
 */
function throttledMessage(base: 'backoff' | 'throttled', seconds: number | undefined): SignInMessage {
  if (!seconds) return { key: `login.errors.${base}`, params: {} };
  return seconds < 60
    ? { key: `login.errors.${base}Seconds`, params: { seconds } }
    : { key: `login.errors.${base}Minutes`, params: { minutes: Math.ceil(seconds / 60) } };
}

/**
 * Sign-in failures in the page's own words (docs/domain/sign-in.md). A wrong password reads the same whether the
 * user exists or not, because the server answers the same. Other problems keep the API's localized title.
 */
export function signInMessage(problem: SignInProblem | null): SignInMessage | null {
  if (!problem) return null;
  switch (problem.code) {
    case 'invalid_credentials':
      return { key: 'login.errors.invalidCredentials', params: {} };
    case 'session_expired':
      return { key: 'login.errors.mfaExpired', params: {} };
    // The right password of a soft-locked account without a second factor (with one, passing it clears the lock).
    case 'account_locked':
      return { key: 'login.errors.softLocked', params: {} };
  }
  if (problem.status === 429) {
    return throttledMessage(problem.code === 'sign_in_backoff' ? 'backoff' : 'throttled', problem.retryAfter);
  }
  return null;
}
