import { READ_BUDGETS } from '@emis/domain';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { bearer, createUser, startTestApp, TestApp } from './harness';
import { createReportSchool, createUnit, Unit } from './reports-fixtures';
import { personalIdFor } from './students-fixtures';
import { enrolUser } from './totp';

/**
 * The bulk-extraction guard (docs/security/guard.md), replaying issue 14's observation: a department officer paging
 * every school's pupils 200 at a time. Every account here is created by the spec, and the schools sit in a unit of
 * its own, so no budget of a demo account other specs sign in with is ever spent.
 */
describe('personal-data guard: read budgets, READ audit rows, export reason, limit and watermark', () => {
  let t: TestApp;
  let unit: Unit;
  const schools: { id: string; code: string; pupils: number }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    unit = await createUnit(t);
    for (const pupils of [250, 200, 200]) {
      const school = await createReportSchool(t, unit);
      await addPupils(school.id, pupils);
      schools.push({ ...school, pupils });
    }
  });
  afterAll(() => t.close());

  async function addPupils(schoolId: string, n: number): Promise<void> {
    const ids = Array.from({ length: n }, (_, i) => personalIdFor(2013, i % 2 ? 'MALE' : 'FEMALE'));
    await t.owner.query(
      `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
       select $1, pid, 'Học Sinh Thử ' || ord, '2013-05-01', case when ord % 2 = 0 then 'MALE' else 'FEMALE' end, now(), now()
         from unnest($2::text[]) with ordinality as p (pid, ord)`,
      [schoolId, ids],
    );
  }

  /** A school administrator of the spec's own, enrolled in a second factor as the role requires. */
  async function schoolAdmin(schoolCode: string): Promise<{ username: string; token: string }> {
    const username = await createUser(t, 'SCHOOL_ADMIN', schoolCode);
    await enrolUser(t.owner, username, t.config.MFA_ENCRYPTION_KEY ?? t.config.JWT_SECRET);
    return { username, token: await t.login(username) };
  }

  async function userId(username: string): Promise<string> {
    const [row] = await t.owner.query(`select id from app_user where username = $1`, [username]);
    return row.id;
  }

  /** Department users narrow their view to the spec's unit (the org-unit switcher); a school's own users cannot. */
  const view = (department: boolean): Record<string, string> => (department ? { 'X-Org-Unit': unit.id } : {});

  const page = (token: string, schoolId: string, n: number, department = true) =>
    t
      .http()
      .get(`/api/schools/${schoolId}/students`)
      .query({ pageSize: 200, page: n })
      .set(bearer(token))
      .set(view(department));

  /** The officer's loop: every school of the unit, 200 pupils a call, until the API refuses. */
  async function loopOverSchools(token: string): Promise<{ received: number; refusal?: Response; calls: number }> {
    let received = 0;
    let calls = 0;
    for (const school of schools) {
      for (let n = 1; (n - 1) * 200 < school.pupils; n++) {
        const res = await page(token, school.id, n);
        calls++;
        if (res.status !== 200) return { received, refusal: res, calls };
        received += res.body.items.length;
      }
    }
    return { received, calls };
  }

  it("stops a department officer's loop over every school within the first few hundred pupils, alerting once", async () => {
    const username = await createUser(t, 'DEPARTMENT_OFFICER', 'SGDDT-HY');
    const officer = await t.login(username);
    const started = Date.now();
    const loop = await loopOverSchools(officer);

    // 250 of the first school, then the second school's first page would cross the hour's 400.
    expect(READ_BUDGETS.DEPARTMENT_OFFICER.STUDENT.perHour).toBe(400);
    expect(loop.received).toBe(250);
    expect(loop.refusal?.status).toBe(429);
    expect(loop.refusal?.body).toMatchObject({ code: 'read_budget_exceeded', status: 429 });
    const retryAt = new Date(loop.refusal?.body.retryAt).getTime();
    expect(retryAt).toBeGreaterThan(started + 59 * 60_000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 60 * 60_000);
    expect(Number(loop.refusal?.headers['retry-after'])).toBeGreaterThan(59 * 60);
    expect(loop.refusal?.body.detail).toMatch(/^Hạn mức được mở lại lúc \d\d:\d\d \d\d\/\d\d\/\d{4}\.$/);

    // Later requests stay refused until the window frees up, even one pupil's record; re-reading what was already
    // returned costs nothing and still answers.
    expect((await page(officer, schools[2].id, 1)).status).toBe(429);
    const [unseen] = await t.owner.query(`select id from student where school_id = $1 limit 1`, [schools[1].id]);
    const detail = await t
      .http()
      .get(`/api/schools/${schools[1].id}/students/${unseen.id}`)
      .set(bearer(officer))
      .set('Accept-Language', 'en');
    expect(detail.status).toBe(429);
    expect(detail.body.detail).toMatch(/^The budget frees up at /);
    expect((await page(officer, schools[0].id, 1)).status).toBe(200);

    const events = await t.owner.query(
      `select kind, alert, target_unit_id, detail from security_event where user_id = $1 order by at`,
      [await userId(username)],
    );
    expect(events).toEqual([
      {
        kind: 'READ_BUDGET_EXCEEDED',
        alert: true,
        target_unit_id: schools[1].id,
        detail: expect.objectContaining({ subjectKind: 'STUDENT', window: 'HOUR', limit: 400, readInHour: 250 }),
      },
    ]);
  });

  it('lets a school administrator page through their whole school again and again, one READ row per page', async () => {
    const school = schools[0];
    const { username, token: admin } = await schoolAdmin(school.code);
    const returned: string[][] = [];
    for (let round = 0; round < 3; round++)
      for (const n of [1, 2]) {
        const res = await page(admin, school.id, n, false);
        expect(res.status).toBe(200);
        returned.push(res.body.items.map((s: { id: string }) => s.id));
      }
    expect(new Set(returned.flat()).size).toBe(school.pupils);

    const reads = await t.owner.query(
      `select entity, entity_id, after from audit_log
        where school_id = $1 and action = 'READ' and actor_id = $2 order by seq`,
      [school.id, await userId(username)],
    );
    expect(reads).toHaveLength(6);
    expect(reads.map((r: { after: { ids: string[] } }) => r.after.ids)).toEqual(returned);
    expect(reads[1]).toEqual({
      entity: 'student',
      entity_id: school.id,
      after: {
        ids: returned[1],
        count: 50,
        filter: { pageSize: 200, page: 2 },
        // The school's administrator sees the sensitive groups: the row names them (docs/security/needtoknow.md).
        groups: ['ethnicityReligion', 'disability', 'policyGroups'],
      },
    });
    const [ledger] = await t.owner.query(`select count(*)::int as n from personal_data_read where user_id = $1`, [
      await userId(username),
    ]);
    expect(ledger.n).toBe(school.pupils);
  });

  it('audits a staff list as one READ row naming the staff returned', async () => {
    const school = schools[1];
    const [staff] = await t.owner.query(
      `insert into staff (school_id, personal_id, full_name, date_of_birth, gender, ethnicity, position, contract_type,
                          start_date, status, created_at, updated_at)
       values ($1, $2, 'Nguyễn Thị Đọc', '1985-02-03', 'FEMALE', '01', 'TEACHER', 'CONTRACT', '2010-09-01', 'ACTIVE',
               now(), now()) returning id`,
      [school.id, personalIdFor(1985, 'FEMALE')],
    );
    const { username, token: admin } = await schoolAdmin(school.code);
    const res = await t.http().get(`/api/schools/${school.id}/staff`).set(bearer(admin));
    expect(res.status).toBe(200);
    const [read] = await t.owner.query(
      `select entity, entity_id, after from audit_log where school_id = $1 and action = 'READ' and actor_id = $2`,
      [school.id, await userId(username)],
    );
    expect(read).toEqual({ entity: 'staff', entity_id: school.id, after: { ids: [staff.id], count: 1, filter: {} } });
  });

  describe('exports of personal data', () => {
    const exportOf = (token: string, schoolId: string, query: Record<string, string>, department = false) =>
      t
        .http()
        .get(`/api/schools/${schoolId}/students/export.xlsx`)
        .query(query)
        .set(bearer(token))
        .set(view(department))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });

    it('refuses an export without a stated reason of 10 to 500 characters', async () => {
      const { token: admin } = await schoolAdmin(schools[2].code);
      const refused: Record<string, string>[] = [{}, { reason: 'xem thử' }, { reason: 'x'.repeat(501) }];
      for (const query of refused) {
        const res = await exportOf(admin, schools[2].id, query);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
      }
    });

    it('watermarks the workbook with the account and the time, and audits the export with its reason', async () => {
      const { username, token: admin } = await schoolAdmin(schools[2].code);
      const reason = 'Danh sách gửi trạm y tế xã để tiêm chủng';
      const res = await exportOf(admin, schools[2].id, { reason, status: 'STUDYING' });
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as ArrayBuffer);
      expect(wb.creator).toBe(`Người Dùng Thử (${username})`);
      expect(wb.description).toMatch(
        new RegExp(`^Xuất bởi Người Dùng Thử \\(${username.replace(/\./g, '\\.')}\\) lúc \\d\\d:\\d\\d`),
      );
      const sheet = wb.worksheets[0];
      expect(sheet.headerFooter.oddHeader).toContain(`(${username})`);
      expect(sheet.headerFooter.oddFooter).toContain(`(${username})`);
      expect(sheet.rowCount).toBe(1 + schools[2].pupils);
      const [audit] = await t.owner.query(
        `select after from audit_log where school_id = $1 and action = 'EXPORT' and actor_id = $2`,
        [schools[2].id, await userId(username)],
      );
      expect(audit.after).toMatchObject({ reason, rows: schools[2].pupils, filter: { status: 'STUDYING' } });
    });

    it("refuses exports past the role's daily limit with 429 and alerts once", async () => {
      const username = await createUser(t, 'DEPARTMENT_OFFICER', 'SGDDT-HY');
      const officer = await t.login(username);
      const limit = READ_BUDGETS.DEPARTMENT_OFFICER.exportsPerDay;
      const reason = 'Kiểm tra hồ sơ học sinh theo đơn thư';
      for (let i = 0; i < limit; i++)
        expect((await exportOf(officer, schools[2].id, { reason }, true)).status).toBe(200);
      for (let i = 0; i < 2; i++) {
        const refused = await exportOf(officer, schools[2].id, { reason }, true);
        expect(refused.status).toBe(429);
        expect(JSON.parse(refused.body.toString())).toMatchObject({ code: 'export_limit_exceeded' });
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(23 * 3600);
      }
      const events = await t.owner.query(`select kind, alert from security_event where user_id = $1`, [
        await userId(username),
      ]);
      expect(events).toEqual([{ kind: 'EXPORT_LIMIT_EXCEEDED', alert: true }]);
    });

    it("lets a school's administrator export a school larger than the hourly budget, and nobody from outside it", async () => {
      const budget = READ_BUDGETS.SCHOOL_ADMIN.STUDENT.perHour;
      const big = await createReportSchool(t, unit);
      await addPupils(big.id, budget + 100);
      const reason = 'Danh sách học sinh nộp Phòng Giáo dục';
      const admin = await schoolAdmin(big.code);
      const own = await exportOf(admin.token, big.id, { reason });
      expect(own.status).toBe(200);
      const [{ n }] = await t.owner.query(
        `select count(distinct subject_id)::int as n from personal_data_read where user_id = $1`,
        [await userId(admin.username)],
      );
      expect(n).toBe(budget + 100);
      // The same school's list, paged, is still charged: re-reading the pupils just exported costs nothing.
      expect((await page(admin.token, big.id, 1, false)).status).toBe(200);
      // An officer above the school exports it within the officer's own budget: refused whole.
      const officer = await t.login(await createUser(t, 'DEPARTMENT_OFFICER', 'SGDDT-HY'));
      const refused = await exportOf(officer, big.id, { reason }, true);
      expect(refused.status).toBe(429);
      expect(JSON.parse(refused.body.toString())).toMatchObject({ code: 'read_budget_exceeded' });
    });
  });
});
