// Latency statistics shared by every load driver, so the API and its baseline are summarised the same way.

/** Nearest-rank percentile of sorted latencies (ms). */
export function percentile(sorted, p) {
  if (!sorted.length) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Throughput and p50/p95/p99 of a run: `latencies` in ms, `seconds` the measured window. */
export function summarise(latencies, seconds, errors) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (x) => (x == null ? null : Math.round(x * 100) / 100);
  return {
    operations: sorted.length,
    errors,
    seconds: round(seconds),
    perSecond: round(sorted.length / seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
  };
}

/** A small deterministic generator (mulberry32), so every run sends the same scores. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A score 0–10 with one decimal. */
export function randomScore(random) {
  return Math.round(random() * 100) / 10;
}

/**
 * The closed-loop driver shared by the load generators: `workers` loops of `httpWorker` (mode http) or of `sqlWorker`
 * on a pool of the application role (mode sql) until `config.seconds` have passed; prints the summary as JSON.
 */
export async function driveLoad(config, httpWorker, sqlWorker) {
  const { default: pg } = await import('pg');
  const out = { latencies: [], errors: 0 };
  const started = performance.now();
  const deadline = Date.now() + config.seconds * 1000;
  if (config.mode === 'http') {
    await Promise.all(config.workers.map((w) => httpWorker(w, deadline, out)));
  } else {
    const pool = new pg.Pool({ connectionString: config.appUrl, max: config.workers.length });
    await Promise.all(config.workers.map((w) => sqlWorker(w, pool, deadline, out)));
    await pool.end();
  }
  console.log(JSON.stringify(summarise(out.latencies, (performance.now() - started) / 1000, out.errors)));
}
