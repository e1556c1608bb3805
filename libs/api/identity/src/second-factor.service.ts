import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { MfaCodeRequest, MfaEnrollmentStart, RecoveryCodes } from '@emis/contracts';
import { AppConfig, ProblemException, ValidationProblem } from '@emis/api/platform';
import * as QRCode from 'qrcode';
import { newTotpSecret, otpauthUrl, SecretBox, totpStep } from './mfa';
import { MfaRepository } from './mfa.repository';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { SignInGuard } from './sign-in-guard.service';
import { asActor, UserAudit } from './user-audit';
import { UserRecord, UsersRepository } from './users.repository';

/** The proof of the current second factor: a TOTP code or a recovery code. */
export type FactorProof = Pick<MfaCodeRequest, 'code' | 'recoveryCode'>;

/** What the authenticator app needs to add a secret: the secret, its otpauth URL and that URL as a QR code. */
export async function enrollmentStart(username: string, secret: string): Promise<MfaEnrollmentStart> {
  const url = otpauthUrl(username, secret);
  return { secret, otpauthUrl: url, qrDataUrl: await QRCode.toDataURL(url, { margin: 1, width: 220 }) };
}

/**
 * The second factor (docs/domain/sign-in.md, "Second factor"): a TOTP code is accepted once (its time step must come
 * after the last accepted one), a recovery code serves one sign-in, and replacing the authenticator or the recovery
 * codes asks for the factor in use first — a password alone never takes the second factor over.
 */
@Injectable()
export class SecondFactorService {
  readonly box: SecretBox;

  constructor(
    private readonly repo: MfaRepository,
    private readonly users: UsersRepository,
    private readonly guard: SignInGuard,
    private readonly userAudit: UserAudit,
    @Inject(AppConfig) config: AppConfig,
  ) {
    this.box = new SecretBox(config.MFA_ENCRYPTION_KEY ?? config.JWT_SECRET);
  }

  /**
   * Checks the proof of the user's enrolled factor from `address`. A wrong one counts as a failed sign-in (backoff,
   * soft lock) and answers 401 invalid_mfa_code. Answers which factor served.
   */
  async prove(user: UserRecord, proof: FactorProof, address: string): Promise<'totp' | 'recovery'> {
    if (!proof.code && !proof.recoveryCode)
      throw new ValidationProblem([{ field: 'code', rule: 'isNotEmpty', args: [] }]);
    if (!user.mfaEnabled || !user.mfaSecret) throw new ProblemException(HttpStatus.BAD_REQUEST, 'mfa_not_enrolled');
    await this.guard.assertAddressAllowed(address);
    await this.guard.assertNoBackoff({ userId: user.id }, address);
    const factor = await this.check(user, proof);
    if (factor) return factor;
    const locked = await this.guard.recordFailure({ userId: user.id }, address);
    await this.userAudit.recordNow(user, locked ? 'LOCKED' : 'LOGIN_FAILED', { reason: 'mfa' }, asActor(user));
    throw new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid_mfa_code');
  }

  /** A first enrolment's confirming code: its step becomes the last accepted one. True when the code is right. */
  async confirmFirstSecret(userId: string, sealedSecret: string, code: string): Promise<boolean> {
    const step = totpStep(code, this.box.open(sealedSecret));
    if (step === null) return false;
    await this.repo.setTotpStep(userId, step);
    return true;
  }

  /** Ten new recovery codes for the user, replacing the old; shown once, stored as hashes. */
  async issueRecoveryCodes(userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.repo.replaceRecoveryCodes(userId, codes.map(hashRecoveryCode));
    return codes;
  }

  /** A signed-in user replaces their authenticator: the factor in use first, then a new secret to confirm. */
  async startReEnrolment(userId: string, proof: FactorProof, address: string): Promise<MfaEnrollmentStart> {
    const user = await this.signedInUser(userId);
    await this.prove(user, proof, address);
    const secret = newTotpSecret();
    await this.repo.setPendingSecret(user.id, this.box.seal(secret));
    return enrollmentStart(user.username, secret);
  }

  /** The new authenticator's first code makes it the one in use; the recovery codes are renewed with it. */
  async confirmReEnrolment(userId: string, code: string): Promise<RecoveryCodes> {
    const user = await this.signedInUser(userId);
    const pending = await this.repo.pendingSecret(user.id);
    if (!pending) throw new ProblemException(HttpStatus.CONFLICT, 'mfa_enrolment_not_started');
    const step = totpStep(code, this.box.open(pending));
    if (step === null) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid_mfa_code');
    await this.repo.promotePendingSecret(user.id, step);
    const codes = await this.issueRecoveryCodes(user.id);
    await this.userAudit.recordNow(user, 'MFA_ENROLLED', { replaced: true }, asActor(user));
    return { codes };
  }

  /** New recovery codes, the factor in use proven first (the old codes stop working). */
  async renewRecoveryCodes(userId: string, proof: FactorProof, address: string): Promise<RecoveryCodes> {
    const user = await this.signedInUser(userId);
    await this.prove(user, proof, address);
    const codes = await this.issueRecoveryCodes(user.id);
    await this.userAudit.recordNow(user, 'UPDATE', { recoveryCodes: 'renewed' }, asActor(user));
    return { codes };
  }

  private async check(user: UserRecord, proof: FactorProof): Promise<'totp' | 'recovery' | null> {
    if (proof.code) {
      const step = totpStep(proof.code, this.box.open(user.mfaSecret!));
      return step !== null && (await this.repo.acceptTotpStep(user.id, step)) ? 'totp' : null;
    }
    if (proof.recoveryCode)
      return (await this.repo.useRecoveryCode(user.id, hashRecoveryCode(proof.recoveryCode))) ? 'recovery' : null;
    return null;
  }

  private async signedInUser(userId: string): Promise<UserRecord> {
    const user = await this.users.findById(userId);
    if (!user || !user.active) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized');
    return user;
  }
}
