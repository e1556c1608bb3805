// The reporting read model of the generated province, filled by the built API's own full rebuild: the operator command
// `cli.js reporting:rebuild` (every school, one transaction each, the facts computed by the owning contexts), run as a
// child process on the same database, as an operator would after a restore. Nothing here computes a fact.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './built-api.mjs';

const CLI = path.join(root, 'dist/apps/api/apps/api/src/cli.js');
const FACT_TABLES = [
  'subject_result',
  'class_outcome',
  'class_size',
  'headcount',
  'policy_count',
  'movement',
  'attendance',
  'staff_count',
  'school_state',
];

/** Fails before the load when the built API has no rebuild command, rather than after three minutes of loading. */
export function assertRebuildBuilt() {
  if (!existsSync(CLI) || !readFileSync(CLI, 'utf8').includes('reporting:rebuild'))
    throw new Error(
      'The built API has no `reporting:rebuild` command (dist/apps/api/apps/api/src/cli.js): build it (`--rebuild`) or pass --no-facts.',
    );
}

/**
 * Runs the rebuild on the database at `ownerUrl` and answers its duration, the rows of every fact table afterwards
 * and the refreshed schools. The command's progress lines go to this process's stderr. The command starts the API's
 * modules, which take both runtime roles (emis_app and emis_jobs: docs/security/roles.md) and refuse to start unless
 * SCOPE_KEY is the one the migrate step installed (docs/security/scope.md): `secrets` carries all three.
 *
 * @param {{ appPassword?: string, jobsPassword?: string, scopeKey?: string }} secrets
 */
export async function rebuildReadModel(owner, ownerUrl, secrets) {
  assertRebuildBuilt();
  const started = performance.now();
  const perSchoolMs = [];
  const code = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'reporting:rebuild'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        DATABASE_URL: ownerUrl,
        APP_DB_PASSWORD: secrets.appPassword ?? '',
        JOBS_DB_PASSWORD: secrets.jobsPassword ?? '',
        ...(secrets.scopeKey ? { SCOPE_KEY: secrets.scopeKey } : {}),
        LOG_LEVEL: 'warn',
      },
    });
    // One progress line per school (`done/total  id  version n  ms ms`): every 100th is shown, all are kept.
    let pending = '';
    child.stdout.on('data', (data) => {
      const lines = (pending + data).split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const progress = /^(\d+)\/(\d+)\s.*\s(\d+) ms$/.exec(line.trim());
        if (progress) perSchoolMs.push(Number(progress[3]));
        if (!progress || Number(progress[1]) % 100 === 0) console.log(`    ${line.trim()}`);
      }
    });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  if (code !== 0) throw new Error(`reporting:rebuild exited with ${code} after ${seconds} s`);
  const rows = {};
  for (const table of FACT_TABLES) {
    // Planner statistics now, as after the load's VACUUM ANALYZE: reports must not be measured on estimates of 0 rows.
    await owner.query(`analyze reporting.${table}`);
    rows[`reporting.${table}`] = Number((await owner.query(`select count(*) as n from reporting.${table}`)).rows[0].n);
  }
  // Three counts apart: on a Citus coordinator (seed:scale --facts-only after distribute.sql) a count of a distributed
  // table beside sub-selects in one SELECT is refused ("Subqueries in the SELECT part of the query can only be pushed
  // down if they happen before aggregates").
  const count = async (sql) => (await owner.query(sql)).rows[0].n;
  const schools = {
    schools: await count(`select count(*)::int as n from reporting.school_state`),
    schoolsInProvince: await count(`select count(*)::int as n from org_unit where kind = 'SCHOOL'`),
    dirtyMarks: await count(`select count(*)::int as n from reporting.dirty`),
  };
  const {
    rows: [size],
  } = await owner.query(
    `select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as bytes
       from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'reporting' and c.relkind = 'r'`,
  );
  const sorted = [...perSchoolMs].sort((a, b) => a - b);
  return {
    seconds,
    schoolMs: sorted.length
      ? {
          mean: Math.round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
          p50: sorted[Math.floor(sorted.length / 2)],
          max: sorted.at(-1),
        }
      : null,
    secondsPerSchool: schools.schools ? Math.round((seconds / schools.schools) * 1000) / 1000 : null,
    ...schools,
    rows,
    bytes: Number(size.bytes),
  };
}
