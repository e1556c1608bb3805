import { StudentFilter, studentCountStatement, studentListStatement, studentOrder } from '@emis/api/people';
import { COUNT_CAP } from '@emis/contracts';
import { Client } from 'pg';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { bearer, createSchool, createUser, startTestApp, TestApp } from './harness';
import { PlanNode, planAsApp, rowsRead } from './plan-fixtures';
import { connectAsApp, presentScope, schoolsScope, signScope } from './scope-fixtures';
import { createClass, createYear } from './students-fixtures';
import { enrolUser } from './totp';

const PUPILS = 50_000;
const CLASSES = 100;

/**
 * The student list at a school of 50,000 pupils (docs/domain/records.md, "Lists at any size"): a page reads what it
 * shows, not the school. Checked on the plans PostgreSQL runs (rows each table's scans read, buffers touched), as the
 * application role under the school's sealed scope — never on the clock, which a shared machine makes unreliable.
 * Before the fix, the first page read every pupil and, for each, the school's enrolments (per-row rescans).
 */
describe('the student list at a school of 50,000 pupils', () => {
  let t: TestApp;
  let app: Client;
  let schoolId: string;
  let schoolCode: string;
  let year: { id: string };
  const classIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    ({ id: schoolId, code: schoolCode } = await createSchool(t, 'PGD-KC'));
    const previous = await createYear(t, 2093, 'CLOSED');
    year = await createYear(t, 2094);
    const previousClass = await createClass(t, schoolId, previous.id, '5A', '5');
    for (let i = 0; i < CLASSES; i += 1)
      classIds.push(await createClass(t, schoolId, year.id, `${6 + (i % 4)}/${i}`, String(6 + (i % 4))));
    // Pupils named from the commonest Vietnamese names; every one was in last year's class and is in a class of this
    // year, and one in ten moved to it from another class of the year on 15/01 (a closed enrolment before it).
    await t.owner.query(
      `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
       select $1, '0343' || lpad(i::text, 8, '0'),
              (array['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ','Đặng','Bùi'])[1 + i % 8] || ' ' ||
              (array['Văn','Thị','Minh','Ngọc','Thu','Đức'])[1 + (i / 8) % 6] || ' ' ||
              (array['An','Bình','Chi','Dũng','Hà','Khánh','Lan','Nam','Phương','Quân','Thảo','Yến'])[1 + (i / 48) % 12]
                || ' ' || (array['Anh','Bảo','Châu','Đạt','Giang','Hùng','Linh','Mai','Ngân','Sơn','Tú'])[1 + (i / 576) % 11],
              date '2012-01-01' + (i % 700), case when i % 2 = 0 then 'MALE' else 'FEMALE' end, now(), now()
         from generate_series(1, $2::int) i`,
      [schoolId, PUPILS],
    );
    await t.owner.query(
      `with pupils as (select id, row_number() over (order by id) as n from student where school_id = $1)
       insert into enrolment (school_id, student_id, class_id, school_year_id, from_date, to_date, reason)
       select $1::uuid, p.id, $2::uuid, $3::uuid, date '2093-09-05', date '2094-05-31', null from pupils p
       union all
       select $1::uuid, p.id, ($5::uuid[])[1 + (p.n + 1) % $6], $4::uuid, date '2094-09-05', date '2095-01-14', 'Chuyển lớp'
         from pupils p where p.n % 10 = 0
       union all
       select $1::uuid, p.id, ($5::uuid[])[1 + p.n % $6], $4::uuid, case when p.n % 10 = 0 then date '2095-01-15' else date '2094-09-05' end,
              null::date, null
         from pupils p`,
      [schoolId, previousClass, previous.id, year.id, classIds, CLASSES],
    );
    await t.owner.query(`analyze student; analyze enrolment; analyze class`);
    app = await connectAsApp();
  }, 300_000);
  afterAll(async () => {
    await app?.end();
    await t.close();
  });

  const filter = (extra: Partial<StudentFilter> = {}): StudentFilter => ({
    yearId: year.id,
    searchPersonalId: true,
    ...extra,
  });

  /** Runs `sql` under EXPLAIN ANALYZE as the application role in the school's scope: the plan's root node. */
  function planOf({ sql, params }: { sql: string; params: unknown[] }): Promise<PlanNode> {
    return planAsApp(app, schoolId, sql, params);
  }

  const page = (f: StudentFilter, sort?: string, limit = 20, offset = 0) =>
    planOf(studentListStatement(schoolId, f, studentOrder(sort), limit, offset));

  it('reads one page of pupils and one enrolment each for the first page, whichever order is asked', async () => {
    for (const sort of ['name', '-name', 'dateOfBirth', '-dateOfBirth']) {
      const plan = await page(filter(), sort);
      const read = rowsRead(plan);
      expect({ sort, rows: plan['Actual Rows'] }).toEqual({ sort, rows: 20 });
      // The date orders read the pupils of the first birthday (about 72 a day here) to sort them by name, each with
      // its class: one day's pupils, never the school's.
      expect({ sort, student: read['student'] <= 100 }).toEqual({ sort, student: true });
      expect({ sort, enrolment: read['enrolment'] <= 3 * 100 }).toEqual({ sort, enrolment: true });
      expect({ sort, buffers: plan['Shared Hit Blocks'] + plan['Shared Read Blocks'] < 1000 }).toEqual({
        sort,
        buffers: true,
      });
    }
  });

  it("reads a class's pupils, not the school's, for a class page; a grade or a name search reads its matches", async () => {
    const classPage = rowsRead(await page(filter({ classId: classIds[3] })));
    // 500 pupils sit in the class now, 50 more were in it before they moved.
    expect(classPage['student']).toBeLessThanOrEqual(600);
    expect(classPage['enrolment']).toBeLessThanOrEqual(3 * 600);
    const gradePage = rowsRead(await page(filter({ grade: '7' })));
    // The grade's pupils (a quarter of the school), and the pupils who moved class, read for the class they left.
    expect(gradePage['student']).toBeLessThanOrEqual(PUPILS / 4 + PUPILS / 10);
    // A name search reads every name of the school (the RLS policy runs before ILIKE, which is not leakproof, so no
    // index can answer it): bounded by the school, not by the school times its enrolments.
    const searched = rowsRead(await page(filter({ search: ['%quan tu%'] })));
    expect(searched['student']).toBeLessThanOrEqual(PUPILS);
    // 336 pupils match: their classes are looked up, not those of the school.
    expect(searched['enrolment']).toBeLessThanOrEqual(3 * 336);
  });

  it('counts at most COUNT_CAP + 1 pupils and no enrolment unless a class filter asks for one', async () => {
    // An exact count under RLS reads every pupil of the school (no index may answer it): the count stops at the cap.
    const allPlan = await planOf(studentCountStatement(schoolId, filter()));
    const all = rowsRead(allPlan);
    expect(all['student']).toBeLessThanOrEqual(COUNT_CAP + 1);
    expect(all['enrolment'] ?? 0).toBe(0);
    expect(allPlan['Shared Hit Blocks'] + allPlan['Shared Read Blocks']).toBeLessThan(PUPILS / 10);
    const studying = rowsRead(await planOf(studentCountStatement(schoolId, filter({ status: 'STUDYING' }))));
    expect(studying['student']).toBeLessThanOrEqual(COUNT_CAP + 1);
    const inClass = rowsRead(await planOf(studentCountStatement(schoolId, filter({ classId: classIds[3] }))));
    expect(inClass['enrolment']).toBeLessThanOrEqual(3 * 600);
    expect(inClass['student']).toBeLessThanOrEqual(600);
    // A name search reads the school's names once, never the enrolments.
    const searched = rowsRead(await planOf(studentCountStatement(schoolId, filter({ search: ['%quan tu%'] }))));
    expect(searched['student']).toBeLessThanOrEqual(PUPILS);
    expect(searched['enrolment'] ?? 0).toBe(0);
  });

  it('answers the first page through the API with the total, the Vietnamese name order and the class of now', async () => {
    const username = await createUser(t, 'SCHOOL_ADMIN', schoolCode);
    await enrolUser(t.owner, username, t.config.MFA_ENCRYPTION_KEY ?? t.config.JWT_SECRET);
    const admin = await t.login(username);
    const res = await t
      .http()
      .get(`/api/schools/${schoolId}/students`)
      .query({ yearId: year.id, pageSize: 1 })
      .set(bearer(admin));
    expect(res.status).toBe(200);
    // More pupils than the count's cap: the total says "more than 10,000" (docs/conventions.md, "Counts").
    expect({ total: res.body.total, capped: res.body.totalCapped }).toEqual({ total: COUNT_CAP, capped: true });
    const [first] = await t.owner.query(
      `select s.full_name from student s where s.school_id = $1
        order by s.given_name collate "vi-x-icu", s.middle_name collate "vi-x-icu", s.family_name collate "vi-x-icu", s.id
        limit 1`,
      [schoolId],
    );
    expect(res.body.items.map((s: { fullName: string }) => s.fullName)).toEqual([first.full_name]);
    // A pupil who moved on 15/01 shows the class they moved to, and is counted in it, not in the one they left.
    const [moved] = await t.owner.query(
      `select s.id, s.full_name, o.class_id as now_in, c.class_id as left_from from student s
         join enrolment o on o.school_id = s.school_id and o.student_id = s.id and o.school_year_id = $2 and o.to_date is null
         join enrolment c on c.school_id = s.school_id and c.student_id = s.id and c.school_year_id = $2 and c.to_date is not null
        where s.school_id = $1 limit 1`,
      [schoolId, year.id],
    );
    const inClass = async (classId: string) =>
      (
        await t
          .http()
          .get(`/api/schools/${schoolId}/students`)
          .query({ yearId: year.id, classId, q: moved.full_name, pageSize: 100 })
          .set(bearer(admin))
      ).body.items.map((s: { id: string; className: string }) => s.id);
    expect(await inClass(moved.now_in)).toContain(moved.id);
    expect(await inClass(moved.left_from)).not.toContain(moved.id);
    // Below the cap the total is exact and not marked: a class of 500, and a name search in any word order.
    const classPage = await t
      .http()
      .get(`/api/schools/${schoolId}/students`)
      .query({ yearId: year.id, classId: classIds[3], pageSize: 1 })
      .set(bearer(admin));
    expect({ total: classPage.body.total, capped: classPage.body.totalCapped }).toEqual({
      total: PUPILS / CLASSES,
      capped: undefined,
    });
    const searched = await t
      .http()
      .get(`/api/schools/${schoolId}/students`)
      .query({ yearId: year.id, q: 'tú  QUAN', pageSize: 5 })
      .set(bearer(admin));
    expect(searched.body.total).toBe(336);
    expect(searched.body.items).toHaveLength(5);
  });

  /** The statements the API sends while `ask` runs (its own connections), as their first 80 characters. */
  async function sentWhile(ask: () => Promise<unknown>): Promise<string[]> {
    const sent: string[] = [];
    const query = PostgresQueryRunner.prototype.query;
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (
      this: PostgresQueryRunner,
      ...args: Parameters<typeof query>
    ) {
      const q = args[0] as unknown as string | { text: string };
      sent.push((typeof q === 'string' ? q : q.text).replace(/\s+/g, ' ').trim().slice(0, 80));
      return query.apply(this, args);
    });
    try {
      await ask();
    } finally {
      spy.mockRestore();
    }
    return sent;
  }
  const counts = (sent: string[]) => sent.filter((q) => q.startsWith('select count(*)'));

  it('counts the whole school once: its first page is answered "more than 10,000" after that without reading 10,001 pupils', async () => {
    const username = await createUser(t, 'SCHOOL_ADMIN', schoolCode);
    await enrolUser(t.owner, username, t.config.MFA_ENCRYPTION_KEY ?? t.config.JWT_SECRET);
    const admin = await t.login(username);
    const firstPage = (query: Record<string, string | number> = {}) =>
      t
        .http()
        .get(`/api/schools/${schoolId}/students`)
        .query({ yearId: year.id, pageSize: 20, ...query })
        .set(bearer(admin));
    // The first request of the school may count (another test of this file may have counted it already).
    const first = await firstPage();
    expect({ total: first.body.total, capped: first.body.totalCapped }).toEqual({ total: COUNT_CAP, capped: true });
    let again: { body: { total: number; totalCapped?: boolean; items: unknown[] } } | undefined;
    const sent = await sentWhile(async () => (again = await firstPage()));
    expect(counts(sent)).toEqual([]);
    expect(again?.body).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    expect(again?.body.items).toHaveLength(20);
    // A filtered list can shrink (a status changes, a pupil moves class): it is counted every time.
    const studying = await sentWhile(() => firstPage({ status: 'STUDYING' }));
    expect(counts(studying)).toHaveLength(1);
  });

  it('takes the total of a short page from the page itself, without a count', async () => {
    const username = await createUser(t, 'SCHOOL_ADMIN', schoolCode);
    await enrolUser(t.owner, username, t.config.MFA_ENCRYPTION_KEY ?? t.config.JWT_SECRET);
    const admin = await t.login(username);
    let last: { body: { total: number; totalCapped?: boolean; items: unknown[] } } | undefined;
    // 336 pupils match: the second page of 200 holds the last 136.
    const sent = await sentWhile(
      async () =>
        (last = await t
          .http()
          .get(`/api/schools/${schoolId}/students`)
          .query({ yearId: year.id, q: 'tú  QUAN', pageSize: 200, page: 2 })
          .set(bearer(admin))),
    );
    expect(counts(sent)).toEqual([]);
    expect({ total: last?.body.total, capped: last?.body.totalCapped, shown: last?.body.items.length }).toEqual({
      total: 336,
      capped: undefined,
      shown: 136,
    });
    // Past the end the page tells nothing: the count answers.
    const beyond = await t
      .http()
      .get(`/api/schools/${schoolId}/students`)
      .query({ yearId: year.id, q: 'tú  QUAN', pageSize: 200, page: 3 })
      .set(bearer(admin));
    expect({ total: beyond.body.total, shown: beyond.body.items.length }).toEqual({ total: 336, shown: 0 });
  });

  it("keeps pupils' records: the application role may not delete one", async () => {
    const [pupil] = await t.owner.query(`select id from student where school_id = $1 limit 1`, [schoolId]);
    await app.query('begin');
    try {
      await presentScope(app, signScope(schoolsScope(schoolId)));
      await expect(
        app.query(`delete from student where school_id = $1 and id = $2`, [schoolId, pupil.id]),
      ).rejects.toMatchObject({
        code: '42501',
      });
    } finally {
      await app.query('rollback');
    }
  });
});
