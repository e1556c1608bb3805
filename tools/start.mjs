// `npm start`: builds the API and the web app (Nx caches both), starts an embedded PostgreSQL unless DATABASE_URL
// is set, runs the migrate step (migrations, the demo province's seed on first start) as the schema owner in a
// process of its own, then serves everything on one URL from an API that holds only the application and job-queue
// roles' connections (docs/security/roles.md).
//   --no-build      skip the build (the e2e tests build once before)
//   EMIS_DATA_DIR   where the embedded database and its generated secrets live (default .data)
//   PORT            HTTP port (default 3000)
// A failure it can foresee (a port in use, a failed build, a database it cannot start) ends with one line saying
// what to do, and exit code 1; EMIS_DEBUG=1 prints the details of an unforeseen one.
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { EmbeddedDbError, startEmbeddedDb } from './embedded-db.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const started = Date.now();
let db;

/** A failure whose message is the whole story: printed alone, without a stack trace. */
class StartError extends Error {}

async function stopDatabase() {
  if (db) await db.stop().catch((error) => console.error(`Stopping PostgreSQL failed: ${error.message}`));
  db = undefined;
}

async function fail(error) {
  const known = error instanceof StartError || error instanceof EmbeddedDbError;
  const line =
    error?.code === 'EADDRINUSE'
      ? `Port ${error.port ?? process.env.PORT ?? 3000} is in use: stop what uses it or start on another, e.g. PORT=3001 npm start.`
      : known
        ? error.message
        : `npm start failed: ${String(error?.message ?? error).split('\n')[0]}${process.env.EMIS_DEBUG ? '' : ' (EMIS_DEBUG=1 npm start prints the details)'}`;
  console.error(line);
  if (!known && process.env.EMIS_DEBUG) console.error(error);
  await stopDatabase();
  process.exit(1);
}

/** Fails before the build and the database when the HTTP port is taken, rather than after both. */
function checkPortFree(port, host) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error) => (error.code === 'EADDRINUSE' ? reject(Object.assign(error, { port })) : resolve()));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/**
 * The audit anchors of a data folder (docs/security/anchor.md): its own Ed25519 signing key, made on first start, and
 * the anchor file's folder, both beside the database's folder and never inside it.
 */
function anchorsOf(dir) {
  const signingKey = path.join(dir, 'anchor-signing-key.pem');
  if (!existsSync(signingKey)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(signingKey, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return { signingKey, dir: path.join(dir, 'anchors') };
}

/**
 * The runtime role's password the migrate step sets: the one given, else the embedded database's own. None when the
 * role's URL is given whole: its password is then the operator's, left alone. Never a made-up one: roles belong to
 * the whole server, and another installation on it would lose its login.
 */
function rolePassword(urlVariable, passwordVariable, embedded) {
  if (process.env[urlVariable]) return process.env[passwordVariable];
  const password = process.env[passwordVariable] ?? embedded;
  if (!password)
    throw new StartError(`Set ${passwordVariable} (12+ characters) or ${urlVariable} when DATABASE_URL is set.`);
  return password;
}

function roleUrl(ownerUrl, role, password) {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = encodeURIComponent(password);
  return url.toString();
}

/**
 * The migrate step (`cli.js prepare`) as the schema owner, in a child process: the owner's URL never enters the API's
 * environment. It gives emis_app and emis_jobs their passwords; the API then gets their URLs.
 */
async function prepareDatabase(ownerUrl, cli) {
  const appPassword = rolePassword('DATABASE_APP_URL', 'APP_DB_PASSWORD', db?.appPassword);
  const jobsPassword = rolePassword('DATABASE_JOBS_URL', 'JOBS_DB_PASSWORD', db?.jobsPassword);
  const env = { ...process.env, DATABASE_URL: ownerUrl };
  for (const [name, value] of [
    ['APP_DB_PASSWORD', appPassword],
    ['JOBS_DB_PASSWORD', jobsPassword],
  ])
    if (value) env[name] = value;
    else delete env[name];
  // Asynchronous: the embedded server's output is read by this process's event loop, which must keep turning.
  const code = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'prepare'], { cwd: root, stdio: 'inherit', env });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new StartError('The migrate step failed (its message is above).');
  process.env.DATABASE_APP_URL ??= roleUrl(ownerUrl, 'emis_app', appPassword);
  process.env.DATABASE_JOBS_URL ??= roleUrl(ownerUrl, 'emis_jobs', jobsPassword);
}

async function start() {
  await checkPortFree(Number(process.env.PORT ?? 3000), process.env.HOST ?? '0.0.0.0');
  if (!process.argv.includes('--no-build')) {
    try {
      execFileSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static'], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
      });
    } catch {
      throw new StartError(
        'The build failed (its errors are above): fix them, or run npm install if dependencies are missing.',
      );
    }
  }
  // EMIS_API_DIST: another build of the API (the benchmark's A/B runs of an old and a new build).
  const apiDist = path.resolve(root, process.env.EMIS_API_DIST ?? 'dist/apps/api');
  const serverEntry = path.join(apiDist, 'apps/api/src/main.js');
  if (!existsSync(serverEntry))
    throw new StartError(`No API build at ${serverEntry}: run npm start without --no-build.`);

  let ownerUrl = process.env.DATABASE_URL;
  if (!ownerUrl) {
    const dir = path.resolve(root, process.env.EMIS_DATA_DIR ?? '.data');
    db = await startEmbeddedDb({
      dir,
      port: process.env.EMIS_PG_PORT ? Number(process.env.EMIS_PG_PORT) : undefined,
      // In a terminal, Ctrl+C is for this process alone: it stops the API, then the database (see startServer).
      ownProcessGroup: Boolean(process.stdin.isTTY),
    });
    const elsewhere =
      db.dataDir === path.join(dir, 'pg') ? '' : ` (kept in ${db.dataDir}: the postgres user cannot enter ${dir})`;
    console.log(`Embedded PostgreSQL 18 on port ${db.port}, data in ${dir}${elsewhere}`);
    ownerUrl = db.ownerUrl;
    process.env.JWT_SECRET ??= db.jwtSecret;
    process.env.SCOPE_KEY ??= db.scopeKey;
    process.env.SEED_DEMO ??= 'true';
    const anchors = anchorsOf(dir);
    process.env.ANCHOR_SIGNING_KEY ??= anchors.signingKey;
    process.env.ANCHOR_DIR ??= anchors.dir;
  }
  // The API must not see the owner's connection (it refuses to start with one): only the migrate step gets it.
  delete process.env.DATABASE_URL;
  await prepareDatabase(ownerUrl, path.join(apiDist, 'apps/api/src/cli.js'));
  process.env.WEB_DIST_DIR ??= path.join(root, 'dist/apps/web/browser');
  // A developer's machine: the API description is open (production's default is signed-in only).
  process.env.API_DOCS ??= 'public';
  if (!existsSync(process.env.WEB_DIST_DIR))
    console.warn(`No web build at ${process.env.WEB_DIST_DIR}: only the API is served.`);

  // Once started, the API closes itself on these signals (Nest's shutdown hooks) and then signals the process again:
  // the database stops after that, when the API's connections are closed, and the exit is clean (code 0).
  let received = 0;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (++received === 1 && process.listenerCount(signal) > 1) return;
      void stopDatabase().then(() => process.exit(0));
    });
  }

  const { main } = require(serverEntry);
  await main();
  console.log(`Started in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

await start().catch(fail);
