import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Excel import jobs. school_id comes first in the key (Citus distribution column).
 * Part of what applied as CreatePeople1764200000000 until the migrations moved to their contexts: a database that
 * applied that one records this one as applied (RETIRED_MIGRATIONS in apps/api/src/migrations.ts).
 */
export class CreateImportJobs1764200000050 implements MigrationInterface {
  name = 'CreateImportJobs1764200000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Excel imports run as background jobs; the uploaded file and the annotated error workbook are kept here
      -- so any API instance can serve the job's progress and result.
      create table import_job (
        school_id uuid not null references org_unit (id),
        id uuid not null default gen_random_uuid(),
        kind text not null check (kind in ('STUDENTS', 'STAFF')),
        status text not null default 'QUEUED' check (status in ('QUEUED', 'VALIDATING', 'COMMITTING', 'DONE', 'FAILED')),
        file_name text not null,
        file bytea,
        total_rows integer,
        processed_rows integer not null default 0,
        created_count integer not null default 0,
        updated_count integer not null default 0,
        unchanged_count integer not null default 0,
        error_count integer not null default 0,
        errors jsonb not null default '[]',
        error_file bytea,
        message text,
        created_by uuid,
        created_at timestamptz not null,
        finished_at timestamptz,
        primary key (school_id, id)
      );
    `);
    const schoolOwned = [['import_job', 'import jobs of schools in scope']];
    for (const [table, why] of schoolOwned) {
      await q.query(`
        alter table ${table} enable row level security;
        alter table ${table} force row level security;
        create policy ${table}_scope on ${table} using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));
        comment on policy ${table}_scope on ${table} is '${why.replace(/'/g, "''")}';
        grant select, insert, update, delete on ${table} to emis_app;
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists import_job;
    `);
  }
}
