// Scenario "export-50k": the whole school's semester scores in one workbook (GET /api/schools/:id/gradebook/
// export.xlsx), about 50,000 rows (pupil × subject), streamed: time and the API's peak resident memory. Baseline:
// the same join read straight from PostgreSQL and written as CSV text — the naive export.
import pg from 'pg';
import { measured, schoolAdminToken, single } from './fixtures.mjs';
import { presentScope } from './scope.mjs';

const TARGET_ROWS = 50_000;
const PUPILS = 45;

/** A big upper-secondary school of its own: enough grade-10 classes for ~50,000 pupil × subject rows of semester I. */
async function bigSchool(ctx) {
  const { owner } = ctx;
  const [{ id: yearId }] = (await owner.query(`select id from school_year where status = 'OPEN'`)).rows;
  const [{ id: parentId }] = (await owner.query(`select id from org_unit where kind = 'DEPARTMENT'`)).rows;
  const subjects = (
    await owner.query(
      `select subject_code, assessment, periods_per_year from curriculum_subject where grade = '10' order by subject_code`,
    )
  ).rows;
  const classes = Math.ceil(TARGET_ROWS / (PUPILS * subjects.length));
  const {
    rows: [school],
  } = await owner.query(
    `insert into org_unit (code, name, kind, parent_id, levels) values ('THPT-DO', 'Trường THPT Đo Lường', 'SCHOOL', $1, '{UPPER_SECONDARY}') returning id`,
    [parentId],
  );
  await owner.query(
    `insert into class (school_id, school_year_id, name, grade, created_at, updated_at)
     select $1, $2, '10Đ' || k, '10', now(), now() from generate_series(1, $3) k`,
    [school.id, yearId, classes],
  );
  await owner.query(
    `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
     select $1, '0022100' || lpad(k::text, 5, '0'), 'Học Sinh Đo ' || k, '2010-03-04', case when k % 2 = 0 then 'FEMALE' else 'MALE' end, now(), now()
       from generate_series(1, $2) k`,
    [school.id, classes * PUPILS],
  );
  await owner.query(
    `insert into enrolment (school_id, student_id, class_id, school_year_id, from_date)
     select $1, s.id, c.id, $2, '2026-09-05'
       from (select id, row_number() over (order by personal_id) - 1 as n from student where school_id = $1) s
       join (select id, row_number() over (order by name) - 1 as n from class where school_id = $1) c on c.n = s.n / ${PUPILS}`,
    [school.id, yearId],
  );
  await owner.query(
    `insert into gradebook (school_id, class_id, subject_code, semester, scheme, scheme_version, assessment, periods_per_year, created_at)
     select $1, c.id, s.subject_code, 1, 'C22', 'bench', s.assessment, s.periods_per_year, now()
       from class c cross join curriculum_subject s where c.school_id = $1 and s.grade = '10'`,
    [school.id],
  );
  // Scores 5.0–9.9 from a hash of the pupil and the subject: deterministic, spread like a real class.
  await owner.query(
    `insert into grade_entry (school_id, gradebook_id, student_id, cells, average, rating, updated_at)
     select $1, g.id, e.student_id,
            case when g.assessment = 'SCORE'
              then jsonb_build_object('TX1', v, 'TX2', v, 'TX3', v, 'GK', v, 'CK', v) else jsonb_build_object('TX1', 'D', 'TX2', 'D', 'GK', 'D', 'CK', 'D') end,
            case when g.assessment = 'SCORE' then v end, case when g.assessment = 'COMMENT' then 'D' end, now()
       from gradebook g join enrolment e on e.school_id = g.school_id and e.class_id = g.class_id
       cross join lateral (select (50 + abs(hashtext(e.student_id::text || g.subject_code)) % 50) / 10.0 as v) x
      where g.school_id = $1`,
    [school.id],
  );
  // Statistics as a school's data has them once autovacuum has seen it: measured right after the load, the planner took
  // the new school for empty and the export's per-class read scanned the whole school's scores for every class (2–4
  // minutes instead of seconds on a loaded machine, whenever autoanalyze had not come round yet).
  await owner.query(`analyze grade_entry; analyze gradebook; analyze enrolment; analyze student; analyze class`);
  const [{ n }] = (await owner.query(`select count(*)::int as n from grade_entry where school_id = $1`, [school.id]))
    .rows;
  return { id: school.id, yearId, rows: n };
}

async function ours(ctx, school) {
  const token = await schoolAdminToken(ctx, school.id, 'bench.export.admin');
  return measured(ctx.apiPid, async () => {
    const res = await fetch(
      `${ctx.baseUrl}/api/schools/${school.id}/gradebook/export.xlsx?yearId=${school.yearId}&semester=1`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (res.status !== 200) throw new Error(`export: ${res.status} ${await res.text()}`);
    return (await res.arrayBuffer()).byteLength;
  });
}

async function baseline(ctx, school) {
  const client = new pg.Client({ connectionString: ctx.appUrl });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('begin');
    await presentScope(client, { schoolIds: [school.id] });
    const { rows } = await client.query(
      `select c.name, st.id, st.full_name, st.date_of_birth::text as dob, s.name as subject, e.cells::text as cells, e.average::text as average, e.rating, e.comment
         from grade_entry e join gradebook g on g.school_id = e.school_id and g.id = e.gradebook_id
         join class c on c.school_id = g.school_id and c.id = g.class_id join subject s on s.code = g.subject_code
         join student st on st.school_id = e.school_id and st.id = e.student_id
        where e.school_id = $1 and g.semester = 1 order by c.name, s.sort_order, st.full_name`,
      [school.id],
    );
    await client.query('commit');
    const csv = rows
      .map((r) =>
        Object.values(r)
          .map((v) => (v == null ? '' : `"${String(v).replace(/"/g, '""')}"`))
          .join(','),
      )
      .join('\n');
    return { seconds: (performance.now() - started) / 1000, bytes: Buffer.byteLength(csv) };
  } finally {
    await client.end();
  }
}

export async function run(ctx) {
  const school = await bigSchool(ctx);
  const { result: bytes, seconds, peakMb, growthMb } = await ours(ctx, school);
  const base = await baseline(ctx, school);
  return {
    scenario: 'export-50k',
    description: `the school's semester scores, ${school.rows} rows: xlsx ${(bytes / 1e6).toFixed(1)} MB streamed, API peak RSS ${peakMb} MB (+${growthMb} MB); baseline CSV ${(base.bytes / 1e6).toFixed(1)} MB`,
    unit: 'rows/s',
    ours: single(seconds, school.rows, { peakRssMb: peakMb, rssGrowthMb: growthMb, bytes }),
    baseline: single(base.seconds, school.rows, { bytes: base.bytes }),
  };
}
