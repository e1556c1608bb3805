import { hashRecoveryCode, newRecoveryCode, SecretBox } from '@emis/api/identity';
import { sqlExec } from '@emis/api/platform';
import { authenticator } from 'otplib';
import { DataSource } from 'typeorm';

/** The authenticator secret the integration setup gives the seeded users whose role requires a second factor. */
export const ADMIN_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The roles the demo's policy requires a second factor of (MFA_ALWAYS_ROLES; docs/domain/sign-in.md). */
const MFA_ROLES = ['DEPARTMENT_ADMIN', 'DEPARTMENT_OFFICER', 'UNIT_OFFICER', 'SCHOOL_ADMIN'];

export function totp(secret: string = ADMIN_TOTP_SECRET): string {
  return authenticator.generate(secret);
}

/**
 * The code of the time step `steps` after the current one. A code is accepted once (its step must be after the last
 * accepted one); the one-step window lets the next step's code be used at once, so a test needs not wait 30 s.
 */
export function totpAhead(secret: string, steps: number): string {
  return authenticator.clone({ epoch: Date.now() + steps * 30_000 }).generate(secret);
}

/** Gives the seeded users whose role requires a second factor the known authenticator, as if they had enrolled. */
export async function enrolSeededUsers(db: DataSource, jwtSecret: string): Promise<void> {
  await db.query(`update app_user set mfa_secret = $1, mfa_enabled = true where role = any($2)`, [
    new SecretBox(jwtSecret).seal(ADMIN_TOTP_SECRET),
    MFA_ROLES,
  ]);
}

/** Gives one user the known authenticator, as if they had enrolled. */
export async function enrolUser(db: DataSource, username: string, jwtSecret: string): Promise<void> {
  await db.query(`update app_user set mfa_secret = $1, mfa_enabled = true where username = $2`, [
    new SecretBox(jwtSecret).seal(ADMIN_TOTP_SECRET),
    username,
  ]);
}

/**
 * A fresh recovery code for `username`, inserted as the schema owner: the harness passes the second step with it (the
 * real recovery-code path), so parallel sign-ins of one user never meet the TOTP replay guard.
 */
export async function issueRecoveryCode(owner: DataSource, username: string): Promise<string> {
  const code = newRecoveryCode();
  // sqlExec: a deadlock's victim is sent again (on a Citus cluster, writes of reference tables tied by foreign keys
  // can deadlock with a sign-in's; docs/scaling.md).
  await sqlExec(
    owner,
    `insert into mfa_recovery_code (user_id, code_hash) select id, $2 from app_user where lower(username) = lower($1)`,
    [username, hashRecoveryCode(code)],
  );
  return code;
}
