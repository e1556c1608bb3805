import { passwordProblems, roleRequiresMfa } from '@emis/domain';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { AuditAction } from '@emis/contracts';
import { AuditRepository } from '@emis/api/audit';
import { OperatorAccountsRepository } from '@emis/api/identity';
import { DepartmentRepository } from '@emis/api/tenancy';
import { DataSource, EntityManager } from 'typeorm';

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
export async function bootstrapProvince(
  ds: DataSource,
  input: BootstrapInput,
): Promise<{ departmentId: string; password: string }> {
  const password = temporaryPassword();
  const hash = await argon2.hash(password, { type: argon2.argon2id });
  const departments = new DepartmentRepository();
  return ds.transaction(async (em) => {
    const existing = await departments.rootCode(em);
    if (existing) throw new Error(`The province is already set up (department ${existing}).`);
    const departmentId = await departments.create(em, input.departmentCode, input.departmentName);
    const userId = await new OperatorAccountsRepository().insertDepartmentAdmin(
      em,
      input.adminUsername,
      hash,
      input.adminName,
      departmentId,
    );
    await audit(em, departmentId, 'org_unit', departmentId, 'CREATE', {
      code: input.departmentCode,
      name: input.departmentName,
    });
    await audit(em, departmentId, 'app_user', userId, 'CREATE', {
      username: input.adminUsername,
      role: 'DEPARTMENT_ADMIN',
      mfaRequired: roleRequiresMfa('DEPARTMENT_ADMIN'),
    });
    return { departmentId, password };
  });
}

/** Gives a user a new temporary password and lifts a lockout; their sessions are signed out. */
export async function resetPassword(ds: DataSource, username: string): Promise<string> {
  const password = temporaryPassword();
  if (passwordProblems(password, username).length) throw new Error('Generated password breaks the policy');
  const hash = await argon2.hash(password, { type: argon2.argon2id });
  await ds.transaction(async (em) => {
    const user = await new OperatorAccountsRepository().resetPassword(em, username, hash);
    if (!user) throw new Error(`No user ${username}`);
    await audit(em, user.orgUnitId, 'app_user', user.id, 'PASSWORD_CHANGED', { by: 'operator', unlocked: true });
  });
  return password;
}

function audit(
  em: EntityManager,
  unitId: string,
  entity: string,
  entityId: string,
  action: AuditAction,
  after: unknown,
): Promise<number> {
  return new AuditRepository().append(em, {
    schoolId: unitId,
    at: new Date(),
    actorId: null,
    actorName: OPERATOR,
    actorOrgUnitId: null,
    entity,
    entityId,
    action,
    before: undefined,
    after,
    requestId: null,
  });
}
