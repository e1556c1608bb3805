import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenancy: whether an org unit is active and a school's levels on tenancy_org_unit, for choosing a transfer's
 * counterpart school (docs/adr/table-ownership-and-events.md). The new columns come last, as `create or replace
 * view` requires; the view stays security_invoker and inlined.
 */
export class ExtendTenancyViews1764400000900 implements MigrationInterface {
  name = 'ExtendTenancyViews1764400000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create or replace view tenancy_org_unit with (security_invoker = true) as
        select id, parent_id, kind, code, name, active, levels from org_unit;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop view tenancy_org_unit;
      create view tenancy_org_unit with (security_invoker = true) as
        select id, parent_id, kind, code, name from org_unit;
      grant select on tenancy_org_unit to emis_app;
    `);
  }
}
