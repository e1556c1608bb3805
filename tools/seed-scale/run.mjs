// `npm run seed:scale -- --schools 1000 --students 350000 [--seed 20261125] [--database-url URL] [--dir tmp/scale-db]
//   [--connections 2] [--semesters 1,2] [--rebuild] [--no-facts | --facts-only | --assets-only | --finance-only]`
// Builds a full-scale province for measurements: the org-unit tree, N schools of every level, their staff, classes and
// M pupils with guardians and enrolments, teaching assignments, for 2026-2027 every curriculum subject's
// gradebooks with one row per pupil and the conduct ratings, every school's public assets (school-assets.mjs:
// about 300–600 records a school with their wear posted through 2025) and its finance (school-finance.mjs: the first
// semester's dues of every pupil, payments, bank statements, the year's budget and vouchers). Deterministic from --seed. Without --database-url it
// starts a fresh embedded PostgreSQL in --dir (kept afterwards: `npm run bench -- --scale-dir tmp/scale-db` reuses it).
// Migrations are the built API's (as `npm start` applies them). Prints each phase's time, the rows per table and the
// database size, and writes them to <dir>/seed-report.json.
// Last, the reporting read model is filled by the built API's own full rebuild (read-model.mjs), timed in the report;
// --no-facts leaves it empty, --facts-only runs only that step on a province loaded before (migrations applied first).
// --assets-only loads only the assets into a province loaded before without them (migrations applied first): minutes
// instead of the whole load and read model again. --finance-only does the same for the finance.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDb } from '../embedded-db.mjs';
import { copyStreams, ensureBuilt, loadBuilt, passwordHash, root } from './built-api.mjs';
import { addTables, BulkLoader, emptyChunk, rowsIn, TABLES } from './bulk-loader.mjs';
import { checkForeignKeys } from './foreign-keys.mjs';
import { CREATED_AT, foundationRows, sealAuditChains } from './province-foundation.mjs';
import { planClasses, planProvince } from './province-plan.mjs';
import { assertRebuildBuilt, rebuildReadModel } from './read-model.mjs';
import { schoolGrades } from './school-grades.mjs';
import { loadSchoolAssets } from './school-assets.mjs';
import { loadSchoolFinance } from './school-finance.mjs';
import { schoolPeople } from './school-people.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const opts = {
  schools: Number(option('schools', '20')),
  students: Number(option('students', '7000')),
  seed: Number(option('seed', '20261125')),
  url: option('database-url', undefined),
  dir: path.resolve(root, option('dir', 'tmp/scale-db')),
  connections: Number(option('connections', '2')),
  semesters: option('semesters', '1,2').split(',').map(Number),
  facts: !process.argv.includes('--no-facts'),
  factsOnly: process.argv.includes('--facts-only'),
  assetsOnly: process.argv.includes('--assets-only'),
  financeOnly: process.argv.includes('--finance-only'),
};
if (!(opts.schools >= 1 && opts.students >= opts.schools))
  throw new Error('--schools must be ≥ 1 and --students ≥ --schools');

/** Rows buffered before a chunk goes to the loader: large enough for few statements, small enough for memory. */
const CHUNK_ROWS = 150_000;
const phases = [];
const started = performance.now();
let phaseStart = started;
function phaseDone(name, detail = '') {
  const seconds = Math.round((performance.now() - phaseStart) / 100) / 10;
  phases.push({ name, seconds, detail });
  console.log(`  ${name}: ${seconds} s${detail ? ` (${detail})` : ''}`);
  phaseStart = performance.now();
}

ensureBuilt(process.argv.includes('--rebuild'));
const built = loadBuilt();
addTables(built.assets.ASSET_TABLES);
addTables(built.finance.FINANCE_TABLES);
if (opts.facts && !opts.assetsOnly && !opts.financeOnly) assertRebuildBuilt();
phaseDone('build check');

let db = null;
let ownerUrl = opts.url;
// The runtime roles' passwords and the scope key the migrate step installs: the read model's rebuild starts the API's
// modules, which take both roles and check the key (docs/security/roles.md, docs/security/scope.md). On a server
// given by URL they come from the environment (an unset SCOPE_KEY leaves the server's installed key alone).
const secrets = {
  appPassword: process.env.APP_DB_PASSWORD,
  jobsPassword: process.env.JOBS_DB_PASSWORD,
  scopeKey: process.env.SCOPE_KEY,
};
if (!ownerUrl) {
  db = await startEmbeddedDb({ dir: opts.dir });
  ownerUrl = db.ownerUrl;
  secrets.appPassword = db.appPassword;
  secrets.jobsPassword = db.jobsPassword;
  secrets.scopeKey = db.scopeKey;
  console.log(`Embedded PostgreSQL 18 on port ${db.port}, data in ${path.relative(root, opts.dir)}`);
}
const owner = new pg.Client({ connectionString: ownerUrl });
await owner.connect();
const {
  rows: [{ rolsuper: superuser }],
} = await owner.query(`select rolsuper from pg_roles where rolname = current_user`);
const loader = new BulkLoader(ownerUrl, {
  connections: opts.connections,
  copyStreams: copyStreams(),
  skipForeignKeyTriggers: superuser,
});
try {
  const applied = await built.migrations.migrateDatabase(ownerUrl, secrets);
  if (opts.factsOnly) {
    phaseDone('database and migrations', `${applied.length} migrations`);
    const readModel = await fillReadModel(owner);
    writeReport(withEarlier({ readModel }, 'facts-only'));
  } else if (opts.assetsOnly) {
    await addAssets(owner, applied);
  } else if (opts.financeOnly) {
    await addFinance(owner, applied);
  } else {
    await seedProvince(owner, applied);
  }
} finally {
  await loader.end();
  await owner.end().catch(() => undefined);
  if (db) await db.stop();
}

/** The whole load, then the read model, then the report. */
async function seedProvince(owner, applied) {
  const {
    rows: [{ count }],
  } = await owner.query(`select count(*)::int as count from org_unit`);
  if (count > 0) {
    const hint = opts.url ? 'pass an empty database' : `delete ${path.relative(root, opts.dir)} or pass another --dir`;
    throw new Error(`The database already holds ${count} org units: seed:scale fills an empty one (${hint}).`);
  }
  // Our own server: fewer checkpoints, and no autovacuum competing with the load for the two cores (the load ends
  // with its own VACUUM ANALYZE, and autovacuum is back on afterwards). A server given by --database-url is left alone.
  if (db) await serverSettings(owner, { max_wal_size: `'8GB'`, autovacuum: 'off' });
  phaseDone('database and migrations', `${applied.length} migrations`);
  console.log(
    `Loading with ${loader.method}, ${opts.connections} connections${superuser ? ', foreign keys checked after the load' : ''}`,
  );

  const plan = await generateProvince(owner, loader);
  if (superuser) {
    const orphans = (await checkForeignKeys(owner, Object.keys(TABLES))).filter((k) => k.orphans > 0);
    if (orphans.length) throw new Error(`Rows without their referenced row: ${JSON.stringify(orphans)}`);
    phaseDone('foreign keys checked', 'no orphans');
  }
  await owner.query('vacuum (analyze)');
  if (db) await serverSettings(owner, { autovacuum: null });
  phaseDone('vacuum analyze');

  const readModel = opts.facts ? await fillReadModel(owner) : null;
  const report = await summarise(owner, plan, loader);
  writeReport({ ...report, assets: plan.assets, finance: plan.finance, readModel });
}

/** The built API's reporting:rebuild over every school (read-model.mjs), as one phase. */
async function fillReadModel(owner) {
  const readModel = await rebuildReadModel(owner, ownerUrl, secrets);
  phaseDone(
    'reporting read model (reporting:rebuild)',
    `${readModel.schools} schools, ${readModel.rows['reporting.subject_result']} subject rows, ${readModel.secondsPerSchool} s a school`,
  );
  return { ...readModel, at: new Date().toISOString() };
}

/** --facts-only, --assets-only: the earlier seed's report (if any) with this run's figures and phases added. */
function withEarlier({ rows = {}, ...figures }, run) {
  const file = reportFile();
  const earlier = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  return {
    ...earlier,
    ...figures,
    rows: { ...(earlier.rows ?? {}), ...rows },
    auditSample: earlier.auditSample ?? [],
    phases: [...(earlier.phases ?? []), ...phases.map((p) => ({ ...p, run }))],
  };
}

/** --assets-only: the assets phase on a province loaded before without them. */
function addAssets(owner, applied) {
  return addOnly(owner, applied, {
    run: 'assets-only',
    tables: Object.keys(built.assets.ASSET_TABLES),
    present: 'asset',
    phase: assetsPhase,
    key: 'assets',
  });
}

/** --finance-only: the finance phase on a province loaded before without it. */
function addFinance(owner, applied) {
  return addOnly(owner, applied, {
    run: 'finance-only',
    tables: Object.keys(built.finance.FINANCE_TABLES),
    present: 'finance_charge',
    phase: financePhase,
    key: 'finance',
  });
}

/** One phase on a province loaded before without its rows: its foreign keys checked, its tables analysed. */
async function addOnly(owner, applied, { run, tables, present, phase, key }) {
  const {
    rows: [{ count }],
  } = await owner.query(`select count(*)::int as count from ${present}`);
  if (count > 0)
    throw new Error(`The database already holds ${count} rows of ${present}: --${run} fills a province without any.`);
  if (db) await serverSettings(owner, { max_wal_size: `'8GB'`, autovacuum: 'off' });
  phaseDone('database and migrations', `${applied.length} migrations`);
  const figures = await phase(owner);
  if (superuser) {
    const orphans = (await checkForeignKeys(owner, tables)).filter((k) => k.orphans > 0);
    if (orphans.length) throw new Error(`Rows without their referenced row: ${JSON.stringify(orphans)}`);
    phaseDone('foreign keys checked', 'no orphans');
  }
  await owner.query(`vacuum (analyze) ${tables.join(', ')}`);
  if (db) await serverSettings(owner, { autovacuum: null });
  phaseDone('vacuum analyze');
  const rows = {};
  for (const table of tables) rows[table] = Number((await owner.query(`select count(*) as n from ${table}`)).rows[0].n);
  const {
    rows: [size],
  } = await owner.query(
    `select pg_database_size(current_database()) as bytes, pg_size_pretty(pg_database_size(current_database())) as pretty`,
  );
  figures.seconds = Math.round((performance.now() - started) / 100) / 10;
  writeReport(withEarlier({ rows, [key]: figures, databaseBytes: Number(size.bytes), databaseSize: size.pretty }, run));
}

/** Every school's register and wear (school-assets.mjs), as one phase. */
async function assetsPhase(owner) {
  const assets = await loadSchoolAssets(built, owner, loader, opts.seed);
  assets.phaseSeconds = Math.round((performance.now() - phaseStart) / 100) / 10;
  phaseDone(
    'assets: registers, wear posted 2016–2025, runs, history, disposals',
    `${assets.assets} assets in ${assets.schools} schools, generating ${assets.generateSeconds} s`,
  );
  return { ...assets, at: new Date().toISOString() };
}

/** Every school's finance (school-finance.mjs), as one phase. */
async function financePhase(owner) {
  const finance = await loadSchoolFinance(built, owner, loader, opts.seed);
  finance.phaseSeconds = Math.round((performance.now() - phaseStart) / 100) / 10;
  phaseDone(
    'finance: fees, first-semester dues, payments, statements, budget, vouchers',
    `${finance.charges} charges of ${finance.pupils} pupils in ${finance.schools} schools, generating ${finance.generateSeconds} s`,
  );
  return { ...finance, at: new Date().toISOString() };
}

/** The province, school after school: the org units and accounts, then everyone's people, then the gradebooks. */
async function generateProvince(owner, loader) {
  const rng = new built.SeededRandom(opts.seed);
  const plan = planProvince(rng, opts, built.names.personName);
  const hash = await passwordHash('Emis@2026');
  const foundation = emptyChunk();
  const openYearId = foundationRows(rng, plan, hash, foundation);
  await loader.submit(foundation);
  await loader.drain();
  await sealAuditChains(owner, plan.schools);
  phaseDone('org units, years, accounts, audit chains', `${plan.units.length} units, ${plan.schools.length} schools`);

  const ctx = { rng, ids: new built.names.PersonalIds(rng), openYearId, createdAt: CREATED_AT, passwordHash: hash };
  const people = await forEachSchool(loader, plan.schools, (school, chunk) => {
    const classes = planClasses(rng, school, built.domain);
    return schoolPeople(built, ctx, school, classes, chunk).rosters;
  });
  phaseDone(
    'people: staff, classes, students, guardians, enrolments, assignments',
    `generating ${people.generateSeconds} s`,
  );

  const grades = await forEachSchool(loader, plan.schools, (school, chunk, i) =>
    schoolGrades(built, rng, school, people.results[i], opts.semesters, chunk),
  );
  phaseDone(
    `gradebooks and conduct, semesters ${opts.semesters.join(' and ')}`,
    `generating ${grades.generateSeconds} s`,
  );
  plan.assets = await assetsPhase(owner);
  plan.finance = await financePhase(owner);
  return plan;
}

/** ALTER SYSTEM for each setting (null resets it), then a reload. */
async function serverSettings(client, settings) {
  for (const [name, value] of Object.entries(settings)) {
    await client.query(value === null ? `alter system reset ${name}` : `alter system set ${name} = ${value}`);
  }
  await client.query('select pg_reload_conf()');
}

/**
 * Generates school after school into chunks and hands each full chunk to the loader. Returns each school's result
 * and the seconds spent generating (the rest of the phase is the database, or waiting for it).
 */
async function forEachSchool(loader, schools, generate) {
  const results = [];
  let chunk = emptyChunk();
  let rows = 0;
  let generating = 0;
  for (const [i, school] of schools.entries()) {
    const before = rowsIn(chunk);
    const t = performance.now();
    results.push(generate(school, chunk, i));
    generating += performance.now() - t;
    rows += rowsIn(chunk) - before;
    if (rows >= CHUNK_ROWS || i === schools.length - 1) {
      await loader.submit(chunk);
      chunk = emptyChunk();
      rows = 0;
    }
    // Let the loader's connections send their next statements between schools.
    if (i % 5 === 4) await new Promise((r) => setImmediate(r));
  }
  await loader.drain();
  return { results, generateSeconds: Math.round(generating / 100) / 10 };
}

async function summarise(client, plan, loader) {
  const tables = {};
  for (const table of Object.keys(TABLES)) {
    tables[table] = Number((await client.query(`select count(*) as n from ${table}`)).rows[0].n);
  }
  tables.audit_log = Number((await client.query(`select count(*) as n from audit_log`)).rows[0].n);
  const {
    rows: [size],
  } = await client.query(
    `select pg_database_size(current_database()) as bytes, pg_size_pretty(pg_database_size(current_database())) as pretty`,
  );
  const sample = plan.schools.slice(0, 3).map((s) => s.id);
  const { rows: chains } = await client.query(`select s, v.* from unnest($1::uuid[]) s, audit_verify(s) v`, [sample]);
  return {
    at: new Date().toISOString(),
    options: { ...opts, url: opts.url ? '(given)' : null },
    loader: loader.method,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    schoolsByKind: Object.fromEntries(
      [...new Set(plan.schools.map((s) => s.kind))].map((k) => [k, plan.schools.filter((s) => s.kind === k).length]),
    ),
    phases,
    totalSeconds: Math.round((performance.now() - started) / 100) / 10,
    rows: tables,
    databaseBytes: Number(size.bytes),
    databaseSize: size.pretty,
    auditSample: chains.map((c) => ({ school: c.s, rows: Number(c.rows), brokenAt: c.broken_at })),
    writeSeconds: Object.fromEntries(Object.entries(loader.stats).map(([t, s]) => [t, Math.round(s.ms / 100) / 10])),
  };
}

function writeReport(report) {
  console.log('\ntable, rows');
  for (const [table, n] of Object.entries(report.rows)) console.log(`${table}, ${n}`);
  console.log(`\nTotal ${report.totalSeconds} s; database size ${report.databaseSize} (${report.databaseBytes} bytes)`);
  console.log(
    `Audit chains verified (sample of ${report.auditSample.length}): ${report.auditSample.every((c) => c.brokenAt === null) ? 'OK' : 'BROKEN'}`,
  );
  if (report.assets)
    console.log(
      `Assets: ${report.assets.assets} records in ${report.assets.schools} schools, phase ${report.assets.phaseSeconds} s` +
        (report.assets.seconds ? `, --assets-only run ${report.assets.seconds} s` : ''),
    );
  if (report.finance)
    console.log(
      `Finance: ${report.finance.charges} charges in ${report.finance.schools} schools, phase ${report.finance.phaseSeconds} s` +
        (report.finance.seconds ? `, --finance-only run ${report.finance.seconds} s` : ''),
    );
  if (report.readModel)
    console.log(
      `Read model: ${report.readModel.seconds} s for ${report.readModel.schools} schools (reporting:rebuild)`,
    );
  const file = reportFile();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(report, null, 2));
  console.log(`Written to ${path.relative(root, file)}`);
}

function reportFile() {
  return opts.url ? path.join(root, 'tmp/seed-scale-report.json') : path.join(opts.dir, 'seed-report.json');
}
