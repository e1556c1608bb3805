// Angular's packages are partially compiled: the JIT compiler finishes their declarations (no linker runs under Jest).
import '@angular/compiler';
import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { retryAfterSeconds, signInMessage, SignInProblem } from './sign-in-messages';

function problem(status: number, code: string, extra: Partial<SignInProblem> = {}): SignInProblem {
  return { type: 'about:blank', title: code, status, code, ...extra };
}

describe('the wait a throttled sign-in asks for', () => {
  it('reads the backoff’s retryAfter from the body', () => {
    const error = new HttpErrorResponse({ status: 429, error: problem(429, 'sign_in_backoff', { retryAfter: 8 }) });
    expect(retryAfterSeconds(error)).toBe(8);
  });

  it('reads the Retry-After header when the body names no wait, in seconds', () => {
    const error = new HttpErrorResponse({
      status: 429,
      error: problem(429, 'sign_in_throttled'),
      headers: new HttpHeaders({ 'Retry-After': '540' }),
    });
    expect(retryAfterSeconds(error)).toBe(540);
  });

  it('has no wait for another status, or a header it cannot read', () => {
    expect(retryAfterSeconds(new HttpErrorResponse({ status: 401, error: problem(401, 'invalid_credentials') }))).toBe(
      null,
    );
    const dated = new HttpErrorResponse({
      status: 429,
      error: null,
      headers: new HttpHeaders({ 'Retry-After': 'Wed, 21 Oct 2026 07:28:00 GMT' }),
    });
    expect(retryAfterSeconds(dated)).toBe(null);
  });
});

describe('a sign-in failure in the page’s words', () => {
  it('says the same for a wrong password whatever the account (the server answers the same)', () => {
    expect(signInMessage(problem(401, 'invalid_credentials'))).toEqual({
      key: 'login.errors.invalidCredentials',
      params: {},
    });
  });

  it('tells the backoff’s wait in seconds, then in whole minutes rounded up', () => {
    expect(signInMessage(problem(429, 'sign_in_backoff', { retryAfter: 8 }))).toEqual({
      key: 'login.errors.backoffSeconds',
      params: { seconds: 8 },
    });
    expect(signInMessage(problem(429, 'sign_in_backoff', { retryAfter: 121 }))).toEqual({
      key: 'login.errors.backoffMinutes',
      params: { minutes: 3 },
    });
  });

  it('tells the per-address limit’s wait, or only to wait when none was named', () => {
    expect(signInMessage(problem(429, 'sign_in_throttled', { retryAfter: 900 }))).toEqual({
      key: 'login.errors.throttledMinutes',
      params: { minutes: 15 },
    });
    expect(signInMessage(problem(429, 'sign_in_throttled'))).toEqual({ key: 'login.errors.throttled', params: {} });
  });

  it('tells a soft-locked account to use its second factor or ask an administrator', () => {
    expect(signInMessage(problem(423, 'account_locked'))?.key).toBe('login.errors.softLocked');
  });

  it('leaves other problems to the API’s localized title', () => {
    expect(signInMessage(problem(401, 'invalid_mfa_code'))).toBe(null);
    expect(signInMessage(null)).toBe(null);
  });
});
