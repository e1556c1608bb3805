import { passwordProblems, roleRequiresMfa } from '@emis/domain';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Operator actions from the command line, run as the schema owner and audited like any other change. */
const OPERATOR = 'Quản trị hệ thống (dòng lệnh)';

/** A temporary password that satisfies the policy: 16 characters from an unambiguous alphabet plus a digit. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const letters = [...randomBytes(14)].map((b) => alphabet[b % alphabet.length]).join('');
  const digits = String(100 + (randomBytes(1)[0] % 900));
  return `${letters.slice(0, 7)}-${digits}-${letters.slice(7)}`;
}

export interface BootstrapInput {
  departmentCode: string;
  departmentName: string;
  adminUsername: string;
  adminName: string;
}

/**
 * The first start of a real province: the department (root of the org-unit tree) and its first administrator.
 * Refuses when the tree already has a root, so it cannot be used to add a second department or a backdoor admin.
 */
export async function bootstrapProvince(ds: DataSource, input: BootstrapInput): Promise<{ departmentId: string; password: string }> {
  const password = temporaryPassword();
  const hash = await argon2.hash(password, { type: argon2.argon2id });
  return ds.transaction(async (em) => {
    const [existing] = await em.query(`select code from org_unit where parent_id is null limit 1`);
    if (existing) throw new Error(`The province is already set up (department ${existing.code}).`);
    const [dept] = await em.query(`insert into org_unit (kind, code, name) values ('DEPARTMENT', $1, $2) returning id`, [input.departmentCode, input.departmentName]);
    await em.query(`insert into org_unit_parent_history (org_unit_id, parent_id, valid_from) values ($1, null, now())`, [dept.id]);
    const [user] = await em.query(
      `insert into app_user (username, password_hash, full_name, role, org_unit_id) values ($1, $2, $3, 'DEPARTMENT_ADMIN', $4) returning id`,
      [input.adminUsername, hash, input.adminName, dept.id],
    );
    await audit(em, dept.id, 'org_unit', dept.id, 'CREATE', { code: input.departmentCode, name: input.departmentName });
    await audit(em, dept.id, 'app_user', user.id, 'CREATE', { username: input.adminUsername, role: 'DEPARTMENT_ADMIN', mfaRequired: roleRequiresMfa('DEPARTMENT_ADMIN') });
    return { departmentId: dept.id, password };
  });
}

/** Gives a user a new temporary password and lifts a lockout; their sessions are signed out. */
export async function resetPassword(ds: DataSource, username: string): Promise<string> {
  const password = temporaryPassword();
  if (passwordProblems(password, username).length) throw new Error('Generated password breaks the policy');
  const hash = await argon2.hash(password, { type: argon2.argon2id });
  await ds.transaction(async (em) => {
    const [rows] = await em.query(
      `update app_user set password_hash = $2, failed_logins = 0, locked_until = null, updated_at = now() where lower(username) = lower($1) returning id, org_unit_id`,
      [username, hash],
    );
    if (!rows[0]) throw new Error(`No user ${username}`);
    await em.query(`update refresh_token set revoked_at = now() where user_id = $1 and revoked_at is null`, [rows[0].id]);
    await audit(em, rows[0].org_unit_id, 'app_user', rows[0].id, 'PASSWORD_CHANGED', { by: 'operator', unlocked: true });
  });
  return password;
}

async function audit(em: { query: DataSource['query'] }, unitId: string, entity: string, entityId: string, action: string, after: unknown): Promise<void> {
  await em.query(`select audit_append($1, now(), null, $2, null, $3, $4, $5, null, $6::jsonb, null)`, [unitId, OPERATOR, entity, entityId, action, JSON.stringify(after)]);
}
