// Scenario "students-list-50k": the first page of the student list (20 pupils, Vietnamese name order, with each
// pupil's class of the open year) at a school of 50,000 pupils — GET /api/schools/<id>/students?pageSize=20 as its
// administrator, one request after another (the read budget charges a re-read nothing). Before the fix this took
// minutes at 20,000 pupils: every pupil's class rescanned the school's enrolments (docs/domain/records.md, "Lists at
// any size"). Baseline: the same page and count straight against PostgreSQL as the application role under RLS with the
// school's sealed scope, over a naive schema's answer — the 20 first names from the name index, then their classes,
// and the count capped as the API caps it.
// Target: p95 ≤ 50 ms on the demo machine.
import pg from 'pg';
import { schoolAdminToken } from './fixtures.mjs';
import { presentScope } from './scope.mjs';
import { summarise } from './stats.mjs';

const PUPILS = 50_000;
const CLASS_SIZE = 45;
/** The list counts at most this many pupils (COUNT_CAP of libs/contracts). */
const COUNT_CAP = 10_000;

/** A school of PUPILS pupils in classes of CLASS_SIZE of the open year, written as the schema owner. */
async function prepare(owner) {
  const [{ id: parentId }] = (
    await owner.query(`select id from org_unit where kind = 'DEPARTMENT' and parent_id is null`)
  ).rows;
  const [{ id: yearId }] = (
    await owner.query(`select id from school_year where status = 'OPEN' order by code desc limit 1`)
  ).rows;
  const [{ id: schoolId }] = (
    await owner.query(
      `insert into org_unit (parent_id, kind, code, name, levels, ownership)
       values ($1, 'SCHOOL', 'BENCH-50K', 'Trường Đo 50.000', '{LOWER_SECONDARY}', 'PUBLIC') returning id`,
      [parentId],
    )
  ).rows;
  const classes = Math.ceil(PUPILS / CLASS_SIZE);
  const { rows: classRows } = await owner.query(
    `insert into class (school_id, school_year_id, name, grade, created_at, updated_at)
     select $1, $2, (6 + k % 4) || 'Đ' || k, (6 + k % 4)::text, now(), now() from generate_series(0, $3 - 1) k returning id`,
    [schoolId, yearId, classes],
  );
  await owner.query(
    `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
     select $1, '0342' || lpad(i::text, 8, '0'),
            (array['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ','Đặng','Bùi'])[1 + i % 8] || ' ' ||
            (array['Văn','Thị','Minh','Ngọc','Thu','Đức'])[1 + (i / 8) % 6] || ' ' ||
            (array['An','Bình','Chi','Dũng','Hà','Khánh','Lan','Nam','Phương','Quân','Thảo','Yến'])[1 + (i / 48) % 12],
            date '2012-01-01' + (i % 1400), case when i % 2 = 0 then 'MALE' else 'FEMALE' end, now(), now()
       from generate_series(1, $2::int) i`,
    [schoolId, PUPILS],
  );
  await owner.query(
    `insert into enrolment (school_id, student_id, class_id, school_year_id, from_date)
     select $1, s.id, ($3::uuid[])[1 + (row_number() over (order by s.id) - 1)::int / $4], $2, date '2026-09-05'
       from student s where s.school_id = $1`,
    [schoolId, yearId, classRows.map((c) => c.id), CLASS_SIZE],
  );
  await owner.query(`analyze student; analyze enrolment; analyze class`);
  return { schoolId, yearId };
}

/** Requests one after another for `seconds`: their latencies summarised. */
async function timed(seconds, once) {
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    const t0 = performance.now();
    try {
      await once();
      latencies.push(performance.now() - t0);
    } catch {
      errors += 1;
    }
  }
  return summarise(latencies, (performance.now() - started) / 1000, errors);
}

export async function run(ctx, { seconds }) {
  const school = await prepare(ctx.owner);
  const token = await schoolAdminToken(ctx, school.schoolId, 'bench.dsls50k');
  const url = `${ctx.baseUrl}/api/schools/${school.schoolId}/students?pageSize=20`;
  const firstPage = async () => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.json();
    // More pupils than the count's cap (docs/conventions.md, "Counts"): the total says "more than 10,000".
    if (res.status !== 200 || body.total !== COUNT_CAP || body.totalCapped !== true || body.items.length !== 20)
      throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  };
  const client = new pg.Client({ connectionString: ctx.appUrl });
  await client.connect();
  const baselinePage = async () => {
    await client.query('begin');
    try {
      await presentScope(client, { schoolIds: [school.schoolId] });
      const { rows } = await client.query(
        `select s.id, s.personal_id, s.full_name, s.date_of_birth::text, s.gender, s.ethnicity, s.status, c.id as class_id, c.name, c.grade
           from (select * from student where school_id = $1
                  order by given_name collate "vi-x-icu", middle_name collate "vi-x-icu", family_name collate "vi-x-icu", id
                  limit 20) s
           left join enrolment e on e.school_id = s.school_id and e.student_id = s.id and e.school_year_id = $2 and e.to_date is null
           left join class c on c.school_id = e.school_id and c.id = e.class_id`,
        [school.schoolId, school.yearId],
      );
      await client.query(
        `select count(*) from (select 1 from student where school_id = $1 limit ${COUNT_CAP + 1}) counted`,
        [school.schoolId],
      );
      if (rows.length !== 20) throw new Error(`baseline: ${rows.length} rows`);
    } finally {
      await client.query('commit');
    }
  };
  try {
    for (let i = 0; i < 5; i += 1) await firstPage(); // warm-up: plans, pools, the budget's first charge
    for (let i = 0; i < 5; i += 1) await baselinePage();
    const ours = await timed(seconds, firstPage);
    const baseline = await timed(seconds, baselinePage);
    return {
      scenario: 'students-list-50k',
      description: `GET the first page (20) of the student list of a school of ${PUPILS} pupils, one request at a time, ${seconds} s`,
      unit: 'pages/s',
      ours,
      baseline,
    };
  } finally {
    await client.end();
  }
}
