/**
 * Why a session ended without the user signing out in this tab, as the API's 401 says (docs/domain/sign-in.md,
 * "Sessions"): `session_ended` — signed out on another device, by an administrator, by a password change, a disabled
 * account; `session_expired` — the session reached its absolute lifetime, whatever the activity.
 */
export type SignOutNotice = 'session_ended' | 'session_expired';

export function isSignOutNotice(code: string | undefined): code is SignOutNotice {
  return code === 'session_ended' || code === 'session_expired';
}

export type UnauthorizedAnswer = 'end-session' | 'resend' | 'refresh' | 'pass-on';

export interface UnauthorizedContext {
  /** The problem code of the 401's body (toProblem's `http_error` when it had none). */
  code: string | undefined;
  /** The access token the failed call carried (null: the call went out signed out). */
  sentToken: string | null;
  /** The access token the tab holds now. */
  currentToken: string | null;
}

/** The API's 401 for a missing, malformed or expired access token (the JWT guard's answer). */
const TOKEN_REFUSED = 'unauthorized';

/**
 * What a tab does with a 401 on an ordinary call. An access token dies with its session, so a session the server
 * ended or expired is final — no refresh can bring it back. A refused token (`unauthorized`, or a 401 without a
 * problem body) has expired: a refresh replaces it, unless another call of this tab already did while this one was
 * on its way, in which case the call is sent again with the new token (one refresh per expiry, not one per call that
 * met it); the same holds for a call sent with the token of a session this tab has since replaced (a password change
 * starts a new one). Any other 401 answers what the user typed (a wrong authenticator code on the account page): it
 * goes to the page as it is — sending it again would count a second failure.
 */
export function answerUnauthorized({ code, sentToken, currentToken }: UnauthorizedContext): UnauthorizedAnswer {
  const aboutTheToken = code === TOKEN_REFUSED || code === 'http_error' || isSignOutNotice(code);
  if (currentToken === null || !aboutTheToken) return 'pass-on';
  if (sentToken !== currentToken) return 'resend';
  return isSignOutNotice(code) ? 'end-session' : 'refresh';
}
