import { Injectable } from '@nestjs/common';
import { sqlExec, sqlRow } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/**
 * The root of the org-unit tree (the Sở), written once when an operator sets up a real province from the command
 * line (apps/api/src/cli.ts, as the schema owner: the application role may only read org_unit).
 */
@Injectable()
export class DepartmentRepository {
  /** The code of the tree's root, if the province is already set up. */
  async rootCode(em: EntityManager): Promise<string | undefined> {
    const existing = await sqlRow<{ code: string }>(em, `select code from org_unit where parent_id is null limit 1`);
    return existing?.code;
  }

  /** Creates the department as the tree's root, with its first (parentless) history row. */
  async create(em: EntityManager, code: string, name: string): Promise<string> {
    const dept = await sqlRow<{ id: string }>(
      em,
      `insert into org_unit (kind, code, name) values ('DEPARTMENT', $1, $2) returning id`,
      [code, name],
    );
    if (!dept) throw new Error(`create: no id returned for department ${code}`);
    await sqlExec(
      em,
      `insert into org_unit_parent_history (org_unit_id, parent_id, valid_from) values ($1, null, now())`,
      [dept.id],
    );
    return dept.id;
  }
}
