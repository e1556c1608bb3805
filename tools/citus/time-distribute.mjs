// `node tools/citus/time-distribute.mjs <owner URL of the coordinator> [--out tmp/citus-distribute-timing.json]`
// Runs tools/citus/distribute.sql exactly as the runbook does (psql as the schema owner, ON_ERROR_STOP) with psql's
// own timing of every statement, then sums the statements by step of the procedure: the downtime of a cut-over,
// measured step by step on a rehearsal (docs/scaling.md, "Migration path"). Prints the steps, the slowest tables, and
// writes every statement's time to --out and psql's output beside it (.log). It is distribute.sql that runs: a database distributed by it is distributed.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PSQL = `${process.env.CITUS_PG_BINDIR ?? '/usr/lib/postgresql/15/bin'}/psql`;

/** The steps of distribute.sql in their order, each recognised from the statement's own text. */
const STEPS = [
  ['checks', /raise exception 'citus is not installed/],
  ['cluster settings', /alter system|pg_reload_conf|run_command_on_workers/i],
  ['functions on every node', /create_distributed_function\('(?!audit_append|audit_verify)|create extension/i],
  ['policies without the sub-select', /alter policy/i],
  [
    'foreign keys set aside',
    /drop constraint|create table citus_distribution\.foreign_key|create schema citus_distribution/i,
  ],
  ['triggers off', /disable trigger|create table citus_distribution\.enabled_trigger/i],
  ['reference tables', /create_reference_table\('([^']+)'\)/],
  ['distributed tables', /create_distributed_table\('([^']+)'/],
  ['foreign keys back', /add constraint/i],
  ['triggers back', /enable trigger|multi_shard_modify_mode|drop schema citus_distribution/i],
  ['audit functions by school', /create_distributed_function\('audit_/],
  ['local copies emptied', /truncate_local_data_after_distributing_table/],
  ['VACUUM ANALYZE', /^\s*vacuum analyze (\S+)/im],
  ['settings of the session', /^\s*set citus\./im],
];

function stepOf(text) {
  // The last statement echoed before the time: the text since the previous time line holds one statement and its
  // result; the statement is what a step's pattern recognises.
  for (const [name, pattern] of STEPS) {
    const m = pattern.exec(text);
    if (m) return { name, table: m[1] };
  }
  return { name: 'other' };
}

const url = process.argv[2];
if (!url) throw new Error('usage: node tools/citus/time-distribute.mjs <owner URL of the coordinator> [--out file]');
const outIndex = process.argv.indexOf('--out');
const out = path.resolve(root, outIndex > 0 ? process.argv[outIndex + 1] : 'tmp/citus-distribute-timing.json');

const started = performance.now();
const psql = spawn(
  PSQL,
  [url, '-X', '-e', '-v', 'ON_ERROR_STOP=1', '-c', '\\timing on', '-f', path.join(root, 'tools/citus/distribute.sql')],
  { env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
);
const statements = [];
let pending = '';
let tail = '';
let raw = '';
psql.stdout.setEncoding('utf8');
psql.stdout.on('data', (chunk) => {
  raw += chunk;
  pending += chunk;
  let newline;
  while ((newline = pending.indexOf('\n')) >= 0) {
    const line = pending.slice(0, newline);
    pending = pending.slice(newline + 1);
    const time = /^Time: ([\d.]+) ms/.exec(line);
    if (!time) {
      // A statement's own comment lines name steps in prose: left out, so they are not taken for the statement.
      if (!/^\s*--/.test(line)) tail += `${line}\n`;
      continue;
    }
    statements.push({ ...stepOf(tail), ms: Number(time[1]), at: Math.round(performance.now() - started) });
    tail = '';
  }
});
let stderr = '';
psql.stderr.setEncoding('utf8');
psql.stderr.on('data', (chunk) => {
  stderr += chunk;
});
const code = await new Promise((resolve) => psql.on('close', resolve));
const totalMs = performance.now() - started;
mkdirSync(path.dirname(out), { recursive: true });
// psql's whole output beside the summary, as test:citus keeps it (citus-distribute.log).
writeFileSync(out.replace(/\.json$/, '.log'), `${raw}\n${stderr}`);
if (code !== 0) {
  console.error(stderr.trim());
  console.error(`distribute.sql failed (psql exit ${code}) after ${(totalMs / 1000).toFixed(1)} s`);
  process.exit(1);
}

const steps = [];
for (const s of statements) {
  let step = steps.find((x) => x.name === s.name);
  if (!step) steps.push((step = { name: s.name, statements: 0, ms: 0 }));
  step.statements += 1;
  step.ms += s.ms;
}
const sec = (ms) => (ms / 1000).toFixed(1);
console.log(`distribute.sql: ${sec(totalMs)} s in all (psql's own start and the notices included)`);
console.log('step, statements, seconds');
for (const s of steps) console.log(`${s.name}, ${s.statements}, ${sec(s.ms)}`);
for (const kind of ['distributed tables', 'reference tables', 'VACUUM ANALYZE']) {
  const slowest = statements
    .filter((s) => s.name === kind)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 6)
    .map((s) => `${s.table} ${sec(s.ms)} s`);
  if (slowest.length) console.log(`slowest of ${kind}: ${slowest.join(', ')}`);
}
writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), totalMs, steps, statements }, null, 2));
console.log(`every statement's time: ${path.relative(root, out)}`);
