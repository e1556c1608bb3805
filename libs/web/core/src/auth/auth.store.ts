import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import {
  AuthUser,
  EnrollmentConfirmed,
  FirstPasswordRequest,
  LoginRequest,
  LoginResponse,
  MfaCodeRequest,
  MfaEnrollmentStart,
  PasswordChangeRequest,
  RecoveryCodes,
  SessionResponse,
} from '@emis/contracts';
import { can, Permission } from '@emis/domain';
import { catchError, defer, finalize, firstValueFrom, map, Observable, of, shareReplay, tap } from 'rxjs';
import { toProblem } from '../http/problem';
import { withoutSessionRefresh } from '../http/request-context';
import { underRefreshLock } from './refresh-lock';
import { SecondFactor } from './second-factor';
import { HeldSession, isFresher, refreshDelaySeconds, TabSessions } from './tab-sessions';
import { hasSessionHint } from './session-hint';
import { isSignOutNotice, SignOutNotice } from './unauthorized';

interface Session {
  accessToken: string;
  user: AuthUser;
  /** When the access token expires, by this tab's clock (ms). */
  expiresAt: number;
}

/** Refresh this long before the access token expires, so ordinary calls rarely meet a 401. */
const REFRESH_MARGIN_SECONDS = 30;

/**
 * The signed-in session. The access token lives only in this signal (never in storage, so a script
 * injected into the page cannot lift it from there); the refresh token is an httpOnly cookie the
 * browser sends to /api/auth/refresh.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private readonly document = inject(DOCUMENT);
  private readonly session = signal<Session | null>(null);
  private readonly notice = signal<SignOutNotice | null>(null);
  private refreshInFlight: Observable<SessionResponse> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** The other tabs of this browser: who refreshed, and who holds a fresher token (tab-sessions.ts). */
  private readonly tabs = new TabSessions({
    held: () => this.held(),
    refreshedElsewhere: (response) => {
      if (this.user()?.id === response.user.id) this.start(response, false);
    },
  });
  private beforeSessionEnds: (() => Promise<unknown>) | null = null;
  private ending = false;

  readonly user = computed(() => this.session()?.user ?? null);
  readonly accessToken = computed(() => this.session()?.accessToken ?? null);
  readonly isSignedIn = computed(() => this.session() !== null);
  readonly signOutNotice = this.notice.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.refreshTimer);
      this.tabs.close();
    });
  }

  can(permission: Permission): boolean {
    const user = this.user();
    return user !== null && can(user.role, permission);
  }

  login(credentials: LoginRequest): Observable<LoginResponse> {
    return this.http
      .post<LoginResponse>('/api/auth/login', credentials, { withCredentials: true, context: withoutSessionRefresh() })
      .pipe(
        tap((response) => {
          if (response.status === 'ok') this.start(response);
        }),
      );
  }

  /**
   * The first password after an administrator's one-time password (docs/domain/accounts.md). The answer is the next
   * step of the sign-in: the second factor, its enrolment, or the session itself.
   */
  setFirstPassword(request: FirstPasswordRequest): Observable<LoginResponse> {
    return this.http
      .post<LoginResponse>('/api/auth/password/first', request, {
        withCredentials: true,
        context: withoutSessionRefresh(),
      })
      .pipe(
        tap((response) => {
          if (response.status === 'ok') this.start(response);
        }),
      );
  }

  /** The second step of a sign-in: a code from the authenticator app, or one of the user's recovery codes. */
  verifyMfa(mfaToken: string, factor: SecondFactor): Observable<SessionResponse> {
    const body: MfaCodeRequest = { mfaToken, ...factor };
    return this.http
      .post<SessionResponse>('/api/auth/mfa/verify', body, { withCredentials: true, context: withoutSessionRefresh() })
      .pipe(tap((session) => this.start(session)));
  }

  /** With an mfaToken during sign-in; without one (Bearer only) when a signed-in user enrols. */
  startMfaEnrolment(mfaToken?: string): Observable<MfaEnrollmentStart> {
    return this.http.post<MfaEnrollmentStart>('/api/auth/mfa/enroll/start', mfaToken ? { mfaToken } : {}, {
      withCredentials: true,
      context: mfaToken ? withoutSessionRefresh() : undefined,
    });
  }

  /** Enrolment done: the session starts, and the answer carries the recovery codes, shown this once. */
  confirmMfaEnrolment(code: string, mfaToken?: string): Observable<EnrollmentConfirmed> {
    const body: MfaCodeRequest = mfaToken ? { mfaToken, code } : { code };
    return this.http
      .post<EnrollmentConfirmed>('/api/auth/mfa/enroll/confirm', body, {
        withCredentials: true,
        context: mfaToken ? withoutSessionRefresh() : undefined,
      })
      .pipe(tap((session) => this.start(session)));
  }

  /**
   * A new authenticator for a user who has one: the current factor (a code from the old app, or a recovery code)
   * opens the enrolment, so a stolen session alone cannot replace the factor (docs/domain/sign-in.md).
   */
  startMfaReEnrolment(current: SecondFactor): Observable<MfaEnrollmentStart> {
    return this.http.post<MfaEnrollmentStart>('/api/auth/mfa/re-enroll/start', current);
  }

  /** The new authenticator's first code: the old one stops working, and the answer carries new recovery codes. */
  confirmMfaReEnrolment(code: string): Observable<RecoveryCodes> {
    const body: MfaCodeRequest = { code };
    return this.http.post<RecoveryCodes>('/api/auth/mfa/re-enroll/confirm', body);
  }

  /** New recovery codes for the signed-in user, against the current factor; the old ones stop working. */
  issueRecoveryCodes(current: SecondFactor): Observable<RecoveryCodes> {
    return this.http.post<RecoveryCodes>('/api/auth/mfa/recovery-codes', current);
  }

  /**
   * "Quên mật khẩu": asks the user's administrator for a new one-time password. The server answers the same whether
   * or not the user name exists (no one learns which names exist), so the page says the same to everyone.
   */
  requestPasswordReset(username: string): Observable<void> {
    return this.http
      .post<void>('/api/auth/password-reset-requests', { username }, { context: withoutSessionRefresh() })
      .pipe(map(() => undefined));
  }

  /**
   * Changes the signed-in user's password. The server signs out every other session and answers with a new one
   * (its refresh cookie replaces this browser's), which is started here like a sign-in.
   */
  changePassword(request: PasswordChangeRequest): Observable<SessionResponse> {
    return this.http
      .post<SessionResponse>('/api/auth/password', request, { withCredentials: true })
      .pipe(tap((session) => this.start(session)));
  }

  /**
   * One refresh at a time in this tab (concurrent 401s and the timer all wait for the same call), and one at a time
   * across the browser's tabs (see underRefreshLock): holding the lock, a tab first takes a fresher token another tab
   * announced or holds (tab-sessions.ts), and only then asks the server. A refused refresh ends the session; a network
   * failure does not: the next call tries again.
   */
  refresh(): Observable<SessionResponse> {
    const mark = this.tabs.mark();
    const heldBefore = this.held();
    this.refreshInFlight ??= defer(() =>
      underRefreshLock(async () => {
        // Another tab's announcement may already have renewed this tab's session while it waited for the lock.
        const now = this.held();
        if (now && isFresher({ ...now.session, expiresIn: now.remaining }, heldBefore)) return now.session;
        const shared = await this.tabs.sessionFromOtherTab(mark, heldBefore);
        if (shared) {
          this.start(shared, false);
          return shared;
        }
        const session = await firstValueFrom(
          this.http.post<SessionResponse>('/api/auth/refresh', null, {
            withCredentials: true,
            context: withoutSessionRefresh(),
          }),
        );
        // Taken and told while the lock is still held, so a tab waiting for it hears of the new token before it may
        // refresh, and finds this tab signed in with it when it asks.
        this.start(session, false);
        this.tabs.announce(session);
        return session;
      }),
    ).pipe(
      tap({
        error: (error: unknown) => {
          if (refusedByServer(error)) this.sessionEnded(noticeOf(error));
        },
      }),
      finalize(() => (this.refreshInFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshInFlight;
  }

  /**
   * The server ended the session under this tab: forget it, and leave a notice for the sign-in page (the shell
   * layout sends a signed-out user there). A tab that was not signed in (start-up without a cookie) has no notice.
   */
  sessionEnded(notice: SignOutNotice): void {
    if (!this.isSignedIn() || this.ending) return;
    this.ending = true;
    // Pages with unsaved work send it first, while the access token may still be honoured (the refresh runs before
    // it expires); what cannot be sent is asked about when the shell then leaves for the sign-in page (LeaveGuard).
    void (this.beforeSessionEnds?.() ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        this.ending = false;
        this.clear();
        this.notice.set(notice);
      });
  }

  /** LeaveGuard's flush of the open pages, run before a session the server ended is forgotten here. */
  onSessionEnding(flush: () => Promise<unknown>): void {
    this.beforeSessionEnds = flush;
  }

  /** The notice was shown, or the user signed in again. */
  dismissSignOutNotice(): void {
    this.notice.set(null);
  }

  /**
   * At start-up: a valid refresh cookie brings the session back after a reload. The refresh cookie is httpOnly, so
   * the server sets a readable hint beside it (emis_session=1, no secret); without the hint there is no session to
   * restore and no request is made — a visit to the sign-in page makes no call that fails with 401
   * (docs/domain/sign-in.md, "Restoring a session").
   */
  restore(): Promise<void> {
    if (!hasSessionHint(this.document.cookie)) return Promise.resolve();
    return firstValueFrom(
      this.refresh().pipe(
        map(() => undefined),
        catchError(() => of(undefined)),
      ),
    );
  }

  reloadUser(): Observable<AuthUser> {
    return this.http
      .get<AuthUser>('/api/auth/me')
      .pipe(tap((user) => this.session.update((current) => (current ? { ...current, user } : current))));
  }

  /** Ends the session on the server; the local session ends even when the server cannot be reached. */
  logout(): Observable<void> {
    return this.http
      .post<void>('/api/auth/logout', null, { withCredentials: true, context: withoutSessionRefresh() })
      .pipe(
        catchError(() => of(undefined)),
        map(() => undefined),
        finalize(() => this.clear()),
      );
  }

  clear(): void {
    clearTimeout(this.refreshTimer);
    this.tabs.present(false);
    this.session.set(null);
  }

  /** The session this tab holds, with the seconds its access token still lives by this tab's clock. */
  private held(): HeldSession | null {
    const session = this.session();
    if (!session) return null;
    const remaining = (session.expiresAt - Date.now()) / 1000;
    return {
      session: { status: 'ok', accessToken: session.accessToken, user: session.user, expiresIn: Math.floor(remaining) },
      remaining,
    };
  }

  /** A new session or token; `announce` tells the other tabs (a refresh has told them already, under the lock). */
  private start(response: SessionResponse, announce = true): void {
    this.notice.set(null);
    this.session.set({
      accessToken: response.accessToken,
      user: response.user,
      expiresAt: Date.now() + response.expiresIn * 1000,
    });
    this.tabs.present(true);
    if (announce) this.tabs.announce(response);
    clearTimeout(this.refreshTimer);
    const delaySeconds = refreshDelaySeconds(response.expiresIn, REFRESH_MARGIN_SECONDS);
    this.refreshTimer = setTimeout(() => this.refresh().subscribe({ error: () => undefined }), delaySeconds * 1000);
  }
}

/**
 * The server refused the refresh cookie (expired, revoked, its session ended): the session is over. A network
 * failure (status 0) or a throttled call (429) says nothing about the session.
 */
function refusedByServer(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 401;
}

/** The refused refresh's reason; a refresh cookie that is simply gone or unknown counts as a session ended. */
function noticeOf(error: unknown): SignOutNotice {
  const code = toProblem(error).code;
  return isSignOutNotice(code) ? code : 'session_ended';
}
