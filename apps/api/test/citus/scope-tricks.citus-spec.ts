import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { connectAsApp, presentScope, schoolsScope, signScope } from '../scope-fixtures';
import { readTestEnv } from '../test-env';
import { readCitusEnv } from './citus-env';

/**
 * The scope tricks of scope-seal.int-spec.ts, played on the cluster as the application role, and what the cluster
 * really guarantees against each (docs/scaling.md, "Tenant scope on the workers", "What an injected setting does on
 * a cluster"; docs/adr/scope-seal-per-statement.md).
 *
 * On one node a changed setting breaks the seal and the transaction reads nothing, not even its own school. On the
 * cluster the shard queries run on the workers, whose settings come from the coordinator only as forwarded `SET LOCAL`
 * and `RESET` statements: a `set_config()` call or a session `SET` stays on the coordinator, and a `SET LOCAL` made
 * inside a savepoint that is released before the worker's connection opens is forgotten. The workers then go on
 * answering exactly the scope the API sealed. What must hold whatever the trick, and is asserted for each:
 *
 * - no row of another school is read (school B, on the other worker, reads as empty);
 * - no write into another school succeeds: an insert into B is refused, an update or a delete of B's rows touches none,
 *   and, the transaction committed, B's rows on its worker's shards (read there directly as the superuser) are exactly
 *   as before;
 * - the sealed school's own rows are exactly as before: read under its seal, A's rows are all there (the workers kept
 *   the seal) or none are (a forwarded change broke it there too); at rest on A's worker, unchanged.
 */
describe('scope tricks on a Citus cluster: never another school, read or written', () => {
  const { ownerUrl } = readTestEnv();
  const { workerUrls } = readCitusEnv();
  /** School-owned tables of four contexts, counted and fingerprinted per school. */
  const TABLES = ['student', 'enrolment', 'grade_entry', 'audit_log', 'finance_budget_entry'] as const;
  type Counts = Record<(typeof TABLES)[number], number>;
  const NONE: Counts = { student: 0, enrolment: 0, grade_entry: 0, audit_log: 0, finance_budget_entry: 0 };
  /** The settings emis_set_scope writes; a replay copies them all. */
  const SETTINGS = ['school_ids', 'all_schools', 'closed_ids', 'user_id', 'scope_expires', 'scope_seal'] as const;

  let owner: Client;
  const workers = new Map<number, Client>();
  let a: { id: string; port: number; rows: Counts };
  let b: { id: string; port: number; rows: Counts };
  /** Every counted table's rows of A and B on the shards of their workers, read there as the superuser. */
  let atRestBefore: Record<string, string>;
  let userId: string;

  const workerOf = async (table: string, schoolId: string) => {
    const { rows } = await owner.query(
      `select shard_name, nodeport from citus_shards where shardid = get_shard_id_for_distribution_column($1, $2::uuid)`,
      [table, schoolId],
    );
    return { shard: rows[0].shard_name as string, port: Number(rows[0].nodeport) };
  };

  /** A new school of the spec's own (its id chosen here), on any worker, or on another than `notOn`. */
  async function newSchool(where: { notOn?: number }): Promise<{ id: string; port: number }> {
    // Two statements: Citus refuses a sub-query in an INSERT into a reference table.
    const { rows: parent } = await owner.query(`select id from org_unit where code = 'PGD-VL'`);
    for (let attempt = 0; attempt < 64; attempt++) {
      const id = randomUUID();
      const { port } = await workerOf('school_profile', id);
      if (where.notOn !== undefined && port === where.notOn) continue;
      const code = `TRICK-${process.pid % 100000}-${attempt}-${Date.now() % 1000}`;
      await owner.query(
        `insert into org_unit (id, parent_id, kind, code, name, levels, ownership)
         values ($1, $2, 'SCHOOL', $3, $4, '{LOWER_SECONDARY}', 'PUBLIC')`,
        [id, parent[0].id, code, `Trường THCS Thử ${code}`],
      );
      await owner.query(`insert into school_profile (school_id, address, updated_at) values ($1, 'Xã Thử', now())`, [
        id,
      ]);
      return { id, port };
    }
    throw new Error('no school id hashed to the other worker in 64 tries');
  }

  /** Three pupils enrolled in a class, their grades, a budget line and an audit row: rows in every counted table. */
  async function fill(schoolId: string): Promise<void> {
    const { rows: year } = await owner.query(`select id from school_year where code = '2026-2027'`);
    const { rows: cls } = await owner.query(
      `insert into class (school_id, school_year_id, name, grade, created_at, updated_at)
       values ($1, $2, '6A', '6', now(), now()) returning id`,
      [schoolId, year[0].id],
    );
    const pupils: string[] = [];
    for (const [i, name] of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường'].entries()) {
      const { rows } = await owner.query(
        `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
         values ($1, $2, $3, '2015-05-06', 'MALE', now(), now()) returning id`,
        [schoolId, `033215${String(900001 + i)}`.slice(0, 12), name],
      );
      await owner.query(
        `insert into enrolment (school_id, student_id, class_id, school_year_id, from_date)
         values ($1, $2, $3, $4, '2026-09-05')`,
        [schoolId, rows[0].id, cls[0].id, year[0].id],
      );
      pupils.push(rows[0].id);
    }
    const { rows: book } = await owner.query(
      `insert into gradebook (school_id, class_id, subject_code, semester, scheme, scheme_version, assessment, periods_per_year, created_at)
       values ($1, $2, 'TOAN', 1, 'C22', 'test', 'SCORE', 140, now()) returning id`,
      [schoolId, cls[0].id],
    );
    await owner.query(
      `insert into grade_entry (school_id, gradebook_id, student_id, cells, updated_at)
       select $1, $2, s, '{"TX1": 8}', now() from unnest($3::uuid[]) s`,
      [schoolId, book[0].id, pupils],
    );
    await owner.query(
      `insert into finance_budget_entry (school_id, fiscal_year, kind, funding_source, spending_group, amount, entered_on)
       values ($1, 2026, 'ESTIMATE', 'STATE_REGULAR', 'PERSONNEL', 1250000000, '2026-01-05')`,
      [schoolId],
    );
    await owner.query(
      `select audit_append($1, now(), null, 'Kiểm thử', null, 'school_profile', $2, 'UPDATE', null, null, null)`,
      [schoolId, schoolId],
    );
  }

  /** What `client` sees of `schoolId`'s rows, one routed count per table. */
  async function counts(client: Client, schoolId: string): Promise<Counts> {
    const seen = { ...NONE };
    for (const table of TABLES) {
      const { rows } = await client.query(`select count(*)::int as n from ${table} where school_id = $1`, [schoolId]);
      seen[table] = rows[0].n;
    }
    return seen;
  }

  /** Each counted table's rows of A and of B, straight from the shard on its worker, as the superuser: count and md5. */
  async function atRest(): Promise<Record<string, string>> {
    const found: Record<string, string> = {};
    for (const school of [a, b]) {
      for (const table of TABLES) {
        const { shard, port } = await workerOf(table, school.id);
        const worker = workers.get(port);
        if (!worker) throw new Error(`${shard} lies on port ${port}, not one of the run's workers`);
        const { rows } = await worker.query(
          `select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5
             from ${shard} t where school_id = $1`,
          [school.id],
        );
        found[`${school === a ? 'A' : 'B'} ${table} (port ${port})`] = `${rows[0].n} rows, ${rows[0].md5}`;
      }
    }
    return found;
  }

  /** `statement` inside a savepoint, as an injection would run it: 'ok' and its row count, or the SQLSTATE. */
  async function attempt(app: Client, statement: string, params: unknown[] = []): Promise<string> {
    await app.query('savepoint attempt');
    try {
      const { rowCount } = await app.query(statement, params);
      await app.query('release savepoint attempt');
      return `ok ${rowCount}`;
    } catch (error) {
      await app.query('rollback to savepoint attempt');
      return (error as { code?: string }).code ?? String(error);
    }
  }

  /** Writes into school B of each kind: an insert, an update, a delete, an audit append. */
  const writeIntoB = async (app: Client) => ({
    insert: await attempt(
      app,
      `insert into finance_budget_entry (school_id, fiscal_year, kind, funding_source, spending_group, amount, entered_on)
       values ($1, 2026, 'ESTIMATE', 'STATE_REGULAR', 'PERSONNEL', 1, '2026-01-05')`,
      [b.id],
    ),
    update: await attempt(app, `update student set full_name = 'Đã bị sửa' where school_id = $1`, [b.id]),
    delete: await attempt(app, `delete from grade_entry where school_id = $1`, [b.id]),
    audit: await attempt(
      app,
      `select audit_append($1, now(), null, 'Giả mạo', null, 'school_profile', $2, 'UPDATE', null, null, null)`,
      [b.id, b.id],
    ),
  });
  /** How every write into B must end: the insert and the audit append refused by row-level security, nothing touched. */
  const REFUSED = { insert: '42501', update: 'ok 0', delete: 'ok 0', audit: '42501' };

  /**
   * A transaction of the application role on the coordinator, sealed for `schoolId` as TenantDb seals it; `trick` runs
   * next, then A and B are counted, then B is written to, then the transaction commits (so a write that got through
   * would stay and be found on B's worker) or, for a control, rolls back. A fresh connection each time: a
   * session-level trick ends with it.
   */
  async function sealedFor(schoolId: string, trick: (app: Client) => Promise<unknown>, end = 'commit') {
    const app = await connectAsApp();
    try {
      await app.query('begin');
      await presentScope(app, signScope(schoolsScope(schoolId), userId));
      const outcome = await trick(app);
      const seen = { a: await counts(app, a.id), b: await counts(app, b.id) };
      const writes = await writeIntoB(app);
      await app.query(end);
      return { ...seen, trick: outcome, writes };
    } finally {
      await app.query('rollback').catch(() => undefined);
      await app.end();
    }
  }
  const sealedForA = (trick: (app: Client) => Promise<unknown>) => sealedFor(a.id, trick);

  beforeAll(async () => {
    owner = new Client({ connectionString: ownerUrl });
    await owner.connect();
    for (const url of workerUrls) {
      const worker = new Client({ connectionString: url });
      await worker.connect();
      await worker.query('set citus.override_table_visibility to off');
      workers.set(Number(new URL(url).port), worker);
    }
    const first = await newSchool({});
    const second = await newSchool({ notOn: first.port });
    await fill(first.id);
    await fill(second.id);
    a = { ...first, rows: await counts(owner, first.id) };
    b = { ...second, rows: await counts(owner, second.id) };
    userId = (await owner.query(`select id from app_user order by username limit 1`)).rows[0].id;
    atRestBefore = await atRest();
  });
  afterAll(async () => {
    await owner?.end();
    for (const worker of workers.values()) await worker.end();
  });
  afterEach(async () => {
    // Nothing of A or B changed at rest, on either worker, whatever the test did.
    expect(await atRest()).toEqual(atRestBefore);
  });

  it("has A and B on different workers, and shows A exactly its rows under A's seal and nothing of B", async () => {
    expect(a.port).not.toBe(b.port);
    expect(a.rows).toEqual({ student: 3, enrolment: 3, grade_entry: 3, audit_log: 1, finance_budget_entry: 1 });
    expect(b.rows).toEqual(a.rows);
    expect(await sealedForA(async () => undefined)).toEqual({ a: a.rows, b: NONE, trick: undefined, writes: REFUSED });
  });

  it('has every row-level security policy on a distributed table, so every policy is evaluated on a worker', async () => {
    // Why an unforwarded change of the coordinator's settings never reaches a policy: a policy of a reference or local
    // table would be evaluated on the coordinator, under the changed settings (and would fail closed there too).
    const { rows } = await owner.query(
      `select p.schemaname || '.' || p.tablename as name, coalesce(d.partmethod, 'local') as kind
         from pg_policies p
         left join pg_dist_partition d on d.logicalrelid = format('%I.%I', p.schemaname, p.tablename)::regclass
        where coalesce(d.partmethod, 'local') <> 'h'`,
    );
    expect(rows).toEqual([]);
  });

  it("lets the same writes through under B's own seal (rolled back), and sees a write at rest on B's worker", async () => {
    // The controls: the application role may make each of these writes (a refusal below is row-level security's), and
    // the fingerprint read on the worker changes when a row of B changes (here in a transaction rolled back).
    expect(await sealedFor(b.id, async () => undefined, 'rollback')).toEqual({
      a: NONE,
      b: b.rows,
      trick: undefined,
      writes: { insert: 'ok 1', update: 'ok 3', delete: 'ok 3', audit: 'ok 1' },
    });
    const { shard, port } = await workerOf('student', b.id);
    const worker = workers.get(port)!;
    await worker.query('begin');
    try {
      await worker.query(`update ${shard} set full_name = 'Đã bị sửa' where school_id = $1`, [b.id]);
      const changed = await atRest();
      expect(Object.keys(changed).filter((k) => changed[k] !== atRestBefore[k])).toEqual([`B student (port ${port})`]);
    } finally {
      await worker.query('rollback');
    }
  });

  describe('a change the coordinator keeps to itself: the workers go on answering exactly the sealed scope', () => {
    // Not forwarded: a set_config() call (a function; Citus's utility hook never sees it) and a session SET (Citus
    // forwards only SET LOCAL and RESET, citus.propagate_set_commands = 'local'). A SET LOCAL or RESET ALL inside a
    // savepoint released before the first shard query: recorded for the worker connections opened later, and the
    // record dropped at the release (Citus's PopSubXact), where PostgreSQL keeps it to the end of the transaction.
    it.each([
      ["set_config('app.all_schools', 'on', true)", () => `select set_config('app.all_schools', 'on', true)`],
      ["set_config('app.all_schools', 'on', false)", () => `select set_config('app.all_schools', 'on', false)`],
      [
        "set_config('app.school_ids', 'A,B', true)",
        () => `select set_config('app.school_ids', '${a.id},${b.id}', true)`,
      ],
      ["set_config('app.school_ids', 'B', true)", () => `select set_config('app.school_ids', '${b.id}', true)`],
      ['a session SET app.all_schools', () => `set app.all_schools = 'on'`],
      ['a session SET app.school_ids to B', () => `set app.school_ids = '${b.id}'`],
      ['a later expiry', () => `select set_config('app.scope_expires', '9999999999', true)`],
      ['SET LOCAL app.school_ids to B, in a released savepoint', () => `set local app.school_ids = '${b.id}'`],
      ["SET LOCAL app.all_schools = 'on', in a released savepoint", () => `set local app.all_schools = 'on'`],
      ['RESET ALL, in a released savepoint', () => `reset all`],
    ])('%s', async (_name, statement) => {
      expect(await sealedForA((app) => attempt(app, statement()))).toEqual({
        a: a.rows,
        b: NONE,
        trick: expect.stringMatching(/^ok/),
        writes: REFUSED,
      });
    });

    it("replaying every setting of another transaction's seal for B with set_config", async () => {
      const other = await connectAsApp();
      let captured: Record<string, string>;
      try {
        await other.query('begin');
        await presentScope(other, signScope(schoolsScope(b.id)));
        expect(await counts(other, b.id)).toEqual(b.rows);
        captured = (
          await other.query(`select ${SETTINGS.map((s) => `current_setting('app.${s}') as ${s}`).join(', ')}`)
        ).rows[0];
        await other.query('commit');
      } finally {
        await other.end();
      }
      const replay = `select ${SETTINGS.map((s, i) => `set_config('app.${s}', $${i + 1}, true)`).join(', ')}`;
      const outcome = await sealedForA((app) =>
        attempt(
          app,
          replay,
          SETTINGS.map((s) => captured[s]),
        ),
      );
      expect(outcome).toEqual({ a: a.rows, b: NONE, trick: 'ok 1', writes: REFUSED });
    });

    it("calling the seal's functions directly: the coordinator's answers change, the workers' scope does not", async () => {
      const ask = async (app: Client) =>
        (
          await app.query(
            `select emis_scope_sealed() as sealed, emis_sealed_user() as "user", emis_in_scope($1) as "inB",
                    emis_scope_verified() as verified, emis_scope_owner() as owner`,
            [b.id],
          )
        ).rows[0];
      const outcome = await sealedForA(async (app) => {
        const before = await ask(app);
        await app.query(`select set_config('app.all_schools', 'on', true)`);
        return [before, await ask(app)];
      });
      // Functions called in a statement of their own run on the coordinator, on its settings: the broken seal shows
      // there as on one node. The policies of a distributed table are evaluated on the workers, whose settings are
      // the sealed ones: A's rows, none of B's.
      expect(outcome).toEqual({
        a: a.rows,
        b: NONE,
        trick: [
          { sealed: true, user: userId, inB: false, verified: true, owner: false },
          { sealed: false, user: null, inB: true, verified: false, owner: false },
        ],
        writes: REFUSED,
      });
    });

    it('a forged department scope, then writes into school B, each refused, and B unchanged on its worker', async () => {
      const outcome = await sealedForA(async (app) => [
        await attempt(app, `select set_config('app.all_schools', 'on', true)`),
        await attempt(app, `select set_config('app.school_ids', $1, true)`, [b.id]),
        await writeIntoB(app),
        await attempt(app, `update school_profile set phone = '0900000000' where school_id = $1`, [b.id]),
      ]);
      expect(outcome).toEqual({
        a: a.rows,
        b: NONE,
        trick: ['ok 1', 'ok 1', REFUSED, 'ok 0'],
        writes: REFUSED,
      });
      // The afterEach reads B's shards on its worker: nothing was written.
    });
  });

  describe('a change forwarded to the workers: the seal breaks there too and nothing is read, as on one node', () => {
    it('SET LOCAL app.all_schools outside a savepoint', async () => {
      expect(await sealedForA((app) => app.query(`set local app.all_schools = 'on'`).then(() => 'ok'))).toEqual({
        a: NONE,
        b: NONE,
        trick: 'ok',
        writes: REFUSED,
      });
    });

    it('RESET ALL outside a savepoint', async () => {
      expect(await sealedForA((app) => app.query(`reset all`).then(() => 'ok'))).toEqual({
        a: NONE,
        b: NONE,
        trick: 'ok',
        writes: REFUSED,
      });
    });

    it("SET LOCAL in a released savepoint, once A's worker connection is open: it reaches that worker", async () => {
      const outcome = await sealedForA(async (app) => [
        await counts(app, a.id),
        await attempt(app, `set local app.school_ids = '${b.id}'`),
      ]);
      expect(outcome).toEqual({ a: NONE, b: NONE, trick: [a.rows, 'ok null'], writes: REFUSED });
    });
  });
});
