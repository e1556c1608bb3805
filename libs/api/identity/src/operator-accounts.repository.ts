import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Accounts an operator creates or unlocks from the command line (apps/api/src/cli.ts), inside the operator's transaction. */
@Injectable()
export class OperatorAccountsRepository {
  async insertDepartmentAdmin(em: EntityManager, username: string, passwordHash: string, fullName: string, departmentId: string): Promise<string> {
    const [user] = await em.query(
      `insert into app_user (username, password_hash, full_name, role, org_unit_id) values ($1, $2, $3, 'DEPARTMENT_ADMIN', $4) returning id`,
      [username, passwordHash, fullName, departmentId],
    );
    return user.id;
  }

  /** Sets a new password, lifts a lockout and revokes the user's sessions; undefined when there is no such user. */
  async resetPassword(em: EntityManager, username: string, passwordHash: string): Promise<{ id: string; orgUnitId: string } | undefined> {
    const [rows] = await em.query(
      `update app_user set password_hash = $2, failed_logins = 0, locked_until = null, updated_at = now() where lower(username) = lower($1) returning id, org_unit_id`,
      [username, passwordHash],
    );
    if (!rows[0]) return undefined;
    await em.query(`update refresh_token set revoked_at = now() where user_id = $1 and revoked_at is null`, [rows[0].id]);
    return { id: rows[0].id, orgUnitId: rows[0].org_unit_id };
  }
}
