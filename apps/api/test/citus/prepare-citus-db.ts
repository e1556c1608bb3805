import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { migrateDatabase } from '../../src/migrations';
import { seedDemoProvince } from '../../src/seed/seed-demo';
import { prepareWorkerQueueSchemas } from '../queue-schemas';
import { writeTestEnv } from '../test-env';
import { enrolSeededUsers } from '../totp';
import { writeCitusEnv } from './citus-env';

const ROOT = path.resolve(__dirname, '../../../..');
const PSQL = `${process.env.CITUS_PG_BINDIR ?? '/usr/lib/postgresql/15/bin'}/psql`;
/** Where the setup leaves distribute.sql's output and the timings, next to the other runners' results. */
export const CITUS_RESULTS = path.join(ROOT, 'tmp/test-results');

interface Cluster {
  ownerUrl: string;
  workerUrls: string[];
  dir: string;
  appPassword: string;
  jobsPassword: string;
  jwtSecret: string;
  scopeKey: string;
  timings: Record<string, number>;
  destroy: () => Promise<void>;
}

// A native dynamic import: ts-jest compiles to CommonJS, and the cluster module is an ES module.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{
  startCitusCluster: (o: { dir?: string; log?: (line: string) => void }) => Promise<Cluster>;
}>;

type Counts = Record<string, { rows: number; md5: string | null }>;

/** Rows and an md5 of every row's text of every table of public and reporting, as the owner (RLS hides nothing). */
async function tableContents(db: DataSource): Promise<Counts> {
  const tables: { name: string }[] = await db.query(`
    select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ('public', 'reporting') and c.relkind in ('r', 'p') order by 1`);
  const contents: Counts = {};
  for (const { name } of tables) {
    const [row] = await db.query(
      `select count(*)::int as rows, md5(string_agg(t::text, E'\\n' order by t::text)) as md5 from ${name} t`,
    );
    contents[name] = { rows: row.rows, md5: row.md5 };
  }
  return contents;
}

/**
 * The Citus run's database, as the realistic path has it: a cluster (tools/citus/cluster.mjs), the migrations as
 * `npm start` runs them and the demo province's seed on the coordinator while every table is still local, then the
 * project's own tools/citus/distribute.sql through psql as the schema owner, as an operator runs it
 * (docs/scaling.md). The distribution must keep every row: the contents of every table before and after are compared.
 */
export async function prepareCitusDb(workers: number): Promise<void> {
  const log = (line: string) => console.log(`[citus] ${line}`);
  const started = Date.now();
  const { startCitusCluster } = await importEsm(pathToFileURL(path.join(ROOT, 'tools/citus/cluster.mjs')).href);
  const cluster = await startCitusCluster({ dir: process.env['CITUS_CLUSTER_DIR'] || undefined, log });
  (globalThis as Record<string, unknown>)['__EMIS_CITUS__'] = cluster;
  const timings: Record<string, number> = { clusterStart: Date.now() - started };

  let step = Date.now();
  await migrateDatabase(cluster.ownerUrl, {
    appPassword: cluster.appPassword,
    jobsPassword: cluster.jobsPassword,
    scopeKey: cluster.scopeKey,
  });
  // Each Jest worker's own job queue beside pgboss, before distribute.sql as pgboss is (docs/testing.md).
  await prepareWorkerQueueSchemas(cluster.ownerUrl, workers);
  timings.migrate = Date.now() - step;
  log(`migrated in ${(timings.migrate / 1000).toFixed(1)} s`);
  step = Date.now();
  await seedDemoProvince(cluster.ownerUrl);
  const ds = new DataSource({ type: 'postgres', url: cluster.ownerUrl });
  await ds.initialize();
  try {
    // The seeded users whose role requires a second factor get a known authenticator, as the integration run does.
    await enrolSeededUsers(ds, cluster.jwtSecret);
    timings.seed = Date.now() - step;
    log(`demo province seeded in ${(timings.seed / 1000).toFixed(1)} s`);
    const before = await tableContents(ds);

    step = Date.now();
    mkdirSync(CITUS_RESULTS, { recursive: true });
    const output = path.join(CITUS_RESULTS, 'citus-distribute.log');
    try {
      const { stdout, stderr } = await promisify(execFile)(
        PSQL,
        [cluster.ownerUrl, '-X', '-v', 'ON_ERROR_STOP=1', '-f', path.join(ROOT, 'tools/citus/distribute.sql')],
        { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LC_MESSAGES: 'C' } },
      );
      writeFileSync(output, `${stdout}\n${stderr}`);
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      writeFileSync(output, `${e.stdout ?? ''}\n${e.stderr ?? ''}`);
      throw new Error(`distribute.sql failed (its output: ${output}): ${(e.stderr ?? e.message).trim()}`);
    }
    timings.distribute = Date.now() - step;
    log(`distribute.sql ran in ${(timings.distribute / 1000).toFixed(1)} s (its output: ${output})`);

    const after = await tableContents(ds);
    const changed = Object.keys({ ...before, ...after }).filter(
      (t) => JSON.stringify(before[t]) !== JSON.stringify(after[t]),
    );
    if (changed.length) {
      throw new Error(
        `distribute.sql changed the contents of ${changed.map((t) => `${t} (${before[t]?.rows} → ${after[t]?.rows} rows)`).join(', ')}`,
      );
    }
  } finally {
    await ds.destroy();
  }
  timings.total = Date.now() - started;
  log(
    `ready in ${(timings.total / 1000).toFixed(0)} s: ${Object.entries(timings)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
      .join(', ')}`,
  );
  writeFileSync(path.join(CITUS_RESULTS, 'citus-timings.json'), JSON.stringify(timings, null, 2));
  writeTestEnv({
    ownerUrl: cluster.ownerUrl,
    appPassword: cluster.appPassword,
    jobsPassword: cluster.jobsPassword,
    jwtSecret: cluster.jwtSecret,
    scopeKey: cluster.scopeKey,
    dataDir: cluster.dir,
  });
  writeCitusEnv({ workerUrls: cluster.workerUrls, timings });
}
