// `node tools/bench/ab.mjs --builds A=tmp/ab/old,B=dist [--rounds 3] [--only grade-save] [--seconds 10] [--scale-dir DIR]`: interleaved
// A/B runs of the benchmark with different builds of the API (each a copy of `dist/`, e.g. made with
// `cp -r dist tmp/ab/old` before a change): A, B, A, B… under the same load, each a fresh run of run.mjs
// (`--no-build`, the build's API through EMIS_API_DIST). Prints every run and each build's median ratio and CPU per
// operation, and writes them to tmp/bench/ab.json. On a shared machine only these side-by-side figures mean anything.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const builds = option('builds', '')
  .split(',')
  .filter(Boolean)
  .map((b) => {
    const [name, dir] = b.split('=');
    return { name, dir: path.join(dir, 'apps/api') };
  });
if (builds.length < 2) throw new Error('--builds A=dir,B=dir: at least two builds (copies of dist/)');
const rounds = Number(option('rounds', '3'));
const only = option('only', 'grade-save');
const seconds = option('seconds', '10');
// --scale-dir tmp/scale-db: every run measures a copy of that full-scale province (run.mjs's option).
const scaleDir = option('scale-dir', undefined);

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};

const runs = [];
for (let round = 1; round <= rounds; round++) {
  for (const build of round % 2 ? builds : [...builds].reverse()) {
    const started = new Date().toISOString();
    execFileSync(
      process.execPath,
      [
        path.join(root, 'tools/bench/run.mjs'),
        ...['--only', only, '--no-build', '--seconds', seconds],
        ...(scaleDir ? ['--scale-dir', scaleDir] : []),
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, EMIS_API_DIST: build.dir } },
    );
    const report = JSON.parse(readFileSync(path.join(root, 'tmp/bench/results.json'), 'utf8'));
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    for (const r of report.results) {
      const row = {
        round,
        build: build.name,
        started,
        load: Number(load),
        scenario: r.scenario,
        ours: r.ours?.perSecond,
        baseline: r.baseline?.perSecond,
        ratio: r.ratio,
        leanRatio: r.leanBaseline ? Math.round((r.ours.perSecond / r.leanBaseline.perSecond) * 100) / 100 : undefined,
        p50: r.ours?.p50,
        p95: r.ours?.p95,
        apiMs: r.ours?.cpu?.apiMs,
        dbMs: r.ours?.cpu?.dbMs,
        baselineDbMs: r.baseline?.cpu?.dbMs,
        // The scenario's own figures beside the rates (import-200k: the API's peak RSS and its growth).
        rssGrowthMb: r.ours?.rssGrowthMb,
        peakRssMb: r.ours?.peakRssMb,
      };
      runs.push(row);
      console.log(JSON.stringify(row));
    }
  }
}

console.log(
  '\nbuild, scenario, runs, median ratio, median lean ratio, median API ms/op, median PostgreSQL ms/op, p95 ms',
);
const summary = [];
for (const build of builds) {
  for (const scenario of new Set(runs.map((r) => r.scenario))) {
    const mine = runs.filter((r) => r.build === build.name && r.scenario === scenario);
    const s = {
      build: build.name,
      scenario,
      runs: mine.length,
      ratio: median(mine.map((r) => r.ratio)),
      leanRatio: median(mine.map((r) => r.leanRatio)),
      apiMs: median(mine.map((r) => r.apiMs)),
      dbMs: median(mine.map((r) => r.dbMs)),
      p95: median(mine.map((r) => r.p95)),
    };
    summary.push(s);
    console.log(Object.values(s).join(', '));
  }
}
mkdirSync(path.join(root, 'tmp/bench'), { recursive: true });
writeFileSync(path.join(root, 'tmp/bench/ab.json'), JSON.stringify({ runs, summary }, null, 2));
