// `npm run test:citus [-- <jest options or spec paths>]`: the integration tests that matter on a Citus cluster.
//   1. tools/citus/install.sh: Citus into Debian's PostgreSQL 15 when missing (built once, cached in ~/.cache/emis-citus)
//   2. jest -c jest.citus.config.ts: its global setup starts a coordinator and two workers, migrates, seeds the demo
//      province and runs tools/citus/distribute.sql; then apps/api/test/citus/*.citus-spec.ts and the integration
//      specs listed in apps/api/test/citus/suite.json, against the coordinator
//   3. the failures against suite.json's knownFailures: a known one is reported with its reason, an unknown one fails
//      the run, and a known one that passes now is reported so the list shrinks
// The cluster's folder is made here and removed here too, also when Jest is interrupted or killed before its teardown.
// Results: tmp/test-results/citus.json (Jest), citus-distribute.log (psql's output), citus-timings.json.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeCluster } from './cluster.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'tmp/test-results');
const resultsFile = path.join(out, 'citus.json');
const suite = JSON.parse(readFileSync(path.join(root, 'apps/api/test/citus/suite.json'), 'utf8'));
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
const timings = [];

mkdirSync(out, { recursive: true });
let started = Date.now();
const install = spawnSync('bash', [path.join(root, 'tools/citus/install.sh')], { cwd: root, stdio: 'inherit' });
timings.push(`install ${seconds(Date.now() - started)}`);
if (install.status !== 0) {
  console.error('test:citus: Citus is not installed (tools/citus/install.sh failed)');
  process.exit(1);
}

const clusterDir = mkdtempSync(path.join(os.tmpdir(), 'emis-citus-'));
started = Date.now();
const jest = spawn(
  'npx',
  ['jest', '-c', 'jest.citus.config.ts', '--ci', '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, CITUS_CLUSTER_DIR: clusterDir, FORCE_COLOR: '0' } },
);
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
    jest.kill(signal);
  });
}
const code = await new Promise((resolve) => jest.on('close', (c) => resolve(c ?? 1)));
timings.push(`jest ${seconds(Date.now() - started)}`);
// Jest's teardown removes the cluster; this catches a run that never reached it.
await removeCluster(clusterDir);
if (interrupted) process.exit(130);

const setupTimings = path.join(out, 'citus-timings.json');
if (existsSync(setupTimings)) {
  const t = JSON.parse(readFileSync(setupTimings, 'utf8'));
  timings.push(
    `of which: cluster start ${seconds(t.clusterStart)}, migrate ${seconds(t.migrate)}, seed ${seconds(t.seed)}, distribute.sql ${seconds(t.distribute)}`,
  );
}

if (!existsSync(resultsFile)) {
  console.error(`\ntest:citus: Jest wrote no results (exit ${code}): the setup failed, see above`);
  process.exit(1);
}
const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
const specOf = (file) =>
  path
    .relative(path.join(root, 'apps/api/test'), file)
    .replace(/\.(int|citus)-spec\.ts$/, '')
    .split(path.sep)
    .join('/');
const entryName = (entry) => `${entry.spec}${entry.test ? ` › ${entry.test}` : ''}`;
const knownFor = (spec, test) =>
  suite.knownFailures.find((k) => k.spec === spec && (!k.test || (test ?? '').includes(k.test)));
const firstLine = (text) =>
  String(text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean) ?? '';

const known = [];
const unexpected = [];
const fixed = new Set();
let passed = 0;
for (const file of results.testResults) {
  const spec = specOf(file.name);
  const failedTests = file.assertionResults.filter((a) => a.status === 'failed');
  // A file that failed without a failed test did not run at all (a compile error, a throwing import).
  if (file.status === 'failed' && failedTests.length === 0) {
    const entry = knownFor(spec, undefined);
    (entry ? known : unexpected).push({ spec, test: '(the file did not run)', why: firstLine(file.message), entry });
  }
  for (const a of file.assertionResults) {
    const entry = knownFor(spec, a.fullName);
    if (a.status === 'passed') {
      passed++;
      if (entry) fixed.add(entryName(entry));
    } else if (a.status === 'failed') {
      (entry ? known : unexpected).push({ spec, test: a.fullName, why: firstLine(a.failureMessages[0]), entry });
    }
  }
}
// An entry is fixed only when none of the tests it covers failed: an entry naming several tests (an it.each's rows)
// still holds while one of them fails, and a whole-file entry while anything of the file fails.
for (const k of known) fixed.delete(entryName(k.entry));

console.log(`\n=== test:citus on a coordinator and two workers (Citus 13.2.2, PostgreSQL 15)`);
for (const k of known)
  console.log(`KNOWN FAILURE  ${k.spec} › ${k.test}\n    why: ${k.entry.reason}\n    got: ${k.why}`);
for (const u of unexpected) console.log(`FAILED  ${u.spec} › ${u.test}\n    got: ${u.why}`);
for (const n of suite.notRun ?? []) console.log(`NOT RUN  ${n.spec}\n    why: ${n.reason}`);
for (const f of fixed) console.log(`PASSES NOW  ${f}: remove it from knownFailures in apps/api/test/citus/suite.json`);
console.log(`\nSteps: ${timings.join(', ')}`);
console.log(
  `${passed} passed, ${unexpected.length} failed, ${known.length} known failures (apps/api/test/citus/suite.json)`,
);
// For `npm test`'s closing line (tools/test-all.mjs).
writeFileSync(
  path.join(out, 'citus-summary.json'),
  JSON.stringify({ passed, failed: unexpected.length, known: known.length, fixed: [...fixed] }),
);
process.exit(unexpected.length === 0 && (code === 0 || known.length > 0) ? 0 : 1);
