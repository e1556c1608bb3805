import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Academic: the department's rule settings of a school year on a named view (docs/adr/table-ownership-and-events.md),
 * by the year's code, so grading reads them inside the grade save's one read statement instead of asking academic
 * in a round trip of its own (docs/benchmarks.md, "grade-save"). A year without a row has no row here: the reader
 * applies libs/domain's defaults (withDefaults), as RuleSettingsService does. security_invoker, like its neighbours.
 */
export class CreateRuleSettingsView1765000000750 implements MigrationInterface {
  name = 'CreateRuleSettingsView1765000000750';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create view academic_rule_settings with (security_invoker = true) as
        select y.code as year_code, s.settings from province_rule_settings s join school_year y on y.id = s.school_year_id;
      grant select on academic_rule_settings to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop view if exists academic_rule_settings;`);
  }
}
