import { Injectable } from '@nestjs/common';
import { sqlExec, sqlRow, sqlRows, TenantDb } from '@emis/api/platform';
import { Role } from '@emis/domain';
import { DataSource } from 'typeorm';

/**
 * The second factor's tables: the accepted TOTP step and the pending secret on app_user, recovery codes, used MFA
 * tokens, and the department's policy. Identity data without RLS; every statement names its user.
 */
@Injectable()
export class MfaRepository {
  constructor(
    private readonly db: DataSource,
    private readonly tenant: TenantDb,
  ) {}

  async policy(): Promise<{ role: Role; required: boolean }[]> {
    return sqlRows<{ role: Role; required: boolean }>(this.db, `select role, required from mfa_policy`);
  }

  async setPolicy(role: Role, required: boolean, by: string): Promise<void> {
    await sqlExec(
      this.db,
      `update mfa_policy set required = $2, updated_at = now(), updated_by = $3 where role = $1 and required <> $2`,
      [role, required, by],
    );
  }

  /** Records `step` as the last accepted one unless it is not after it: true when accepted (a code serves once). */
  async acceptTotpStep(userId: string, step: number): Promise<boolean> {
    const affected = await this.ownWrite(
      userId,
      `update app_user set totp_last_step = $2 where id = $1 and (totp_last_step is null or totp_last_step < $2)`,
      [userId, step],
    );
    return affected > 0;
  }

  /** A first enrolment: its confirming code's step is the last accepted one, whatever an earlier secret used. */
  async setTotpStep(userId: string, step: number): Promise<void> {
    await this.ownWrite(userId, `update app_user set totp_last_step = $2 where id = $1`, [userId, step]);
  }

  /** Spends one unused recovery code of the user by its hash: true when there was one. */
  async useRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const row = await sqlRow<{ id: string }>(
      this.db,
      `update mfa_recovery_code set used_at = now()
        where id = (select id from mfa_recovery_code where user_id = $1 and code_hash = $2 and used_at is null limit 1)
          and used_at is null
        returning id`,
      [userId, codeHash],
    );
    return row !== undefined;
  }

  /** New codes replace the old: the unused old ones are spent (marked used) in the same transaction. */
  async replaceRecoveryCodes(userId: string, codeHashes: string[]): Promise<void> {
    await this.tenant.asAccount(userId, async (em) => {
      await sqlExec(em, `update mfa_recovery_code set used_at = now() where user_id = $1 and used_at is null`, [
        userId,
      ]);
      await sqlExec(em, `insert into mfa_recovery_code (user_id, code_hash) select $1, unnest($2::text[])`, [
        userId,
        codeHashes,
      ]);
    });
  }

  async unusedRecoveryCodes(userId: string): Promise<number> {
    const row = await sqlRow<{ n: number }>(
      this.db,
      `select count(*)::int as n from mfa_recovery_code where user_id = $1 and used_at is null`,
      [userId],
    );
    return row?.n ?? 0;
  }

  /** Records an MFA token as used: true the first time, false when it was used already. Expired rows go meanwhile. */
  async consumeChallenge(jti: string, expiresAt: Date): Promise<boolean> {
    await sqlExec(this.db, `delete from mfa_challenge_use where expires_at < now()`);
    const row = await sqlRow<{ jti: string }>(
      this.db,
      `insert into mfa_challenge_use (jti, expires_at) values ($1, $2) on conflict (jti) do nothing returning jti`,
      [jti, expiresAt],
    );
    return row !== undefined;
  }

  async setPendingSecret(userId: string, sealedSecret: string): Promise<void> {
    await this.ownWrite(userId, `update app_user set mfa_pending_secret = $2, updated_at = now() where id = $1`, [
      userId,
      sealedSecret,
    ]);
  }

  async pendingSecret(userId: string): Promise<string | undefined> {
    const row = await sqlRow<{ mfa_pending_secret: string | null }>(
      this.db,
      `select mfa_pending_secret from app_user where id = $1`,
      [userId],
    );
    return row?.mfa_pending_secret ?? undefined;
  }

  /**
   * The confirmed new secret replaces the one in use. Its confirming code's step becomes the last accepted one: the
   * steps of the old secret say nothing about the new one's codes.
   */
  async promotePendingSecret(userId: string, step: number): Promise<void> {
    await this.ownWrite(
      userId,
      `update app_user set mfa_secret = mfa_pending_secret, mfa_pending_secret = null, mfa_enabled = true,
              totp_last_step = $2, updated_at = now()
        where id = $1 and mfa_pending_secret is not null`,
      [userId, step],
    );
  }

  /** One statement on the user's own second factor, sealed for the user (TenantDb.asAccount; docs/security/roles.md). */
  private ownWrite(userId: string, sql: string, params: unknown[]): Promise<number> {
    return this.tenant.asAccount(userId, (em) => sqlExec(em, sql, params));
  }
}
