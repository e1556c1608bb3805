import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The department's rule choices per school year (docs/domain/secondary-assessment-c22.md, "Province rule settings"):
 * the reading of Circular 22 Art. 9.3, what a missed never-made-up assessment counts as, whether Circular 26/2020's
 * foreign language counts in the Circular 58 ranking, the class-size ceilings. Province-wide reference data like
 * school_year (no school_id, no row-level policy): every school reads its year's settings; only the department's
 * administrator writes them, which the API checks (the permission rules.configure) and the audit log records.
 * A year without a row uses the defaults of libs/domain (rule-settings.ts).
 */
export class CreateProvinceRuleSettings1765000000100 implements MigrationInterface {
  name = 'CreateProvinceRuleSettings1765000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table province_rule_settings (
        school_year_id uuid primary key references school_year (id),
        settings jsonb not null check (jsonb_typeof(settings) = 'object'),
        version integer not null default 1,
        updated_at timestamptz not null,
        updated_by uuid,
        updated_by_name text
      );
      grant select, insert, update on province_rule_settings to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists province_rule_settings;`);
  }
}
