import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity: the named view other contexts read instead of app_user: which staff record a user is, without the
 * password hash or the MFA secret (docs/adr/table-ownership-and-events.md). security_invoker: the reader's privileges and RLS apply;
 * the view is inlined into the reader's query.
 */
export class CreateIdentityViews1764400000400 implements MigrationInterface {
  name = 'CreateIdentityViews1764400000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create view identity_user_staff with (security_invoker = true) as
        select id as user_id, staff_id from app_user;
      grant select on identity_user_staff to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop view if exists identity_user_staff;`);
  }
}
