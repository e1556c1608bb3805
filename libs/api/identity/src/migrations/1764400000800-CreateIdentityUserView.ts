import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity: identity_user, a user account as other contexts name an actor (the import names its uploader in the
 * audit trail) — without the password hash or the MFA secret (docs/adr/table-ownership-and-events.md).
 * security_invoker: the reader's privileges and RLS apply; the view is inlined into the reader's query.
 */
export class CreateIdentityUserView1764400000800 implements MigrationInterface {
  name = 'CreateIdentityUserView1764400000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create view identity_user with (security_invoker = true) as
        select id as user_id, username, full_name, role, org_unit_id from app_user;
      grant select on identity_user to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop view if exists identity_user;`);
  }
}
