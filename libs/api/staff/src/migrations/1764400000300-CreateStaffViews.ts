import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff: the named view other contexts read instead of the staff table: a person's name and status (docs/adr/table-ownership-and-events.md). security_invoker: the reader's privileges and RLS apply;
 * the view is inlined into the reader's query.
 */
export class CreateStaffViews1764400000300 implements MigrationInterface {
  name = 'CreateStaffViews1764400000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create view staff_member with (security_invoker = true) as
        select school_id, id, full_name, status from staff;
      grant select on staff_member to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop view if exists staff_member;`);
  }
}
