import { APP_ROLE, JOBS_ROLE, runtimeRoleUrl, validateConfig } from '@emis/api/platform';
import { grantableRoles, ROLES } from '@emis/domain';
import { Client } from 'pg';
import { createSchool, createUser, startTestApp, TestApp } from './harness';
import { readTestEnv } from './test-env';

/**
 * The runtime roles (docs/security/roles.md): what the API connects as can neither widen an account's rights nor touch
 * anything but its own; the API refuses the owner's URL; the job queue's role owns its schema and nothing else.
 */
describe('runtime roles', () => {
  let t: TestApp;
  let app: Client;
  let school: { id: string; code: string };
  let teacherId: string;

  const connectAs = async (role: string, password: string) => {
    const client = new Client({ connectionString: runtimeRoleUrl(readTestEnv().ownerUrl, role, password) });
    await client.connect();
    return client;
  };
  const idOf = async (username: string) =>
    ((await t.owner.query(`select id from app_user where username = $1`, [username])) as { id: string }[])[0].id;
  const roleOf = async (id: string) =>
    ((await t.owner.query(`select role from app_user where id = $1`, [id])) as { role: string }[])[0].role;

  beforeAll(async () => {
    t = await startTestApp();
    app = await connectAs(APP_ROLE, readTestEnv().appPassword);
    school = await createSchool(t, 'PGD-KC');
    teacherId = await idOf(await createUser(t, 'TEACHER', school.code));
  });
  afterAll(async () => {
    await app?.end();
    await t?.close();
  });

  describe('the application role and app_user', () => {
    it.each([
      ['role', `'DEPARTMENT_ADMIN'`],
      ['org_unit_id', `(select id from org_unit where kind = 'DEPARTMENT')`],
      ['staff_id', 'gen_random_uuid()'],
    ])('refuses an update of %s, the column a stolen statement would widen its scope with', async (column, value) => {
      await expect(
        app.query(`update app_user set ${column} = ${value} where id = $1`, [teacherId]),
      ).rejects.toMatchObject({ code: '42501' });
      expect(await roleOf(teacherId)).toBe('TEACHER');
    });

    it('still writes the columns sign-in and administration need', async () => {
      const { rowCount } = await app.query(`update app_user set failed_logins = 0, updated_at = now() where id = $1`, [
        teacherId,
      ]);
      expect(rowCount).toBe(1);
    });

    it('refuses a role change through the function without a verified caller, whatever app.* says', async () => {
      const admin = await idOf('admin.so');
      await app.query('begin');
      try {
        // What an injected statement can do: name an administrator and the whole province in the settings.
        await app.query(`select set_config('app.user_id', $1, true), set_config('app.all_schools', 'on', true)`, [
          admin,
        ]);
        await expect(
          app.query(`select emis_change_account_role($1, 'DEPARTMENT_ADMIN')`, [teacherId]),
        ).rejects.toMatchObject({ code: '42501' });
      } finally {
        await app.query('rollback');
      }
      expect(await roleOf(teacherId)).toBe('TEACHER');
    });

    it('may not call the helpers the function checks with, nor run it as the job queue', async () => {
      await expect(app.query(`select emis_role_grantable('TEACHER', 'SCHOOL', 'TEACHER')`)).rejects.toMatchObject({
        code: '42501',
      });
      const jobs = await connectAs(JOBS_ROLE, readTestEnv().jobsPassword);
      try {
        await expect(
          jobs.query(`select emis_change_account_role($1, 'SCHOOL_ADMIN')`, [teacherId]),
        ).rejects.toMatchObject({ code: '42501' });
      } finally {
        await jobs.end();
      }
    });

    it('grants in SQL exactly the roles grantableRoles grants, for every administrator, kind of unit and role', async () => {
      const kinds = ['DEPARTMENT', 'UNIT', 'SCHOOL'] as const;
      const cases = ROLES.flatMap((actor) =>
        kinds.flatMap((kind) => ROLES.map((granted) => ({ actor, kind, granted }))),
      );
      const rows: { actor: string; kind: string; granted: string; allowed: boolean }[] = await t.owner.query(
        `select c.actor, c.kind, c.granted, emis_role_grantable(c.actor, c.kind, c.granted) as allowed
           from jsonb_to_recordset($1::jsonb) as c(actor text, kind text, granted text)`,
        [JSON.stringify(cases)],
      );
      const sql = rows.filter((r) => r.allowed).map((r) => `${r.actor} ${r.kind} ${r.granted}`);
      const domain = cases
        .filter((c) => grantableRoles(c.actor, c.kind).includes(c.granted))
        .map((c) => `${c.actor} ${c.kind} ${c.granted}`);
      expect(rows).toHaveLength(cases.length);
      expect(sql.sort()).toEqual(domain.sort());
    });
  });

  describe('the job queue role', () => {
    // The test run's per-worker queue schemas (pgboss_w1, …: docs/testing.md) are prepared like pgboss and held to the
    // same rule; production has pgboss alone. (The other worker's may be half made at this moment: not looked into.)
    it("owns the pgboss schema and everything in it, and nothing outside it (but its tables' TOAST)", async () => {
      const owned: { schema: string; n: number }[] = await t.owner.query(
        `select n.nspname as schema, count(*)::int as n
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relowner = $1::regrole and n.nspname <> 'pg_toast' group by n.nspname order by 1`,
        [JOBS_ROLE],
      );
      expect(owned.map((o) => o.schema)).toContain('pgboss');
      expect(owned.map((o) => o.schema).filter((name) => name !== 'pgboss' && !/^pgboss_w\d+$/.test(name))).toEqual([]);
      for (const schema of ['pgboss', t.config.JOB_QUEUE_SCHEMA]) {
        const others: { name: string }[] = await t.owner.query(
          `select c.oid::regclass::text as name from pg_class c
            where c.relnamespace = $2::regnamespace and c.relkind in ('r', 'p') and c.relowner <> $1::regrole`,
          [JOBS_ROLE, schema],
        );
        expect(others).toEqual([]);
        const [{ schemaOwner }] = await t.owner.query(
          `select nspowner::regrole::text as "schemaOwner" from pg_namespace where nspname = $1`,
          [schema],
        );
        expect(schemaOwner).toBe(JOBS_ROLE);
      }
    });

    it('reads no table of the application and creates no schema', async () => {
      const jobs = await connectAs(JOBS_ROLE, readTestEnv().jobsPassword);
      try {
        await expect(jobs.query(`select count(*) from student`)).rejects.toMatchObject({ code: '42501' });
        await expect(jobs.query(`select count(*) from app_user`)).rejects.toMatchObject({ code: '42501' });
        await expect(jobs.query(`create schema emis_app`)).rejects.toMatchObject({ code: '42501' });
      } finally {
        await jobs.end();
      }
    });

    it('is neither a superuser nor able to bypass row-level security, like the application role', async () => {
      const roles: { rolname: string; rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean }[] =
        await t.owner.query(
          `select rolname, rolsuper, rolbypassrls, rolcreaterole from pg_roles where rolname = any($1) order by 1`,
          [[APP_ROLE, JOBS_ROLE]],
        );
      expect(roles).toEqual([
        { rolname: APP_ROLE, rolsuper: false, rolbypassrls: false, rolcreaterole: false },
        { rolname: JOBS_ROLE, rolsuper: false, rolbypassrls: false, rolcreaterole: false },
      ]);
    });
  });

  describe('the API configuration', () => {
    const runtime = {
      DATABASE_APP_URL: 'postgres://emis_app@db/emis',
      DATABASE_JOBS_URL: 'postgres://emis_jobs@db/emis',
      JWT_SECRET: 'x'.repeat(32),
      SCOPE_KEY: 'k'.repeat(32),
    };

    it("refuses to start with the owner's DATABASE_URL, saying where it belongs", () => {
      expect(() => validateConfig({ ...runtime, DATABASE_URL: readTestEnv().ownerUrl })).toThrow(
        /DATABASE_URL is the schema owner's connection and the API does not take it: run the migrate step/,
      );
      expect(validateConfig(runtime).DATABASE_APP_URL).toBe(runtime.DATABASE_APP_URL);
    });

    it("connects as the runtime roles only: no connection of the app under test is the owner's", async () => {
      const users: { usename: string }[] = await t.owner.query(
        `select distinct usename from pg_stat_activity where pid <> pg_backend_pid() and application_name like 'emis-%'
            and datname = current_database() and backend_type = 'client backend'`,
      );
      expect(users.map((u) => u.usename).filter((name) => ![APP_ROLE, JOBS_ROLE].includes(name))).toEqual([]);
      expect(t.config).not.toHaveProperty('DATABASE_URL');
    });
  });
});
