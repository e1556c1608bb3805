import { ChildProcess, spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DataSource, QueryRunner } from 'typeorm';
import { seedDemoProvince } from '../src/seed/seed-demo';
import { HANG_GUARD_MS, readTestEnv } from './test-env';
import { enrolSeededUsers } from './totp';
import { migrateDatabase } from '../src/migrations';

/**
 * Tools of the fault specs: a transaction of the schema owner that holds a school's audit chain head (every save and
 * import ends with an audit append, so a request blocked there holds its connection with all its rows written but not
 * committed), the API's backends waiting behind it, a TCP proxy whose sockets can be cut, and a PostgreSQL of the
 * spec's own that can be stopped and started again.
 */

export interface HeldLock {
  /** The owner's backend holding the lock: the API's requests blocked behind it name it in pg_blocking_pids. */
  pid: number;
  release: () => Promise<void>;
}

/** Holds `school`'s audit chain head in an open transaction until release(); creates the head if absent. */
export async function holdAuditHead(owner: DataSource, schoolId: string): Promise<HeldLock> {
  const runner: QueryRunner = owner.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  await runner.query(
    `insert into audit_chain_head (school_id, last_seq, last_hash) values ($1, 0, repeat('0', 64)) on conflict do nothing`,
    [schoolId],
  );
  await runner.query(`select 1 from audit_chain_head where school_id = $1 for update`, [schoolId]);
  const [{ pid }] = await runner.query(`select pg_backend_pid() as pid`);
  let released = false;
  return {
    pid,
    release: async () => {
      if (released) return;
      released = true;
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release().catch(() => undefined);
    },
  };
}

/**
 * Backends of the API (application_name emis-api) waiting behind `holder`: directly, or queued behind another waiter
 * (the second request for a locked row waits for the first waiter's tuple lock, not for the holder).
 */
const BLOCKED_BEHIND = `
  with recursive behind(pid) as (
    select pid from pg_stat_activity where $1 = any(pg_blocking_pids(pid))
    union
    select a.pid from pg_stat_activity a join behind b on b.pid = any(pg_blocking_pids(a.pid))
  )
  select a.pid from behind b join pg_stat_activity a on a.pid = b.pid where a.application_name = 'emis-api'`;

export async function blockedBehind(owner: DataSource, holder: number): Promise<number[]> {
  const rows: { pid: number }[] = await owner.query(BLOCKED_BEHIND, [holder]);
  return rows.map((r) => r.pid);
}

/** Waits until `count` API backends wait behind `holder`. */
export async function waitForBlocked(owner: DataSource, holder: number, count: number): Promise<number[]> {
  return eventually(`${count} API backend(s) blocked behind ${holder}`, async () => {
    const pids = await blockedBehind(owner, holder);
    return pids.length === count ? pids : undefined;
  });
}

/** Kills the API's backends waiting behind `holder`, as an operator or a crash would (FATAL 57P01 to the client). */
export async function terminateBlocked(owner: DataSource, holder: number): Promise<number> {
  const rows = await owner.query(`select pg_terminate_backend(pid) as killed from (${BLOCKED_BEHIND}) w`, [holder]);
  return rows.filter((r: { killed: boolean }) => r.killed).length;
}

/** Until the backends are gone: a terminated or orphaned backend may still hold its locks for a moment. */
export async function waitForBackendsGone(owner: DataSource, pids: number[]): Promise<void> {
  await eventually(`backends ${pids.join(', ')} gone`, async () => {
    const [{ n }] = await owner.query(`select count(*)::int as n from pg_stat_activity where pid = any($1::int[])`, [
      pids,
    ]);
    return n === 0 ? true : undefined;
  });
}

/** Polls `probe` until it answers something; gives up after HANG_GUARD_MS (a stuck fault fails the test, never hangs). */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, pauseMs = 50): Promise<T> {
  for (const until = Date.now() + HANG_GUARD_MS; Date.now() < until;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** What a save left behind in a school: rows of the score tables and of the audit chain. */
export async function footprint(owner: DataSource, schoolId: string): Promise<Record<string, unknown>> {
  const [row] = await owner.query(
    `select (select coalesce(json_agg(json_build_object('s', student_id, 'v', version, 'c', cells) order by gradebook_id, student_id), '[]')
               from grade_entry where school_id = $1) as entries,
            (select count(*)::int from grade_change where school_id = $1) as changes,
            (select count(*)::int from grade_save_request where school_id = $1) as requests,
            (select count(*)::int from audit_log where school_id = $1) as audit`,
    [schoolId],
  );
  return row;
}

/** A TCP proxy to PostgreSQL: the API connects through it, and the test cuts its sockets or stops it listening. */
export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ]) {
        this.sockets.add(a);
        a.on('error', () => b.destroy());
        a.on('close', () => {
          this.sockets.delete(a);
          b.destroy();
        });
        a.pipe(b);
      }
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** Drops every open connection without a word to either side, as a failed network or a killed server would. */
  cut(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  /** Stops listening (new connections are refused) and drops the open ones. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.cut();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The application role's URL through a proxy in front of the run's PostgreSQL. */
export function appUrlVia(proxy: TcpProxy): string {
  const env = readTestEnv();
  const url = new URL(env.ownerUrl);
  url.username = 'emis_app';
  url.password = env.appPassword;
  url.port = String(proxy.port);
  return url.toString();
}

export function targetOf(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port) };
}

interface EmbeddedDb {
  ownerUrl: string;
  appPassword: string;
  jobsPassword: string;
  port: number;
}

/**
 * Runs tools/embedded-db.mjs in a child process: it is an ES module, which Jest's CommonJS test runtime cannot import.
 * The child prints the server's coordinates, stops it on SIGTERM, and also when the test process dies (stdin closes).
 */
const SERVER_SCRIPT = `
  import { startEmbeddedDb } from ${JSON.stringify(pathToFileURL(path.resolve(__dirname, '../../../tools/embedded-db.mjs')).href)};
  const db = await startEmbeddedDb({ dir: process.env.EMIS_FAULTS_DIR, port: Number(process.env.EMIS_FAULTS_PORT) || undefined });
  process.stdout.write(JSON.stringify({ ownerUrl: db.ownerUrl, appPassword: db.appPassword, jobsPassword: db.jobsPassword, port: db.port }) + '\\n');
  const stop = async () => { await db.stop(); process.exit(0); };
  process.once('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
`;

/** A PostgreSQL of the spec's own (migrated, demo province seeded) that the spec may stop and start again. */
export class DedicatedDb {
  private db?: EmbeddedDb;
  private server?: ChildProcess;
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'emis-faults-'));

  get ownerUrl(): string {
    return this.current.ownerUrl;
  }

  get appPassword(): string {
    return this.current.appPassword;
  }

  get jobsPassword(): string {
    return this.current.jobsPassword;
  }

  async create(): Promise<void> {
    await this.start();
    await migrateDatabase(this.ownerUrl, {
      appPassword: this.appPassword,
      jobsPassword: this.jobsPassword,
      scopeKey: readTestEnv().scopeKey,
    });
    await seedDemoProvince(this.ownerUrl);
    const ds = new DataSource({ type: 'postgres', url: this.ownerUrl });
    await ds.initialize();
    await enrolSeededUsers(ds, readTestEnv().jwtSecret);
    await ds.destroy();
  }

  /** Starts the server on its data folder; again on the same port after stop(), so the API's URL stays valid. */
  async start(): Promise<void> {
    const env = { ...process.env, EMIS_FAULTS_DIR: this.dir, EMIS_FAULTS_PORT: String(this.db?.port ?? '') };
    const server = spawn(process.execPath, ['--input-type=module', '-e', SERVER_SCRIPT], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.server = server;
    this.db = await new Promise<EmbeddedDb>((resolve, reject) => {
      let out = '';
      let err = '';
      server.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(JSON.parse(out.slice(0, out.indexOf('\n'))));
      });
      server.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited (${code}): ${err}`)));
    });
  }

  /** Fast shutdown (SIGINT to PostgreSQL): every session ends with FATAL 57P01, new connections are refused. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server || server.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      server.once('exit', () => resolve());
      server.kill('SIGTERM');
    });
  }

  async destroy(): Promise<void> {
    await this.stop();
    // tools/embedded-db.mjs keeps the data elsewhere, behind the link pg, when the postgres user cannot enter this folder.
    const link = path.join(this.dir, 'pg');
    if (lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink())
      rmSync(path.dirname(readlinkSync(link)), { recursive: true, force: true });
    rmSync(this.dir, { recursive: true, force: true });
  }

  private get current(): EmbeddedDb {
    if (!this.db) throw new Error('the dedicated PostgreSQL is not started');
    return this.db;
  }
}

/** Ids of a demo school's class of the open year and its gradebook path (the seed's THCS Như Quỳnh 6A, Toán). */
export async function demoSheet(
  owner: DataSource,
  schoolCode = 'THCS-NQ',
  className = '6A',
  subject = 'TOAN',
): Promise<{ schoolId: string; classId: string; path: string }> {
  const [row] = await owner.query(
    `select c.school_id, c.id from class c join org_unit o on o.id = c.school_id join school_year y on y.id = c.school_year_id
      where o.code = $1 and c.name = $2 and y.status = 'OPEN'`,
    [schoolCode, className],
  );
  return {
    schoolId: row.school_id,
    classId: row.id,
    path: `/api/schools/${row.school_id}/classes/${row.id}/gradebook/1/${subject}`,
  };
}
