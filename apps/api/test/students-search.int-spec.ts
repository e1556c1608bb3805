import { RAREST_WORD_SQL, SEARCH_PLAN_SETTINGS, studentSearchStatement } from '@emis/api/people';
import { READ_BUDGETS } from '@emis/domain';
import { Client } from 'pg';
import { bearer, createUser, startTestApp, TestApp } from './harness';
import { createReportSchool, createUnit, Unit } from './reports-fixtures';
import { connectAsApp, presentScope, signScope } from './scope-fixtures';
import { createClass, createYear } from './students-fixtures';
import { enrolUser } from './totp';

/** A node of EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON). */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Parent Relationship'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode, into: PlanNode[] = []): PlanNode[] {
  into.push(plan);
  for (const child of plan.Plans ?? []) nodes(child, into);
  return into;
}

/** Rows each table's scans read (kept and filtered out, over every loop). */
function rowsRead(plan: PlanNode): Record<string, number> {
  const into: Record<string, number> = {};
  for (const n of nodes(plan)) {
    const table = n['Relation Name'];
    if (table)
      into[table] = (into[table] ?? 0) + (n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0)) * n['Actual Loops'];
  }
  return into;
}

const SCHOOLS = 20;
const PER_SCHOOL = 2_000;
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thu', 'Đức'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Khánh', 'Lan', 'Nam', 'Phương', 'Quân', 'Thảo', 'Yến'];

/**
 * The province-wide pupil search (docs/domain/records.md, "Finding a pupil across schools"): Vietnamese-aware
 * matching, the reader's scope, keyset pages, masked ID numbers, the read budget and READ rows; and its plans at
 * 40,000 pupils in 20 schools (on top of every other spec's pupils), checked on what PostgreSQL runs as the
 * application role under the department's sealed scope — rows read and index use, never the clock.
 */
describe('the province-wide pupil search', () => {
  let t: TestApp;
  let app: Client;
  let unit: Unit;
  let other: Unit;
  const schools: Unit[] = [];
  let otherSchool: Unit;
  let year: { id: string; code: string };
  /** A word no other spec's pupil carries: the plan's "rare name" case. */
  const rare = `Khuê${(process.pid % 1000).toString(36)}`;
  let anh: { id: string; schoolId: string; personalId: string };

  beforeAll(async () => {
    t = await startTestApp();
    unit = await createUnit(t);
    other = await createUnit(t);
    for (let i = 0; i < SCHOOLS; i += 1) schools.push(await createReportSchool(t, unit));
    otherSchool = await createReportSchool(t, other);
    year = await createYear(t, 2063);
    // The bulk: the commonest Vietnamese names, every pupil of them in a class of the year.
    await t.owner.query(
      `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
       select ($1::uuid[])[1 + i % $3], '0353' || lpad(i::text, 8, '0'),
              ($4::text[])[1 + i % 8] || ' ' || ($5::text[])[1 + (i / 8) % 6] || ' ' || ($6::text[])[1 + (i / 48) % 12],
              date '2012-01-01' + (i % 700), case when i % 2 = 0 then 'MALE' else 'FEMALE' end, now(), now()
         from generate_series(1, $2::int) i`,
      [schools.map((s) => s.id), SCHOOLS * PER_SCHOOL, SCHOOLS, FAMILY, MIDDLE, GIVEN],
    );
    const classes: string[] = [];
    for (const s of schools) classes.push(await createClass(t, s.id, year.id, '6A', '6'));
    await t.owner.query(
      `insert into enrolment (school_id, student_id, class_id, school_year_id, from_date)
       select s.school_id, s.id, c.id, $2, date '2063-09-05'
         from student s join class c on c.school_id = s.school_id and c.school_year_id = $2
        where s.school_id = any($1::uuid[])`,
      [schools.map((s) => s.id), year.id],
    );
    // The pupils the behaviour cases look for: one name written three ways (precomposed, decomposed, the old tone
    // placement "Thuỳ"), the rare name, and the same name at a school of another unit.
    const named = async (schoolId: string, fullName: string, personalId: string) => {
      const [row] = await t.owner.query(
        `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
         values ($1, $2, $3, '2013-03-04', 'FEMALE', now(), now()) returning id`,
        [schoolId, personalId, fullName],
      );
      return row.id as string;
    };
    anh = {
      id: await named(schools[0].id, 'Nguyễn Thùy Anh', '035313000001'),
      schoolId: schools[0].id,
      personalId: '035313000001',
    };
    await t.owner.query(
      `insert into enrolment (school_id, student_id, class_id, school_year_id, from_date) values ($1, $2, $3, $4, '2063-09-05')`,
      [anh.schoolId, anh.id, classes[0], year.id],
    );
    await named(schools[1].id, 'Nguyễn Thùy Anh'.normalize('NFD'), '035313000002');
    await named(schools[2].id, '  NGUYỄN   Thuỳ   ANH ', '035313000003');
    await named(otherSchool.id, 'Nguyễn Thùy Anh', '035313000004');
    for (let i = 0; i < 5; i += 1) await named(schools[3 + i].id, `Trần ${rare} ${GIVEN[i]}`, `03531300010${i}`);
    await t.owner.query(`analyze student; analyze student_search_word; analyze enrolment`);
    app = await connectAsApp();
  }, 300_000);
  afterAll(async () => {
    await app?.end();
    await t.close();
  });

  /** An officer of `u` (or of the department narrowed to `u` with the org-unit switcher), signed in. */
  async function officer(role: 'UNIT_OFFICER' | 'DEPARTMENT_OFFICER', u: Unit): Promise<Record<string, string>> {
    const username = await createUser(t, role, role === 'UNIT_OFFICER' ? u.code : 'SGDDT-HY');
    const token = await t.login(username);
    return { ...bearer(token), ...(role === 'DEPARTMENT_OFFICER' ? { 'X-Org-Unit': u.id } : {}) };
  }

  const search = (headers: Record<string, string>, query: Record<string, string | number>) =>
    t.http().get('/api/students/search').query(query).set(headers);

  it('finds "Nguyễn Thùy Anh" from "thuy anh nguyen": no diacritics, any case, any order, extra spaces, either Unicode form', async () => {
    const headers = await officer('UNIT_OFFICER', unit);
    for (const q of ['thuy anh nguyen', '  THÙY   nguyễn anh ', 'Nguyen Thuy Anh']) {
      const res = await search(headers, { q });
      expect(res.status).toBe(200);
      expect(res.body.items.map((h: { personalId: string }) => h.personalId).sort()).toEqual([
        '0353•••••001',
        '0353•••••002',
        '0353•••••003',
      ]);
      expect(res.body.nextCursor).toBeNull();
    }
    const res = await search(headers, { q: 'thuy anh nguyen' });
    const hit = res.body.items.find((h: { id: string }) => h.id === anh.id);
    expect(hit).toMatchObject({
      schoolId: schools[0].id,
      schoolCode: schools[0].code,
      fullName: 'Nguyễn Thùy Anh',
      status: 'STUDYING',
      className: '6A',
      schoolYearCode: year.code,
      dateOfBirth: '2013-03-04',
    });
    // Every word must be a whole word of the name: "an" is not "Anh".
    expect((await search(headers, { q: 'thuy an nguyen' })).body.items).toEqual([]);
  });

  it("answers only the reader's schools: a unit sees its own, the department narrowed to a unit sees that unit's", async () => {
    const mine = await search(await officer('UNIT_OFFICER', other), { q: 'thuy anh nguyen' });
    expect(mine.body.items.map((h: { schoolId: string }) => h.schoolId)).toEqual([otherSchool.id]);
    const narrowed = await search(await officer('DEPARTMENT_OFFICER', other), { q: 'nguyen thuy anh' });
    expect(narrowed.body.items.map((h: { schoolId: string }) => h.schoolId)).toEqual([otherSchool.id]);
  });

  it('finds a pupil by the 12-digit ID number, masked in the answer', async () => {
    const res = await search(await officer('UNIT_OFFICER', unit), { q: '0353 1300 0001' });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ id: anh.id, personalId: '0353•••••001' });
  });

  it('pages by keyset in the Vietnamese name order, every pupil once', async () => {
    const headers = await officer('UNIT_OFFICER', unit);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await search(headers, { q: rare.toLowerCase(), pageSize: 2, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((h: { fullName: string }) => h.fullName));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    // Given names An, Bình, Chi, Dũng, Hà in Vietnamese order.
    expect(seen).toEqual(GIVEN.slice(0, 5).map((g) => `Trần ${rare} ${g}`));
  });

  it('refuses bad input with field errors in Vietnamese and English', async () => {
    const headers = await officer('UNIT_OFFICER', unit);
    const empty = await search(headers, { q: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field)).toContain('q');
    const noWords = await search(headers, { q: '!!!' });
    expect(noWords.status).toBe(400);
    expect(noWords.body.errors[0]).toMatchObject({ field: 'q' });
    expect(noWords.body.errors[0].message).toMatch(/từ của họ tên/);
    const badCursor = await search({ ...headers, 'Accept-Language': 'en' }, { q: 'anh', cursor: 'bm90IGEga2V5' });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors[0]).toMatchObject({ field: 'cursor' });
    expect(badCursor.body.errors[0].message).toMatch(/search again/);
    const tooLarge = await search(headers, { q: 'anh', pageSize: 51 });
    expect(tooLarge.status).toBe(400);
  });

  it("is not a school user's: a principal is refused", async () => {
    const username = await createUser(t, 'SCHOOL_ADMIN', schools[0].code);
    await enrolUser(t.owner, username, t.config.MFA_ENCRYPTION_KEY ?? t.config.JWT_SECRET);
    const res = await search(bearer(await t.login(username)), { q: 'thuy anh nguyen' });
    expect(res.status).toBe(403);
  });

  it("charges the pupils shown to the reader's budget, names them in one READ row per school, and stops a walk", async () => {
    const username = await createUser(t, 'UNIT_OFFICER', unit.code);
    const headers = bearer(await t.login(username));
    const [{ id: userId }] = await t.owner.query(`select id from app_user where username = $1`, [username]);
    const first = await search(headers, { q: 'thuy anh nguyen' });
    const perSchool = await t.owner.query(
      `select school_id, after->'ids' as ids from audit_log
        where actor_id = $1 and action = 'READ' and entity = 'student' order by school_id`,
      [userId],
    );
    expect(perSchool.map((r: { school_id: string }) => r.school_id).sort()).toEqual(
      first.body.items.map((h: { schoolId: string }) => h.schoolId).sort(),
    );
    // A walk through every "Nguyễn" of the unit, 50 a page, is refused within the hour's budget.
    const budget = READ_BUDGETS.UNIT_OFFICER.STUDENT.perHour;
    let cursor: string | null = null;
    const received = new Set<string>(first.body.items.map((h: { id: string }) => h.id));
    let status = 200;
    while (status === 200) {
      const res = await search(headers, { q: 'nguyen', pageSize: 50, ...(cursor ? { cursor } : {}) });
      status = res.status;
      if (status === 200) {
        for (const h of res.body.items) received.add(h.id);
        cursor = res.body.nextCursor;
      }
    }
    expect(status).toBe(429);
    // Pupils counted once however often they are shown (re-reads in the day are free).
    expect(received.size).toBeLessThanOrEqual(budget);
    expect(received.size).toBeGreaterThan(budget - 50);
  });

  /** Runs the search's statement under EXPLAIN ANALYZE as the application role with the department's whole scope. */
  async function planOf(words: string[], extra: { personalId?: string; driver?: string } = {}): Promise<PlanNode> {
    const { sql, params } = studentSearchStatement({ words, schoolIds: null, limit: 21, ...extra });
    await app.query('begin');
    try {
      await presentScope(app, signScope({ rootId: 'all', all: true, orgUnitIds: [] }));
      // The settings the repository runs the statement with.
      await app.query(`select ${SEARCH_PLAN_SETTINGS.map((n) => `set_config('${n}', 'off', true)`).join(', ')}`);
      const { rows } = await app.query(`explain (analyze, buffers, format json) ${sql}`, params);
      return rows[0]['QUERY PLAN'][0].Plan as PlanNode;
    } finally {
      await app.query('rollback');
    }
  }

  function expectNoSeqScanOfPupils(plan: PlanNode): void {
    const scans = nodes(plan)
      .filter((n) => n['Node Type'] === 'Seq Scan')
      .map((n) => n['Relation Name']);
    expect(scans).not.toContain('student');
    expect(scans).not.toContain('student_search_word');
    // No per-row subquery: the word conditions are joins, not a SubPlan run for each pupil.
    expect(nodes(plan).filter((n) => n['Parent Relationship'] === 'SubPlan')).toEqual([]);
  }

  it('starts from the rare word of a name: reads its few pupils, not the province', async () => {
    const [{ words }] = (await app.query(`select student_search_words($1) as words`, [`Trần ${rare}`])).rows;
    const folded = words.find((w: string) => w !== 'tran');
    // The repository's choice of the word to read in order: the rare one, not "tran".
    expect((await app.query(RAREST_WORD_SQL, [words])).rows[0].word).toBe(folded);
    const plan = await planOf(words, { driver: folded });
    expect(plan['Actual Rows']).toBe(5);
    expectNoSeqScanOfPupils(plan);
    const read = rowsRead(plan);
    expect(read['student']).toBeLessThanOrEqual(50);
    expect(read['student_search_word']).toBeLessThanOrEqual(100);
  });

  it('reads a page, not every match, for a common name, and a page of a three-word name', async () => {
    // A third of the 40,000 are Nguyễn or Trần …: the name order is read from its index and the page cut early.
    const common = await planOf(['nguyen']);
    expect(common['Actual Rows']).toBe(21);
    expectNoSeqScanOfPupils(common);
    // Measured: 21 word rows and 21 pupils (9,008 pupils read and sorted before the planner settings).
    expect(rowsRead(common)['student_search_word']).toBeLessThanOrEqual(100);
    expect(rowsRead(common)['student']).toBeLessThanOrEqual(100);
    expect((await app.query(RAREST_WORD_SQL, [['an', 'nguyen', 'thi']])).rows[0].word).toBe('an');
    const three = await planOf(['an', 'nguyen', 'thi'], { driver: 'an' });
    expectNoSeqScanOfPupils(three);
    // "an" names about 3,400 pupils here, of whom one in 48 is also a "Nguyễn Thị": about a thousand of them are read
    // (and probed) for a page of 21, the pupils' records only for the page.
    expect(rowsRead(three)['student_search_word']).toBeLessThanOrEqual(3 * 3_400);
    expect(rowsRead(three)['student']).toBeLessThanOrEqual(100);
  });

  it('looks an ID number up by its index', async () => {
    const plan = await planOf([], { personalId: anh.personalId });
    expect(plan['Actual Rows']).toBe(1);
    expectNoSeqScanOfPupils(plan);
    expect(rowsRead(plan)['student']).toBeLessThanOrEqual(2);
  });
});
