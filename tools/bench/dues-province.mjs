// Scenario "dues-province": what every pupil of the province owes for the second semester, generated school by
// school as each school's accountant does it (POST …/fee-periods/:id/generate: the fee rules of libs/domain applied
// to every pupil enrolled and every adopted fee line, approved exceptions, one transaction or, for a large school, a
// background job committing by batches with progress), timed from the first request to the last school's DONE with
// four schools asked at a time, the API's peak resident memory beside it. The accountants and the periods are arranged
// first, untimed. Baseline: raw PostgreSQL writing the same kind of rows in one statement — INSERT … SELECT of one
// charge per first-semester charge of a monthly or semester fee, with the first semester's amounts — as the
// application role under the province's scope, in a transaction rolled back: the floor of the write, with no
// rule evaluated, no pupil list read and no idempotency check. Both sides' row counts are printed.
import { appClient } from './aggregate-school.mjs';
import { accountantTokens, call, inBatches, openYear, secondSemesters } from './finance-fixtures.mjs';
import { measured, single } from './fixtures.mjs';
import { presentScope } from './scope.mjs';

const WIDTH = 4;

/** Every school with adopted fee lines in the open year (the scale seed's finance phase adopts them). */
async function schoolsWithFees(owner, yearId) {
  const { rows } = await owner.query(
    `select distinct school_id from finance_fee_schedule where school_year_id = $1 and status = 'ADOPTED'
      order by school_id`,
    [yearId],
  );
  return rows.map((r) => r.school_id);
}

const BASELINE_SQL = `
  with written as (
    insert into finance_charge (school_id, period_id, student_id, class_id, fee_schedule_id, fee_kind, list_amount,
                                relief_percent, relief_amount, support_amount, reimbursed_amount, due_amount, basis)
    select c.school_id, p2.id, c.student_id, c.class_id, c.fee_schedule_id, c.fee_kind,
           c.list_amount, c.relief_percent, c.relief_amount, c.support_amount, c.reimbursed_amount, c.due_amount,
           c.basis
      from finance_charge c
      join finance_period p1 on p1.school_id = c.school_id and p1.id = c.period_id and p1.code = 'HK1'
      join finance_period p2 on p2.school_id = c.school_id and p2.school_year_id = p1.school_year_id and p2.code = 'HK2'
      join finance_fee_schedule f on f.school_id = c.school_id and f.id = c.fee_schedule_id
     where f.billing_unit in ('MONTH', 'SEMESTER')
    returning 1)
  select count(*)::int as rows from written`;

async function baseline(ctx) {
  const client = await appClient(ctx);
  try {
    await client.query('begin');
    await presentScope(client, { all: true });
    const started = performance.now();
    const {
      rows: [r],
    } = await client.query(BASELINE_SQL);
    return { seconds: (performance.now() - started) / 1000, rows: r.rows };
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}

/** Every school's generation, four at a time; a queued school is polled until its run ends. */
async function ours(ctx, tokens, periods) {
  return measured(ctx.apiPid, async () => {
    const outcome = { done: 0, failed: [] };
    await inBatches([...periods.keys()], WIDTH, async (schoolId) => {
      const token = tokens.get(schoolId);
      const base = `/api/schools/${schoolId}/fee-periods/${periods.get(schoolId)}`;
      let run = await call(ctx, token, 'POST', `${base}/generate`, {});
      while (run.status === 'QUEUED' || run.status === 'RUNNING') {
        await new Promise((r) => setTimeout(r, 250));
        run = await call(ctx, token, 'GET', `${base}/generation`);
      }
      if (run.status === 'DONE') outcome.done++;
      else outcome.failed.push(`${schoolId}: ${run.status} ${run.message}`);
    });
    return outcome;
  });
}

async function written(owner, yearId) {
  const {
    rows: [r],
  } = await owner.query(
    `select count(*)::int as charges, count(distinct c.student_id)::int as pupils,
            coalesce(sum(c.due_amount), 0)::bigint as due, coalesce(sum(c.reimbursed_amount), 0)::bigint as reimbursed
       from finance_charge c join finance_period p on p.school_id = c.school_id and p.id = c.period_id
      where p.school_year_id = $1 and p.code = 'HK2'`,
    [yearId],
  );
  return r;
}

export async function run(ctx) {
  const year = await openYear(ctx.owner);
  const schools = await schoolsWithFees(ctx.owner, year.id);
  if (!schools.length)
    throw new Error('dues-province needs adopted fee lines: run it on a province seeded with finance');
  const tokens = await accountantTokens(ctx, schools, 'bench.dues');
  const periods = await secondSemesters(ctx, tokens, year);
  const base = await baseline(ctx);
  const { result, seconds, peakMb, growthMb } = await ours(ctx, tokens, periods);
  if (result.failed.length) throw new Error(`generation failed: ${result.failed.slice(0, 5).join('; ')}`);
  const rows = await written(ctx.owner, year.id);
  return {
    scenario: 'dues-province',
    description:
      `the second semester's dues of ${schools.length} schools: ${rows.charges} charges of ${rows.pupils} pupils ` +
      `(${rows.due} đ owed by families, ${rows.reimbursed} đ reimbursed by the state), ${WIDTH} schools at a time, ` +
      `API peak RSS ${peakMb} MB (+${growthMb} MB); baseline one INSERT … SELECT: ${base.rows} rows`,
    unit: 'charges/s',
    ours: single(seconds, rows.charges, { schools: result.done, peakRssMb: peakMb, rssGrowthMb: growthMb }),
    baseline: single(base.seconds, base.rows),
  };
}
