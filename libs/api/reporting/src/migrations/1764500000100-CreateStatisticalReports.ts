import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The official statistical reports a school sends up at the start and the end of the school year. One row per school,
 * year and kind: the figures the school typed in (those Emis does not record, e.g. rooms), and once the principal
 * submits, the frozen sections (snapshot) the department aggregates. A reopened report loses its snapshot here; the
 * audit chain keeps it. Reminders the department or a unit sent are rows the school reads. Both tables are
 * school-owned: school_id first in every key, row-level security on emis_in_scope.
 */
export class CreateStatisticalReports1764500000100 implements MigrationInterface {
  name = 'CreateStatisticalReports1764500000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table reporting.statistical_report (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        school_year_id uuid not null,
        kind text not null check (kind in ('START_OF_YEAR', 'END_OF_YEAR')),
        status text not null check (status in ('DRAFT', 'SUBMITTED', 'REOPENED')),
        manual jsonb not null default '{}',
        snapshot jsonb,
        submitted_at timestamptz,
        submitted_by uuid,
        reopened_at timestamptz,
        reopened_by uuid,
        reopen_reason text,
        version integer not null default 1,
        updated_at timestamptz not null,
        updated_by uuid,
        primary key (school_id, id),
        unique (school_id, school_year_id, kind),
        -- A submitted report always carries its frozen sections; a draft or reopened one never does.
        check ((status = 'SUBMITTED') = (snapshot is not null))
      );

      create table reporting.statistical_report_reminder (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        school_year_id uuid not null,
        kind text not null check (kind in ('START_OF_YEAR', 'END_OF_YEAR')),
        message text not null,
        sent_at timestamptz not null,
        sent_by uuid,
        primary key (school_id, id)
      );
      create index statistical_report_reminder_year_idx
        on reporting.statistical_report_reminder (school_id, school_year_id, kind, sent_at);
    `);
    for (const table of ['statistical_report', 'statistical_report_reminder']) {
      await q.query(`
        alter table reporting.${table} enable row level security;
        alter table reporting.${table} force row level security;
        -- A school reads and writes its own reports; the department and a unit reach their schools' (to remind,
        -- reopen and aggregate) through their scope.
        create policy ${table}_scope on reporting.${table}
          using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));
      `);
    }
    await q.query(`
      grant select, insert, update on reporting.statistical_report to emis_app;
      grant select, insert on reporting.statistical_report_reminder to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists reporting.statistical_report_reminder;
      drop table if exists reporting.statistical_report;
    `);
  }
}
