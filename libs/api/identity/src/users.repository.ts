import { Injectable } from '@nestjs/common';
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

/**
 * Users and refresh tokens. These are identity tables, read before any tenant scope exists (at sign-in),
 * so they carry no RLS; every statement here names the user it touches.
 */
@Injectable()
export class UsersRepository {
  constructor(private readonly db: DataSource) {}

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const [row] = await this.db.query(`select * from app_user where lower(username) = lower($1)`, [username]);
    return row ? toUser(row) : undefined;
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const [row] = await this.db.query(`select * from app_user where id = $1`, [id]);
    return row ? toUser(row) : undefined;
  }

  /** Counts a failed password; locks the account when the count reaches the threshold. Returns the new state. */
  async recordFailure(id: string, threshold: number, lockMinutes: number): Promise<{ failedLogins: number; lockedUntil: Date | null }> {
    const [rows] = await this.db.query(
      `update app_user
          set failed_logins = failed_logins + 1,
              locked_until = case when failed_logins + 1 >= $2 then now() + make_interval(mins => $3) else locked_until end,
              updated_at = now()
        where id = $1
        returning failed_logins, locked_until`,
      [id, threshold, lockMinutes],
    );
    const row = rows[0];
    return { failedLogins: Number(row.failed_logins), lockedUntil: row.locked_until ?? null };
  }

  async recordSuccess(id: string): Promise<void> {
    await this.db.query(`update app_user set failed_logins = 0, locked_until = null, updated_at = now() where id = $1`, [id]);
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.db.query(`update app_user set password_hash = $2, failed_logins = 0, locked_until = null, updated_at = now() where id = $1`, [id, passwordHash]);
  }

  async revokeAllTokens(userId: string): Promise<void> {
    await this.db.query(`update refresh_token set revoked_at = now() where user_id = $1 and revoked_at is null`, [userId]);
  }

  async setPendingMfaSecret(id: string, encryptedSecret: string): Promise<void> {
    await this.db.query(`update app_user set mfa_secret = $2, mfa_enabled = false, updated_at = now() where id = $1 and not mfa_enabled`, [id, encryptedSecret]);
  }

  async enableMfa(id: string): Promise<void> {
    await this.db.query(`update app_user set mfa_enabled = true, updated_at = now() where id = $1 and mfa_secret is not null`, [id]);
  }

  async insertRefreshToken(userId: string, familyId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.query(
      `insert into refresh_token (user_id, family_id, token_hash, expires_at) values ($1, $2, $3, $4)`,
      [userId, familyId, tokenHash, expiresAt],
    );
  }

  /**
   * Marks a refresh token used, atomically: of two concurrent refreshes with the same token only one wins.
   * Returns the token when it was valid and unused, otherwise what is known of it (for reuse detection).
   */
  async consumeRefreshToken(tokenHash: string): Promise<{ consumed: RefreshTokenRecord | undefined; known: RefreshTokenRecord | undefined }> {
    const [rows] = await this.db.query(
      `update refresh_token set used_at = now()
        where token_hash = $1 and used_at is null and revoked_at is null and expires_at > now()
        returning id, user_id, family_id, expires_at, used_at, revoked_at`,
      [tokenHash],
    );
    if (rows[0]) return { consumed: toToken(rows[0]), known: toToken(rows[0]) };
    const [known] = await this.db.query(
      `select id, user_id, family_id, expires_at, used_at, revoked_at from refresh_token where token_hash = $1`,
      [tokenHash],
    );
    return { consumed: undefined, known: known ? toToken(known) : undefined };
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db.query(`update refresh_token set revoked_at = now() where family_id = $1 and revoked_at is null`, [familyId]);
  }

  async findTokenOwner(tokenHash: string): Promise<{ familyId: string; userId: string } | undefined> {
    const [row] = await this.db.query(`select family_id, user_id from refresh_token where token_hash = $1`, [tokenHash]);
    return row ? { familyId: row.family_id, userId: row.user_id } : undefined;
  }
}

function toUser(r: Record<string, unknown>): UserRecord {
  return {
    id: r['id'] as string,
    username: r['username'] as string,
    passwordHash: r['password_hash'] as string,
    fullName: r['full_name'] as string,
    role: r['role'] as Role,
    orgUnitId: r['org_unit_id'] as string,
    locale: r['locale'] as 'vi' | 'en',
    mfaSecret: (r['mfa_secret'] as string | null) ?? null,
    mfaEnabled: Boolean(r['mfa_enabled']),
    failedLogins: Number(r['failed_logins']),
    lockedUntil: (r['locked_until'] as Date | null) ?? null,
    active: Boolean(r['active']),
  };
}

function toToken(r: Record<string, unknown>): RefreshTokenRecord {
  return {
    id: r['id'] as string,
    userId: r['user_id'] as string,
    familyId: r['family_id'] as string,
    expiresAt: r['expires_at'] as Date,
    usedAt: (r['used_at'] as Date | null) ?? null,
    revokedAt: (r['revoked_at'] as Date | null) ?? null,
  };
}
