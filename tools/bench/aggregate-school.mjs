// Scenario "aggregate-school": one school's semester-I figures, the heaviest school of the database (most pupils with
// gradebooks). Ours — the school's report from the reporting read model, GET /api/reports/schools/<id>?period=HK1 as
// its principal, with the report cache cold (a facts-version bump before each request, see reports.mjs) and warm.
// Beside it, what the same figures cost before the read model, kept for comparison: the class list, then GET
// …/classes/:classId/results?period=HK1 for each class in turn (every pupil's subject results and levels by the
// circular's rules in libs/domain, and each class's summary). Baseline — the naive SQL a report would start from: as
// the application role under RLS with the school's scope, one GROUP BY over the same grade_entry rows (per class and
// subject: pupils, mean, counts ≥ 8 / < 5 / not passed) and one over the conduct ratings; it applies none of the
// per-pupil rules. The report's pupil × subject rows must equal the baseline's grade rows.
// Runs on the demo province too; meant for a full-scale one (`npm run bench -- --scale-dir tmp/scale-db`).
import pg from 'pg';
import { schoolAdminToken } from './fixtures.mjs';
import { coverage, getReport, invalidateReportCache, schoolReportUrl, waitForFacts } from './reports.mjs';
import { summarise } from './stats.mjs';
import { presentScope } from './scope.mjs';

const PERIOD = 'HK1';
const PRESCHOOL_GROUPS = ['NT', 'MG3', 'MG4', 'MG5'];

/**
 * The school with the most enrolled pupils among those with semester-I gradebooks in the open year. Only schools of
 * the province (seeded with their profile): the fixture schools other scenarios add have none, so the choice does
 * not depend on which scenarios ran before.
 */
export async function heaviestSchool(owner) {
  const {
    rows: [school],
  } = await owner.query(
    `select o.id, o.code, o.name, y.id as year_id, y.code as year_code, count(distinct c.id)::int as classes, count(e.*)::int as pupils
       from school_year y
       join class c on c.school_year_id = y.id
       join org_unit o on o.id = c.school_id
       join school_profile p on p.school_id = o.id
       join enrolment e on e.school_id = c.school_id and e.class_id = c.id and e.to_date is null
      where y.status = 'OPEN'
        and exists (select 1 from gradebook g where g.school_id = c.school_id and g.class_id = c.id and g.semester = 1)
      group by o.id, o.code, o.name, y.id, y.code
      order by pupils desc, o.code limit 1`,
  );
  const {
    rows: [{ n }],
  } = await owner.query(
    `select count(*)::int as n from grade_entry e join gradebook g on g.school_id = e.school_id and g.id = e.gradebook_id
      where e.school_id = $1 and g.semester = 1`,
    [school.id],
  );
  return { ...school, entries: n };
}

/** Before the read model: the class list, then every class's results, as the principal's pages fetch them. */
async function classByClassReport(ctx, school, token) {
  const get = async (url) => {
    const res = await fetch(`${ctx.baseUrl}${url}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    return res.json();
  };
  const classes = [];
  for (let page = 1; ; page += 1) {
    const body = await get(`/api/schools/${school.id}/classes?yearId=${school.year_id}&pageSize=200&page=${page}`);
    classes.push(...body.items);
    if (classes.length >= body.total || !body.items.length) break;
  }
  let pupils = 0;
  let graded = 0;
  // Preschool groups have no gradebooks and no results page.
  for (const cls of classes.filter((c) => !PRESCHOOL_GROUPS.includes(c.grade))) {
    const results = await get(`/api/schools/${school.id}/classes/${cls.id}/results?period=${PERIOD}`);
    graded += 1;
    pupils += results.summary.students;
  }
  return { classes: graded, pupils };
}

/** Baseline: the same rows aggregated by PostgreSQL, as the application role with the school's scope (RLS on). */
async function baselineReport(client, school) {
  await client.query('begin');
  try {
    await presentScope(client, { schoolIds: [school.id] });
    const { rows } = await client.query(
      `select g.class_id, g.subject_code, count(*) as pupils, round(avg(e.average), 2) as mean,
              count(*) filter (where e.average >= 8) as good, count(*) filter (where e.average < 5) as below,
              count(*) filter (where e.rating in ('CD', 'C')) as not_passed
         from grade_entry e
         join gradebook g on g.school_id = e.school_id and g.id = e.gradebook_id
         join class c on c.school_id = g.school_id and c.id = g.class_id
        where e.school_id = $1 and g.semester = 1 and c.school_year_id = $2
        group by g.class_id, g.subject_code`,
      [school.id, school.year_id],
    );
    const { rows: conduct } = await client.query(
      `select r.class_id, r.training, count(*) as pupils from conduct_rating r join class c on c.school_id = r.school_id and c.id = r.class_id
        where r.school_id = $1 and r.semester = 1 and c.school_year_id = $2 group by r.class_id, r.training`,
      [school.id, school.year_id],
    );
    await client.query('commit');
    return {
      classes: new Set(rows.map((r) => r.class_id)).size,
      entries: rows.reduce((n, r) => n + Number(r.pupils), 0),
      conductGroups: conduct.length,
    };
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/**
 * Runs `op` back to back for `seconds` (at least `min` times) after one unmeasured warm-up; answers the summary, the
 * warm-up's answer (`first`) and the last measured one (`last`).
 * `before` runs ahead of every measured `op`, outside the measured time (to make the next request cold, say).
 */
export async function timedLoop(op, seconds, min = 3, before = null) {
  const first = await op();
  let last = first;
  const latencies = [];
  const started = performance.now();
  let outside = 0;
  while (latencies.length < min || performance.now() - started - outside < seconds * 1000) {
    if (before) {
      const b = performance.now();
      await before();
      outside += performance.now() - b;
    }
    const t = performance.now();
    last = await op();
    latencies.push(performance.now() - t);
  }
  return { ...summarise(latencies, (performance.now() - started - outside) / 1000, 0), first, last };
}

/** A connection as the application role (no BYPASSRLS), as the API's own. */
export async function appClient(ctx) {
  const client = new pg.Client({ connectionString: ctx.appUrl });
  await client.connect();
  return client;
}

export async function run(ctx, { seconds }) {
  const school = await heaviestSchool(ctx.owner);
  const token = await schoolAdminToken(ctx, school.id, `bench.aggregate.admin.${process.pid}`);
  await waitForFacts(ctx.owner);
  const report = () => getReport(ctx, token, schoolReportUrl(school.id, school.year_id, PERIOD));
  const ours = await timedLoop(report, seconds, 3, () => invalidateReportCache(ctx.owner, school.id));
  const oursWarm = await timedLoop(report, seconds);
  const classByClass = await timedLoop(() => classByClassReport(ctx, school, token), seconds);
  const client = await appClient(ctx);
  const baseline = await timedLoop(() => baselineReport(client, school), seconds).finally(() => client.end());
  // Only the facts' version changed between these requests: every answer must carry the same figures.
  const figures = (r) => JSON.stringify([r.totals, r.subjects, r.classes, r.grades]);
  if (new Set([ours.first, ours.last, oursWarm.last].map(figures)).size !== 1)
    throw new Error(`aggregate-school: the report's answers before, cold and warm differ`);
  const covered = coverage(ours.last);
  if (covered.entries !== baseline.last.entries)
    console.error(
      `aggregate-school: the report covers ${covered.entries} pupil × subject rows, the baseline ${baseline.last.entries} grade rows`,
    );
  // On the full-scale data every graded class has its books, so both sides cover the same classes; the demo leaves
  // one class's books empty for the demo teacher.
  if (classByClass.last.classes !== baseline.last.classes)
    console.error(
      `aggregate-school: class by class covered ${classByClass.last.classes} classes, the baseline ${baseline.last.classes}`,
    );
  return {
    scenario: 'aggregate-school',
    description:
      `${school.name} (${school.code}): ${school.classes} classes with gradebooks, ${school.pupils} pupils, ${school.entries} semester-I grade rows. ` +
      `Ours: GET /api/reports/schools/<id>?period=${PERIOD} as its principal, cache cold (p50 ${ours.p50} ms, p95 ${ours.p95} ms) and warm ` +
      `(p50 ${oursWarm.p50} ms). Before the read model: class list + GET …/results?period=${PERIOD} for each of its ` +
      `${classByClass.last.classes} graded classes in turn (p50 ${classByClass.p50} ms). ` +
      `Baseline: GROUP BY class × subject over the same grade_entry rows and one over conduct, as emis_app under RLS (no circular rules).`,
    unit: 'school reports/s',
    school: {
      id: school.id,
      code: school.code,
      classes: school.classes,
      pupils: school.pupils,
      gradeRows: school.entries,
    },
    ours: { ...ours, first: undefined, last: undefined, covered },
    oursWarm: { ...oursWarm, first: undefined, last: undefined },
    classByClass: { ...classByClass, first: undefined, last: undefined, covered: classByClass.last },
    baseline: { ...baseline, first: undefined, last: undefined, covered: baseline.last },
  };
}
