import { READ_BUDGETS } from '@emis/domain';
import ExcelJS from 'exceljs';
import { download } from './grading-fixtures';
import { insertStaff, openYearId, schoolWithAdmin, SchoolFixture } from './academic-fixtures';
import { bearer, createUser, startTestApp, TestApp } from './harness';

/**
 * Read budgets on the class-shaped reads (docs/security/guard.md, "Which reads are charged"): a class's roster, a
 * grade sheet, a class's results and the whole school's grade workbook charge the pupils they name, refuse past the
 * budget with 429 and Retry-After, and write one READ row per request. A teacher's day — her own classes' sheets
 * opened again and again — never reaches the budget: re-reading a pupil already counted costs nothing.
 *
 * The school, its classes, pupils and every account are the spec's own, so no other spec's budget is spent.
 */
describe('read budgets on class rosters, grade sheets, class results and the school grade export', () => {
  const CLASSES = 12;
  const PUPILS = 45;
  let t: TestApp;
  let school: SchoolFixture;
  let yearId: string;
  let teacher: string;
  let teacherId: string;
  const classes: { id: string; pupils: string[] }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    school = await schoolWithAdmin(t);
    yearId = await openYearId(t);
    const staffId = await insertStaff(t, school.id, 'Phạm Thu Hà', 'ACTIVE', ['TOAN']);
    for (let c = 0; c < CLASSES; c++) classes.push(await classOf45(c, c === 0 ? staffId : null, staffId));
    const username = await createUser(t, 'TEACHER', school.code);
    await t.owner.query(`update app_user set staff_id = $2 where username = $1`, [username, staffId]);
    teacherId = await userId(username);
    teacher = await t.login(username);
  });
  afterAll(() => t.close());

  /** A class of 45 pupils whose Toán the teacher teaches (both semesters), with a Toán sheet of semester 1 scored. */
  async function classOf45(c: number, homeroom: string | null, teacherStaff: string) {
    const [cls] = await t.owner.query(
      `insert into class (school_id, school_year_id, name, grade, homeroom_staff_id, created_at, updated_at)
       values ($1, $2, $3, '6', $4, now(), now()) returning id`,
      [school.id, yearId, `6A${c + 1}`, homeroom],
    );
    const pupils: { id: string }[] = await t.owner.query(
      `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
       select $1, '03421' || lpad(($2 * 100 + g)::text, 7, '0'), 'Học Sinh ' || $2 || '-' || g, '2015-05-06',
              case when g % 2 = 0 then 'MALE' else 'FEMALE' end, now(), now()
         from generate_series(1, $3) g returning id`,
      [school.id, c, PUPILS],
    );
    const ids = pupils.map((p) => p.id);
    await t.owner.query(
      `insert into enrolment (school_id, student_id, class_id, school_year_id, from_date)
       select $1, s, $2, $3, '2026-09-05' from unnest($4::uuid[]) s`,
      [school.id, cls.id, yearId, ids],
    );
    await t.owner.query(
      `insert into teaching_assignment (school_id, class_id, subject_code, semester, staff_id, assigned_at)
       select $1, $2, 'TOAN', s, $3, now() from unnest(array[1, 2]) s`,
      [school.id, cls.id, teacherStaff],
    );
    const [book] = await t.owner.query(
      `insert into gradebook (school_id, class_id, subject_code, semester, scheme, scheme_version, assessment,
                              periods_per_year, created_at)
       values ($1, $2, 'TOAN', 1, 'C22', 'test', 'SCORE', 140, now()) returning id`,
      [school.id, cls.id],
    );
    await t.owner.query(
      `insert into grade_entry (school_id, gradebook_id, student_id, cells, updated_at)
       select $1, $2, s, '{"TX1": 8}', now() from unnest($3::uuid[]) s`,
      [school.id, book.id, ids],
    );
    return { id: cls.id as string, pupils: ids };
  }

  async function userId(username: string): Promise<string> {
    const [row] = await t.owner.query(`select id from app_user where username = $1`, [username]);
    return row.id;
  }

  const roster = (token: string, classId: string) =>
    t.http().get(`/api/schools/${school.id}/classes/${classId}`).set(bearer(token));
  const sheet = (token: string, classId: string) =>
    t.http().get(`/api/schools/${school.id}/classes/${classId}/gradebook/1/TOAN`).set(bearer(token));
  const results = (token: string, classId: string) =>
    t.http().get(`/api/schools/${school.id}/classes/${classId}/results`).query({ period: 'HK1' }).set(bearer(token));
  const schoolExport = (token: string) =>
    download(
      t.http().get(`/api/schools/${school.id}/gradebook/export.xlsx`).query({ yearId, semester: 1 }).set(bearer(token)),
    );

  async function ledger(user: string): Promise<number> {
    const [row] = await t.owner.query(`select count(*)::int as n from personal_data_read where user_id = $1`, [user]);
    return row.n;
  }

  async function reads(user: string): Promise<{ entity: string; entity_id: string; after: Record<string, unknown> }[]> {
    return t.owner.query(
      `select entity, entity_id, after from audit_log where school_id = $1 and action = 'READ' and actor_id = $2
        order by seq`,
      [school.id, user],
    );
  }

  it("lets a teacher open her own classes' rosters, sheets and results all day: re-reads cost nothing", async () => {
    // 12 classes of 45: 540 distinct pupils, under the teacher's 700 an hour. Three rounds of roster and sheet, and
    // her homeroom class's results each round, return 3,375 pupil rows — over three times the day's 1,000.
    const budget = READ_BUDGETS.TEACHER.STUDENT;
    const rounds = 3;
    expect(CLASSES * PUPILS).toBeLessThan(budget.perHour);
    expect(rounds * (2 * CLASSES + 1) * PUPILS).toBeGreaterThan(budget.perDay * 3);
    for (let round = 0; round < rounds; round++) {
      for (const cls of classes) {
        const r = await roster(teacher, cls.id);
        expect(r.status).toBe(200);
        expect(r.body.students.map((s: { id: string }) => s.id).sort()).toEqual([...cls.pupils].sort());
        const s = await sheet(teacher, cls.id);
        expect(s.status).toBe(200);
        expect(s.body.rows).toHaveLength(PUPILS);
      }
      const res = await results(teacher, classes[0].id);
      expect(res.status).toBe(200);
      expect(res.body.rows).toHaveLength(PUPILS);
    }
    // Each pupil counted once, whatever the number of reads.
    expect(await ledger(teacherId)).toBe(CLASSES * PUPILS);

    // One READ row per request, naming exactly the pupils it returned.
    const rows = await reads(teacherId);
    expect(rows).toHaveLength(rounds * (2 * CLASSES + 1));
    const first = classes[1];
    expect(rows[2]).toEqual({
      entity: 'class',
      entity_id: first.id,
      // A teacher's roster shows no identity numbers (docs/domain/personal-data.md): the row names no field group.
      after: { ids: expect.arrayContaining(first.pupils), count: PUPILS },
    });
    expect(rows[3]).toMatchObject({
      entity: 'gradebook',
      after: { count: PUPILS, filter: { classId: first.id, subjectCode: 'TOAN', semester: 1 } },
    });
    expect((rows[3].after['ids'] as string[]).sort()).toEqual([...first.pupils].sort());
    expect(rows[2 * CLASSES]).toMatchObject({
      entity: 'term_result',
      entity_id: `${classes[0].id}:HK1`,
      after: { count: PUPILS, filter: { classId: classes[0].id, period: 'HK1' } },
    });
    const [alerts] = await t.owner.query(`select count(*)::int as n from security_event where user_id = $1`, [
      teacherId,
    ]);
    expect(alerts.n).toBe(0);
  });

  it("stops a department officer's walk over the school's rosters at the hour's 400 pupils, alerting once", async () => {
    const username = await createUser(t, 'DEPARTMENT_OFFICER', 'SGDDT-HY');
    const officer = await t.login(username);
    const officerId = await userId(username);
    expect(READ_BUDGETS.DEPARTMENT_OFFICER.STUDENT.perHour).toBe(400);

    // Eight rosters of 45 = 360; the ninth would make 405.
    for (const cls of classes.slice(0, 8)) expect((await roster(officer, cls.id)).status).toBe(200);
    const refused = await roster(officer, classes[8].id);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'read_budget_exceeded', status: 429 });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(59 * 60);
    expect(refused.body.detail).toMatch(/^Hạn mức được mở lại lúc /);

    // Blocked for new pupils on every charged read, whatever its shape; a re-read of a counted class still answers.
    const sheetRefused = await sheet(officer, classes[9].id).set('Accept-Language', 'en');
    expect(sheetRefused.status).toBe(429);
    expect(sheetRefused.body.detail).toMatch(/^The budget frees up at /);
    expect((await results(officer, classes[10].id)).status).toBe(429);
    expect((await sheet(officer, classes[0].id)).status).toBe(200);
    expect((await results(officer, classes[1].id)).status).toBe(200);

    // Refused whole: nothing of the refused classes was counted or audited as read.
    expect(await ledger(officerId)).toBe(8 * PUPILS);
    const rows = await reads(officerId);
    expect(rows.map((r) => r.entity_id)).toEqual([
      ...classes.slice(0, 8).map((c) => c.id),
      expect.any(String),
      `${classes[1].id}:HK1`,
    ]);
    const events = await t.owner.query(`select kind, alert, detail from security_event where user_id = $1`, [
      officerId,
    ]);
    expect(events).toEqual([
      {
        kind: 'READ_BUDGET_EXCEEDED',
        alert: true,
        detail: expect.objectContaining({ subjectKind: 'STUDENT', limit: 400, readInHour: 360, requested: PUPILS }),
      },
    ]);
  });

  it("charges the whole school's grade workbook to the reader, watermarks it, and refuses it past the budget", async () => {
    // The school's administrator: 540 pupils, inside her 2,500 an hour.
    const [{ id: adminId, full_name: adminName, username: adminUser }] = await t.owner.query(
      `select u.id, u.full_name, u.username from app_user u where u.org_unit_id = $1 and u.role = 'SCHOOL_ADMIN'`,
      [school.id],
    );
    const res = await schoolExport(school.admin);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    expect(book.creator).toBe(`${adminName} (${adminUser})`);
    // The pupils' rows end at the blank row above the signature block.
    const sheet = book.worksheets[0];
    let pupilRows = 0;
    while (sheet.getRow(2 + pupilRows).cellCount > 0) pupilRows++;
    expect(pupilRows).toBe(CLASSES * PUPILS);
    expect(await ledger(adminId)).toBe(CLASSES * PUPILS);
    const [exported] = await t.owner.query(
      `select after from audit_log where school_id = $1 and action = 'EXPORT' and entity = 'gradebook' and actor_id = $2`,
      [school.id, adminId],
    );
    expect(exported.after).toMatchObject({ semester: 1, classes: CLASSES, pupils: CLASSES * PUPILS });

    // A fresh department officer: 540 pupils at once are past the hour's 400, refused before a byte leaves.
    const username = await createUser(t, 'DEPARTMENT_OFFICER', 'SGDDT-HY');
    const officer = await t.login(username);
    const refused = await t
      .http()
      .get(`/api/schools/${school.id}/gradebook/export.xlsx`)
      .query({ yearId, semester: 1 })
      .set(bearer(officer));
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('read_budget_exceeded');
    expect(await ledger(await userId(username))).toBe(0);
  });
});
