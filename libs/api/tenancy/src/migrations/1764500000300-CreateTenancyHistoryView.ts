import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenancy: where each org unit sat in the tree and when (tenancy_org_unit_parent_history), and a school's ownership on
 * tenancy_org_unit, for the reports that roll schools up through the tree as it was on a past date and filter by
 * public/private (docs/adr/table-ownership-and-events.md). The new column comes last, as `create or replace view`
 * requires; both views are security_invoker and inlined.
 */
export class CreateTenancyHistoryView1764500000300 implements MigrationInterface {
  name = 'CreateTenancyHistoryView1764500000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create view tenancy_org_unit_parent_history with (security_invoker = true) as
        select org_unit_id, parent_id, valid_from, valid_to from org_unit_parent_history;
      grant select on tenancy_org_unit_parent_history to emis_app;
      create or replace view tenancy_org_unit with (security_invoker = true) as
        select id, parent_id, kind, code, name, active, levels, ownership from org_unit;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop view tenancy_org_unit_parent_history;
      drop view tenancy_org_unit;
      create view tenancy_org_unit with (security_invoker = true) as
        select id, parent_id, kind, code, name, active, levels from org_unit;
      grant select on tenancy_org_unit to emis_app;
    `);
  }
}
