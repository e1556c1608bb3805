import { Client } from 'pg';
import { connectAsApp, presentScope, schoolsScope, signScope } from '../scope-fixtures';
import { readTestEnv } from '../test-env';

/** The settings emis_set_scope writes; a replay copies them all. */
const SETTINGS = ['school_ids', 'all_schools', 'closed_ids', 'user_id', 'scope_expires', 'scope_seal'] as const;

/**
 * The sealed scope on a Citus cluster (docs/scaling.md, "Tenant scope on the workers"; migration
 * BindScopeToDistributedTransaction1765000001100): the shard queries run on the workers, in connections of their own,
 * and each policy there recomputes the seal from the settings and the distributed transaction id the coordinator
 * forwarded. Two seeded schools whose pupils lie on different workers are read as emis_app on the coordinator.
 */
describe('the sealed scope on a Citus cluster', () => {
  let owner: Client;
  let app: Client;
  let a: { id: string; pupils: number; port: number };
  let b: { id: string; pupils: number; port: number };
  let province: number;

  /** Pupils emis_app sees in the open transaction: a statement without school_id, so every shard answers. */
  const pupilsSeen = async () => (await app.query(`select count(*)::int as n from student`)).rows[0].n as number;

  beforeAll(async () => {
    owner = new Client({ connectionString: readTestEnv().ownerUrl });
    await owner.connect();
    const [{ citus }] = (await owner.query(`select count(*)::int as citus from pg_extension where extname = 'citus'`))
      .rows;
    if (!citus) throw new Error('this spec runs against a Citus coordinator (npm run test:citus)');
    // Each school with pupils, and the worker holding its shard of student (metadata and shards read apart: Citus
    // does not join a distributed table with its own catalogue).
    const counted = (
      await owner.query(
        `select school_id as id, count(*)::int as pupils from student group by school_id order by 2 desc`,
      )
    ).rows as { id: string; pupils: number }[];
    const schools: { id: string; pupils: number; port: number }[] = [];
    for (const s of counted) {
      const [{ port }] = (
        await owner.query(
          `select nodeport as port from citus_shards
            where shardid = get_shard_id_for_distribution_column('student', $1::uuid)`,
          [s.id],
        )
      ).rows;
      schools.push({ ...s, port });
    }
    a = schools[0];
    const other = schools.find((s) => s.port !== a.port);
    if (!other) throw new Error('the seeded schools all lie on one worker: the spec needs two');
    b = other;
    province = (await owner.query(`select count(*)::int as n from student`)).rows[0].n;
    app = await connectAsApp();
  });
  afterAll(async () => {
    await app?.end();
    await owner?.end();
  });
  afterEach(async () => {
    await app?.query('rollback');
  });

  it('shows a school user exactly their school, on whichever worker it lies', async () => {
    expect(province).toBeGreaterThan(a.pupils + b.pupils);
    await app.query('begin');
    await presentScope(app, signScope(schoolsScope(a.id)));
    expect(await pupilsSeen()).toBe(a.pupils);
    expect((await app.query(`select distinct school_id from student`)).rows).toEqual([{ school_id: a.id }]);
    await app.query('rollback');
    await app.query('begin');
    await presentScope(app, signScope(schoolsScope(b.id)));
    expect(await pupilsSeen()).toBe(b.pupils);
  });

  it('shows a unit scope both its schools across the two workers', async () => {
    await app.query('begin');
    await presentScope(app, signScope(schoolsScope(a.id, b.id)));
    expect(await pupilsSeen()).toBe(a.pupils + b.pupils);
  });

  it('never widens on an injected set_config: the workers never receive it', async () => {
    await app.query('begin');
    await presentScope(app, signScope(schoolsScope(a.id)));
    expect(await pupilsSeen()).toBe(a.pupils);
    await app.query(`select set_config('app.all_schools', 'on', true), set_config('app.school_ids', $1, true)`, [b.id]);
    expect(await pupilsSeen()).toBe(a.pupils);
  });

  it('reads nothing once a forwarded setting is changed after the seal (SET LOCAL reaches the workers)', async () => {
    await app.query('begin');
    await presentScope(app, signScope(schoolsScope(a.id)));
    expect(await pupilsSeen()).toBe(a.pupils);
    await app.query(`set local app.all_schools = 'on'`);
    expect(await pupilsSeen()).toBe(0);
  });

  it('reads nothing with a seal and settings copied from another transaction', async () => {
    await app.query('begin');
    await presentScope(app, signScope(schoolsScope(a.id)));
    expect(await pupilsSeen()).toBe(a.pupils);
    const copied = (await app.query(`select ${SETTINGS.map((s) => `current_setting('app.${s}') as ${s}`).join(', ')}`))
      .rows[0] as Record<string, string>;
    await app.query('commit');
    await app.query('begin');
    // A coordinated transaction first (its own distributed id), then the copied settings, forwarded as SET LOCAL.
    expect(await pupilsSeen()).toBe(0);
    for (const s of SETTINGS) await app.query(`set local app.${s} = ${app.escapeLiteral(copied[s])}`);
    expect(await pupilsSeen()).toBe(0);
  });

  it("refuses a transaction id of an attacker's choosing once the scope is sealed", async () => {
    await app.query('begin');
    await presentScope(app, signScope(schoolsScope(a.id)));
    await expect(app.query(`select assign_distributed_transaction_id(0, 1, now())`)).rejects.toThrow(
      /already been assigned/,
    );
  });
});
