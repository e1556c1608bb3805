import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { JOBS_ROLE } from './runtime-roles';

/** The schema pg-boss keeps its queues in (JobBoss connects with it; AppConfig.JOB_QUEUE_SCHEMA's default). */
export const JOB_QUEUE_SCHEMA = 'pgboss';

/** The pg-boss schema version this build expects (pg-boss 10 ships it beside its sources). */
const { schema: TARGET_VERSION } = require('pg-boss/version.json') as { schema: number };

/** Whether pg-boss's tables are installed in `schema` (its version table is there). */
export async function jobQueueSchemaInstalled(owner: DataSource, schema: string = JOB_QUEUE_SCHEMA): Promise<boolean> {
  const [{ installed }] = await owner.query(`select to_regclass($1) is not null as installed`, [`${schema}.version`]);
  return installed;
}

/**
 * Installs or upgrades pg-boss's tables as the schema owner, then hands the schema and everything in it to emis_jobs
 * (docs/security/roles.md). The running API starts pg-boss as emis_jobs without migrating (JobBoss), so the queue's
 * schema changes only here, in the migrate step — and pg-boss's install begins with CREATE SCHEMA, which needs a
 * database-wide right emis_jobs must not have (migration CreateJobsRole1764900000950 says why). `schema` is another
 * queue's schema only in the integration tests (one per Jest worker: docs/testing.md); production has one, 'pgboss'.
 */
export async function prepareJobQueueSchema(owner: DataSource, schema: string = JOB_QUEUE_SCHEMA): Promise<void> {
  if (!(await jobQueueSchemaInstalled(owner, schema))) {
    await owner.query(PgBoss.getConstructionPlans(schema));
  } else {
    const [{ version }] = await owner.query(`select version::text from ${schema}.version`);
    if (Number(version) < TARGET_VERSION) await owner.query(PgBoss.getMigrationPlans(schema, version));
  }
  await handJobQueueSchemaOver(owner, schema);
}

/**
 * The schema, its tables (with their indexes and owned sequences), functions and types go to emis_jobs: it creates a
 * partition per queue at run time, which needs the schema and the parent table to be its own. Idempotent: objects it
 * already owns are left alone, and the ones a pg-boss upgrade just created are handed over.
 */
async function handJobQueueSchemaOver(owner: DataSource, schema: string): Promise<void> {
  await owner.query(`
    do $$
    declare
      jobs oid := '${JOBS_ROLE}'::regrole;
      space oid := '${schema}'::regnamespace;
      item record;
    begin
      execute format('alter schema %I owner to %I', '${schema}', '${JOBS_ROLE}');
      -- Partitions (one per queue) are tables of their own: a parent's change of owner does not reach them.
      for item in
        select c.oid::regclass as name from pg_class c
         where c.relnamespace = space and c.relkind in ('r', 'p') and c.relowner <> jobs
      loop
        execute format('alter table %s owner to %I', item.name, '${JOBS_ROLE}');
      end loop;
      for item in select p.oid::regprocedure as name from pg_proc p where p.pronamespace = space and p.proowner <> jobs
      loop
        execute format('alter routine %s owner to %I', item.name, '${JOBS_ROLE}');
      end loop;
      for item in
        select t.oid::regtype as name from pg_type t
         where t.typnamespace = space and t.typtype in ('e', 'd') and t.typowner <> jobs
      loop
        execute format('alter type %s owner to %I', item.name, '${JOBS_ROLE}');
      end loop;
    end $$`);
}
