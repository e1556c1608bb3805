// Scenario "grade-save": teachers saving whole class sheets (45 pupils × 6 scores) at the same time, one class per
// worker, each in a different school where the province allows (term-end bursts span schools). Baseline: the same
// rows written by one transaction per sheet straight into PostgreSQL as the application role, under RLS.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterPostmasterPids, cpuMeter } from './cpu.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const PUPILS = 45;

/** Classes, pupils, teachers and their assignments for `classes` workers, written as the schema owner. */
export async function prepare(ctx, classes) {
  const { owner } = ctx;
  const schools = (
    await owner.query(
      `select id from org_unit where kind = 'SCHOOL' and levels && array['LOWER_SECONDARY', 'UPPER_SECONDARY'] order by code`,
    )
  ).rows.map((r) => r.id);
  const [{ id: yearId }] = (
    await owner.query(`select id from school_year where status = 'OPEN' order by code desc limit 1`)
  ).rows;
  const [{ password_hash: hash }] = (
    await owner.query(`select password_hash from app_user where role = 'TEACHER' limit 1`)
  ).rows;
  // Numbered after an earlier run's teachers: a database measured in place (a Citus coordinator, --in-place) keeps
  // them, and their names, personal ids and classes must not collide.
  const [{ earlier }] = (
    await owner.query(`select count(*)::int as earlier from app_user where username like 'bench.gv%'`)
  ).rows;
  const workers = [];
  for (let i = 0; i < classes; i += 1) {
    const schoolId = schools[i % schools.length];
    const serial = String(earlier + i).padStart(3, '0');
    const {
      rows: [staff],
    } = await owner.query(
      `insert into staff (school_id, personal_id, full_name, date_of_birth, gender, position, contract_type, start_date, subjects, created_at, updated_at)
       values ($1, $2, $3, '1985-01-01', 'FEMALE', 'TEACHER', 'CIVIL_SERVANT', '2010-09-01', '{TOAN}', now(), now()) returning id`,
      [schoolId, `033185900${serial}`, `Giáo Viên Đo ${serial}`],
    );
    const {
      rows: [user],
    } = await owner.query(
      `insert into app_user (username, password_hash, full_name, role, org_unit_id, staff_id) values ($1, $2, $3, 'TEACHER', $4, $5) returning id`,
      [`bench.gv${serial}`, hash, `Giáo Viên Đo ${serial}`, schoolId, staff.id],
    );
    const {
      rows: [cls],
    } = await owner.query(
      `insert into class (school_id, school_year_id, name, grade, homeroom_staff_id, created_at, updated_at) values ($1, $2, $3, '6', $4, now(), now()) returning id`,
      [schoolId, yearId, `6Đo${serial}`, staff.id],
    );
    const { rows: pupils } = await owner.query(
      `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
       select $1, '0332149' || $2 || lpad(k::text, 2, '0'), 'Học Sinh Đo ' || $2 || ' ' || k, '2014-06-01', 'MALE', now(), now()
         from generate_series(1, ${PUPILS}) k returning id`,
      [schoolId, serial],
    );
    const studentIds = pupils.map((p) => p.id);
    await owner.query(
      `insert into enrolment (school_id, student_id, class_id, school_year_id, from_date) select $1, s, $2, $3, '2026-09-05' from unnest($4::uuid[]) s`,
      [schoolId, cls.id, yearId, studentIds],
    );
    await owner.query(
      `insert into teaching_assignment (school_id, class_id, subject_code, semester, staff_id, assigned_at) values ($1, $2, 'TOAN', 1, $3, now())`,
      [schoolId, cls.id, staff.id],
    );
    // The baseline writes its own gradebook (semester II), so the two runs never touch each other's rows.
    const {
      rows: [book],
    } = await owner.query(
      `insert into gradebook (school_id, class_id, subject_code, semester, scheme, scheme_version, assessment, periods_per_year, created_at)
       values ($1, $2, 'TOAN', 2, 'C22', 'bench', 'SCORE', 140, now()) returning id`,
      [schoolId, cls.id],
    );
    workers.push({
      index: i,
      schoolId,
      userId: user.id,
      username: `bench.gv${serial}`,
      studentIds,
      classId: cls.id,
      baselineGradebookId: book.id,
      path: `/api/schools/${schoolId}/classes/${cls.id}/gradebook/1/TOAN`,
      versions: {},
    });
  }
  for (const w of workers) w.token = await ctx.login(w.username);
  return workers;
}

export async function run(ctx, { classes, seconds }) {
  const workers = await prepare(ctx, classes);
  // A short warm-up of both paths (JIT, plans, connection pools) that is not measured.
  drive({ mode: 'http', baseUrl: ctx.baseUrl, workers, seconds: 2 });
  for (const w of workers) w.versions = await currentVersions(ctx, w);
  drive({ mode: 'sql', appUrl: ctx.appUrl, workers, seconds: 2 });
  const meter = cpuMeter({ apiPid: ctx.apiPid, postmasterPid: await clusterPostmasterPids(ctx.owner) });
  const stats = ctx.pgStats ? await statementStats(ctx.owner) : undefined;
  const measure = async (config) => {
    await stats?.reset();
    const before = meter.sample();
    const side = drive(config);
    // CPU per save of each process, and (with --pg-stats) PostgreSQL's time per save by statement.
    side.cpu = meter.perOperation(before, meter.sample(), side.operations);
    if (stats) side.statements = await stats.perOperation(side.operations);
    return side;
  };
  const ours = await measure({ mode: 'http', baseUrl: ctx.baseUrl, workers, seconds });
  const baseline = await measure({ mode: 'sql', appUrl: ctx.appUrl, workers, seconds });
  // The baseline as it was until issue 15 (no kept answer, no results event): the ratio to it is printed apart.
  const leanBaseline = await measure({ mode: 'sql', lean: true, appUrl: ctx.appUrl, workers, seconds });
  console.error(
    `grade-save: ratio to the lean baseline (rows, history, audit only) ${Math.round((ours.perSecond / leanBaseline.perSecond) * 100) / 100}`,
  );
  for (const [name, side] of [
    ['ours', ours],
    ['baseline', baseline],
    ['leanBaseline', leanBaseline],
  ]) {
    console.error(
      `grade-save ${name}: CPU per save — API ${side.cpu.apiMs} ms, PostgreSQL ${side.cpu.dbMs} ms, load ${side.cpu.loadMs} ms`,
    );
    if (side.statements) printStatements(name, side.statements);
  }
  return {
    scenario: 'grade-save',
    description: `PUT a whole class sheet (${PUPILS} pupils × 6 scores) with ${classes} concurrent teachers, ${seconds} s`,
    unit: 'saves/s',
    ours,
    baseline,
    leanBaseline,
  };
}

/**
 * pg_stat_statements of the bench's server (run.mjs --pg-stats): reset before a side, then each statement's calls,
 * execution and planning time per save, top-level statements apart from those run inside functions (audit_append's).
 */
async function statementStats(owner) {
  await owner.query('create extension if not exists pg_stat_statements');
  return {
    reset: () => owner.query('select pg_stat_statements_reset()'),
    async perOperation(operations) {
      const { rows } = await owner.query(
        `select toplevel, calls::int, total_exec_time as exec, total_plan_time as plan, shared_blks_hit + shared_blks_read as blocks,
                regexp_replace(query, '\\s+', ' ', 'g') as query
           from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
          order by total_exec_time + total_plan_time desc`,
      );
      const per = (x) => Math.round((x / Math.max(1, operations)) * 1000) / 1000;
      const top = rows.filter((r) => r.toplevel);
      return {
        totalMs: per(top.reduce((a, r) => a + r.exec + r.plan, 0)),
        planMs: per(top.reduce((a, r) => a + r.plan, 0)),
        statements: rows.slice(0, 25).map((r) => ({
          toplevel: r.toplevel,
          callsPerOp: per(r.calls),
          execMs: per(r.exec),
          planMs: per(r.plan),
          blocks: per(r.blocks),
          query: r.query.slice(0, 160),
        })),
      };
    },
  };
}

function printStatements(name, s) {
  console.error(`  PostgreSQL time per save (${name}): ${s.totalMs} ms top-level, of which planning ${s.planMs} ms`);
  for (const r of s.statements)
    console.error(
      `   ${r.toplevel ? ' ' : '↳'} ${String(r.execMs).padStart(7)} exec ${String(r.planMs).padStart(7)} plan ${String(r.callsPerOp).padStart(6)} calls  ${r.query}`,
    );
}

/** Every row's version of a worker's sheet, for the next load run to continue from. */
export async function currentVersions(ctx, w) {
  const res = await fetch(`${ctx.baseUrl}${w.path}`, { headers: { authorization: `Bearer ${w.token}` } });
  const sheet = await res.json();
  return Object.fromEntries(sheet.rows.map((r) => [r.studentId, r.version]));
}

/** Runs the load generator as its own process and returns its summary. */
function drive(config) {
  const out = execFileSync(process.execPath, [path.join(here, 'load.mjs'), JSON.stringify(config)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').pop());
}
