import { Client } from 'pg';
import { loadTablePlan } from '../citus-schema-rules';
import { presentScope, schoolsScope, signScope } from '../scope-fixtures';
import { readTestEnv } from '../test-env';
import { readCitusEnv } from './citus-env';

/**
 * Tenant isolation where the rows are: on the workers, shard by shard, with no coordinator in between. Citus copies a
 * table's row-level security to each of its shards when it distributes it; a shard without it would let anyone who
 * reaches a worker as the application role read every school of that shard. Checked against the catalog of each
 * worker, then by writing across schools straight into a shard (docs/scaling.md, "Tenant scope on the workers").
 */
describe('row-level security on the workers, shard by shard', () => {
  const { ownerUrl, appPassword } = readTestEnv();
  const { workerUrls } = readCitusEnv();
  const plan = loadTablePlan();
  const distributed = Object.entries(plan.tables)
    .filter(([, entry]) => entry.kind === 'distributed')
    .map(([name]) => name);
  let coordinator: Client;
  const workers = new Map<number, Client>();

  const portOf = (url: string) => Number(new URL(url).port);
  const connect = async (url: string, asApp = false) => {
    const u = new URL(url);
    if (asApp) {
      u.username = 'emis_app';
      u.password = appPassword;
    }
    const client = new Client({ connectionString: u.toString() });
    await client.connect();
    return client;
  };

  /** The shard of `table` holding `schoolId`'s rows, and the port of the worker it is placed on. */
  const shardOf = async (table: string, schoolId: string) => {
    const { rows } = await coordinator.query(
      `select s.shard_name, s.nodeport from citus_shards s
        where s.shardid = get_shard_id_for_distribution_column($1, $2::uuid)`,
      [table, schoolId],
    );
    expect(rows).toHaveLength(1);
    return { name: rows[0].shard_name as string, port: rows[0].nodeport as number };
  };

  beforeAll(async () => {
    coordinator = await connect(ownerUrl);
    for (const url of workerUrls) {
      const worker = await connect(url);
      // Citus hides the shards from pg_class on a worker, except to its own sessions: shown here, to be checked.
      await worker.query('set citus.override_table_visibility to off');
      workers.set(portOf(url), worker);
    }
  });
  afterAll(async () => {
    await coordinator?.end();
    for (const w of workers.values()) await w.end();
  });

  it('places every distributed table of the plan in 64 shards spread over both workers', async () => {
    const { rows } = await coordinator.query(
      `select table_name::text as table_name, count(*)::int as shards, array_agg(distinct nodeport) as ports
         from citus_shards where citus_table_type = 'distributed' group by table_name`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual([...distributed].sort());
    for (const r of rows) {
      expect({ table: r.table_name, shards: r.shards }).toEqual({ table: r.table_name, shards: 64 });
      expect((r.ports as number[]).sort()).toEqual([...workers.keys()].sort());
    }
  });

  // Sealed in the per-statement form (an InitPlan) that tools/citus/seal-placements.sql gives every placement, though
  // the distributed tables' own policies hold it without the sub-select (docs/adr/scope-seal-per-statement.md).
  it('has row-level security enabled and forced, with the sealed-scope policies, on every shard placement', async () => {
    const { rows: shards } = await coordinator.query(
      `select table_name::text as table_name, shard_name, nodeport from citus_shards where citus_table_type = 'distributed'`,
    );
    const { rows: policies } = await coordinator.query(
      `select polrelid::regclass::text as table_name, count(*)::int as policies from pg_policy
        where polrelid = any(select logicalrelid from pg_dist_partition where partmethod = 'h') group by 1`,
    );
    const expected = new Map(policies.map((p) => [p.table_name as string, p.policies as number]));
    const problems: string[] = [];
    let checked = 0;
    for (const [port, worker] of workers) {
      const mine = shards.filter((s) => Number(s.nodeport) === port);
      expect(mine.length).toBeGreaterThan(0);
      const { rows } = await worker.query(
        `select s.name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
                (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
                (select count(*)::int from pg_policy p where p.polrelid = c.oid
                  and pg_get_expr(coalesce(p.polqual, p.polwithcheck), p.polrelid) like '%emis_in_scope(school_id)%'
                  and pg_get_expr(coalesce(p.polqual, p.polwithcheck), p.polrelid)
                      like '%emis_scope_intact(( SELECT emis_scope_sealed_state() AS emis_scope_sealed_state))%') as sealed
           from unnest($1::text[]) s(name) left join pg_class c on c.oid = to_regclass(s.name)`,
        [mine.map((s) => s.shard_name)],
      );
      for (const r of rows) {
        const table = mine.find((s) => s.shard_name === r.name)!.table_name as string;
        checked++;
        if (r.enabled === null) problems.push(`${r.name} (${table}): not on the worker at port ${port}`);
        else if (!r.enabled || !r.forced)
          problems.push(`${r.name} (${table}): RLS enabled ${r.enabled}, forced ${r.forced}`);
        else if (r.policies !== expected.get(table) || r.sealed !== r.policies)
          problems.push(
            `${r.name} (${table}): ${r.policies} policies (${r.sealed} sealed), the table has ${expected.get(table)}`,
          );
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBe(distributed.length * 64);
  });

  it('keeps every trigger enabled on the shards (distribute.sql turns them off for the copy and back on)', async () => {
    const { rows: triggers } = await coordinator.query(
      `select count(*)::int as n from pg_trigger t join pg_dist_partition p on p.logicalrelid = t.tgrelid
        where p.partmethod = 'h' and not t.tgisinternal`,
    );
    expect(triggers[0].n).toBeGreaterThan(0);
    let onShards = 0;
    for (const worker of workers.values()) {
      const { rows } = await worker.query(
        `select count(*) filter (where t.tgenabled = 'D')::int as disabled, count(*)::int as n
           from pg_trigger t join pg_dist_shard s on t.tgrelid::regclass::text ~ ('^' || s.logicalrelid::regclass::text || '_' || s.shardid || '$')
          where not t.tgisinternal and s.shardminvalue is not null -- hash shards, not reference tables' replicas
        `,
      );
      expect(rows[0].disabled).toBe(0);
      onShards += rows[0].n;
    }
    // Every trigger of a distributed table on each of its 64 shards (pupils' search words, finance month closes …).
    expect(onShards).toBe(triggers[0].n * 64);
  });

  describe('straight into a shard on its worker, as the application role', () => {
    let schoolA: string;
    let schoolB: string;
    let yearId: string;

    beforeAll(async () => {
      // Two schools on different workers when the demo province has such a pair (it has: 64 shards, two workers).
      const { rows } = await coordinator.query(
        `select school_id from school_profile p join org_unit u on u.id = p.school_id where u.kind = 'SCHOOL' order by u.code`,
      );
      const placed: { id: string; port: number }[] = [];
      for (const r of rows) placed.push({ id: r.school_id, port: (await shardOf('school_profile', r.school_id)).port });
      schoolA = placed[0].id;
      schoolB = (placed.find((p) => p.port !== placed[0].port) ?? placed[1]).id;
      // Two statements: Citus plans no correlated subquery over a reference table (school_year).
      const { rows: years } = await coordinator.query(`select id from school_year order by code`);
      const { rows: taken } = await coordinator.query(
        `select school_year_id from school_year_override where school_id in ($1, $2)`,
        [schoolA, schoolB],
      );
      yearId = years.find((y) => !taken.some((o) => o.school_year_id === y.id))!.id;
    });

    /** A transaction on the worker holding `schoolId`'s shards, as emis_app, under school A's sealed scope. */
    const asAppUnderA = async <T>(schoolId: string, work: (c: Client) => Promise<T>): Promise<T> => {
      const { port } = await shardOf('school_profile', schoolId);
      const url = workerUrls.find((u) => portOf(u) === port)!;
      const client = await connect(url, true);
      try {
        await client.query('begin');
        await presentScope(client, signScope(schoolsScope(schoolA)));
        return await work(client);
      } finally {
        await client.query('rollback').catch(() => undefined);
        await client.end();
      }
    };

    it("reads school A's rows from A's shard and none of school B's from B's shard", async () => {
      const a = await shardOf('school_profile', schoolA);
      const b = await shardOf('school_profile', schoolB);
      expect(
        await asAppUnderA(
          schoolA,
          async (c) =>
            (await c.query(`select count(*)::int as n from ${a.name} where school_id = $1`, [schoolA])).rows[0].n,
        ),
      ).toBe(1);
      expect(
        await asAppUnderA(
          schoolB,
          async (c) =>
            (await c.query(`select count(*)::int as n from ${b.name} where school_id = $1`, [schoolB])).rows[0].n,
        ),
      ).toBe(0);
      // The row is there: the owner sees it on the same worker.
      const owner = workers.get(b.port)!;
      expect(
        (await owner.query(`select count(*)::int as n from ${b.name} where school_id = $1`, [schoolB])).rows[0].n,
      ).toBe(1);
    });

    it("writes school A's row into A's shard, and is refused school B's row in B's shard", async () => {
      const insert = (shard: string) =>
        `insert into ${shard} (school_id, school_year_id, semester1_start, semester1_end, semester2_start, semester2_end, updated_at)
         values ($1, $2, '2035-09-05', '2036-01-10', '2036-01-15', '2036-05-25', now())`;
      const a = await shardOf('school_year_override', schoolA);
      const b = await shardOf('school_year_override', schoolB);
      const own = await asAppUnderA(schoolA, (c) => c.query(insert(a.name), [schoolA, yearId]));
      expect(own.rowCount).toBe(1);
      await expect(asAppUnderA(schoolB, (c) => c.query(insert(b.name), [schoolB, yearId]))).rejects.toMatchObject({
        code: '42501',
        message: expect.stringContaining('row-level security'),
      });
      const p = await shardOf('school_profile', schoolB);
      const updated = await asAppUnderA(schoolB, (c) =>
        c.query(`update ${p.name} set phone = '0900000000' where school_id = $1`, [schoolB]),
      );
      expect(updated.rowCount).toBe(0);
    });

    it('reads nothing from a shard without a scope, and nothing after a forged set_config', async () => {
      const b = await shardOf('school_profile', schoolB);
      const url = workerUrls.find((u) => portOf(u) === b.port)!;
      const client = await connect(url, true);
      try {
        expect((await client.query(`select count(*)::int as n from ${b.name}`)).rows[0].n).toBe(0);
        await client.query('begin');
        await client.query(`select set_config('app.all_schools', 'on', true), set_config('app.school_ids', $1, true)`, [
          schoolB,
        ]);
        expect((await client.query(`select count(*)::int as n from ${b.name}`)).rows[0].n).toBe(0);
      } finally {
        await client.query('rollback').catch(() => undefined);
        await client.end();
      }
    });
  });
});
