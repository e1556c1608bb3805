import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The role pg-boss runs as (docs/security/roles.md): the running API holds no owner credential, so the job queue gets
 * a role of its own that owns the pgboss schema and nothing else. It is NOLOGIN here; the migrate step gives it a
 * login and JOBS_DB_PASSWORD, installs or upgrades pg-boss's tables as the owner and hands them to it
 * (libs/api/platform/src/database/job-queue-schema.ts). It is given no database-wide CREATE: a role that could create
 * schemas could create one named after another role and shadow its tables through the default search_path.
 */
export class CreateJobsRole1764900000950 implements MigrationInterface {
  name = 'CreateJobsRole1764900000950';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      do $$ begin
        if not exists (select from pg_roles where rolname = 'emis_jobs') then
          create role emis_jobs nologin nosuperuser nocreatedb nocreaterole nobypassrls noinherit;
        end if;
        -- A schema owner that is not a superuser may hand objects to emis_jobs only as a member of it (ALTER … OWNER
        -- TO needs the right to SET ROLE to the new owner); a superuser needs no membership.
        if not (select rolsuper from pg_roles where rolname = current_user) then
          execute format('grant emis_jobs to %I', current_user);
        end if;
      end $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The pgboss schema goes back to the owner; the role stays, like emis_app: roles belong to the whole cluster, and
    // another database of it may still use this one.
    await q.query(`reassign owned by emis_jobs to current_user`);
  }
}
