// `node tools/bench/profile-summary.mjs tmp/bench/CPU.….cpuprofile [--top 40] [--from ms --to ms]`: summarises a V8 CPU
// profile (`npm run bench -- --profile`) as self time by package and by function, and time including callees by
// function, so two builds' profiles can be compared without opening DevTools. Shares are of the busy time (idle,
// program and garbage collector are listed apart); --from/--to keep samples of a window (ms from the profile's start),
// e.g. only the measured run of a scenario.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: profile-summary.mjs <file.cpuprofile> [--top N] [--from ms --to ms]');
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const top = option('top', 30);
const from = option('from', 0);
const to = option('to', Infinity);

const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** The package a frame's script belongs to: node_modules' package, node's internals, or the application's library. */
function packageOf(url) {
  if (!url) return '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node';
  const lib = /dist\/apps\/api\/(libs\/[^/]+\/[^/]+|libs\/[^/]+|apps\/api)/.exec(url);
  return lib ? lib[1] : url.replace(/^file:\/\//, '');
}
const nameOf = (n) => {
  const f = n.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\/(node_modules|dist)\//, '')}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
};
const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

const self = new Map();
const selfPkg = new Map();
const total = new Map();
const special = new Map();
let busy = 0;
let t = 0;
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  t += dt;
  if (t < from || t > to) return;
  const n = byId.get(id);
  const fn = n.callFrame.functionName;
  if (SPECIAL.has(fn)) {
    special.set(fn, (special.get(fn) ?? 0) + dt);
    if (fn !== '(garbage collector)') return;
  }
  busy += dt;
  const name = nameOf(n);
  self.set(name, (self.get(name) ?? 0) + dt);
  const pkg = SPECIAL.has(fn) ? fn : packageOf(n.callFrame.url);
  selfPkg.set(pkg, (selfPkg.get(pkg) ?? 0) + dt);
  // Time including callees: every distinct function on the sample's stack.
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const c = byId.get(cur);
    if (SPECIAL.has(c.callFrame.functionName)) continue;
    const key = nameOf(c);
    if (seen.has(key)) continue;
    seen.add(key);
    total.set(key, (total.get(key) ?? 0) + dt);
  }
});

const ms = (x) => `${Math.round(x).toString().padStart(7)} ms`;
const pct = (x) => `${((x / busy) * 100).toFixed(1).padStart(5)} %`;
const table = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(v)} ${pct(v)}  ${k}`);
};
console.log(`${file}: ${Math.round(t)} ms profiled, ${Math.round(busy)} ms busy (garbage collection included)`);
for (const [k, v] of special) console.log(`${ms(v)}  ${k}`);
table('Self time by package', selfPkg);
table('Self time by function', self);
table('Time including callees, by function', total);
