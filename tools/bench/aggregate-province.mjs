// Scenario "aggregate-province": the department's semester-I figures over every school. Ours: the province report
// through the API — GET /api/reports/units/<department>?yearId=<open year>&period=HK1 as the department officer, a
// rollup of the reporting read model's per-school facts — timed with the report cache cold (every request preceded by
// a facts-version bump, see reports.mjs) and warm (the same filter again). The summary's "ours" is the cold one.
// Beside it, the drill-down pages a department officer opens next: a unit's report (the unit with the most schools)
// and a school's (the school with the most pupils), cold and warm.
// Baseline: the naive SQL, as the application role under RLS with the department's scope (app.all_schools), one
// GROUP BY grade × subject over every grade_entry row of semester I of the open year (pupils, mean, counts ≥ 8 / < 5 /
// not passed); the same query is also timed as the schema owner, without RLS, because the policies change the plan.
// Both sides must cover the same rows: the report's pupil × subject count equals the baseline's grade_entry count.
import { appClient, heaviestSchool, timedLoop } from './aggregate-school.mjs';
import {
  busiestUnit,
  coverage,
  departmentToken,
  getReport,
  invalidateReportCache,
  provinceScope,
  schoolReportUrl,
  unitReportUrl,
  waitForFacts,
} from './reports.mjs';
import { presentScope } from './scope.mjs';

const PERIOD = 'HK1';

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
    await presentScope(client, { all: true });
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

/**
 * The same report cold (the cache invalidated through `schoolId`, a school it sums, before each request) and warm;
 * answers both summaries.
 */
async function coldAndWarm(ctx, token, url, schoolId, seconds) {
  const request = () => getReport(ctx, token, url);
  const cold = await timedLoop(request, seconds, 3, () => invalidateReportCache(ctx.owner, schoolId));
  const warm = await timedLoop(request, seconds);
  // Nothing changed but the version: the first answer, the last cold one and the last warm one must be the same
  // figures, or the measurement is of something else (a cache or a refresh bug).
  const figures = (r) => JSON.stringify([r.totals, r.subjects, r.children ?? r.classes, r.grades]);
  if (new Set([cold.first, cold.last, warm.last].map(figures)).size !== 1)
    throw new Error(`${url}: the answers before, cold and warm differ`);
  const covered = coverage(warm.last);
  const summary = (s) => ({ ...s, first: undefined, last: undefined, covered });
  return { cold: summary(cold), warm: summary(warm) };
}

export async function run(ctx, { seconds }) {
  const province = await provinceRows(ctx.owner);
  const { department } = await provinceScope(ctx.owner);
  // Earlier scenarios' saves are folded in first: the report is measured on a settled read model.
  await waitForFacts(ctx.owner);
  const token = await departmentToken(ctx);
  const unit = await busiestUnit(ctx.owner);
  const school = await heaviestSchool(ctx.owner);
  const ours = await coldAndWarm(ctx, token, unitReportUrl(department.id, province.yearId, PERIOD), school.id, seconds);
  const unitPage = await coldAndWarm(
    ctx,
    token,
    unitReportUrl(unit.id, province.yearId, PERIOD),
    unit.aSchoolId,
    seconds,
  );
  const schoolPage = await coldAndWarm(
    ctx,
    token,
    schoolReportUrl(school.id, province.yearId, PERIOD),
    school.id,
    seconds,
  );

  const client = await appClient(ctx);
  const baseline = await timedLoop(() => baselineReport(client, province.yearId), seconds).finally(() => client.end());
  if (baseline.last.entries !== province.rows)
    throw new Error(`the baseline aggregated ${baseline.last.entries} rows of ${province.rows}`);
  if (ours.warm.covered.entries !== baseline.last.entries)
    console.error(
      `aggregate-province: the report covers ${ours.warm.covered.entries} pupil × subject rows, the baseline ${baseline.last.entries} grade rows`,
    );
  // The same query as the schema owner (a superuser: no RLS). Measured on the full-scale data: the policies'
  // predicate hides the row counts from the planner, which then picks nested loops and an on-disk sort.
  const ownerClient = await ctx.owner.connect();
  const withoutRls = await timedLoop(() => baselineReport(ownerClient, province.yearId), seconds).finally(() =>
    ownerClient.release(),
  );
  const speedup = (side) => Math.round((baseline.p50 / side.p50) * 10) / 10;
  return {
    scenario: 'aggregate-province',
    description:
      `${province.schools} schools, ${province.rows} semester-I grade rows of ${province.yearCode}. Ours: GET /api/reports/units/<department>` +
      `?period=${PERIOD} as the department officer, cache cold (p50 ${ours.cold.p50} ms, p95 ${ours.cold.p95} ms; ${speedup(ours.cold)}× the ` +
      `baseline's p50) and warm (p50 ${ours.warm.p50} ms, p95 ${ours.warm.p95} ms). Drill-down, cold: ${unit.code} (${unit.schools} schools) ` +
      `p50 ${unitPage.cold.p50} ms, p95 ${unitPage.cold.p95} ms; ${school.code} p50 ${schoolPage.cold.p50} ms, p95 ${schoolPage.cold.p95} ms. ` +
      `Baseline: one GROUP BY grade × subject over all those rows, as emis_app under RLS with the department scope (p50 ${baseline.p50} ms); ` +
      `the same query as the owner, without RLS: p50 ${withoutRls.p50} ms.`,
    unit: 'province reports/s',
    province: { schools: province.schools, gradeRows: province.rows },
    ours: ours.cold,
    oursWarm: ours.warm,
    speedupColdP50: speedup(ours.cold),
    speedupWarmP50: speedup(ours.warm),
    drillDownUnit: { id: unit.id, code: unit.code, schools: unit.schools },
    drillDownUnitCold: unitPage.cold,
    drillDownUnitWarm: unitPage.warm,
    drillDownSchool: { id: school.id, code: school.code, pupils: school.pupils },
    drillDownSchoolCold: schoolPage.cold,
    drillDownSchoolWarm: schoolPage.warm,
    baseline: { ...baseline, first: undefined, last: undefined, covered: baseline.last },
    baselineWithoutRls: { ...withoutRls, first: undefined, last: undefined },
  };
}
