// Every school's public assets, made by the demo seed's own generator (apps/api/src/seed/seed-assets.ts, from dist/):
// the register of its level sized by its classrooms (about 300–600 records a school), ten years of wear posted by
// libs/domain's wearDue through 2025, the December runs, the history, one liquidation per school. The generator reads
// the schools, their open year's classes and the configured threshold and rates from the database, so the same
// phase runs after the people of a full load or alone on a province loaded before (--assets-only): both give the
// same registers. Its own random stream (the seed + ASSETS_STREAM) keeps the people's draws as they were.
import { emptyChunk, rowsIn } from './bulk-loader.mjs';
import { CREATED_AT } from './province-foundation.mjs';

const ASSETS_STREAM = 0x4a55;
/** Rows buffered before a chunk goes to the loader (run.mjs's size for the people). */
const CHUNK_ROWS = 150_000;

/**
 * @param built the loaded dist modules (built-api.mjs)
 * @returns { schools, assets, generateSeconds }
 */
export async function loadSchoolAssets(built, owner, loader, seed) {
  await owner.query(`select set_config('app.all_schools', 'on', false)`);
  const inputs = await built.assets.loadAssetSeedInputs((sql, params) => owner.query(sql, params).then((r) => r.rows));
  const rng = new built.SeededRandom((seed + ASSETS_STREAM) >>> 0);
  let chunk = emptyChunk();
  let rows = 0;
  let assets = 0;
  let generating = 0;
  for (const [i, school] of inputs.schools.entries()) {
    const before = rowsIn(chunk);
    const t = performance.now();
    assets += built.assets.schoolAssetRows(rng, inputs, school, chunk, CREATED_AT);
    generating += performance.now() - t;
    rows += rowsIn(chunk) - before;
    if (rows >= CHUNK_ROWS || i === inputs.schools.length - 1) {
      await loader.submit(chunk);
      chunk = emptyChunk();
      rows = 0;
    }
    if (i % 5 === 4) await new Promise((r) => setImmediate(r));
  }
  await loader.drain();
  return { schools: inputs.schools.length, assets, generateSeconds: Math.round(generating / 100) / 10 };
}
