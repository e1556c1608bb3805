// Every school's finance, made by the demo seed's own generator (apps/api/src/seed/seed-finance.ts, from dist/): the
// province's tuition levels and fee ranges of every school year, then per school its fees adopted, exceptions
// approved, the first semester of the open year charged by libs/domain's chargeFor for every pupil enrolled, the
// payments (cash and bank, numbered receipts, a reversal, a waiver and a refund), the bank statements, the year's
// budget and vouchers, counters and opening balances. The generator reads the schools, their pupils and their policy
// groups from the database, so the same phase runs after the people of a full load or alone on a province loaded
// before (--finance-only): both give the same finance. Its own random stream (the seed + FINANCE_STREAM) keeps the
// other phases' draws as they were.
import { emptyChunk, rowsIn } from './bulk-loader.mjs';
import { CREATED_AT } from './province-foundation.mjs';

const FINANCE_STREAM = 0x46494e;
/** Rows buffered before a chunk goes to the loader (run.mjs's size for the people). */
const CHUNK_ROWS = 150_000;

/**
 * @param built the loaded dist modules (built-api.mjs)
 * @returns { schools, pupils, charges, generateSeconds }
 */
export async function loadSchoolFinance(built, owner, loader, seed) {
  await owner.query(`select set_config('app.all_schools', 'on', false)`);
  const inputs = await built.finance.loadFinanceSeedInputs((sql, params) =>
    owner.query(sql, params).then((r) => r.rows),
  );
  const rng = new built.SeededRandom((seed + FINANCE_STREAM) >>> 0);
  let chunk = emptyChunk();
  built.finance.provinceRows(inputs, chunk);
  let rows = rowsIn(chunk);
  let charges = 0;
  let generating = 0;
  for (const [i, school] of inputs.schools.entries()) {
    const before = rowsIn(chunk);
    const t = performance.now();
    charges += built.finance.schoolFinanceRows(rng, inputs, school, chunk, CREATED_AT);
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
  return {
    schools: inputs.schools.length,
    pupils: inputs.schools.reduce((n, s) => n + s.pupils.length, 0),
    charges,
    generateSeconds: Math.round(generating / 100) / 10,
  };
}
