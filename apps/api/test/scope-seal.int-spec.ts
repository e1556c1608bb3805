import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { enrolStudents, openYearId } from './academic-fixtures';
import { createSchool, startTestApp, TestApp } from './harness';
import { connectAsApp, presentScope, schoolsScope, signScope } from './scope-fixtures';
import { readTestEnv } from './test-env';

/** School-owned tables of four contexts (people, grading, audit, finance), counted per school. */
const TABLES = ['student', 'grade_entry', 'audit_log', 'finance_budget_entry'] as const;
type Counts = Record<(typeof TABLES)[number], number>;
const NONE: Counts = { student: 0, grade_entry: 0, audit_log: 0, finance_budget_entry: 0 };

/** How a sealed policy ends (as pg_policies deparses it): the seal verified once per statement, checked per row. */
const SEALED_INITPLAN = '%) AND emis_scope_intact(( SELECT emis_scope_sealed_state() AS emis_scope_sealed_state)))';
/** The same on a Citus cluster's distributed tables themselves (their shard placements hold SEALED_INITPLAN). */
const SEALED_DIRECT = '%) AND emis_scope_intact(emis_scope_sealed_state()))';

/** Whether the spec runs against a Citus coordinator (`npm run test:citus`). */
async function onCitus(t: TestApp): Promise<boolean> {
  const [{ citus }] = await t.owner.query(`select exists (select from pg_extension where extname = 'citus') as citus`);
  return citus;
}

/** The settings emis_set_scope writes; a replay copies them all. */
const SETTINGS = ['school_ids', 'all_schools', 'closed_ids', 'user_id', 'scope_expires', 'scope_seal'] as const;

/** A school of this spec's own with rows in every counted table: three pupils and their grades, a budget, audit. */
async function schoolWithRows(t: TestApp): Promise<{ id: string; rows: Counts }> {
  const school = await createSchool(t, 'PGD-VL');
  const yearId = await openYearId(t);
  const [cls] = await t.owner.query(
    `insert into class (school_id, school_year_id, name, grade, created_at, updated_at)
     values ($1, $2, '6A', '6', now(), now()) returning id`,
    [school.id, yearId],
  );
  const pupils = await enrolStudents(t, school.id, cls.id, ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường']);
  const [book] = await t.owner.query(
    `insert into gradebook (school_id, class_id, subject_code, semester, scheme, scheme_version, assessment, periods_per_year, created_at)
     values ($1, $2, 'TOAN', 1, 'C22', 'test', 'SCORE', 140, now()) returning id`,
    [school.id, cls.id],
  );
  await t.owner.query(
    `insert into grade_entry (school_id, gradebook_id, student_id, cells, updated_at)
     select $1, $2, s, '{"TX1": 8}', now() from unnest($3::uuid[]) s`,
    [school.id, book.id, pupils],
  );
  await t.owner.query(
    `insert into finance_budget_entry (school_id, fiscal_year, kind, funding_source, spending_group, amount, entered_on)
     values ($1, 2026, 'ESTIMATE', 'STATE_REGULAR', 'PERSONNEL', 1250000000, '2026-01-05')`,
    [school.id],
  );
  await t.owner.query(
    `select audit_append($1, now(), null, 'Kiểm thử', null, 'school_profile', $2, 'UPDATE', null, null, null)`,
    [school.id, school.id],
  );
  return { id: school.id, rows: await countsOf((sql, p) => t.owner.query(sql, p), school.id) };
}

async function countsOf(query: (sql: string, params: unknown[]) => Promise<{ n: number }[]>, school: string) {
  const counts = { ...NONE };
  for (const table of TABLES)
    counts[table] = (await query(`select count(*)::int as n from ${table} where school_id = $1`, [school]))[0].n;
  return counts;
}

describe('the sealed scope: a statement injected as emis_app cannot widen its own tenant scope', () => {
  let t: TestApp;
  let a: { id: string; rows: Counts };
  let b: { id: string; rows: Counts };
  let app: Client;
  const seen = (school: string) => countsOf(async (sql, p) => (await app.query(sql, p)).rows, school);

  /** Runs `statement` as an injection would (inside a savepoint), answering the SQLSTATE it failed with, or 'ok'. */
  async function inject(statement: string, params: unknown[] = []): Promise<string> {
    await app.query('savepoint injected');
    try {
      await app.query(statement, params);
      await app.query('release savepoint injected');
      return 'ok';
    } catch (error) {
      await app.query('rollback to savepoint injected');
      return (error as { code?: string }).code ?? String(error);
    }
  }

  /** A transaction sealed for school A, as TenantDb opens it; `trick` runs next, then both schools are counted. */
  async function sealedForA(trick: () => Promise<unknown>): Promise<{ a: Counts; b: Counts; trick: unknown }> {
    await app.query('begin');
    try {
      await presentScope(app, signScope(schoolsScope(a.id)));
      const outcome = await trick();
      return { a: await seen(a.id), b: await seen(b.id), trick: outcome };
    } finally {
      await app.query('rollback');
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    a = await schoolWithRows(t);
    b = await schoolWithRows(t);
    app = await connectAsApp();
  });
  afterAll(async () => {
    await app?.end();
    await t?.close();
  });

  it("sees exactly school A's rows under A's seal, and nothing without a scope", async () => {
    expect(a.rows).toEqual({ student: 3, grade_entry: 3, audit_log: 1, finance_budget_entry: 1 });
    expect(await sealedForA(async () => undefined)).toEqual({ a: a.rows, b: NONE, trick: undefined });
    expect([await seen(a.id), await seen(b.id)]).toEqual([NONE, NONE]);
  });

  describe('changing the settings after the seal breaks it: no rows of B, and none of A either', () => {
    it.each([
      ["set_config('app.all_schools', 'on', true)", () => `select set_config('app.all_schools', 'on', true)`],
      ["set_config('app.all_schools', 'on', false)", () => `select set_config('app.all_schools', 'on', false)`],
      [
        "set_config('app.school_ids', 'A,B', true)",
        () => `select set_config('app.school_ids', '${a.id},${b.id}', true)`,
      ],
      ["set_config('app.school_ids', 'B', true)", () => `select set_config('app.school_ids', '${b.id}', true)`],
      ['SET app.all_schools', () => `set app.all_schools = 'on'`],
      ['SET LOCAL app.school_ids', () => `set local app.school_ids = '${b.id}'`],
      ['RESET ALL', () => `reset all`],
      ['a later expiry', () => `select set_config('app.scope_expires', '9999999999', true)`],
    ])('%s', async (_name, statement) => {
      expect(await sealedForA(() => inject(statement()))).toEqual({ a: NONE, b: NONE, trick: 'ok' });
    });
  });

  describe('emis_set_scope refuses what the API did not sign, and the seal in force stays', () => {
    it.each([
      ['a MAC made with another key', () => signScope(schoolsScope(b.id), '', randomBytes(32).toString('hex'))],
      ["A's MAC with B's ids", () => ({ ...signScope(schoolsScope(a.id)), schoolIds: b.id })],
      ["A's MAC with the department's flag", () => ({ ...signScope(schoolsScope(a.id)), schoolIds: '', all: true })],
      ['an expired MAC', () => signScope(schoolsScope(b.id), '', undefined, Date.now() - 10 * 60_000)],
      ['no MAC', () => ({ ...signScope(schoolsScope(b.id)), mac: '' })],
    ])('%s', async (_name, forge) => {
      const forged = forge();
      const outcome = await sealedForA(() =>
        inject(`select emis_set_scope($1, $2, $3, $4, $5, $6)`, [
          forged.schoolIds,
          forged.all,
          forged.closedIds,
          forged.userId,
          forged.expiresAt,
          forged.mac,
        ]),
      );
      expect(outcome).toEqual({ a: a.rows, b: NONE, trick: '28000' });
    });
  });

  it("replaying every setting of another transaction's seal for B verifies in no other transaction", async () => {
    await app.query('begin');
    await presentScope(app, signScope(schoolsScope(b.id)));
    expect(await seen(b.id)).toEqual(b.rows);
    const captured = (
      await app.query(`select ${SETTINGS.map((s) => `current_setting('app.${s}') as ${s}`).join(', ')}`)
    ).rows[0] as Record<string, string>;
    await app.query('commit');
    const replay = `select ${SETTINGS.map((s, i) => `set_config('app.${s}', $${i + 1}, true)`).join(', ')}`;
    const outcome = await sealedForA(() =>
      inject(
        replay,
        SETTINGS.map((s) => captured[s]),
      ),
    );
    expect(outcome).toEqual({ a: NONE, b: NONE, trick: 'ok' });
  });

  it('a temporary table called scope_key does not lend its key to emis_set_scope', async () => {
    const key = randomBytes(32).toString('hex');
    const forged = signScope(schoolsScope(b.id), '', key);
    const outcome = await sealedForA(async () => [
      await inject(`create temp table scope_key (id boolean primary key, key text) on commit drop`),
      await inject(`insert into scope_key values (true, $1)`, [key]),
      await inject(`set local search_path = pg_temp, public`),
      await inject(`select emis_set_scope($1, $2, $3, $4, $5, $6)`, [
        forged.schoolIds,
        forged.all,
        forged.closedIds,
        forged.userId,
        forged.expiresAt,
        forged.mac,
      ]),
    ]);
    expect(outcome).toEqual({ a: a.rows, b: NONE, trick: ['ok', 'ok', 'ok', '28000'] });
  });

  it('cannot read the key, become the owner or switch row security off', async () => {
    const owner = new URL(readTestEnv().ownerUrl).username;
    const outcome = await sealedForA(async () => [
      await inject(`select * from scope_key`),
      await inject(`set role ${owner}`),
      await inject(`set session authorization ${owner}`),
      await inject(`set row_security = off; select count(*) from student`),
    ]);
    expect(outcome).toEqual({ a: a.rows, b: NONE, trick: ['42501', '42501', '42501', '42501'] });
  });

  it("calling the seal's functions directly answers questions and widens nothing", async () => {
    const user = (await t.owner.query(`select id from app_user where username = 'hieutruong.nhuquynh'`))[0].id;
    await app.query('begin');
    try {
      await presentScope(app, signScope(schoolsScope(a.id), user));
      const ask = async () =>
        (
          await app.query(
            `select emis_scope_sealed() as sealed, emis_sealed_user() as "user", emis_in_scope($1) as "inB",
                    emis_scope_verified() as verified, emis_scope_owner() as owner`,
            [b.id],
          )
        ).rows[0];
      expect(await ask()).toEqual({ sealed: true, user, inB: false, verified: true, owner: false });
      await app.query(`select set_config('app.all_schools', 'on', true)`);
      expect(await ask()).toEqual({ sealed: false, user: null, inB: true, verified: false, owner: false });
      expect([await seen(a.id), await seen(b.id)]).toEqual([NONE, NONE]);
    } finally {
      await app.query('rollback');
    }
  });

  it('refuses writes into school B under a forged department scope', async () => {
    const outcome = await sealedForA(async () => [
      await inject(`select set_config('app.all_schools', 'on', true)`),
      await inject(
        `insert into finance_budget_entry (school_id, fiscal_year, kind, funding_source, spending_group, amount, entered_on)
         values ($1, 2026, 'ESTIMATE', 'STATE_REGULAR', 'PERSONNEL', 1, '2026-01-05')`,
        [b.id],
      ),
      (await app.query(`update student set full_name = 'x' where school_id = $1`, [b.id])).rowCount,
      (await app.query(`delete from grade_entry where school_id = $1`, [b.id])).rowCount,
    ]);
    expect(outcome).toEqual({ a: NONE, b: NONE, trick: ['ok', '42501', 0, 0] });
    expect(await countsOf((sql, p) => t.owner.query(sql, p), b.id)).toEqual(b.rows);
  });

  it('a setting changed inside the statement, after the seal was verified, admits no later row', async () => {
    // The select list runs after the policy admitted a row: set_config there widened the scope for every later row
    // while the seal was checked once per statement on settings read row by row (docs/adr/scope-seal-per-statement.md).
    // Every later row is now checked against the scope the statement's seal verified: one row of A, then nothing.
    const read = await sealedForA(async () =>
      (
        await app.query(
          `select school_id::text as school, set_config('app.all_schools', 'on', true) as widened from student`,
        )
      ).rows.map((r: { school: string }) => r.school),
    );
    expect(read.trick).toEqual([a.id]);
    // The same in a write: whichever runs first for a row of A, the policy or the WHERE clause's set_config, no row of
    // B is updated (the schools of the updated rows are returned; the savepoint undoes the update). On a Citus cluster
    // the statement may be refused before it runs (a volatile function in a multi-shard UPDATE's WHERE clause:
    // 0A000), which widens nothing either.
    const written = await sealedForA(async () => {
      await app.query('savepoint widened');
      try {
        const { rows } = await app.query(
          `update student set full_name = full_name
            where school_id = any($1::uuid[]) and set_config('app.all_schools', 'on', true) = 'on'
           returning school_id::text as school`,
          [[a.id, b.id]],
        );
        return rows.map((r: { school: string }) => r.school);
      } catch (error) {
        return (error as { code?: string }).code;
      } finally {
        await app.query('rollback to savepoint widened');
      }
    });
    if (typeof written.trick === 'string') expect(written.trick).toBe('0A000');
    else expect(written.trick).not.toContain(b.id);
  });

  it("lets the schema owner's roles set app.* directly (seeds, benchmarks, operator tools), and no one else", async () => {
    // The run's owner is a superuser, whom row-level security never filters: a role acting as the owner without being
    // one (a member of the owner's role, as a deployment's schema owner is) shows the policies' owner path.
    const steward = `emis_scope_steward_${process.pid}`;
    const [{ owner }] = await t.owner.query(
      `select relowner::regrole::text as owner from pg_class where oid = 'scope_key'::regclass`,
    );
    const citus = await onCitus(t);
    // On a Citus cluster the coordinator opens its connections to the workers as the role in force, the steward once
    // the session has switched to it: there it must be a role the workers let log in, with a password the coordinator
    // holds for it (pg_dist_authinfo, read by the node opening the connection; any node: 0), as docs/scaling.md asks
    // of every role a coordinator's session acts as. On one node it never logs in.
    const password = randomBytes(18).toString('base64url');
    await t.owner.query(
      `create role ${steward} ${citus ? `login password '${password}'` : 'nologin'} nosuperuser nobypassrls in role ${owner}`,
    );
    const authinfo = async (command: string) => {
      if (!citus) return;
      const failed = await t.owner.query(
        `select nodeid, result from run_command_on_all_nodes($1) where not success order by nodeid`,
        [command],
      );
      expect(failed).toEqual([]);
    };
    await authinfo(
      `insert into pg_dist_authinfo (nodeid, rolename, authinfo) values (0, '${steward}', 'password=${password}')`,
    );
    const session = new Client({ connectionString: readTestEnv().ownerUrl });
    await session.connect();
    const direct = async (role: string, set: 'set_config' | 'set local') => {
      await session.query('begin');
      try {
        await session.query(`set local role ${role}`);
        if (set === 'set_config') await session.query(`select set_config('app.school_ids', $1, true)`, [a.id]);
        else await session.query(`set local app.school_ids = ${session.escapeLiteral(a.id)}`);
        return [await countsOf(rowsOf(session), a.id), await countsOf(rowsOf(session), b.id)];
      } finally {
        await session.query('rollback');
      }
    };
    try {
      expect(await direct(steward, 'set local')).toEqual([a.rows, NONE]);
      // A set_config is the same transaction-local setting on one node; on a cluster it stays on the coordinator
      // (Citus forwards SET LOCAL statements only), and the workers, with no school set, answer nothing.
      expect(await direct(steward, 'set_config')).toEqual(citus ? [NONE, NONE] : [a.rows, NONE]);
      // The owner's session switched to the application role is the application role: no seal, no rows.
      expect(await direct('emis_app', 'set local')).toEqual([NONE, NONE]);
      expect(await direct('emis_app', 'set_config')).toEqual([NONE, NONE]);
    } finally {
      await session.end();
      await authinfo(`delete from pg_dist_authinfo where rolename = '${steward}'`);
      await t.owner.query(`drop role ${steward}`);
    }
  });

  describe('the policies', () => {
    it('every policy of a table with a school_id column ends in AND emis_scope_intact((SELECT emis_scope_sealed_state())), in USING and WITH CHECK', async () => {
      // At the top level: the seal is a conjunct of the whole predicate, never one branch of an OR. On a Citus cluster
      // the distributed tables' own policies hold it without the sub-select (Citus refuses sub-queries there), and
      // every shard placement, on every node, holds the sub-select again (tools/citus/seal-placements.sql).
      const citus = await onCitus(t);
      const distributed = citus
        ? (await t.owner.query(`select array_agg(logicalrelid::oid) as oids from pg_dist_partition`))[0].oids
        : [];
      const unsealed = await t.owner.query(
        `
        select p.schemaname || '.' || p.tablename || ' ' || p.policyname as policy
          from pg_policies p
          join pg_class c on c.relname = p.tablename and c.relnamespace = p.schemaname::regnamespace
         cross join lateral (select case when c.oid = any ($2::oid[]) then $3 else $1 end as ending) e
         where exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'school_id' and not a.attisdropped)
           and (p.qual not like e.ending or p.with_check not like e.ending)
         order by 1`,
        [SEALED_INITPLAN, distributed, SEALED_DIRECT],
      );
      expect(unsealed).toEqual([]);
      const [{ n }] = await t.owner.query(
        `select count(*)::int as n from pg_policies where qual like '%emis_scope_sealed_state%'`,
      );
      expect(n).toBeGreaterThan(50);
      if (citus) {
        // Per node: the policies of shard placements (tables Citus does not list as its own) that carry the seal, and
        // how many of them lack the per-statement form.
        const nodes = await t.owner.query(
          `select nodeid, success, result from run_command_on_all_nodes($$
             select count(*) filter (where qual not like '${SEALED_INITPLAN}'
                                        or with_check not like '${SEALED_INITPLAN}') || '/' || count(*)
               from pg_policies p
              where coalesce(qual, '') || coalesce(with_check, '') like '%emis_scope_sealed_state%'
                and format('%I.%I', schemaname, tablename)::regclass not in (select logicalrelid from pg_dist_partition)
           $$)`,
        );
        const results = (nodes as { nodeid: number; success: boolean; result: string }[]).map(
          (r) => `node ${r.nodeid}: ${r.success ? r.result : `failed: ${r.result}`}`,
        );
        expect(results.filter((r) => !/: 0\/\d+$/.test(r))).toEqual([]);
        expect(results.reduce((sum, r) => sum + Number(r.split('/')[1]), 0)).toBeGreaterThan(50);
      }
    });

    it('every view reads as its caller (security_invoker), so no view is a way around the policies', async () => {
      const definers = await t.owner.query(`
        select n.nspname || '.' || c.relname as view
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where c.relkind in ('v', 'm') and n.nspname in ('public', 'reporting')
           and not coalesce('security_invoker=true' = any (c.reloptions), false)
           -- Views of the Citus extension itself (citus_tables, citus_schemas: the cluster's metadata, no Emis rows)
           -- live in public on a cluster; they are the extension's, not the schema's.
           and not exists (select from pg_depend d join pg_extension x on x.oid = d.refobjid
                            where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e'
                              and x.extname = 'citus')
         order by 1`);
      expect(definers).toEqual([]);
    });

    it('verifies the seal once per statement (an InitPlan) and keeps emis_in_scope inlined per row', async () => {
      await app.query('begin');
      try {
        await presentScope(app, signScope(schoolsScope(a.id)));
        // On a cluster the plan is the worker's, for the one shard holding school A; EXPLAIN ANALYZE is refused there
        // after the seal's local read of scope_key ("a local execution has accessed a placement").
        const explain = (await onCitus(t))
          ? 'explain (costs off)'
          : 'explain (analyze, costs off, timing off, summary off)';
        const plan = (await app.query(`${explain} select * from student where school_id = $1`, [a.id])).rows
          .map((r) => r['QUERY PLAN'] as string)
          .join('\n');
        expect(plan.match(/^\s*InitPlan/gm)).toHaveLength(1);
        expect(plan).not.toMatch(/SubPlan/);
        expect(plan).toMatch(/current_setting\('app\.school_ids'/);
        expect(plan).not.toMatch(/emis_in_scope\(/);
        // The MAC is verified in the InitPlan only: no seal function is called per row.
        expect(plan).not.toMatch(/emis_scope_(verified|owner|sealed|intact)/);
      } finally {
        await app.query('rollback');
      }
    });
  });
});

function rowsOf(client: Client) {
  return async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows;
}
