import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A recomputation of a school year's stored results after the department changed its rule settings
 * (docs/domain/secondary-assessment-c22.md, "Recomputing after a change"): the stored semester averages and ratings
 * of every gradebook entry of the year, and the reporting facts (through grading's results-changed events). One row
 * per run with its progress in schools; the department's, province-wide like province_rule_settings (no school_id):
 * the API lets only the department's administrator start and read runs.
 */
export class CreateResultsRecomputeRun1765000000110 implements MigrationInterface {
  name = 'CreateResultsRecomputeRun1765000000110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table results_recompute_run (
        id uuid primary key default gen_random_uuid(),
        school_year_id uuid not null references school_year (id),
        status text not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        schools_total integer,
        schools_done integer not null default 0,
        classes_done integer not null default 0,
        entries_changed integer not null default 0,
        error text,
        requested_by uuid,
        requested_at timestamptz not null,
        finished_at timestamptz
      );
      -- One active run per year: a second request answers the one already queued or running.
      create unique index results_recompute_run_active on results_recompute_run (school_year_id)
        where status in ('QUEUED', 'RUNNING');
      grant select, insert, update on results_recompute_run to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists results_recompute_run;`);
  }
}
