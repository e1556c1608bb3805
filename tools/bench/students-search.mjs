// Scenario "students-search": the department's province-wide pupil search (docs/domain/records.md, "Finding a pupil
// across schools") — GET /api/students/search?q=…&pageSize=20 as a department officer, one request after another,
// rotating four questions: a common family name ("nguyen", a page of tens of thousands of matches), a full name typed
// without diacritics in another order, a rare name, and a 12-digit ID number. On the demo province the scenario first
// adds PUPILS pupils in SCHOOLS schools (the commonest Vietnamese names); on a full-scale copy (`--scale-dir`, after
// `npm run seed:scale`) it searches the pupils already there. Baseline: the same statements (the words folded, the
// rarest chosen, the page read with the same planner settings) straight against PostgreSQL as the application role
// under the department's sealed scope. Target: p95 ≤ 50 ms. The read budget charges re-reads nothing, so the officer
// stays within it: the four first pages name under 80 pupils.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { adminToken } from './fixtures.mjs';
import { presentScope } from './scope.mjs';
import { summarise } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const PUPILS = 200_000;
const SCHOOLS = 100;
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thu', 'Đức'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Khánh', 'Lan', 'Nam', 'Phương', 'Quân', 'Thảo', 'Yến'];

/** Adds the province's pupils when the database holds fewer than PUPILS (the demo), as the schema owner. */
async function prepare(owner) {
  const [{ n }] = (await owner.query(`select count(*)::int as n from student`)).rows;
  const [{ id: departmentId }] = (
    await owner.query(`select id from org_unit where kind = 'DEPARTMENT' and parent_id is null`)
  ).rows;
  if (n < PUPILS) {
    const { rows: schools } = await owner.query(
      `insert into org_unit (parent_id, kind, code, name, levels, ownership)
       select $1, 'SCHOOL', 'BENCH-S' || k, 'Trường Đo Tìm ' || k, '{LOWER_SECONDARY}', 'PUBLIC'
         from generate_series(1, $2::int) k returning id`,
      [departmentId, SCHOOLS],
    );
    await owner.query(
      `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
       select ($1::uuid[])[1 + i % $3], '0344' || lpad(i::text, 8, '0'),
              ($4::text[])[1 + i % 8] || ' ' || ($5::text[])[1 + (i / 8) % 6] || ' ' || ($6::text[])[1 + (i / 48) % 12],
              date '2012-01-01' + (i % 1400), case when i % 2 = 0 then 'MALE' else 'FEMALE' end, now(), now()
         from generate_series(1, $2::int) i`,
      [schools.map((s) => s.id), PUPILS, SCHOOLS, FAMILY, MIDDLE, GIVEN],
    );
  }
  // One pupil with a rare name, and the ID number asked.
  const [{ id: schoolId }] = (await owner.query(`select id from org_unit where kind = 'SCHOOL' order by code limit 1`))
    .rows;
  await owner.query(
    `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
     values ($1, '034413999999', 'Hà Khuê Tường Vi', '2013-02-03', 'FEMALE', now(), now())`,
    [schoolId],
  );
  await owner.query(`analyze student; analyze student_search_word`);
  return { departmentId };
}

const QUESTIONS = ['nguyen', 'an thi nguyen', 'khue tuong vi', '034413999999'];

/** Requests one after another for `seconds`: their latencies summarised. */
async function timed(seconds, once) {
  const latencies = [];
  let errors = 0;
  let i = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    const t0 = performance.now();
    try {
      await once(QUESTIONS[i++ % QUESTIONS.length]);
      latencies.push(performance.now() - t0);
    } catch {
      errors += 1;
    }
  }
  return summarise(latencies, (performance.now() - started) / 1000, errors);
}

export async function run(ctx, { seconds }) {
  const { departmentId } = await prepare(ctx.owner);
  const token = await adminToken(ctx, departmentId, 'bench.search', 'DEPARTMENT_OFFICER');
  const search = async (q) => {
    const url = `${ctx.baseUrl}/api/students/search?pageSize=20&q=${encodeURIComponent(q)}`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.json();
    if (res.status !== 200 || !body.items?.length) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(body)}`);
  };
  // The built API's statement, so the baseline runs exactly the SQL the API runs, without the HTTP, the budget and
  // the audit rows around it.
  const people = require(path.join(root, 'dist/apps/api/libs/api/people/src/search/student-search.repository.js'));
  const client = new pg.Client({ connectionString: ctx.appUrl });
  await client.connect();
  const baseline = async (q) => {
    await client.query('begin');
    try {
      await presentScope(client, { all: true });
      const digits = q.replace(/\s+/g, '');
      const personalId = /^\d{12}$/.test(digits) ? digits : undefined;
      const words = personalId ? [] : (await client.query(`select student_search_words($1) as w`, [q])).rows[0].w;
      const driver = words.length > 1 ? (await client.query(people.RAREST_WORD_SQL, [words])).rows[0].word : words[0];
      const off = people.SEARCH_PLAN_SETTINGS.map((n) => `set_config('${n}', 'off', true)`).join(', ');
      await client.query(`select ${off}`);
      const { sql, params } = people.studentSearchStatement({ words, driver, personalId, schoolIds: null, limit: 21 });
      const { rows } = await client.query(sql, params);
      if (!rows.length) throw new Error(`baseline ${q}: no rows`);
    } finally {
      await client.query('commit');
    }
  };
  try {
    for (const q of QUESTIONS) await search(q); // warm-up: plans, pools, the budget's first charge
    for (const q of QUESTIONS) await baseline(q);
    const ours = await timed(seconds, search);
    const base = await timed(seconds, baseline);
    return {
      scenario: 'students-search',
      description: `GET the first page (20) of the province-wide pupil search, four questions in turn, ${seconds} s`,
      unit: 'searches/s',
      ours,
      baseline: base,
    };
  } finally {
    await client.end();
  }
}
