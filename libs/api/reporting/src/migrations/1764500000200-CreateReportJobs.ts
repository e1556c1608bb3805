import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report jobs: a report too large to answer at once (the every-school province workbook) is built in the background
 * and kept here, with its progress and file, so any API instance can answer the poll and serve the download.
 * school_id is the org unit the job was asked for (department, unit or school) — first in the key (Citus
 * distribution column) and what row-level security checks, so a job is seen only by callers whose scope includes it.
 * scope_root is the root of the requester's scope: the worker reads the figures under exactly that scope.
 */
export class CreateReportJobs1764500000200 implements MigrationInterface {
  name = 'CreateReportJobs1764500000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table reporting.report_job (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        kind text not null check (kind in ('PROVINCE_WORKBOOK')),
        status text not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        progress integer not null default 0 check (progress between 0 and 100),
        filter jsonb not null,
        scope_root uuid not null,
        file_name text,
        file bytea,
        error text,
        created_by uuid,
        created_at timestamptz not null default now(),
        finished_at timestamptz,
        primary key (school_id, id)
      );
      alter table reporting.report_job enable row level security;
      alter table reporting.report_job force row level security;
      -- A job is read and written only under a scope that includes the org unit it was asked for.
      create policy report_job_scope on reporting.report_job
        using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));
      grant select, insert, update on reporting.report_job to emis_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists reporting.report_job`);
  }
}
