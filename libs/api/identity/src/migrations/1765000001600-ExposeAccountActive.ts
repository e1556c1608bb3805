import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity: identity_user also says whether the account is active (app_user.active; false is a disabled account), so
 * another context that addresses users — grading's notifications — leaves disabled accounts out
 * (docs/domain/gradebook.md, "Notifications"). The column is added at the end: a view's existing columns keep their
 * place (CREATE OR REPLACE VIEW may only append). security_invoker as before.
 */
export class ExposeAccountActive1765000001600 implements MigrationInterface {
  name = 'ExposeAccountActive1765000001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create or replace view identity_user with (security_invoker = true) as
        select id as user_id, username, full_name, role, org_unit_id, active from app_user;
      grant select on identity_user to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop view if exists identity_user;
      create view identity_user with (security_invoker = true) as
        select id as user_id, username, full_name, role, org_unit_id from app_user;
      grant select on identity_user to emis_app;
    `);
  }
}
