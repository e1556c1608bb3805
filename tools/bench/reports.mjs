// What the report scenarios (aggregate-province, aggregate-school, report-freshness) share: the department officer's
// sign-in, the report requests through the API, the read model's state (pending dirty marks, refresh versions) and
// the way a measured request is made cold.
//
// The report cache keys on the facts' version of the schools a report sums (the sum of their
// reporting.school_state.version, which every refresh of a school raises): a cold request is made by raising the
// version of one school inside the report's scope — what a refresh of that school does — as the schema owner, outside
// the measured time. No fact changes, so every cold answer must equal the warm one.

import { adminToken } from './fixtures.mjs';

/** The department (root of the tree) and the open school year. */
export async function provinceScope(owner) {
  const {
    rows: [department],
  } = await owner.query(`select id, code, name from org_unit where kind = 'DEPARTMENT' order by code limit 1`);
  const {
    rows: [year],
  } = await owner.query(`select id, code from school_year where status = 'OPEN' order by code desc limit 1`);
  return { department, year };
}

/**
 * The intermediate unit with the most schools today (a commune committee at full scale, a bureau on the demo), and
 * one of its schools.
 */
export async function busiestUnit(owner) {
  const {
    rows: [unit],
  } = await owner.query(
    `select u.id, u.code, u.name, count(s.id)::int as schools, min(s.id::text)::uuid as "aSchoolId"
       from org_unit u join org_unit s on s.parent_id = u.id and s.kind = 'SCHOOL'
      where u.kind = 'UNIT' group by u.id, u.code, u.name order by schools desc, u.code limit 1`,
  );
  return unit;
}

/**
 * A department officer of the province, signed in: officers must use a second factor (docs/domain/sign-in.md), so one
 * with a known authenticator is created for the run, like the administrators of the other scenarios.
 */
export async function departmentToken(ctx) {
  const {
    rows: [department],
  } = await ctx.owner.query(`select id from org_unit where kind = 'DEPARTMENT' order by code limit 1`);
  return adminToken(ctx, department.id, `bench.officer.${process.pid}.${++officers}`, 'DEPARTMENT_OFFICER');
}
let officers = 0;

/** GET a report as `token`; answers the parsed body, or throws with the status and the start of the body. */
export async function getReport(ctx, token, url) {
  const res = await fetch(`${ctx.baseUrl}${url}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res.json();
}

export function unitReportUrl(unitId, yearId, period, asOf) {
  return `/api/reports/units/${unitId}?yearId=${yearId}&period=${period}${asOf ? `&asOf=${asOf}` : ''}`;
}

export function schoolReportUrl(schoolId, yearId, period) {
  return `/api/reports/schools/${schoolId}?yearId=${yearId}&period=${period}`;
}

/**
 * What a report covers, to compare with a GROUP BY over grade_entry: the pupil × subject rows of its subject results
 * (one grade_entry row each where every pupil of a class has a row in every gradebook, as at full scale), and its
 * headcount.
 */
export function coverage(report) {
  const subjects = report.subjects ?? [];
  return {
    pupils: report.totals?.pupils ?? null,
    subjectRows: subjects.length,
    entries: subjects.reduce((n, s) => n + (s.pupils ?? 0), 0),
    suppressed: subjects.filter((s) => s.suppressed).length,
  };
}

/**
 * Makes the next request for a report that sums `schoolId` miss the cache (see the file's comment); every unit above
 * the school and the province are invalidated with it. Not timed by the callers.
 */
export async function invalidateReportCache(owner, schoolId) {
  const { rowCount } = await owner.query(
    `update reporting.school_state set version = version + 1 where school_id = $1`,
    [schoolId],
  );
  if (rowCount !== 1) throw new Error(`no facts version for school ${schoolId}: the read model is not filled`);
}

/** The sum of every school's refresh version and the pending dirty marks: what the refresher did and has left. */
export async function readModelState(owner) {
  const {
    rows: [state],
  } = await owner.query(
    `select coalesce((select sum(version) from reporting.school_state), 0)::bigint as versions,
            (select count(*) from reporting.school_state)::int as schools,
            (select count(*) from reporting.dirty)::int as dirty`,
  );
  return { versions: Number(state.versions), schools: state.schools, dirty: state.dirty };
}

/**
 * Waits until the refresher has folded every pending change in (earlier scenarios' saves), at most `seconds`; then
 * throws, or with `tolerate` answers the marks still waiting (school, topic, key, since) instead.
 */
export async function waitForFacts(owner, seconds = 120, tolerate = false) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const { dirty, schools } = await readModelState(owner);
    if (dirty === 0 && schools > 0) return [];
    if (Date.now() > deadline) {
      const { rows: marks } = await owner.query(
        `select d.school_id as "schoolId", o.code, d.topic, d.key, d.since from reporting.dirty d
           join org_unit o on o.id = d.school_id order by d.since limit 20`,
      );
      const message = `the read model still has ${dirty} dirty marks after ${seconds} s: ${JSON.stringify(marks)}`;
      if (!tolerate) throw new Error(message);
      console.error(message);
      return marks;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
