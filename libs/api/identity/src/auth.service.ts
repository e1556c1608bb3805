import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthUser, EnrollmentConfirmed, MfaChallengeResponse, MfaEnrollmentStart } from '@emis/contracts';
import { passwordProblems, passwordWeaknesses } from '@emis/domain';
import { AuditAction } from '@emis/contracts';
import { AppConfig, ProblemException, RawFieldError, ValidationProblem } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { toAuthUser } from './auth-user';
import { MfaChallengeService, OpenChallenge } from './mfa-challenge.service';
import { MfaPolicyService } from './mfa-policy.service';
import { newTotpSecret, SecretBox } from './mfa';
import { enrollmentStart, FactorProof, SecondFactorService } from './second-factor.service';
import { SessionRegistry } from './sessions/session-registry';
import { IssuedSession, SessionsService } from './sessions/sessions.service';
import { SignInGuard } from './sign-in-guard.service';
import { asActor, UserAudit } from './user-audit';
import { UserRecord, UsersRepository } from './users.repository';

/** A session that starts with an enrolment: its body carries the recovery codes, shown this once. */
export interface EnrolledSession extends IssuedSession {
  body: EnrollmentConfirmed;
}

/** A hash that takes as long as a real verification, so an unknown user name is not told apart by timing. */
const DUMMY_HASH_PROMISE = argon2.hash(randomUUID(), { type: argon2.argon2id });

@Injectable()
export class AuthService {
  private readonly box: SecretBox;

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly tree: OrgTreeService,
    private readonly sessions: SessionsService,
    private readonly registry: SessionRegistry,
    private readonly userAudit: UserAudit,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly guard: SignInGuard,
    private readonly challenges: MfaChallengeService,
    private readonly secondFactor: SecondFactorService,
    private readonly mfaPolicy: MfaPolicyService,
  ) {
    this.box = new SecretBox(config.MFA_ENCRYPTION_KEY ?? config.JWT_SECRET);
  }

  /**
   * Checks a user name and password from `address` (passport-local calls this). The answer to a wrong password is the
   * same whether the user exists, is disabled or is soft-locked (docs/domain/sign-in.md, "Failed sign-ins").
   */
  async validateCredentials(username: string, password: string, address: string): Promise<UserRecord> {
    await this.guard.assertAddressAllowed(address);
    const user = await this.users.findByUsername(username);
    const subject = user?.active ? { userId: user.id } : { unknownName: username };
    await this.guard.assertNoBackoff(subject, address);
    const hash = user?.active ? user.passwordHash : await DUMMY_HASH_PROMISE;
    const right = await argon2.verify(hash, password).catch(() => false);
    if (!user?.active || !right) {
      const locked = await this.guard.recordFailure(subject, address);
      if (user?.active) await this.auditUserEvent(user, locked ? 'LOCKED' : 'LOGIN_FAILED', {});
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid_credentials');
    }
    // Only someone who knows the password learns of the lock; with a second factor they lift it themselves.
    if (user.softLockedAt && !user.mfaEnabled) throw new ProblemException(HttpStatus.LOCKED, 'account_locked');
    return user;
  }

  /** After a right password: the first-password step, the MFA step the policy or the enrolment calls for, or a session. */
  async completeLogin(user: UserRecord): Promise<IssuedSession | MfaChallengeResponse> {
    if (user.mustChangePassword)
      return { status: 'password_change_required', mfaToken: await this.challenges.issue(user, 'password') };
    return this.afterPassword(user);
  }

  /** The second step of a sign-in: a TOTP code (each step once) or a recovery code (each code once). */
  async verifyMfa(mfaToken: string, proof: FactorProof, address: string): Promise<IssuedSession> {
    const challenge = await this.challenges.open(mfaToken, 'verify');
    await this.secondFactor.prove(challenge.user, proof, address);
    await this.challenges.consume(challenge);
    return this.signedIn(challenge.user);
  }

  /**
   * POST /api/auth/password/first: the user's own password replaces the administrator's one-time password, then the
   * sign-in goes on to its next step.
   */
  async setFirstPassword(mfaToken: string, newPassword: string): Promise<IssuedSession | MfaChallengeResponse> {
    const challenge = await this.challenges.open(mfaToken, 'password');
    const { user } = challenge;
    const problems = this.newPasswordProblems(user, newPassword);
    if (problems.length === 0 && (await argon2.verify(user.passwordHash, newPassword)))
      problems.push({ field: 'newPassword', rule: 'password.unchanged', args: [] });
    if (problems.length) throw new ValidationProblem(problems);
    await this.challenges.consume(challenge);
    await this.users.setFirstPassword(user.id, await argon2.hash(newPassword, { type: argon2.argon2id }));
    await this.auditUserEvent(user, 'PASSWORD_CHANGED', { first: true });
    return this.afterPassword({ ...user, mustChangePassword: false });
  }

  /** Starts enrolment: during sign-in (mfaToken) or from the account page (a signed-in user without MFA). */
  async startEnrollment(target: { mfaToken?: string; userId?: string }): Promise<MfaEnrollmentStart> {
    const { user } = await this.enrollingUser(target);
    const secret = newTotpSecret();
    await this.users.setPendingMfaSecret(user.id, this.box.seal(secret));
    return enrollmentStart(user.username, secret);
  }

  /** The first code proves the authenticator: MFA is on, the recovery codes are shown once, and a session starts. */
  async confirmEnrollment(target: { mfaToken?: string; userId?: string }, code: string): Promise<EnrolledSession> {
    const { user, challenge } = await this.enrollingUser(target);
    if (!user.mfaSecret || !(await this.secondFactor.confirmFirstSecret(user.id, user.mfaSecret, code))) {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid_mfa_code');
    }
    if (challenge) await this.challenges.consume(challenge);
    await this.users.enableMfa(user.id);
    const recoveryCodes = await this.secondFactor.issueRecoveryCodes(user.id);
    await this.auditUserEvent(user, 'MFA_ENROLLED', {});
    const session = await this.signedIn({ ...user, mfaEnabled: true });
    return { ...session, body: { ...session.body, recoveryCodes } };
  }

  /**
   * Changes the signed-in user's password. A wrong current password counts towards the lockout like a failed
   * sign-in; success signs out every other session and starts a new one.
   */
  async changePassword(
    userId: string,
    currentPassword: string,
    newPassword: string,
    address: string,
  ): Promise<IssuedSession> {
    const user = await this.users.findById(userId);
    if (!user || !user.active) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized');
    await this.guard.assertNoBackoff({ userId: user.id }, address);
    if (!(await argon2.verify(user.passwordHash, currentPassword))) {
      const locked = await this.guard.recordFailure({ userId: user.id }, address);
      await this.auditUserEvent(user, locked ? 'LOCKED' : 'LOGIN_FAILED', { reason: 'password_change' });
      throw new ValidationProblem([{ field: 'currentPassword', rule: 'wrongPassword', args: [] }]);
    }
    const problems = this.newPasswordProblems(user, newPassword);
    if (problems.length === 0 && newPassword === currentPassword)
      problems.push({ field: 'newPassword', rule: 'password.unchanged', args: [] });
    if (problems.length) throw new ValidationProblem(problems);
    await this.users.setPassword(user.id, await argon2.hash(newPassword, { type: argon2.argon2id }));
    await this.registry.endAllFor(user.id, 'PASSWORD_CHANGED');
    await this.auditUserEvent(user, 'PASSWORD_CHANGED', {});
    return this.issueSession(user, randomUUID());
  }

  authUser(user: UserRecord, sessionId?: string): Promise<AuthUser> {
    return toAuthUser(this.tree, user, sessionId);
  }

  async userById(id: string): Promise<UserRecord | undefined> {
    return this.users.findById(id);
  }

  /** Opens a session (its id is the family of its refresh tokens) once the user has proven who they are. */
  private issueSession(user: UserRecord, sessionId: string, event?: AuditAction): Promise<IssuedSession> {
    return this.sessions.start(user, sessionId, event);
  }

  /** After the password (and the first-password step): the second factor, an enrolment, or a session. */
  private async afterPassword(user: UserRecord): Promise<IssuedSession | MfaChallengeResponse> {
    if (user.mfaEnabled) return { status: 'mfa_required', mfaToken: await this.challenges.issue(user, 'verify') };
    if (await this.mfaPolicy.requiresMfa(user.role))
      return { status: 'mfa_enrollment_required', mfaToken: await this.challenges.issue(user, 'enroll') };
    return this.signedIn(user);
  }

  /** A completed sign-in: the user proved who they are, so their failures and a soft lock go. */
  private async signedIn(user: UserRecord): Promise<IssuedSession> {
    if (await this.guard.clear(user.id)) await this.auditUserEvent(user, 'UNLOCK', { by: 'second_factor' });
    return this.issueSession(user, randomUUID(), 'LOGIN');
  }

  /** The password policy (libs/domain): its rules, then what makes a password easy to guess for this user. */
  private newPasswordProblems(user: UserRecord, newPassword: string): RawFieldError[] {
    const rules = [
      ...passwordProblems(newPassword, user.username),
      ...passwordWeaknesses(newPassword, [user.username, user.fullName]),
    ];
    return rules.map((p) => ({ field: 'newPassword', rule: `password.${p}`, args: [] }));
  }

  /** Enrolment never replaces a second factor already in use: that would let a password alone take over. */
  private async enrollingUser(target: {
    mfaToken?: string;
    userId?: string;
  }): Promise<{ user: UserRecord; challenge?: OpenChallenge }> {
    const challenge = target.mfaToken ? await this.challenges.open(target.mfaToken, 'enroll') : undefined;
    const user = challenge?.user ?? (target.userId ? await this.users.findById(target.userId) : undefined);
    if (!user) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized');
    if (user.mfaEnabled) throw new ProblemException(HttpStatus.CONFLICT, 'conflict');
    return { user, challenge };
  }

  /** Sign-in events go to the audit chain of the user's own org unit. */
  private auditUserEvent(user: UserRecord, action: AuditAction, after: Record<string, unknown>): Promise<void> {
    return this.userAudit.recordNow(user, action, after, asActor(user));
  }
}
