import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthUser, MfaChallengeResponse, MfaEnrollmentStart, SessionResponse } from '@emis/contracts';
import { passwordProblems, roleRequiresMfa } from '@emis/domain';
import { AuditAction } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import { AppConfig, Principal, ProblemException, RawFieldError, TenantDb, ValidationProblem } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import * as argon2 from 'argon2';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import * as QRCode from 'qrcode';
import { newTotpSecret, otpauthUrl, SecretBox, verifyTotp } from './mfa';
import { UserRecord, UsersRepository } from './users.repository';

export interface AccessClaims {
  sub: string;
  typ: 'access';
  role: Principal['role'];
  unit: string;
  usr: string;
  name: string;
}

interface MfaClaims {
  sub: string;
  typ: 'mfa';
  enroll: boolean;
}

/** A session as the controller sends it: the body, and the refresh token it puts in the cookie. */
export interface IssuedSession {
  body: SessionResponse;
  refreshToken: string;
}

const MFA_TOKEN_TTL_SECONDS = 300;

/** A hash that takes as long as a real verification, so an unknown user name is not told apart by timing. */
const DUMMY_HASH_PROMISE = argon2.hash(randomUUID(), { type: argon2.argon2id });

@Injectable()
export class AuthService {
  private readonly box: SecretBox;

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly tree: OrgTreeService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {
    this.box = new SecretBox(config.MFA_ENCRYPTION_KEY ?? config.JWT_SECRET);
  }

  /**
   * Checks a user name and password (passport-local calls this). Counts failures and locks the account after
   * LOCKOUT_THRESHOLD of them in a row; a locked account is refused even with the right password.
   */
  async validateCredentials(username: string, password: string): Promise<UserRecord> {
    const user = await this.users.findByUsername(username);
    if (!user || !user.active) {
      await argon2.verify(await DUMMY_HASH_PROMISE, password).catch(() => false);
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid_credentials');
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      throw new ProblemException(HttpStatus.LOCKED, 'account_locked', undefined, {
        lockedUntil: user.lockedUntil.toISOString(),
      });
    }
    if (!(await argon2.verify(user.passwordHash, password))) {
      const state = await this.users.recordFailure(user.id, this.config.LOCKOUT_THRESHOLD, this.config.LOCKOUT_MINUTES);
      const locked = state.lockedUntil !== null && state.lockedUntil > new Date();
      await this.auditUserEvent(user, locked ? 'LOCKED' : 'LOGIN_FAILED', { failedLogins: state.failedLogins });
      if (locked) {
        throw new ProblemException(HttpStatus.LOCKED, 'account_locked', undefined, {
          lockedUntil: state.lockedUntil!.toISOString(),
        });
      }
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid_credentials');
    }
    return user;
  }

  /** After a right password: a session, or the MFA step the role or the user's enrolment calls for. */
  async completeLogin(user: UserRecord): Promise<IssuedSession | MfaChallengeResponse> {
    await this.users.recordSuccess(user.id);
    if (user.mfaEnabled) return { status: 'mfa_required', mfaToken: await this.mfaToken(user, false) };
    if (roleRequiresMfa(user.role))
      return { status: 'mfa_enrollment_required', mfaToken: await this.mfaToken(user, true) };
    return this.issueSession(user, randomUUID(), 'LOGIN');
  }

  async verifyMfa(mfaToken: string, code: string): Promise<IssuedSession> {
    const user = await this.userFromMfaToken(mfaToken, false);
    if (!user.mfaEnabled || !user.mfaSecret) throw new ProblemException(HttpStatus.BAD_REQUEST, 'mfa_not_enrolled');
    if (!verifyTotp(code, this.box.open(user.mfaSecret))) {
      await this.auditUserEvent(user, 'LOGIN_FAILED', { reason: 'mfa' });
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid_mfa_code');
    }
    return this.issueSession(user, randomUUID(), 'LOGIN');
  }

  /** Starts enrolment: during sign-in (mfaToken) or from the account page (a signed-in user without MFA). */
  async startEnrollment(target: { mfaToken?: string; userId?: string }): Promise<MfaEnrollmentStart> {
    const user = await this.enrollingUser(target);
    const secret = newTotpSecret();
    await this.users.setPendingMfaSecret(user.id, this.box.seal(secret));
    const url = otpauthUrl(user.username, secret);
    return { secret, otpauthUrl: url, qrDataUrl: await QRCode.toDataURL(url, { margin: 1, width: 220 }) };
  }

  async confirmEnrollment(target: { mfaToken?: string; userId?: string }, code: string): Promise<IssuedSession> {
    const user = await this.enrollingUser(target);
    if (!user.mfaSecret || !verifyTotp(code, this.box.open(user.mfaSecret))) {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid_mfa_code');
    }
    await this.users.enableMfa(user.id);
    await this.auditUserEvent(user, 'MFA_ENROLLED', {});
    return this.issueSession({ ...user, mfaEnabled: true }, randomUUID(), 'LOGIN');
  }

  /**
   * Changes the signed-in user's password. A wrong current password counts towards the lockout like a failed
   * sign-in; success signs out every other session and starts a new one.
   */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<IssuedSession> {
    const user = await this.users.findById(userId);
    if (!user || !user.active) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized');
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      throw new ProblemException(HttpStatus.LOCKED, 'account_locked', undefined, {
        lockedUntil: user.lockedUntil.toISOString(),
      });
    }
    if (!(await argon2.verify(user.passwordHash, currentPassword))) {
      const state = await this.users.recordFailure(user.id, this.config.LOCKOUT_THRESHOLD, this.config.LOCKOUT_MINUTES);
      await this.auditUserEvent(user, 'LOGIN_FAILED', { reason: 'password_change', failedLogins: state.failedLogins });
      throw new ValidationProblem([{ field: 'currentPassword', rule: 'wrongPassword', args: [] }]);
    }
    const problems: RawFieldError[] = passwordProblems(newPassword, user.username).map((p) => ({
      field: 'newPassword',
      rule: `password.${p}`,
      args: [],
    }));
    if (problems.length === 0 && newPassword === currentPassword)
      problems.push({ field: 'newPassword', rule: 'password.unchanged', args: [] });
    if (problems.length) throw new ValidationProblem(problems);
    await this.users.setPassword(user.id, await argon2.hash(newPassword, { type: argon2.argon2id }));
    await this.users.revokeAllTokens(user.id);
    await this.auditUserEvent(user, 'PASSWORD_CHANGED', {});
    return this.issueSession(user, randomUUID());
  }

  /** Rotates the refresh token. A token presented twice means it was stolen: its whole family is revoked. */
  async refresh(refreshToken: string | undefined): Promise<IssuedSession> {
    if (!refreshToken) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'session_expired');
    const { consumed, known } = await this.users.consumeRefreshToken(hashToken(refreshToken));
    if (!consumed) {
      if (known?.usedAt && !known.revokedAt) await this.users.revokeFamily(known.familyId);
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'session_expired');
    }
    const user = await this.users.findById(consumed.userId);
    if (!user || !user.active || (user.lockedUntil && user.lockedUntil > new Date())) {
      await this.users.revokeFamily(consumed.familyId);
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'session_expired');
    }
    return this.issueSession(user, consumed.familyId);
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const owner = await this.users.findTokenOwner(hashToken(refreshToken));
    if (!owner) return;
    await this.users.revokeFamily(owner.familyId);
    const user = await this.users.findById(owner.userId);
    if (user) await this.auditUserEvent(user, 'LOGOUT', {});
  }

  async authUser(user: UserRecord): Promise<AuthUser> {
    const unit = await this.tree.get(user.orgUnitId);
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      orgUnitId: user.orgUnitId,
      orgUnitName: unit?.name ?? '',
      orgUnitKind: unit?.kind ?? 'SCHOOL',
      mfaEnabled: user.mfaEnabled,
      locale: user.locale,
    };
  }

  async userById(id: string): Promise<UserRecord | undefined> {
    return this.users.findById(id);
  }

  private async issueSession(user: UserRecord, familyId: string, event?: AuditAction): Promise<IssuedSession> {
    const claims: AccessClaims = {
      sub: user.id,
      typ: 'access',
      role: user.role,
      unit: user.orgUnitId,
      usr: user.username,
      name: user.fullName,
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS });
    const refreshToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000);
    await this.users.insertRefreshToken(user.id, familyId, hashToken(refreshToken), expiresAt);
    if (event) await this.auditUserEvent(user, event, { mfa: user.mfaEnabled });
    return {
      refreshToken,
      body: {
        status: 'ok',
        accessToken,
        expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
        user: await this.authUser(user),
      },
    };
  }

  private mfaToken(user: UserRecord, enroll: boolean): Promise<string> {
    const claims: MfaClaims = { sub: user.id, typ: 'mfa', enroll };
    return this.jwt.signAsync(claims, { expiresIn: MFA_TOKEN_TTL_SECONDS });
  }

  private async userFromMfaToken(token: string, enroll: boolean): Promise<UserRecord> {
    const claims = await this.jwt.verifyAsync<MfaClaims>(token).catch(() => undefined);
    if (!claims || claims.typ !== 'mfa' || claims.enroll !== enroll)
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'session_expired');
    const user = await this.users.findById(claims.sub);
    if (!user || !user.active) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'session_expired');
    return user;
  }

  /** Enrolment never replaces a second factor already in use: that would let a password alone take over. */
  private async enrollingUser(target: { mfaToken?: string; userId?: string }): Promise<UserRecord> {
    const user = target.mfaToken
      ? await this.userFromMfaToken(target.mfaToken, true)
      : target.userId
        ? await this.users.findById(target.userId)
        : undefined;
    if (!user) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized');
    if (user.mfaEnabled) throw new ProblemException(HttpStatus.CONFLICT, 'conflict');
    return user;
  }

  /** Sign-in events go to the audit chain of the user's own org unit. */
  private async auditUserEvent(user: UserRecord, action: AuditAction, after: Record<string, unknown>): Promise<void> {
    const scope = await this.tree.scopeFor(user.orgUnitId);
    const actor: Principal = {
      userId: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      orgUnitId: user.orgUnitId,
    };
    await this.db.runWithScope(scope, (em) =>
      this.audit.record(em, { schoolId: user.orgUnitId, entity: 'app_user', entityId: user.id, action, after }, actor),
    );
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
