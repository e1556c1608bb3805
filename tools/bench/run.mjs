// `npm run bench [-- --seconds 10 --classes 16 --only grade-save]`: starts a fresh embedded PostgreSQL and the built
// API (seeded demo province) as a child process, runs each scenario and its baseline — the same work straight
// against PostgreSQL — in the same run, prints `scenario, ours, baseline, ratio` and writes the figures as JSON to
// tmp/bench/results.json. Reproducible: fresh database, fixed seeds, fixed durations. Not part of `npm test`.
// `--scale-dir tmp/scale-db` (after `npm run seed:scale`) or `--database-url URL` measure a copy of a full-scale
// province instead of the demo (bench-database.mjs); on a Citus coordinator, or with `--in-place`, that database itself.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../embedded-db.mjs';
import * as aggregateProvince from './aggregate-province.mjs';
import * as aggregateSchool from './aggregate-school.mjs';
import * as bankImport from './bank-import.mjs';
import { openBenchDatabase } from './bench-database.mjs';
import * as duesProvince from './dues-province.mjs';
import * as exportGradebook from './export-gradebook.mjs';
import * as gradeOpen from './grid-open.mjs';
import * as gradeSave from './grade-save.mjs';
import * as hostileUpload from './hostile-upload.mjs';
import * as importStudents from './import-students.mjs';
import * as login from './login.mjs';
import * as reportFreshness from './report-freshness.mjs';
import * as sessionCheck from './session-check.mjs';
import * as wearProvince from './wear-province.mjs';
import * as studentsList from './students-list.mjs';
import * as studentsSearch from './students-search.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCENARIOS = {
  'grade-save': gradeSave,
  login,
  'session-check': sessionCheck,
  'import-200k': importStudents,
  'export-50k': exportGradebook,
  'aggregate-school': aggregateSchool,
  'aggregate-province': aggregateProvince,
  'report-freshness': reportFreshness,
  'wear-province': wearProvince,
  'dues-province': duesProvince,
  'bank-import-10k': bankImport,
  'hostile-upload': hostileUpload,
  'students-list-50k': studentsList,
  'students-search': studentsSearch,
  // Last: it restarts the API with the web app served (and back without it).
  'grid-open': gradeOpen,
};

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const seconds = Number(option('seconds', '10'));
const classes = Number(option('classes', '16'));
// Rows of the import-200k list: 200,000 by default; a smaller file to check the scenario on a shared machine.
const importRows = Number(option('import-rows', '200000'));
const only = option('only', Object.keys(SCENARIOS).join(',')).split(',');

if (!process.argv.includes('--no-build')) {
  // grid-open loads the web app in Chromium: it needs the web build as well.
  const projects = only.includes('grid-open') ? ['run-many', '-t', 'build', '-p', 'api', 'web'] : ['build', 'api'];
  execFileSync('npx', ['nx', ...projects, '--output-style=static'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
  });
}

// --pg-stats loads pg_stat_statements into the bench's own server (not with --database-url): scenarios that know it
// (grade-save) print PostgreSQL's time per operation by statement, for ours and the baseline.
const pgStats = process.argv.includes('--pg-stats');
const db = await openBenchDatabase(root, {
  scaleDir: option('scale-dir', undefined),
  databaseUrl: option('database-url', undefined),
  inPlace: process.argv.includes('--in-place'),
  settings: pgStats
    ? {
        shared_preload_libraries: 'pg_stat_statements',
        'pg_stat_statements.track': 'all',
        'pg_stat_statements.track_planning': 'on',
      }
    : undefined,
});
const port = await freePort();
// The API and every scenario's process (the baselines sign their scopes with it: scope.mjs) read it from here.
process.env.SCOPE_KEY = db.scopeKey;
const appUrl = (() => {
  const u = new URL(db.ownerUrl);
  u.username = 'emis_app';
  u.password = db.appPassword;
  return u.toString();
})();
// --profile writes a V8 CPU profile of the API to tmp/bench/ (open it in Chrome DevTools) to find where time goes.
const profile = process.argv.includes('--profile')
  ? ['--cpu-prof', `--cpu-prof-dir=${path.join(root, 'tmp/bench')}`]
  : [];
/** The built API on `port`; `env` adds to the run's settings (EVENT_WORKER=off for a scenario's comparison). */
function startApi(env = {}) {
  const child = spawn(process.execPath, [...profile, path.join(root, 'tools/start.mjs'), '--no-build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: db.ownerUrl,
      APP_DB_PASSWORD: db.appPassword,
      JOBS_DB_PASSWORD: db.jobsPassword,
      JWT_SECRET: db.jwtSecret,
      SEED_DEMO: String(db.seedDemo),
      PORT: String(port),
      LOG_LEVEL: 'warn',
      AUTH_THROTTLE_LIMIT: '100000',
      WEB_DIST_DIR: path.join(root, 'tmp/bench/no-web'),
      ...env,
    },
  });
  apiExit = null;
  child.once('exit', (code, signal) => {
    if (child === api) apiExit = { code, signal };
  });
  return child;
}
let apiExit = null;
let api = startApi();
const baseUrl = `http://127.0.0.1:${port}`;
const owner = new pg.Pool({ connectionString: db.ownerUrl, max: 2 });

async function stopApi() {
  if (apiExit) return;
  const exited = new Promise((r) => api.once('exit', r));
  api.kill('SIGTERM');
  await exited;
}

/** Stops the API and starts it again with `env` added (same port, same secrets: tokens stay valid); waits until up. */
async function restartApi(env = {}) {
  await stopApi();
  api = startApi(env);
  await waitForApi();
  return api.pid;
}

// Up to 5 minutes: a fresh demo province's seed and reporting facts took over 2 minutes at a load average of 20.
async function waitForApi() {
  for (let i = 0; i < 1500; i += 1) {
    if (apiExit) throw new Error(`The API exited before it was up: ${JSON.stringify(apiExit)}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('The API did not start');
}

async function signIn(username) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Emis@2026' }),
  });
  const body = await res.json();
  if (!body.accessToken) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

const results = [];
/** Scenarios that failed, said again after the figures; the run then exits with 1. */
const failed = [];
try {
  await waitForApi();
  const ctx = { owner, baseUrl, appUrl, login: signIn, apiPid: api.pid, jwtSecret: db.jwtSecret, pgStats };
  ctx.restartApi = async (env) => {
    ctx.apiPid = await restartApi(env);
  };
  for (const name of only) {
    console.error(`Running ${name}…`);
    // A failed scenario is said at once (before the database stops: stopping it ends the pool's connections, which
    // would bury the cause) and the run goes on, so one scenario's failure does not lose the others' figures.
    const result = await SCENARIOS[name].run(ctx, { seconds, classes, importRows }).catch((error) => {
      console.error(`${name} failed:`, error);
      failed.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (result) results.push(result);
  }
} finally {
  // An idle owner connection ended by the database's stop is expected here, not a failure of the run.
  owner.on('error', () => undefined);
  await stopApi();
  await owner.end();
  await db.stop();
}

// A scenario without an "ours" yet (aggregate-province before the reporting issue) prints its note instead.
const ratio = (r) =>
  r.ours && r.baseline.perSecond ? Math.round((r.ours.perSecond / r.baseline.perSecond) * 100) / 100 : null;
console.log(`\nDatabase: ${db.label}`);
console.log('scenario, ours, baseline, ratio');
for (const r of results)
  console.log(
    `${r.scenario}, ${r.ours ? `${r.ours.perSecond} ${r.unit}` : r.oursNote}, ${r.baseline.perSecond} ${r.unit}, ${ratio(r) ?? 'n/a'}`,
  );
console.log('\nscenario, side, ops, errors, per s, p50 ms, p95 ms, p99 ms');
// Every measured side of a scenario: ours and the baseline, and the extra ones some scenarios time (warm cache,
// drill-down pages, the load with the refresher off…).
const sides = (r) => Object.entries(r).filter(([, v]) => v && typeof v === 'object' && 'operations' in v && 'p95' in v);
for (const r of results) {
  for (const [side, s] of sides(r)) {
    console.log(`${r.scenario}, ${side}, ${s.operations}, ${s.errors}, ${s.perSecond}, ${s.p50}, ${s.p95}, ${s.p99}`);
  }
}
console.log('');
for (const r of results) console.log(`${r.scenario}: ${r.description}`);
const report = {
  at: new Date().toISOString(),
  database: db.label,
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  seconds,
  classes,
  results: results.map((r) => ({ ...r, ratio: ratio(r) })),
};
mkdirSync(path.join(root, 'tmp/bench'), { recursive: true });
writeFileSync(path.join(root, 'tmp/bench/results.json'), JSON.stringify(report, null, 2));
console.log('\nWritten to tmp/bench/results.json');
if (failed.length > 0) {
  console.error(`\nFailed scenarios (no figures):\n${failed.map((f) => `  ${f}`).join('\n')}`);
  process.exitCode = 1;
}
