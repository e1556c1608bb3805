import { Injectable } from '@nestjs/common';
import type { SessionEndReason } from '@emis/contracts';
import { prepared, sqlExec, sqlRow, sqlRows, SqlTarget } from '@emis/api/platform';
import { DataSource } from 'typeorm';

/** A signed-in session (user_session), as the sessions service reads it. */
export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  address: string | null;
}

/** What the per-request check needs: is the session still open, its lifetime not over, its user not disabled? */
export interface SessionGate {
  ended: boolean;
  expired: boolean;
  userActive: boolean;
}

/** A refresh token presented a second time, with what decides between two tabs refreshing at once and a replay. */
export interface UsedToken {
  userId: string;
  sessionId: string;
  /** Its session was ended. */
  revoked: boolean;
  /** It ran out (its lifetime never passes its session's). */
  expired: boolean;
  /** Its first use lies less than the grace window ago. */
  inGrace: boolean;
  /** A token issued after it in the same session has itself been used: the session moved on twice. */
  movedOn: boolean;
}

interface SessionRow {
  id: string;
  user_id: string;
  created_at: Date;
  last_used_at: Date;
  expires_at: Date;
  user_agent: string | null;
  address: string | null;
}

const SESSION_COLUMNS = `id, user_id, created_at, last_used_at, expires_at, user_agent, address`;
/** Open: not ended and within its absolute lifetime. */
const OPEN = `ended_at is null and expires_at > now()`;

/** The gate of every authenticated request, a prepared statement (docs/adr/sql-by-hand.md). */
const GATE = prepared(`select s.ended_at is not null as ended, s.expires_at <= now() as expired, u.active as user_active
  from user_session s join app_user u on u.id = s.user_id
 where s.id = $1 and s.user_id = $2`);

/**
 * Sessions (user_session) and their rotating refresh tokens (refresh_token, family_id = the session's id). Identity
 * tables, read before any tenant scope exists, so without RLS; every statement names the user or the session it
 * touches. Statements that end sessions take the caller's transaction, so they commit with the action that ended them.
 */
@Injectable()
export class SessionsRepository {
  constructor(private readonly db: DataSource) {}

  /** Opens a session ending `lifetimeHours` after now, by the database's clock (the one every check reads). */
  async open(s: {
    id: string;
    userId: string;
    lifetimeHours: number;
    userAgent: string | null;
    address: string | null;
  }): Promise<void> {
    await sqlExec(
      this.db,
      // The account's "last sign-in", which the administrators' list shows, is the start of its latest session.
      `with opened as (
         insert into user_session (id, user_id, expires_at, user_agent, address)
         values ($1, $2, now() + make_interval(hours => $3), $4, $5)
         returning user_id, created_at)
       update app_user u set last_sign_in_at = opened.created_at from opened where u.id = opened.user_id`,
      [s.id, s.userId, s.lifetimeHours, s.userAgent, s.address],
    );
  }

  /** The check every authenticated request makes: one lookup by primary key (and the user's, by theirs). */
  async gate(sessionId: string, userId: string): Promise<SessionGate | undefined> {
    const row = await sqlRow<{ ended: boolean; expired: boolean; user_active: boolean }>(this.db, GATE, [
      sessionId,
      userId,
    ]);
    return row ? { ended: row.ended, expired: row.expired, userActive: row.user_active } : undefined;
  }

  async findOpen(sessionId: string): Promise<SessionRecord | undefined> {
    const row = await sqlRow<SessionRow>(
      this.db,
      `select ${SESSION_COLUMNS} from user_session where id = $1 and ${OPEN}`,
      [sessionId],
    );
    return row ? toSession(row) : undefined;
  }

  /** The user's open sessions, the most recently used first. */
  async listOpen(userId: string): Promise<SessionRecord[]> {
    const rows = await sqlRows<SessionRow>(
      this.db,
      `select ${SESSION_COLUMNS} from user_session where user_id = $1 and ${OPEN} order by last_used_at desc, id`,
      [userId],
    );
    return rows.map(toSession);
  }

  /**
   * Records a use of the session if it is still open; false when it is not. Last use is recorded when the session
   * renews its access token, not on every request (no write per read): the list's "last used" is within one access
   * token lifetime (ACCESS_TOKEN_TTL_SECONDS) of the truth.
   */
  async touchOpen(sessionId: string): Promise<boolean> {
    return (
      (await sqlExec(this.db, `update user_session set last_used_at = now() where id = $1 and ${OPEN}`, [sessionId])) >
      0
    );
  }

  /** A refresh token of the session, living `ttlSeconds` but never past the session's absolute end. */
  async insertRefreshToken(userId: string, sessionId: string, tokenHash: string, ttlSeconds: number): Promise<Date> {
    const row = await sqlRow<{ expires_at: Date }>(
      this.db,
      `insert into refresh_token (user_id, family_id, token_hash, expires_at)
       select $1, s.id, $3, least(now() + make_interval(secs => $4), s.expires_at) from user_session s where s.id = $2
       returning expires_at`,
      [userId, sessionId, tokenHash, ttlSeconds],
    );
    if (!row) throw new Error(`insertRefreshToken: no session ${sessionId}`);
    return row.expires_at;
  }

  /**
   * Marks a refresh token used, atomically: of two refreshes with the same token at the same moment only one wins
   * here; the other finds it used (usedToken). Answers the token's user and session when it was valid and unused.
   */
  async consumeRefreshToken(tokenHash: string): Promise<{ userId: string; sessionId: string } | undefined> {
    const row = await sqlRow<{ user_id: string; family_id: string }>(
      this.db,
      `update refresh_token set used_at = now()
        where token_hash = $1 and used_at is null and revoked_at is null and expires_at > now()
        returning user_id, family_id`,
      [tokenHash],
    );
    return row ? { userId: row.user_id, sessionId: row.family_id } : undefined;
  }

  /** A refresh token that was not consumable: already used, revoked or expired (undefined when unknown). */
  async usedToken(tokenHash: string, graceSeconds: number): Promise<UsedToken | undefined> {
    const row = await sqlRow<{
      user_id: string;
      family_id: string;
      revoked: boolean;
      expired: boolean;
      in_grace: boolean;
      moved_on: boolean;
    }>(
      this.db,
      `select t.user_id, t.family_id,
              t.revoked_at is not null as revoked, t.expires_at <= now() as expired,
              coalesce(t.used_at > now() - make_interval(secs => $2), false) as in_grace,
              exists (select 1 from refresh_token n
                       where n.family_id = t.family_id and n.created_at > t.created_at and n.used_at is not null) as moved_on
         from refresh_token t
        where t.token_hash = $1`,
      [tokenHash, graceSeconds],
    );
    return row
      ? {
          userId: row.user_id,
          sessionId: row.family_id,
          revoked: row.revoked,
          expired: row.expired,
          inGrace: row.in_grace,
          movedOn: row.moved_on,
        }
      : undefined;
  }

  async ownerOf(sessionId: string): Promise<string | undefined> {
    const row = await sqlRow<{ user_id: string }>(this.db, `select user_id from user_session where id = $1`, [
      sessionId,
    ]);
    return row?.user_id;
  }

  /** The session a refresh token belongs to, whoever holds it (sign-out needs no access token). */
  async sessionOfToken(tokenHash: string): Promise<string | undefined> {
    const row = await sqlRow<{ family_id: string }>(
      this.db,
      `select family_id from refresh_token where token_hash = $1`,
      [tokenHash],
    );
    return row?.family_id;
  }
}

/**
 * Ends sessions and revokes their refresh tokens in one statement, in `db`'s transaction; answers the ended ids.
 * `which` narrows to one session, or to all of the user's but one (the caller's own, "end the others"). Ending every
 * session of a user also revokes refresh tokens that have no session row (issued before sessions were recorded).
 * Shared with the operator's command line (OperatorAccountsRepository), which resets passwords in its own transaction.
 */
export async function endSessions(
  db: SqlTarget,
  userId: string,
  reason: SessionEndReason,
  which: { only?: string; except?: string } = {},
): Promise<string[]> {
  const everything = !which.only && !which.except;
  const rows = await sqlRows<{ id: string }>(
    db,
    `with ended as (
       update user_session set ended_at = now(), end_reason = $2
        where user_id = $1 and ended_at is null
          and ($3::uuid is null or id = $3) and ($4::uuid is null or id <> $4)
        returning id
     ), revoked as (
       update refresh_token set revoked_at = now()
        where user_id = $1 and revoked_at is null and (family_id in (select id from ended) or $5)
     )
     select id from ended`,
    [userId, reason, which.only ?? null, which.except ?? null, everything],
  );
  return rows.map((r) => r.id);
}

function toSession(r: SessionRow): SessionRecord {
  return {
    id: r.id,
    userId: r.user_id,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
    userAgent: r.user_agent,
    address: r.address,
  };
}
