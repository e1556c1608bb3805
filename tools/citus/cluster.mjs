// A Citus cluster on one machine for trying and testing Emis distributed: a coordinator and two workers, each a
// PostgreSQL 15 server of Debian's (Citus 13.2 supports PostgreSQL 15–17, not the embedded 18) with
// `shared_preload_libraries = 'citus'`, a database on every node with `create extension citus`, then
// `citus_set_coordinator_host` and `citus_add_node` for each worker. Citus itself comes from tools/citus/install.sh.
//
// As a module: startCitusCluster({ dir }) (used by apps/api/test/citus/prepare-citus-db.ts). From a shell:
//   node tools/citus/cluster.mjs start [--dir tmp/citus] [--workers 2]   runs until Ctrl+C, then removes everything
//   node tools/citus/cluster.mjs stop --dir tmp/citus                    stops a cluster left behind and removes it
//
// Every node's data folder is <dir>/<node>, owned by the `postgres` system user (PostgreSQL refuses to run as root),
// so <dir> must be a folder that user can enter (the default, a fresh folder in the system's temporary folder, is).
// The nodes reach each other as the same roles the API uses (postgres, emis_app, emis_jobs), with the passwords of
// <dir>/pgpass (PGPASSFILE of every server): the cluster-internal authentication docs/scaling.md asks for. No node
// trusts a connection without a password; a role a test creates and acts as on the coordinator (Citus connects to
// the workers as the role in force, after SET ROLE too) registers its password in pg_dist_authinfo on every node.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

export const PG_MAJOR = 15;
const BIN = process.env.CITUS_PG_BINDIR ?? `/usr/lib/postgresql/${PG_MAJOR}/bin`;

/** Modest settings for three servers sharing a 2-core machine with everything else. */
const SERVER_SETTINGS = {
  listen_addresses: '127.0.0.1',
  shared_preload_libraries: 'citus',
  max_connections: '150',
  // Citus commits a transaction that wrote on two workers (a transfer between two schools) with two-phase commit.
  max_prepared_transactions: '150',
  shared_buffers: '128MB',
  work_mem: '8MB',
  maintenance_work_mem: '64MB',
  max_wal_size: '1GB',
  // Fewer parallel connections from the coordinator to each worker per query than Citus's default of 16.
  'citus.max_adaptive_executor_pool_size': '4',
  lc_messages: 'C',
};

/** A free TCP port on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The `postgres` system user (Debian's package creates it), when we are root; else undefined (we run the servers). */
function postgresUser() {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('PostgreSQL cannot run as root and there is no `postgres` user: install postgresql-15 first');
  }
}

function ownedBy(user, target, mode) {
  if (user) chownSync(target, user.uid, user.gid);
  if (mode !== undefined) chmodSync(target, mode);
}

function runTool(name, args, user, cwd) {
  return promisify(execFile)(path.join(BIN, name), args, { ...user, cwd, env: pgEnv() });
}

function pgEnv(extra = {}) {
  return { ...process.env, LC_MESSAGES: 'C', ...extra };
}

/** Starts one node and resolves once it accepts connections. */
function startNode(node, user, pgpass) {
  const args = ['-D', node.dataDir, '-p', String(node.port), '-c', `unix_socket_directories=${node.dataDir}`];
  for (const [name, value] of Object.entries(SERVER_SETTINGS)) args.push('-c', `${name}=${value}`);
  const log = createWriteStream(node.logFile, { flags: 'a' });
  const child = spawn(path.join(BIN, 'postgres'), args, {
    ...user,
    cwd: node.dataDir,
    // HOME: libpq in the server looks for client certificates under ~/.postgresql, and root's is closed to postgres.
    env: pgEnv({ PGPASSFILE: pgpass, HOME: node.dataDir }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('close', resolve));
  const ready = new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk) => {
      log.write(chunk);
      output = (output + chunk).slice(-8192);
      if (output.includes('database system is ready to accept connections')) resolve();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', (error) => reject(new Error(`cannot run ${BIN}/postgres: ${error.message}`)));
    exited.then(() => {
      log.end();
      reject(new Error(`the ${node.name} did not start: ${output.trim().split('\n').slice(-3).join(' / ')}`));
    });
  });
  return { child, exited, ready };
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function urlOf(port, database, user = 'postgres', password) {
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Starts a coordinator and `workers` workers in `dir` (a fresh temporary folder by default) and joins them into one
 * cluster with a database `database` on every node. Resolves to the owner's URL of the coordinator (the schema owner
 * is the superuser `postgres`, as with the embedded database), the workers' owner URLs, the generated secrets the
 * migrate step and the API take (the same names as tools/embedded-db.mjs), and stop()/destroy(). Every server is
 * stopped when this process exits, however it exits; destroy() also deletes `dir`.
 *
 * @param {{ dir?: string, workers?: number, database?: string, log?: (line: string) => void }} [options]
 */
export async function startCitusCluster({ dir, workers = 2, database = 'emis', log = () => undefined } = {}) {
  if (!existsSync(path.join(BIN, 'postgres'))) {
    throw new Error(`no PostgreSQL ${PG_MAJOR} in ${BIN}: run tools/citus/install.sh (it installs postgresql-15)`);
  }
  const timings = {};
  const started = Date.now();
  dir = path.resolve(dir ?? mkdtempSync(path.join(os.tmpdir(), 'emis-citus-')));
  mkdirSync(dir, { recursive: true });
  // The servers, as postgres, must pass through the cluster's folder to reach their data folders.
  chmodSync(dir, 0o755);
  const user = postgresUser();
  const secrets = {
    superPassword: randomBytes(18).toString('base64url'),
    appPassword: randomBytes(18).toString('base64url'),
    jobsPassword: randomBytes(18).toString('base64url'),
    jwtSecret: randomBytes(48).toString('base64url'),
    scopeKey: randomBytes(48).toString('base64url'),
  };
  // The roles the nodes connect to each other as; emis_app and emis_jobs get these passwords from the migrate step.
  const pgpass = path.join(dir, 'pgpass');
  writeFileSync(
    pgpass,
    [
      ['postgres', secrets.superPassword],
      ['emis_app', secrets.appPassword],
      ['emis_jobs', secrets.jobsPassword],
    ]
      .map(([role, password]) => `127.0.0.1:*:*:${role}:${password.replace(/[\\:]/g, '\\$&')}\n`)
      .join(''),
  );
  ownedBy(user, pgpass, 0o600);
  const pwfile = path.join(dir, 'pwfile');
  writeFileSync(pwfile, `${secrets.superPassword}\n`);
  ownedBy(user, pwfile, 0o600);

  const names = ['coordinator', ...Array.from({ length: workers }, (_, i) => `worker${i + 1}`)];
  const nodes = [];
  for (const name of names) {
    const dataDir = path.join(dir, name);
    mkdirSync(dataDir, { mode: 0o700 });
    ownedBy(user, dataDir, 0o700);
    nodes.push({ name, dataDir, logFile: path.join(dir, `${name}.log`), port: await freePort() });
  }
  // Written before anything runs, so `cluster.mjs stop --dir` finds the servers of a run that was killed.
  writeFileSync(path.join(dir, 'cluster.json'), JSON.stringify({ nodes: nodes.map((n) => n.name) }, null, 2));

  const running = [];
  const stop = async () => {
    for (const server of running) {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGINT'); // fast
    }
    await Promise.all(running.map((server) => server.exited));
    running.length = 0;
  };
  const stopOnExit = () => running.forEach((server) => server.child.kill('SIGINT'));
  process.once('exit', stopOnExit);

  try {
    // initdb of the three nodes in parallel: each is mostly waiting on the disk.
    await Promise.all(
      nodes.map((node) =>
        runTool(
          'initdb',
          [
            `--pgdata=${node.dataDir}`,
            '--auth=scram-sha-256',
            '--username=postgres',
            `--pwfile=${pwfile}`,
            '--encoding=UTF8',
            '--locale=C.UTF-8',
            '--lc-messages=C',
          ],
          user,
          dir,
        ).catch((error) => {
          throw new Error(`initdb of the ${node.name} failed: ${String(error.stderr || error.message).trim()}`);
        }),
      ),
    );
    rmSync(pwfile, { force: true });
    timings.initdb = Date.now() - started;
    for (const node of nodes) running.push(startNode(node, user, pgpass));
    await Promise.all(running.map((server) => server.ready));
    timings.servers = Date.now() - started;

    // The database on every node, with Citus in it, before the coordinator adds the node (docs/scaling.md, step 2).
    for (const node of nodes) {
      await withClient(urlOf(node.port, 'postgres', 'postgres', secrets.superPassword), (c) =>
        c.query(`create database ${c.escapeIdentifier(database)}`),
      );
      await withClient(urlOf(node.port, database, 'postgres', secrets.superPassword), (c) =>
        c.query('create extension citus'),
      );
      log(`${node.name}: 127.0.0.1:${node.port}, ${node.dataDir}`);
    }
    const [coordinator, ...workerNodes] = nodes;
    const ownerUrl = urlOf(coordinator.port, database, 'postgres', secrets.superPassword);
    await withClient(ownerUrl, async (c) => {
      await c.query(`select citus_set_coordinator_host('127.0.0.1', $1)`, [coordinator.port]);
      for (const w of workerNodes) await c.query(`select citus_add_node('127.0.0.1', $1)`, [w.port]);
    });
    timings.cluster = Date.now() - started;
    log(`cluster ready in ${(timings.cluster / 1000).toFixed(1)} s`);

    return {
      ownerUrl,
      workerUrls: workerNodes.map((w) => urlOf(w.port, database, 'postgres', secrets.superPassword)),
      port: coordinator.port,
      workerPorts: workerNodes.map((w) => w.port),
      dir,
      appPassword: secrets.appPassword,
      jobsPassword: secrets.jobsPassword,
      jwtSecret: secrets.jwtSecret,
      scopeKey: secrets.scopeKey,
      /** Milliseconds from the start: after initdb, after the servers were up, after the cluster was joined. */
      timings,
      stop,
      destroy: async () => {
        await stop();
        process.off('exit', stopOnExit);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stop();
    process.off('exit', stopOnExit);
    const logs = nodes.map((n) => n.logFile).filter((f) => existsSync(f));
    throw new Error(`${error.message}${logs.length ? ` (server logs: ${logs.join(', ')})` : ''}`, { cause: error });
  }
}

/**
 * Stops the servers of a cluster folder whatever started them (their postmaster.pid), then deletes the folder: the
 * clean-up after a run that was killed before its own teardown.
 */
export async function removeCluster(dir) {
  dir = path.resolve(dir);
  if (!existsSync(dir)) return;
  const pids = [];
  const names = existsSync(path.join(dir, 'cluster.json'))
    ? JSON.parse(readFileSync(path.join(dir, 'cluster.json'), 'utf8')).nodes
    : [];
  for (const name of names) {
    const pidFile = path.join(dir, name, 'postmaster.pid');
    if (!existsSync(pidFile)) continue;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!pid) continue;
    try {
      process.kill(pid, 'SIGINT');
      pids.push(pid);
    } catch {
      // Not running any more.
    }
  }
  const alive = (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 300 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
  rmSync(dir, { recursive: true, force: true });
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : fallback;
  };
  if (command === 'stop') {
    const dir = option('dir');
    if (!dir) throw new Error('usage: node tools/citus/cluster.mjs stop --dir <folder>');
    await removeCluster(dir);
    console.log(`stopped and removed ${path.resolve(dir)}`);
    return;
  }
  if (command !== 'start') {
    throw new Error('usage: node tools/citus/cluster.mjs start [--dir <folder>] [--workers 2] | stop --dir <folder>');
  }
  const cluster = await startCitusCluster({
    dir: option('dir'),
    workers: Number(option('workers', '2')),
    log: (line) => console.log(line),
  });
  const secretsFile = path.join(cluster.dir, 'secrets.json');
  writeFileSync(
    secretsFile,
    JSON.stringify(
      {
        ownerUrl: cluster.ownerUrl,
        workerUrls: cluster.workerUrls,
        appPassword: cluster.appPassword,
        jobsPassword: cluster.jobsPassword,
        jwtSecret: cluster.jwtSecret,
        scopeKey: cluster.scopeKey,
      },
      null,
      2,
    ),
    { mode: 0o600 },
  );
  console.log(`coordinator (schema owner): ${cluster.ownerUrl}`);
  console.log(`secrets for the migrate step and the API: ${secretsFile}`);
  console.log('Ctrl+C stops the cluster and deletes its data.');
  const shutdown = async () => {
    await cluster.destroy();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
