// Scenario "wear-province": the department's wear run of a year over every school of the province (Circular 23/2023
// Art. 12.1.a: once a year, in December). Ours: POST /api/asset-wear/runs {year} as the department administrator —
// one background job a school, each computing its assets' wear with libs/domain's wearDue and posting one asset_wear
// row per worn asset, its WEAR_POSTED history line and posted_wear, in one transaction a school — timed from the
// request to the run's DONE, polling its progress as the page does; the API's peak resident memory beside it.
// Baseline: raw PostgreSQL doing the same posting in one statement — INSERT … SELECT computing each asset's wear of
// the year in SQL (rate × cost rounded up, the remainder in the last year of the life, nothing for tools, land,
// broken, disposed or fully worn assets), with the history lines and posted_wear in the same statement — as the
// application role under RLS with the department's scope, in a transaction rolled back so the API's run posts the
// same year on the same register afterwards. The SQL knows no catch-up of unposted years and spreads no cost change
// over the remaining life (the register it runs on is posted through the year before, and a seeded cost change
// differs only in the amount): it is the floor of the work, not an equivalent. Both sides' row counts are printed.
import { appClient } from './aggregate-school.mjs';
import { adminToken, measured, single } from './fixtures.mjs';
import { presentScope } from './scope.mjs';

/** The year posted: the first December with no row posted yet in the register (the scale seed posts through 2025). */
async function yearToPost(owner) {
  const {
    rows: [r],
  } = await owner.query(`select coalesce(max(year), 2025) + 1 as year, count(*)::int as rows from asset_wear`);
  const {
    rows: [a],
  } = await owner.query(
    `select count(*)::int as assets, count(distinct school_id)::int as schools,
            count(*) filter (where kind = 'FIXED')::int as fixed from asset`,
  );
  return { year: r.year, postedRows: r.rows, ...a };
}

/** What a December posting is, in SQL: the year's amount of every worn asset that is due, rounded up (Art. 5.1). */
const BASELINE_SQL = `
  with rate as (
    select code, coalesce(rate_bp, default_rate_bp) as bp,
           coalesce(life_years, case when rate_bp is not null then ceil(10000.0 / rate_bp)::int end,
                    default_life_years, ceil(10000.0 / default_rate_bp)::int) as life
      from asset_category where worn),
  due as (
    select a.school_id, a.id, a.cost, a.opening_wear + a.posted_wear as before,
           case when $1 >= extract(year from a.in_use_on)::int + r.life - 1 then a.cost - a.opening_wear - a.posted_wear
                when r.bp is not null then least((a.cost * r.bp + 9999) / 10000, a.cost - a.opening_wear - a.posted_wear)
                else least((a.cost + r.life - 1) / r.life, a.cost - a.opening_wear - a.posted_wear) end as amount
      from asset a join rate r on r.code = a.category_code
     where a.kind = 'FIXED' and a.condition <> 'BROKEN' and a.status not in ('DISPOSED', 'TRANSFERRED')
       and extract(year from a.in_use_on) <= $1 and a.opening_wear + a.posted_wear < a.cost
       and not exists (select 1 from asset_wear w where w.school_id = a.school_id and w.asset_id = a.id and w.year = $1)),
  posted as (
    insert into asset_wear (school_id, asset_id, year, cost_basis, amount, accumulated_after)
    select school_id, id, $1, cost, amount, before + amount from due where amount > 0
    returning school_id, asset_id, cost_basis, amount, accumulated_after),
  history as (
    insert into asset_event (school_id, asset_id, kind, effective_on, details)
    select school_id, asset_id, 'WEAR_POSTED', make_date($1, 12, 31),
           jsonb_build_object('years', jsonb_build_array(jsonb_build_object('year', $1, 'costBasis', cost_basis,
             'amount', amount)), 'accumulatedAfter', accumulated_after)
      from posted),
  totals as (
    update asset a set posted_wear = a.posted_wear + p.amount
      from posted p where a.school_id = p.school_id and a.id = p.asset_id)
  select count(*)::int as rows, coalesce(sum(amount), 0)::bigint as amount from posted`;

async function baseline(ctx, year) {
  const client = await appClient(ctx);
  try {
    return await baselineOn(client, year);
  } finally {
    await client.end();
  }
}

/** The baseline's statement on `client`, timed, in a transaction rolled back. */
export async function baselineOn(client, year) {
  await client.query('begin');
  try {
    await presentScope(client, { all: true });
    const started = performance.now();
    const {
      rows: [posted],
    } = await client.query(BASELINE_SQL, [year]);
    return { seconds: (performance.now() - started) / 1000, rows: posted.rows, amount: Number(posted.amount) };
  } finally {
    await client.query('rollback');
  }
}

async function ours(ctx, year) {
  const {
    rows: [department],
  } = await ctx.owner.query(`select id from org_unit where kind = 'DEPARTMENT' order by code limit 1`);
  const token = await adminToken(ctx, department.id, 'bench.wear.admin', 'DEPARTMENT_ADMIN');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return measured(ctx.apiPid, async () => {
    const res = await fetch(`${ctx.baseUrl}/api/asset-wear/runs`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ year }),
    });
    if (res.status !== 202) throw new Error(`POST /api/asset-wear/runs: ${res.status} ${await res.text()}`);
    let run = await res.json();
    while (run.status === 'QUEUED' || run.status === 'RUNNING') {
      await new Promise((r) => setTimeout(r, 500));
      const poll = await fetch(`${ctx.baseUrl}/api/asset-wear/runs/${run.id}`, { headers });
      if (poll.status !== 200) throw new Error(`GET run: ${poll.status} ${await poll.text()}`);
      run = await poll.json();
    }
    if (run.status !== 'DONE') throw new Error(`the province's run ended ${run.status}: ${run.message}`);
    return run;
  });
}

/** What the run left in the database: the year's rows, and that posted_wear still sums them. */
async function postedByRun(owner, year) {
  const {
    rows: [r],
  } = await owner.query(
    `select count(*)::int as rows, coalesce(sum(amount), 0)::bigint as amount, count(distinct school_id)::int as schools
       from asset_wear where year = $1`,
    [year],
  );
  return { rows: r.rows, amount: Number(r.amount), schools: r.schools };
}

export async function run(ctx) {
  const register = await yearToPost(ctx.owner);
  if (!register.assets) throw new Error('wear-province needs a register: run it on a province seeded with assets');
  const base = await baseline(ctx, register.year);
  const { result: wearRun, seconds, peakMb, growthMb } = await ours(ctx, register.year);
  const posted = await postedByRun(ctx.owner, register.year);
  return {
    scenario: 'wear-province',
    description:
      `the department's wear run of ${register.year}: ${register.schools} schools, ${register.assets} assets ` +
      `(${register.fixed} fixed), ${posted.rows} rows posted (${posted.amount} đ) in ${wearRun.total} school jobs, ` +
      `API peak RSS ${peakMb} MB (+${growthMb} MB); baseline one INSERT … SELECT: ${base.rows} rows (${base.amount} đ)`,
    unit: 'rows/s',
    ours: single(seconds, posted.rows, {
      schools: wearRun.total,
      amount: posted.amount,
      peakRssMb: peakMb,
      rssGrowthMb: growthMb,
    }),
    baseline: single(base.seconds, base.rows, { amount: base.amount }),
  };
}
