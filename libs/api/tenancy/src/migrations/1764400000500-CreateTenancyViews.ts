import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenancy: the named view other contexts read instead of org_unit: the tree's names and codes (docs/adr/table-ownership-and-events.md). security_invoker: the reader's privileges and RLS apply;
 * the view is inlined into the reader's query.
 */
export class CreateTenancyViews1764400000500 implements MigrationInterface {
  name = 'CreateTenancyViews1764400000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create view tenancy_org_unit with (security_invoker = true) as
        select id, parent_id, kind, code, name from org_unit;
      grant select on tenancy_org_unit to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop view if exists tenancy_org_unit;`);
  }
}
