import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ProblemException } from '@emis/api/platform';
import { randomUUID } from 'node:crypto';
import { MfaRepository } from './mfa.repository';
import { UserRecord, UsersRepository } from './users.repository';

/**
 * What a half-finished sign-in waits for: a new password (after an administrator's one-time password), the second
 * factor, or an enrolment.
 */
export type ChallengePurpose = 'password' | 'verify' | 'enroll';

interface MfaClaims {
  sub: string;
  typ: 'mfa';
  purpose: ChallengePurpose;
  jti: string;
  exp: number;
}

/** An opened MFA token: its user, and what consume() needs to spend it. */
export interface OpenChallenge {
  user: UserRecord;
  jti: string;
  expiresAt: Date;
}

const MFA_TOKEN_TTL_SECONDS = 300;

/**
 * MFA tokens: short-lived JWTs naming a half-finished sign-in. Each serves one sign-in (docs/domain/sign-in.md):
 * its jti is recorded in mfa_challenge_use when its step succeeds, and a second use is refused.
 */
@Injectable()
export class MfaChallengeService {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    private readonly mfa: MfaRepository,
  ) {}

  issue(user: UserRecord, purpose: ChallengePurpose): Promise<string> {
    return this.jwt.signAsync(
      { sub: user.id, typ: 'mfa', purpose },
      { expiresIn: MFA_TOKEN_TTL_SECONDS, jwtid: randomUUID() },
    );
  }

  /** The token's user, if the token is valid for `purpose` and the user still active; 401 session_expired otherwise. */
  async open(token: string, purpose: ChallengePurpose): Promise<OpenChallenge> {
    const claims = await this.jwt.verifyAsync<MfaClaims>(token).catch(() => undefined);
    if (!claims || claims.typ !== 'mfa' || claims.purpose !== purpose || !claims.jti) throw expired();
    const user = await this.users.findById(claims.sub);
    if (!user || !user.active) throw expired();
    return { user, jti: claims.jti, expiresAt: new Date(claims.exp * 1000) };
  }

  /** Spends the token: the step it served succeeded. A token already spent answers 401 session_expired. */
  async consume(challenge: OpenChallenge): Promise<void> {
    if (!(await this.mfa.consumeChallenge(challenge.jti, challenge.expiresAt))) throw expired();
  }
}

function expired(): ProblemException {
  return new ProblemException(HttpStatus.UNAUTHORIZED, 'session_expired');
}
