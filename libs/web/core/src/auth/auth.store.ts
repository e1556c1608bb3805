import { HttpClient } from '@angular/common/http';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import {
  AuthUser,
  LoginRequest,
  LoginResponse,
  MfaCodeRequest,
  MfaEnrollmentStart,
  PasswordChangeRequest,
  SessionResponse,
} from '@emis/contracts';
import { can, Permission } from '@emis/domain';
import { catchError, finalize, firstValueFrom, map, Observable, of, shareReplay, tap } from 'rxjs';
import { withoutSessionRefresh } from '../http/request-context';

interface Session {
  accessToken: string;
  user: AuthUser;
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
  private readonly session = signal<Session | null>(null);
  private refreshInFlight: Observable<SessionResponse> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  readonly user = computed(() => this.session()?.user ?? null);
  readonly accessToken = computed(() => this.session()?.accessToken ?? null);
  readonly isSignedIn = computed(() => this.session() !== null);

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.refreshTimer));
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

  verifyMfa(mfaToken: string, code: string): Observable<SessionResponse> {
    const body: MfaCodeRequest = { mfaToken, code };
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

  confirmMfaEnrolment(code: string, mfaToken?: string): Observable<SessionResponse> {
    const body: MfaCodeRequest = mfaToken ? { mfaToken, code } : { code };
    return this.http
      .post<SessionResponse>('/api/auth/mfa/enroll/confirm', body, {
        withCredentials: true,
        context: mfaToken ? withoutSessionRefresh() : undefined,
      })
      .pipe(tap((session) => this.start(session)));
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

  /** One refresh at a time: concurrent 401s all wait for the same call. */
  refresh(): Observable<SessionResponse> {
    this.refreshInFlight ??= this.http
      .post<SessionResponse>('/api/auth/refresh', null, { withCredentials: true, context: withoutSessionRefresh() })
      .pipe(
        tap({ next: (session) => this.start(session), error: () => this.clear() }),
        finalize(() => (this.refreshInFlight = null)),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    return this.refreshInFlight;
  }

  /** At start-up: a valid refresh cookie brings the session back after a reload. */
  restore(): Promise<void> {
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
    this.session.set(null);
  }

  private start(response: SessionResponse): void {
    this.session.set({ accessToken: response.accessToken, user: response.user });
    clearTimeout(this.refreshTimer);
    const delaySeconds = Math.max(response.expiresIn - REFRESH_MARGIN_SECONDS, 10);
    this.refreshTimer = setTimeout(() => this.refresh().subscribe({ error: () => undefined }), delaySeconds * 1000);
  }
}
