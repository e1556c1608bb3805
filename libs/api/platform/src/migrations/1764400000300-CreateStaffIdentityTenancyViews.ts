import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff, identity and tenancy: one small named view each, read by other contexts instead of the owner's table
 * (docs/adr/table-ownership-and-events.md). Each shows only what readers need — identity_user_staff leaves out the
 * password hash and MFA secret of app_user. security_invoker: the reader's privileges and RLS apply.
 */
export class CreateStaffIdentityTenancyViews1764400000300 implements MigrationInterface {
  name = 'CreateStaffIdentityTenancyViews1764400000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create view staff_member with (security_invoker = true) as
        select school_id, id, full_name, status from staff;
      create view identity_user_staff with (security_invoker = true) as
        select id as user_id, staff_id from app_user;
      create view tenancy_org_unit with (security_invoker = true) as
        select id, parent_id, kind, code, name from org_unit;
      grant select on staff_member, identity_user_staff, tenancy_org_unit to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop view if exists tenancy_org_unit, identity_user_staff, staff_member;`);
  }
}
