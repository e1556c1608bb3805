// Scenario "report-freshness": how soon a grade save shows in the department's province report while teachers save,
// and what keeping the read model current costs the saves. Three phases of the same load — `classes` teachers saving
// whole TOAN sheets of grade 6 in a closed loop (grade-save's load generator, its own process):
//   1. the load alone, refresher on (the API as it runs);
//   2. the load, and a probe: a teacher of a grade-9 class in another school saves her sheet with every score 9.0,
//      then every score 2.0, again and again; after each save the department officer's province report
//      (GET /api/reports/units/<department>?period=HK1) is polled until its grade-9 TOAN count of averages ≥ 8.0 shows
//      the change (+ or − the class's pupils). No other writer touches grade 9 during the run, so the expected figure
//      is exact. Save → visible is timed from the save's request to the first report answer that shows it;
//   3. the load alone with the API restarted with OFF_ENV (no relay: no dirty marks, no refresh jobs), then the API
//      restarted as it runs, for the scenarios after this one.
// Refresh cost during phases 1 and 2: refreshes = the rise of every school's reporting.school_state.version; the
// refresh jobs' count, mean and max duration and queue wait from pg-boss's job table (queues named reporting…).
// Summary: ours = saves/s with the refresher on (phase 1), baseline = with it off (phase 3).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentVersions, prepare } from './grade-save.mjs';
import { departmentToken, getReport, provinceScope, readModelState, unitReportUrl, waitForFacts } from './reports.mjs';
import { summarise } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const PERIOD = 'HK1';
const PROBE_GRADE = '9';
const PROBE_SUBJECT = 'TOAN';
const PROBE_PUPILS = 40;
const HIGH = 9;
const LOW = 2;
/** A change not visible after this long counts as missed (and the probe goes on with the next one). */
const GIVE_UP_MS = 60_000;
const POLL_PAUSE_MS = 100;
/** The API without the outbox relay, hence without the read model's refresh: the load's cost without reporting. */
const OFF_ENV = { EVENT_WORKER: 'off' };

export async function run(ctx, { classes, seconds }) {
  const window = Math.max(seconds * 4, 40);
  const workers = await prepare(ctx, classes);
  const probe = await prepareProbe(ctx, workers);
  const { department, year } = await provinceScope(ctx.owner);
  const token = await departmentToken(ctx);
  await waitForFacts(ctx.owner);
  const reportUrl = unitReportUrl(department.id, year.id, PERIOD);
  const goodCount = async () => {
    const report = await getReport(ctx, token, reportUrl);
    const row = report.subjects.find((s) => s.grade === PROBE_GRADE && s.subjectCode === PROBE_SUBJECT);
    return row?.bands.b80 ?? 0;
  };

  // Phase 1: the load alone, the refresher on.
  await refreshVersions(ctx, workers);
  const on = await withRefreshCost(ctx, () => drive({ mode: 'http', baseUrl: ctx.baseUrl, workers, seconds: window }));

  // Phase 2: the load and the probe. The probe's class starts low (nothing ≥ 8.0), then alternates.
  // The probe's figure (grade 9) is one no load touches, so a school still waiting for its refresh does not change
  // the expected counts: it is recorded, not fatal.
  await saveProbe(ctx, probe, LOW);
  const pendingBeforeProbe = await waitForFacts(ctx.owner, 60, true);
  const base = await goodCount();
  await refreshVersions(ctx, workers);
  const samples = { visible: [], saves: [], missed: 0 };
  const probed = await withRefreshCost(ctx, async () => {
    const load = drive({ mode: 'http', baseUrl: ctx.baseUrl, workers, seconds: window });
    const deadline = Date.now() + (window - 3) * 1000;
    await new Promise((r) => setTimeout(r, 2000));
    for (let i = 0; Date.now() < deadline; i += 1) {
      const score = i % 2 === 0 ? HIGH : LOW;
      const expected = score === HIGH ? base + PROBE_PUPILS : base;
      const started = performance.now();
      await saveProbe(ctx, probe, score);
      samples.saves.push(performance.now() - started);
      const ms = await untilVisible(goodCount, expected, started);
      if (ms === null) samples.missed += 1;
      else samples.visible.push(ms);
    }
    return load;
  });
  const freshness = {
    ...summarise(samples.visible, probed.seconds, samples.missed),
    max: samples.visible.length ? Math.round(Math.max(...samples.visible)) : null,
    saveP50: summarise(samples.saves, 1, 0).p50,
  };

  // Phase 3: the same load with the refresher off, then the API back as it runs.
  await ctx.restartApi(OFF_ENV);
  await refreshVersions(ctx, workers);
  const off = await drive({ mode: 'http', baseUrl: ctx.baseUrl, workers, seconds: window });
  await ctx.restartApi({});

  return {
    scenario: 'report-freshness',
    description:
      `${classes} teachers saving TOAN sheets of grade 6 for ${window} s per phase. Save → visible in the province report ` +
      `(${PROBE_PUPILS} grade-${PROBE_GRADE} averages crossing 8.0, ${probe.schoolCode}): p50 ${freshness.p50} ms, p95 ${freshness.p95} ms, ` +
      `max ${freshness.max} ms over ${freshness.operations} saves (${samples.missed} not visible within ${GIVE_UP_MS / 1000} s). ` +
      `Refresh under the load: ${describeCost(on.cost)}. Ours: saves/s with the refresher on; baseline: with the API's ` +
      `event worker off (${Object.entries(OFF_ENV)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}: no relay, no refresh).`,
    unit: 'saves/s',
    probe: { schoolId: probe.schoolId, schoolCode: probe.schoolCode, classId: probe.classId, pupils: PROBE_PUPILS },
    ours: on.result,
    baseline: off,
    loadWithProbe: probed.result,
    freshness,
    pendingBeforeProbe,
    refreshCostLoad: on.cost,
    refreshCostLoadWithProbe: probed.cost,
  };
}

/** A grade-9 class in a lower-secondary school none of the load's teachers works in, its teacher signed in. */
async function prepareProbe(ctx, workers) {
  const { owner } = ctx;
  const busy = workers.map((w) => w.schoolId);
  const {
    rows: [school],
  } = await owner.query(
    `select id, code from org_unit where kind = 'SCHOOL' and 'LOWER_SECONDARY' = any(levels)
      order by (id = any($1::uuid[])), code desc limit 1`,
    [busy],
  );
  const [{ id: yearId }] = (
    await owner.query(`select id from school_year where status = 'OPEN' order by code desc limit 1`)
  ).rows;
  const [{ password_hash: hash }] = (
    await owner.query(`select password_hash from app_user where role = 'TEACHER' limit 1`)
  ).rows;
  const {
    rows: [staff],
  } = await owner.query(
    `insert into staff (school_id, personal_id, full_name, date_of_birth, gender, position, contract_type, start_date, subjects, created_at, updated_at)
     values ($1, '033185977001', 'Giáo Viên Thăm Dò', '1985-01-01', 'FEMALE', 'TEACHER', 'CIVIL_SERVANT', '2010-09-01', '{TOAN}', now(), now()) returning id`,
    [school.id],
  );
  await owner.query(
    `insert into app_user (username, password_hash, full_name, role, org_unit_id, staff_id) values ('bench.probe', $1, 'Giáo Viên Thăm Dò', 'TEACHER', $2, $3)`,
    [hash, school.id, staff.id],
  );
  const {
    rows: [cls],
  } = await owner.query(
    `insert into class (school_id, school_year_id, name, grade, homeroom_staff_id, created_at, updated_at) values ($1, $2, '9Đo', $3, $4, now(), now()) returning id`,
    [school.id, yearId, PROBE_GRADE, staff.id],
  );
  const { rows: pupils } = await owner.query(
    `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
     select $1, '0332119770' || lpad(k::text, 2, '0'), 'Học Sinh Thăm Dò ' || k, '2011-06-01', 'FEMALE', now(), now()
       from generate_series(1, ${PROBE_PUPILS}) k returning id`,
    [school.id],
  );
  const studentIds = pupils.map((p) => p.id);
  await owner.query(
    `insert into enrolment (school_id, student_id, class_id, school_year_id, from_date) select $1, s, $2, $3, '2026-09-05' from unnest($4::uuid[]) s`,
    [school.id, cls.id, yearId, studentIds],
  );
  await owner.query(
    `insert into teaching_assignment (school_id, class_id, subject_code, semester, staff_id, assigned_at) values ($1, $2, $3, 1, $4, now())`,
    [school.id, cls.id, PROBE_SUBJECT, staff.id],
  );
  return {
    schoolId: school.id,
    schoolCode: school.code,
    classId: cls.id,
    studentIds,
    token: await ctx.login('bench.probe'),
    path: `/api/schools/${school.id}/classes/${cls.id}/gradebook/1/${PROBE_SUBJECT}`,
    versions: new Map(),
  };
}

/** The probe's whole sheet with every score `score` (so every average is `score`), through the API. */
async function saveProbe(ctx, probe, score) {
  const cells = { TX1: score, TX2: score, TX3: score, TX4: score, GK: score, CK: score };
  const rows = probe.studentIds.map((studentId) => ({ studentId, version: probe.versions.get(studentId) ?? 0, cells }));
  const res = await fetch(`${ctx.baseUrl}${probe.path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${probe.token}` },
    body: JSON.stringify({ requestId: randomUUID(), rows }),
  });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`probe save: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  for (const row of body.rows) probe.versions.set(row.studentId, row.version);
}

/** Polls `read` until it answers `expected`: the ms since `started`, or null after GIVE_UP_MS. */
async function untilVisible(read, expected, started) {
  for (;;) {
    if ((await read()) === expected) return performance.now() - started;
    if (performance.now() - started > GIVE_UP_MS) return null;
    await new Promise((r) => setTimeout(r, POLL_PAUSE_MS));
  }
}

async function refreshVersions(ctx, workers) {
  for (const w of workers) w.versions = await currentVersions(ctx, w);
}

/** Runs `work` and answers its result and what the refresher did meanwhile. */
async function withRefreshCost(ctx, work) {
  const { owner } = ctx;
  const before = await readModelState(owner);
  const {
    rows: [{ now: from }],
  } = await owner.query('select now()');
  const result = await work();
  const {
    rows: [{ now: to }],
  } = await owner.query('select now()');
  const after = await readModelState(owner);
  // pg-boss keeps finished jobs in pgboss.job until its maintenance archives them (hours later).
  const { rows: jobs } = await owner.query(
    `select name, count(*)::int as jobs, count(*) filter (where state = 'completed')::int as completed,
            round(avg(extract(epoch from completed_on - started_on) * 1000))::int as "meanMs",
            round(max(extract(epoch from completed_on - started_on) * 1000))::int as "maxMs",
            round(avg(extract(epoch from started_on - created_on) * 1000))::int as "meanWaitMs"
       from pgboss.job where name like 'reporting%' and started_on between $1 and $2 group by name order by name`,
    [from, to],
  );
  const seconds = (to - from) / 1000;
  return {
    result,
    seconds,
    cost: {
      seconds: Math.round(seconds * 10) / 10,
      refreshes: after.versions - before.versions,
      refreshesPerSecond: Math.round(((after.versions - before.versions) / seconds) * 10) / 10,
      dirtyAfter: after.dirty,
      jobs,
    },
  };
}

function describeCost(cost) {
  const jobs = cost.jobs.map(
    (j) => `${j.name}: ${j.jobs} jobs, mean ${j.meanMs} ms, max ${j.maxMs} ms, wait ${j.meanWaitMs} ms`,
  );
  return `${cost.refreshes} school refreshes in ${cost.seconds} s (${cost.refreshesPerSecond}/s)${jobs.length ? `; ${jobs.join('; ')}` : ''}`;
}

/** grade-save's load generator as its own process, without blocking this one (the probe runs meanwhile). */
function drive(config) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'load.mjs'), JSON.stringify(config)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()))
        : reject(new Error(`load.mjs exited with ${code}`)),
    );
  });
}
