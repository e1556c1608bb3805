// Scenario "aggregate-province": the department's semester-I figures over every school. Ours: n/a — the API has no
// province-level report before the reporting issue (the department can only open each class's results one by one;
// aggregate-school measures that path for one school), so only the baseline runs: the naive SQL, as the application
// role under RLS with the department's scope (app.all_schools), one GROUP BY grade × subject over every grade_entry
// row of semester I of the open year (pupils, mean, counts ≥ 8 / < 5 / not passed). The same query is also timed as
// the schema owner, without RLS, because the policies change the plan. The reporting issue will add "ours" to this
// scenario and compare it with this baseline.
import { appClient, timedLoop } from './aggregate-school.mjs';

async function provinceRows(owner) {
  const {
    rows: [year],
  } = await owner.query(`select id, code from school_year where status = 'OPEN' order by code desc limit 1`);
  const {
    rows: [counts],
  } = await owner.query(
    `select count(*)::int as rows, count(distinct e.school_id)::int as schools
       from grade_entry e join gradebook g on g.school_id = e.school_id and g.id = e.gradebook_id
       join class c on c.school_id = g.school_id and c.id = g.class_id
      where g.semester = 1 and c.school_year_id = $1`,
    [year.id],
  );
  return { yearId: year.id, yearCode: year.code, ...counts };
}

/** The naive province aggregate, as the department's officers would get it from PostgreSQL directly. */
async function baselineReport(client, yearId) {
  await client.query('begin');
  try {
    await client.query(`select set_config('app.school_ids', '', true), set_config('app.all_schools', 'on', true)`);
    const { rows } = await client.query(
      `select c.grade, g.subject_code, count(*) as pupils, round(avg(e.average), 2) as mean,
              count(*) filter (where e.average >= 8) as good, count(*) filter (where e.average < 5) as below,
              count(*) filter (where e.rating in ('CD', 'C')) as not_passed
         from grade_entry e
         join gradebook g on g.school_id = e.school_id and g.id = e.gradebook_id
         join class c on c.school_id = g.school_id and c.id = g.class_id
        where g.semester = 1 and c.school_year_id = $1
        group by c.grade, g.subject_code`,
      [yearId],
    );
    await client.query('commit');
    return { groups: rows.length, entries: rows.reduce((n, r) => n + Number(r.pupils), 0) };
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

export async function run(ctx, { seconds }) {
  const province = await provinceRows(ctx.owner);
  const client = await appClient(ctx);
  const baseline = await timedLoop(() => baselineReport(client, province.yearId), seconds).finally(() => client.end());
  if (baseline.last.entries !== province.rows)
    throw new Error(`the baseline aggregated ${baseline.last.entries} rows of ${province.rows}`);
  // The same query as the schema owner (a superuser: no RLS). Measured on the full-scale data: the policies'
  // predicate hides the row counts from the planner, which then picks nested loops and an on-disk sort.
  const ownerClient = await ctx.owner.connect();
  const withoutRls = await timedLoop(() => baselineReport(ownerClient, province.yearId), seconds).finally(() =>
    ownerClient.release(),
  );
  return {
    scenario: 'aggregate-province',
    description:
      `${province.schools} schools, ${province.rows} semester-I grade rows of ${province.yearCode}. Ours: n/a — no province report ` +
      'endpoint before the reporting issue. Baseline: one GROUP BY grade × subject over all those rows, as emis_app under RLS with the ' +
      `department scope (p50 ${baseline.p50} ms); the same query as the owner, without RLS: p50 ${withoutRls.p50} ms.`,
    unit: 'province reports/s',
    province: { schools: province.schools, gradeRows: province.rows },
    ours: null,
    oursNote: 'n/a (reporting issue)',
    baseline: { ...baseline, last: undefined, covered: baseline.last },
    baselineWithoutRls: { ...withoutRls, last: undefined },
  };
}
