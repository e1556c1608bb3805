import { Injectable } from '@nestjs/common';
import { sqlRow } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { endSessions } from './sessions/sessions.repository';

/** Accounts an operator creates or unlocks from the command line (apps/api/src/cli.ts), inside the operator's transaction. */
@Injectable()
export class OperatorAccountsRepository {
  async insertDepartmentAdmin(
    em: EntityManager,
    username: string,
    passwordHash: string,
    fullName: string,
    departmentId: string,
  ): Promise<string> {
    const user = await sqlRow<{ id: string }>(
      em,
      `insert into app_user (username, password_hash, full_name, role, org_unit_id) values ($1, $2, $3, 'DEPARTMENT_ADMIN', $4) returning id`,
      [username, passwordHash, fullName, departmentId],
    );
    if (!user) throw new Error(`insertDepartmentAdmin: no id returned for ${username}`);
    return user.id;
  }

  /** Sets a new password, lifts a soft lock and ends the user's sessions at once; undefined when there is no such user. */
  async resetPassword(
    em: EntityManager,
    username: string,
    passwordHash: string,
  ): Promise<{ id: string; orgUnitId: string } | undefined> {
    const row = await sqlRow<{ id: string; org_unit_id: string }>(
      em,
      `update app_user set password_hash = $2, failed_logins = 0, locked_until = null, soft_locked_at = null, updated_at = now() where lower(username) = lower($1) returning id, org_unit_id`,
      [username, passwordHash],
    );
    if (!row) return undefined;
    await endSessions(em, row.id, 'PASSWORD_CHANGED');
    return { id: row.id, orgUnitId: row.org_unit_id };
  }
}
