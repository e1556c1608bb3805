import { Injectable } from '@nestjs/common';
import type { SessionEndReason } from '@emis/contracts';
import { asActor, UserAudit } from '../user-audit';
import { UsersRepository } from '../users.repository';
import { endSessions, SessionsRepository } from './sessions.repository';

/** Who asked for sessions to end, when it was not the request's principal (sign-out has no access token). */
export interface EndedBy {
  /** The account itself (sign-out); otherwise the request's principal, or the system when there is none. */
  self?: boolean;
  /** An administrator's stated reason, kept in the audit. */
  note?: string;
}

/**
 * The sessions port of identity: what accounts administration and the sign-in flow call to end a user's sessions
 * at once (docs/domain/sign-in.md, "Sessions"). An ended session's access tokens are refused from the next request
 * (JwtStrategy asks SessionsService.assertOpen) and its refresh tokens are revoked in the same statement.
 */
@Injectable()
export class SessionRegistry {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: UserAudit,
  ) {}

  /**
   * Ends every open session of `userId` (disabled, role changed, password changed or reset, MFA reset, soft lock, an
   * administrator's "end all"); returns how many were open. Inside an administrator's request it joins the request's
   * transaction, so the sessions end with the change that ended them.
   */
  endAllFor(userId: string, reason: SessionEndReason, by: EndedBy = {}): Promise<number> {
    return this.endWhere(userId, reason, {}, by);
  }

  /** Ends one session (sign-out, a replayed refresh token, the user ending it from their list); false when not open. */
  async end(sessionId: string, reason: SessionEndReason, by: EndedBy = {}): Promise<boolean> {
    const userId = await this.sessions.ownerOf(sessionId);
    return userId ? (await this.endWhere(userId, reason, { only: sessionId }, by)) > 0 : false;
  }

  /** Ends every session of `userId` but `keep` (the caller's own: "sign out everywhere else"). */
  endOthers(userId: string, keep: string, reason: SessionEndReason): Promise<number> {
    return this.endWhere(userId, reason, { except: keep }, {});
  }

  private async endWhere(
    userId: string,
    reason: SessionEndReason,
    which: { only?: string; except?: string },
    by: EndedBy,
  ): Promise<number> {
    const user = await this.users.findById(userId);
    if (!user) return 0;
    return this.audit.inUnitOf(user, async (em) => {
      const ended = await endSessions(em, userId, reason, which);
      if (ended.length === 0) return 0;
      // Signing out is the user's own LOGOUT; any other end is SESSION_ENDED, by whoever the request names.
      const action = reason === 'LOGOUT' ? 'LOGOUT' : 'SESSION_ENDED';
      const after = { reason, sessionIds: ended, ...(by.note ? { note: by.note } : {}) };
      await this.audit.record(em, user, action, after, by.self ? asActor(user) : undefined);
      return ended.length;
    });
  }
}
