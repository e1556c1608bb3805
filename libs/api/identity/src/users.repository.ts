import { Injectable } from '@nestjs/common';
import { sqlExec, sqlRow, TenantDb } from '@emis/api/platform';
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
  /** An administrator set a one-time password: the next sign-in sets the user's own first. */
  mustChangePassword: boolean;
  /** Soft-locked after repeated failures: the second factor or an administrator lifts it. */
  softLockedAt: Date | null;
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
  must_change_password: boolean;
  soft_locked_at: Date | null;
}

const USER_COLUMNS = `id, username, password_hash, full_name, role, org_unit_id, locale, mfa_secret, mfa_enabled, failed_logins,
  locked_until, active, must_change_password, soft_locked_at`;

/**
 * Users. An identity table, read before any tenant scope exists (at sign-in), so it carries no RLS; every statement
 * here names the user it touches. The password and second-factor writes run sealed for the user themself
 * (TenantDb.asAccount): PostgreSQL refuses them otherwise (docs/security/roles.md, "Accounts and credentials").
 * Sessions and their refresh tokens: sessions/sessions.repository.ts.
 */
@Injectable()
export class UsersRepository {
  constructor(
    private readonly db: DataSource,
    private readonly tenant: TenantDb,
  ) {}

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

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.ownWrite(
      id,
      `update app_user set password_hash = $2, failed_logins = 0, locked_until = null, updated_at = now() where id = $1`,
      [id, passwordHash],
    );
  }

  /** The user's own password in place of an administrator's one-time password. */
  async setFirstPassword(id: string, passwordHash: string): Promise<void> {
    await this.ownWrite(
      id,
      `update app_user set password_hash = $2, must_change_password = false, updated_at = now() where id = $1`,
      [id, passwordHash],
    );
  }

  async setPendingMfaSecret(id: string, encryptedSecret: string): Promise<void> {
    await this.ownWrite(
      id,
      `update app_user set mfa_secret = $2, mfa_enabled = false, updated_at = now() where id = $1 and not mfa_enabled`,
      [id, encryptedSecret],
    );
  }

  async enableMfa(id: string): Promise<void> {
    await this.ownWrite(
      id,
      `update app_user set mfa_enabled = true, updated_at = now() where id = $1 and mfa_secret is not null`,
      [id],
    );
  }

  /** One statement on the user's own credentials, sealed for the user (TenantDb.asAccount). */
  private ownWrite(id: string, sql: string, params: unknown[]): Promise<number> {
    return this.tenant.asAccount(id, (em) => sqlExec(em, sql, params));
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
    mustChangePassword: r.must_change_password,
    softLockedAt: r.soft_locked_at,
  };
}
