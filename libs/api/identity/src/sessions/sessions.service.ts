import { HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuditAction, SessionItem, SessionResponse, SessionsEnded } from '@emis/contracts';
import { AppConfig, Principal, ProblemException, Scope } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { ClsService } from 'nestjs-cls';
import { randomBytes } from 'node:crypto';
import { assertManageable } from '../accounts/account-access';
import { toAuthUser } from '../auth-user';
import { asActor, UserAudit } from '../user-audit';
import { UserRecord, UsersRepository } from '../users.repository';
import { AccessClaims, hashToken } from './access-token';
import { describeDevice } from './device';
import { currentClient } from './session-client';
import { SessionRegistry } from './session-registry';
import { SessionRecord, SessionsRepository } from './sessions.repository';

/** A session as the controller sends it: the body, and the refresh token it puts in the cookie until it expires. */
export interface IssuedSession {
  body: SessionResponse;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** The session was ended (signed out, ended elsewhere or by an administrator, the account disabled, a replay). */
const sessionEnded = () => new ProblemException(HttpStatus.UNAUTHORIZED, 'session_ended');
/** The session reached its absolute lifetime, or the refresh token is unknown or past its own. */
const sessionExpired = () => new ProblemException(HttpStatus.UNAUTHORIZED, 'session_expired');

/**
 * Sessions (docs/domain/sign-in.md, "Sessions"): one per sign-in, with an absolute lifetime; the access token names
 * it and every request checks it is open; its refresh tokens rotate inside it, with a short grace window so that two
 * tabs refreshing at once do not sign the user out.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly repo: SessionsRepository,
    private readonly registry: SessionRegistry,
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly tree: OrgTreeService,
    private readonly audit: UserAudit,
    private readonly cls: ClsService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Opens the session `sessionId` for a user who has just proven who they are, from the request's client. */
  async start(user: UserRecord, sessionId: string, event?: AuditAction): Promise<IssuedSession> {
    await this.repo.open({
      id: sessionId,
      userId: user.id,
      lifetimeHours: this.config.SESSION_ABSOLUTE_HOURS,
      ...currentClient(this.cls),
    });
    if (event) await this.audit.recordNow(user, event, { mfa: user.mfaEnabled, sessionId }, asActor(user));
    return this.tokensFor(user, sessionId);
  }

  /**
   * Rotates the refresh token: a new access token and refresh token of the same session, never past its absolute
   * end. A token already used is accepted again only within the grace window (secondUse).
   */
  async renew(refreshToken: string | undefined): Promise<IssuedSession> {
    if (!refreshToken) throw sessionExpired();
    const hash = hashToken(refreshToken);
    const owner = (await this.repo.consumeRefreshToken(hash)) ?? (await this.secondUse(hash));
    const user = await this.users.findById(owner.userId);
    if (!user?.active || !(await this.repo.touchOpen(owner.sessionId))) throw sessionEnded();
    return this.tokensFor(user, owner.sessionId);
  }

  /** Signs out the session the refresh token belongs to. */
  async logout(refreshToken: string | undefined): Promise<void> {
    const sessionId = refreshToken ? await this.repo.sessionOfToken(hashToken(refreshToken)) : undefined;
    if (sessionId) await this.registry.end(sessionId, 'LOGOUT', { self: true });
  }

  /**
   * The check JwtStrategy makes on every request: the token's session is neither ended nor past its absolute end,
   * and its user is not disabled. An access token without a session (issued before sessions were recorded) is refused.
   */
  async assertOpen(claims: Pick<AccessClaims, 'sub' | 'sid'>): Promise<void> {
    const gate = claims.sid ? await this.repo.gate(claims.sid, claims.sub) : undefined;
    if (!gate || gate.ended || !gate.userActive) throw sessionEnded();
    if (gate.expired) throw sessionExpired();
  }

  /** The user's open sessions; `currentId` (the caller's own, when they look at their own list) is marked. */
  async listFor(userId: string, currentId?: string): Promise<SessionItem[]> {
    return (await this.repo.listOpen(userId)).map((s) => toItem(s, s.id === currentId));
  }

  /** The user ends one of their own sessions (a phone left signed in); another user's session is not found. */
  async endOwn(userId: string, sessionId: string): Promise<void> {
    if ((await this.repo.ownerOf(sessionId)) !== userId) throw new NotFoundException();
    await this.registry.end(sessionId, 'ENDED_BY_USER');
  }

  /** "Sign out everywhere else": every session of the user but the one making the request. */
  async endOthers(userId: string, currentId: string | undefined): Promise<SessionsEnded> {
    if (!currentId) throw sessionEnded();
    return { ended: await this.registry.endOthers(userId, currentId, 'ENDED_BY_USER') };
  }

  /** An administrator's view of the open sessions of an account they administer. */
  async listOfAccount(actor: Principal, scope: Scope, accountId: string): Promise<SessionItem[]> {
    return this.listFor(await this.administeredAccount(actor, scope, accountId));
  }

  /** An administrator ends every session of an account they administer, with a reason for the audit. */
  async endAllOfAccount(actor: Principal, scope: Scope, accountId: string, reason: string): Promise<SessionsEnded> {
    const id = await this.administeredAccount(actor, scope, accountId);
    return { ended: await this.registry.endAllFor(id, 'ENDED_BY_ADMIN', { note: reason }) };
  }

  /**
   * A refresh token presented after its first use. Two tabs of one browser refreshing at the same moment send the
   * same token: within REFRESH_GRACE_SECONDS of its use, from the same session and browser, and while no later token
   * of the session has been used yet, it is answered with a new token of the same session. Anything else is taken for
   * a stolen token being replayed: the session ends (TOKEN_REUSE), so the thief's copy dies with the user's.
   */
  private async secondUse(hash: string): Promise<{ userId: string; sessionId: string }> {
    const token = await this.repo.usedToken(hash, this.config.REFRESH_GRACE_SECONDS);
    if (!token || token.expired) throw sessionExpired();
    if (token.revoked) throw sessionEnded();
    const session = await this.repo.findOpen(token.sessionId);
    if (!session) throw sessionEnded();
    const sameBrowser = session.userAgent === currentClient(this.cls).userAgent;
    if (token.inGrace && !token.movedOn && sameBrowser) return token;
    await this.registry.end(token.sessionId, 'TOKEN_REUSE');
    throw sessionEnded();
  }

  /**
   * The account, when the actor administers it (accounts administration's rule, assertManageable): outside their scope
   * 404, as if it did not exist; in view but not theirs to administer (a fellow unit officer, their own account), 403.
   */
  private async administeredAccount(actor: Principal, scope: Scope, accountId: string): Promise<string> {
    const account = await this.users.findById(accountId);
    if (!account) throw new NotFoundException();
    const unit = await this.tree.get(account.orgUnitId);
    assertManageable(actor, scope, { ...account, orgUnitKind: unit?.kind ?? 'SCHOOL' });
    return account.id;
  }

  private async tokensFor(user: UserRecord, sessionId: string): Promise<IssuedSession> {
    const claims: AccessClaims = {
      sub: user.id,
      typ: 'access',
      role: user.role,
      unit: user.orgUnitId,
      usr: user.username,
      name: user.fullName,
      sid: sessionId,
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS });
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = await this.repo.insertRefreshToken(
      user.id,
      sessionId,
      hashToken(refreshToken),
      this.config.REFRESH_TOKEN_TTL_SECONDS,
    );
    return {
      refreshToken,
      refreshExpiresAt,
      body: {
        status: 'ok',
        accessToken,
        expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
        user: await toAuthUser(this.tree, user, sessionId),
      },
    };
  }
}

function toItem(s: SessionRecord, current: boolean): SessionItem {
  return {
    id: s.id,
    device: describeDevice(s.userAgent),
    userAgent: s.userAgent,
    address: s.address,
    createdAt: s.createdAt.toISOString(),
    lastUsedAt: s.lastUsedAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    current,
  };
}
