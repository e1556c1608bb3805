import { Injectable } from '@nestjs/common';
import { sqlExec, sqlRow } from '@emis/api/platform';
import { Role } from '@emis/domain';
import { DataSource } from 'typeorm';

export interface UserRecord {
  id: string;
  username: string;
  passwordHash: string;
  fullName: string;
  role: Role;
  orgUnitId: string;
  locale: 'vi' | 'en';
  mfaSecret: string | null;
  mfaEnabled: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  active: boolean;
}

export interface RefreshTokenRecord {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/** A row of app_user as PostgreSQL returns it. */
interface AppUserRow {
  id: string;
  username: string;
  password_hash: string;
  full_name: string;
  role: Role;
  org_unit_id: string;
  locale: 'vi' | 'en';
  mfa_secret: string | null;
  mfa_enabled: boolean;
  failed_logins: number;
  locked_until: Date | null;
  active: boolean;
}

/** The columns of refresh_token that the sign-in flow reads. */
interface RefreshTokenRow {
  id: string;
  user_id: string;
  family_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

const USER_COLUMNS = `id, username, password_hash, full_name, role, org_unit_id, locale, mfa_secret, mfa_enabled, failed_logins,
  locked_until, active`;
const TOKEN_COLUMNS = `id, user_id, family_id, expires_at, used_at, revoked_at`;

/**
 * Users and refresh tokens. These are identity tables, read before any tenant scope exists (at sign-in),
 * so they carry no RLS; every statement here names the user it touches.
 */
@Injectable()
export class UsersRepository {
  constructor(private readonly db: DataSource) {}

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const row = await sqlRow<AppUserRow>(
      this.db,
      `select ${USER_COLUMNS} from app_user where lower(username) = lower($1)`,
      [username],
    );
    return row ? toUser(row) : undefined;
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const row = await sqlRow<AppUserRow>(this.db, `select ${USER_COLUMNS} from app_user where id = $1`, [id]);
    return row ? toUser(row) : undefined;
  }

  /** Counts a failed password; locks the account when the count reaches the threshold. Returns the new state. */
  async recordFailure(
    id: string,
    threshold: number,
    lockMinutes: number,
  ): Promise<{ failedLogins: number; lockedUntil: Date | null }> {
    const row = await sqlRow<Pick<AppUserRow, 'failed_logins' | 'locked_until'>>(
      this.db,
      `update app_user
          set failed_logins = failed_logins + 1,
              locked_until = case when failed_logins + 1 >= $2 then now() + make_interval(mins => $3) else locked_until end,
              updated_at = now()
        where id = $1
        returning failed_logins, locked_until`,
      [id, threshold, lockMinutes],
    );
    if (!row) throw new Error(`recordFailure: no user ${id}`);
    return { failedLogins: row.failed_logins, lockedUntil: row.locked_until };
  }

  async recordSuccess(id: string): Promise<void> {
    await sqlExec(
      this.db,
      `update app_user set failed_logins = 0, locked_until = null, updated_at = now() where id = $1`,
      [id],
    );
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await sqlExec(
      this.db,
      `update app_user set password_hash = $2, failed_logins = 0, locked_until = null, updated_at = now() where id = $1`,
      [id, passwordHash],
    );
  }

  async revokeAllTokens(userId: string): Promise<void> {
    await sqlExec(this.db, `update refresh_token set revoked_at = now() where user_id = $1 and revoked_at is null`, [
      userId,
    ]);
  }

  async setPendingMfaSecret(id: string, encryptedSecret: string): Promise<void> {
    await sqlExec(
      this.db,
      `update app_user set mfa_secret = $2, mfa_enabled = false, updated_at = now() where id = $1 and not mfa_enabled`,
      [id, encryptedSecret],
    );
  }

  async enableMfa(id: string): Promise<void> {
    await sqlExec(
      this.db,
      `update app_user set mfa_enabled = true, updated_at = now() where id = $1 and mfa_secret is not null`,
      [id],
    );
  }

  async insertRefreshToken(userId: string, familyId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await sqlExec(
      this.db,
      `insert into refresh_token (user_id, family_id, token_hash, expires_at) values ($1, $2, $3, $4)`,
      [userId, familyId, tokenHash, expiresAt],
    );
  }

  /**
   * Marks a refresh token used, atomically: of two concurrent refreshes with the same token only one wins.
   * Returns the token when it was valid and unused, otherwise what is known of it (for reuse detection).
   */
  async consumeRefreshToken(
    tokenHash: string,
  ): Promise<{ consumed: RefreshTokenRecord | undefined; known: RefreshTokenRecord | undefined }> {
    const consumed = await sqlRow<RefreshTokenRow>(
      this.db,
      `update refresh_token set used_at = now()
        where token_hash = $1 and used_at is null and revoked_at is null and expires_at > now()
        returning ${TOKEN_COLUMNS}`,
      [tokenHash],
    );
    if (consumed) return { consumed: toToken(consumed), known: toToken(consumed) };
    const known = await sqlRow<RefreshTokenRow>(
      this.db,
      `select ${TOKEN_COLUMNS} from refresh_token where token_hash = $1`,
      [tokenHash],
    );
    return { consumed: undefined, known: known ? toToken(known) : undefined };
  }

  async revokeFamily(familyId: string): Promise<void> {
    await sqlExec(this.db, `update refresh_token set revoked_at = now() where family_id = $1 and revoked_at is null`, [
      familyId,
    ]);
  }

  async findTokenOwner(tokenHash: string): Promise<{ familyId: string; userId: string } | undefined> {
    const row = await sqlRow<Pick<RefreshTokenRow, 'family_id' | 'user_id'>>(
      this.db,
      `select family_id, user_id from refresh_token where token_hash = $1`,
      [tokenHash],
    );
    return row ? { familyId: row.family_id, userId: row.user_id } : undefined;
  }
}

function toUser(r: AppUserRow): UserRecord {
  return {
    id: r.id,
    username: r.username,
    passwordHash: r.password_hash,
    fullName: r.full_name,
    role: r.role,
    orgUnitId: r.org_unit_id,
    locale: r.locale,
    mfaSecret: r.mfa_secret,
    mfaEnabled: r.mfa_enabled,
    failedLogins: r.failed_logins,
    lockedUntil: r.locked_until,
    active: r.active,
  };
}

function toToken(r: RefreshTokenRow): RefreshTokenRecord {
  return {
    id: r.id,
    userId: r.user_id,
    familyId: r.family_id,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
    revokedAt: r.revoked_at,
  };
}
