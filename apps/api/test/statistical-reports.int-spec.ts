import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { bearer, createSchool, createUser, startTestApp, TestApp } from './harness';
import { FactsRefresher } from '@emis/api/reporting';
import { todayInVietnam } from '@emis/domain';
import {
  auditRows,
  createClass,
  enrolStudents,
  insertStaff,
  openYearId,
  schoolWithAdmin,
  SchoolFixture,
} from './academic-fixtures';

const ROOMS = { CLASSROOMS: 14, SUBJECT_ROOMS: 4, LABORATORIES: 2, LIBRARIES: 1, COMPUTERS: 30 };

interface Line {
  code: string;
  values: Record<string, number | null>;
}
interface Section {
  code: string;
  columns: string[];
  lines: Line[];
}
const line = (sections: Section[], section: string, code: string) =>
  sections.find((s) => s.code === section)?.lines.find((l) => l.code === code)?.values;

/**
 * The read model's state of a school, as the refresher leaves it: one grade-6 class with `boys` + `girls` pupils
 * (one girl of the Tày minority), a teacher and a principal, and the year's results of the class.
 */
async function writeFacts(t: TestApp, schoolId: string, yearId: string, boys: number, girls: number) {
  const classId = randomUUID();
  const q = (sql: string, args: unknown[]) => t.owner.query(sql, args);
  await q(`delete from reporting.class_size where school_id = $1`, [schoolId]);
  await q(`delete from reporting.headcount where school_id = $1`, [schoolId]);
  await q(`delete from reporting.class_outcome where school_id = $1`, [schoolId]);
  await q(`delete from reporting.staff_count where school_id = $1`, [schoolId]);
  await q(`delete from reporting.movement where school_id = $1`, [schoolId]);
  await q(
    `insert into reporting.class_size (school_id, school_year_id, class_id, grade, name, pupils, ceiling)
     values ($1, $2, $3, '6', '6A', $4, 45)`,
    [schoolId, yearId, classId, boys + girls],
  );
  await q(
    `insert into reporting.headcount (school_id, school_year_id, class_id, gender, ethnicity, disabled, grade, pupils)
     values ($1, $2, $3, 'MALE', '01', false, '6', $4), ($1, $2, $3, 'FEMALE', '01', false, '6', $5),
            ($1, $2, $3, 'FEMALE', '02', false, '6', 1)`,
    [schoolId, yearId, classId, boys, girls - 1],
  );
  await q(
    `insert into reporting.class_outcome (school_id, school_year_id, period, class_id, measure, code, grade, pupils)
     values ($1, $2, 'CN', $3, 'pupils', '', '6', $4), ($1, $2, 'CN', $3, 'learning', 'TOT', '6', $4),
            ($1, $2, 'CN', $3, 'training', 'TOT', '6', $4), ($1, $2, 'CN', $3, 'missing', '', '6', 0)`,
    [schoolId, yearId, classId, boys + girls],
  );
  await q(
    `insert into reporting.movement (school_id, school_year_id, grade, kind, gender, pupils)
     values ($1, $2, '6', 'PROMOTE', 'MALE', $3), ($1, $2, '6', 'DROPPED_OUT', 'FEMALE', 1)`,
    [schoolId, yearId, boys],
  );
  await q(
    `insert into reporting.staff_count (school_id, position, qualification, contract_type, gender, age_band, staff)
     values ($1, 'TEACHER', 'BACHELOR', 'CIVIL_SERVANT', 'FEMALE', '30-39', 3),
            ($1, 'PRINCIPAL', 'MASTER', 'CIVIL_SERVANT', 'MALE', '50-54', 1)`,
    [schoolId],
  );
}

describe('official statistical reports', () => {
  let t: TestApp;
  let yearId: string;
  let unitId: string;
  let a: SchoolFixture;
  let b: SchoolFixture;
  let draftOnly: { id: string; code: string };
  let dept: string;
  let officer: string;
  let otherOfficer: string;
  const form = (s: { id: string }, kind = 'END_OF_YEAR') =>
    `/api/schools/${s.id}/statistical-reports/${yearId}/${kind}`;

  beforeAll(async () => {
    // The refresher runs only when a test calls it, so the facts are exactly what each test arranged.
    t = await startTestApp({ EVENT_WORKER: 'off' });
    yearId = await openYearId(t);
    const unitCode = `TK-${process.pid % 100000}`;
    [{ id: unitId }] = await t.owner.query(
      `insert into org_unit (parent_id, kind, code, name) values ((select id from org_unit where code = 'SGDDT-HY'), 'UNIT', $1, 'Phòng Thống kê Thử') returning id`,
      [unitCode],
    );
    a = await schoolWithAdmin(t, unitCode);
    b = await schoolWithAdmin(t, unitCode);
    draftOnly = await createSchool(t, unitCode);
    await writeFacts(t, a.id, yearId, 20, 18);
    await writeFacts(t, b.id, yearId, 10, 12);
    await writeFacts(t, draftOnly.id, yearId, 5, 5);
    dept = await t.login('admin.so');
    const username = await createUser(t, 'UNIT_OFFICER', unitCode);
    await t.owner.query(
      `update app_user set mfa_enabled = true, mfa_secret = (select mfa_secret from app_user where username = 'admin.so') where username = $1`,
      [username],
    );
    officer = await t.login(username);
    otherOfficer = await t.login('chuyenvien.vanlam');
  });
  afterAll(() => t.close());

  it('generates the draft from the facts: classes, pupils by gender and minority, staff, results, promotion and drop-out', async () => {
    const res = await t.http().get(form(a)).set(bearer(a.admin));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ schoolId: a.id, status: 'NOT_STARTED', version: 0, submittedAt: null });
    const sections: Section[] = res.body.sections;
    expect(sections.map((s) => s.code)).toEqual([
      'SCHOOL',
      'CLASSES',
      'PUPILS',
      'POLICY',
      'STAFF',
      'FACILITIES',
      'LEARNING',
      'TRAINING',
      'AWARDS',
      'PROMOTION',
    ]);
    expect(line(sections, 'PUPILS', '6')).toEqual({
      total: 38,
      male: 20,
      female: 18,
      ethnicMinority: 1,
      ethnicMinorityFemale: 1,
      disabled: 0,
    });
    // A lower-secondary school: grades 6–9 each get a line, and the total sums them.
    expect(sections.find((s) => s.code === 'CLASSES')?.lines.map((l) => l.code)).toEqual(['6', '7', '8', '9', 'TOTAL']);
    expect(line(sections, 'STAFF', 'TOTAL')).toMatchObject({ total: 4, female: 3, qualBachelor: 3, qualMaster: 1 });
    expect(line(sections, 'LEARNING', 'TOTAL')).toEqual({ pupils: 38, TOT: 38, missing: 0 });
    expect(line(sections, 'PROMOTION', '6')).toMatchObject({ promoted: 20, droppedOut: 1, droppedOutFemale: 1 });
    expect(line(sections, 'FACILITIES', 'CLASSROOMS')).toEqual({ value: null });
    expect(res.body.checks.filter((c: { severity: string }) => c.severity === 'ERROR')).toHaveLength(5);
  });

  it('refuses to submit while a room figure is missing, with a field message per missing figure', async () => {
    const res = await t
      .http()
      .post(`${form(a)}/submit`)
      .set(bearer(a.admin))
      .set('Accept-Language', 'en')
      .send({ version: 0 });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      [
        'manual.CLASSROOMS',
        'manual.COMPUTERS',
        'manual.LABORATORIES',
        'manual.LIBRARIES',
        'manual.SUBJECT_ROOMS',
      ].sort(),
    );
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({
        field: 'manual.CLASSROOMS',
        code: 'statisticalManualMissing',
        message: 'Classrooms is not filled in',
      }),
    );
    expect(
      (await t.owner.query(`select 1 from reporting.statistical_report where school_id = $1`, [a.id])).length,
    ).toBe(0);
  });

  it('saves the typed-in figures with an optimistic version, and refuses a negative figure or a stale version', async () => {
    const bad = await t
      .http()
      .put(`${form(a)}/manual`)
      .set(bearer(a.admin))
      .send({ manual: { CLASSROOMS: -1 }, version: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'manual.CLASSROOMS', code: 'min' })]);
    const saved = await t
      .http()
      .put(`${form(a)}/manual`)
      .set(bearer(a.admin))
      .send({ manual: ROOMS, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ status: 'DRAFT', version: 1, manual: ROOMS });
    expect(line(saved.body.sections, 'FACILITIES', 'CLASSROOMS')).toEqual({ value: 14 });
    expect(saved.body.checks.filter((c: { severity: string }) => c.severity === 'ERROR')).toEqual([]);
    const stale = await t
      .http()
      .put(`${form(a)}/manual`)
      .set(bearer(a.admin))
      .send({ manual: ROOMS, version: 0 });
    expect(stale.status).toBe(409);
  });

  it('freezes the figures on submission: a later change of the data does not alter the submitted report', async () => {
    const submitted = await t
      .http()
      .post(`${form(a)}/submit`)
      .set(bearer(a.admin))
      .send({ version: 1 });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', version: 2, submittedBy: 'Người Dùng Thử' });
    expect(submitted.body.submittedAt).toEqual(expect.any(String));

    await writeFacts(t, a.id, yearId, 25, 25);
    const later = await t.http().get(form(a)).set(bearer(dept));
    expect(line(later.body.sections, 'PUPILS', '6')).toMatchObject({ total: 38, male: 20, female: 18 });
    expect(later.body.sections).toEqual(submitted.body.sections);
    // The start-of-year form of the same school is a separate report, generated live.
    const start = await t.http().get(form(a, 'START_OF_YEAR')).set(bearer(a.admin));
    expect(line(start.body.sections, 'PUPILS', '6')).toMatchObject({ total: 50 });

    const edit = await t
      .http()
      .put(`${form(a)}/manual`)
      .set(bearer(a.admin))
      .send({ manual: ROOMS, version: 2 });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('statistical_report_submitted');
    const audit = (await auditRows(t, a.id, 'statistical_report')).map((r) => r.action);
    expect(audit).toEqual(['CREATE', 'LOCK']);
  });

  it('lets the unit reopen a submission with a reason; the school edits and submits again, the old snapshot stays in the audit', async () => {
    const noReason = await t
      .http()
      .post(`${form(a)}/reopen`)
      .set(bearer(officer))
      .send({ reason: '' });
    expect(noReason.status).toBe(400);
    const reopened = await t
      .http()
      .post(`${form(a)}/reopen`)
      .set(bearer(officer))
      .send({ reason: 'Số học sinh nữ chưa khớp với danh sách' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      status: 'REOPENED',
      version: 3,
      submittedAt: null,
      reopenReason: 'Số học sinh nữ chưa khớp với danh sách',
    });
    // Reopened: the live figures again.
    expect(line(reopened.body.sections, 'PUPILS', '6')).toMatchObject({ total: 50 });
    const again = await t
      .http()
      .post(`${form(a)}/reopen`)
      .set(bearer(officer))
      .send({ reason: 'lần nữa' });
    expect(again.status).toBe(409);

    const unlock = (await auditRows(t, a.id, 'statistical_report')).find((r) => r.action === 'UNLOCK');
    expect(unlock?.before).toMatchObject({ status: 'SUBMITTED', snapshot: { manual: ROOMS } });
    expect(
      line((unlock?.before as { snapshot: { sections: Section[] } }).snapshot.sections, 'PUPILS', '6'),
    ).toMatchObject({
      total: 38,
    });
    expect(unlock?.after).toMatchObject({ status: 'REOPENED', snapshot: null });

    const resubmitted = await t
      .http()
      .post(`${form(a)}/submit`)
      .set(bearer(a.admin))
      .send({ version: 3 });
    expect(resubmitted.status).toBe(200);
    expect(line(resubmitted.body.sections, 'PUPILS', '6')).toMatchObject({ total: 50 });
  });

  it('reminds the schools of the unit that have not submitted; a school sees its reminders until it submits', async () => {
    const sent = await t.http().post('/api/statistical-reports/reminders').set(bearer(officer)).send({
      yearId,
      kind: 'END_OF_YEAR',
      orgUnitId: unitId,
      message: 'Đề nghị các trường nộp báo cáo cuối năm trước ngày 10/6',
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ sent: 2 });
    const ofB = await t.http().get(`/api/schools/${b.id}/statistical-reminders`).set(bearer(b.admin));
    expect(ofB.body).toEqual([
      expect.objectContaining({
        kind: 'END_OF_YEAR',
        yearId,
        message: 'Đề nghị các trường nộp báo cáo cuối năm trước ngày 10/6',
        sentBy: 'Người Dùng Thử',
      }),
    ]);
    const ofA = await t.http().get(`/api/schools/${a.id}/statistical-reminders`).set(bearer(a.admin));
    expect(ofA.body).toEqual([]);
  });

  it("lists the unit's schools with their status, searchable by name or code and filtered by status", async () => {
    const all = await t
      .http()
      .get(`/api/statistical-reports/status?yearId=${yearId}&kind=END_OF_YEAR&orgUnitId=${unitId}`)
      .set(bearer(dept));
    expect(all.status).toBe(200);
    const byId = Object.fromEntries(all.body.map((r: { schoolId: string }) => [r.schoolId, r]));
    expect(Object.keys(byId).sort()).toEqual([a.id, b.id, draftOnly.id].sort());
    expect(byId[a.id]).toMatchObject({ status: 'SUBMITTED', parentName: 'Phòng Thống kê Thử', lastReminderAt: null });
    expect(byId[a.id].submittedAt).toEqual(expect.any(String));
    expect(byId[b.id]).toMatchObject({ status: 'NOT_STARTED', submittedAt: null, lastReminderAt: expect.any(String) });
    const searched = await t
      .http()
      .get(
        `/api/statistical-reports/status?yearId=${yearId}&kind=END_OF_YEAR&orgUnitId=${unitId}&q=${b.code.toLowerCase()}`,
      )
      .set(bearer(officer));
    expect(searched.body.map((r: { schoolId: string }) => r.schoolId)).toEqual([b.id]);
    const submitted = await t
      .http()
      .get(`/api/statistical-reports/status?yearId=${yearId}&kind=END_OF_YEAR&orgUnitId=${unitId}&status=SUBMITTED`)
      .set(bearer(officer));
    expect(submitted.body.map((r: { schoolId: string }) => r.schoolId)).toEqual([a.id]);
    const badKind = await t
      .http()
      .get(`/api/statistical-reports/status?yearId=${yearId}&kind=MID_YEAR`)
      .set(bearer(dept));
    expect(badKind.status).toBe(400);
  });

  it('sums the aggregate from the submitted snapshots only, and says how many schools it covers', async () => {
    await t
      .http()
      .put(`${form(b)}/manual`)
      .set(bearer(b.admin))
      .send({ manual: { ...ROOMS, COMPUTERS: 10 }, version: 0 });
    const submittedB = await t
      .http()
      .post(`${form(b)}/submit`)
      .set(bearer(b.admin))
      .send({ version: 1 });
    expect(submittedB.status).toBe(200);
    // A change after B's submission and the draft-only school's figures stay out of the aggregate.
    await writeFacts(t, b.id, yearId, 99, 99);
    const aggregate = await t
      .http()
      .get(`/api/statistical-reports/aggregate?yearId=${yearId}&kind=END_OF_YEAR&orgUnitId=${unitId}`)
      .set(bearer(officer));
    expect(aggregate.status).toBe(200);
    expect(aggregate.body).toMatchObject({ schoolId: unitId, coverage: { included: 2, schools: 3 } });
    expect(line(aggregate.body.sections, 'SCHOOL', 'SCHOOLS')).toEqual({ value: 2 });
    expect(line(aggregate.body.sections, 'PUPILS', 'TOTAL')).toMatchObject({
      total: 50 + 22,
      male: 25 + 10,
      female: 25 + 12,
    });
    expect(line(aggregate.body.sections, 'FACILITIES', 'COMPUTERS')).toEqual({ value: 40 });
    expect(aggregate.body.manual).toMatchObject({ CLASSROOMS: 28, COMPUTERS: 40 });

    const file = await t
      .http()
      .get(`/api/statistical-reports/aggregate/export.xlsx?yearId=${yearId}&kind=END_OF_YEAR&orgUnitId=${unitId}`)
      .set(bearer(dept))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body);
    expect(book.worksheets).toHaveLength(10);
    expect(book.worksheets.map((w) => w.name)[0]).toBe('I. Thông tin chung về trường');
    const sheet = book.worksheets[2];
    expect(sheet.name.startsWith('III. Học sinh theo khối')).toBe(true);
    expect(sheet.getCell(1, 1).value).toBe(`Đơn vị báo cáo: Phòng Thống kê Thử (TK-${process.pid % 100000})`);
    expect(sheet.getCell(1, 8).value).toBe('Biểu số 02/TKGD-CN');
    expect(sheet.getCell(3, 1).value).toContain('BÁO CÁO THỐNG KÊ CUỐI NĂM HỌC');
    expect(sheet.getCell(5, 1).value).toBe('Tổng hợp từ báo cáo đã nộp của 2/3 trường');
    expect(sheet.getRow(7).values).toEqual([
      undefined,
      'STT',
      'Chỉ tiêu',
      'Tổng số',
      'Nam',
      'Nữ',
      'Dân tộc thiểu số',
      'Nữ dân tộc thiểu số',
      'Khuyết tật',
    ]);
    const total = sheet.getRow(12);
    expect([total.getCell(2).value, total.getCell(3).value]).toEqual(['Tổng số', 72]);
    const signature = sheet.getRow(15);
    expect([signature.getCell(2).value, signature.getCell(8).value]).toEqual(['Người lập biểu', 'Thủ trưởng đơn vị']);
  });

  it("generates from the facts the refresher computes from the school's records; a submission stays as it was", async () => {
    const refresher = t.app.get(FactsRefresher);
    const school = await schoolWithAdmin(t);
    const class7 = await createClass(t, school, { schoolYearId: yearId, name: '7A', grade: '7' });
    await enrolStudents(t, school.id, class7.id, ['Nguyễn Văn An', 'Trần Văn Bình', 'Lê Văn Cường']);
    await insertStaff(t, school.id, 'Phạm Thị Dung');
    await refresher.rebuildSchool(school.id, todayInVietnam());

    const start = `/api/schools/${school.id}/statistical-reports/${yearId}/START_OF_YEAR`;
    const draft = await t.http().get(start).set(bearer(school.admin));
    expect(line(draft.body.sections, 'CLASSES', '7')).toEqual({ classes: 1, pupils: 3, overCeiling: 0 });
    expect(line(draft.body.sections, 'PUPILS', '7')).toMatchObject({ total: 3, male: 3, female: 0 });
    expect(line(draft.body.sections, 'STAFF', 'TEACHER')).toMatchObject({ total: 1, female: 1, civilServant: 1 });
    await t.http().put(`${start}/manual`).set(bearer(school.admin)).send({ manual: ROOMS, version: 0 });
    expect((await t.http().post(`${start}/submit`).set(bearer(school.admin)).send({ version: 1 })).status).toBe(200);

    await enrolStudents(t, school.id, class7.id, ['Vũ Văn Dũng', 'Đỗ Văn Em']);
    await refresher.rebuildSchool(school.id, todayInVietnam());
    const end = await t
      .http()
      .get(`/api/schools/${school.id}/statistical-reports/${yearId}/END_OF_YEAR`)
      .set(bearer(school.admin));
    expect(line(end.body.sections, 'PUPILS', '7')).toMatchObject({ total: 5 });
    const submitted = await t.http().get(start).set(bearer(dept));
    expect(line(submitted.body.sections, 'PUPILS', '7')).toMatchObject({ total: 3 });
  });

  it('shows a school only its own report, a unit only its schools, and a teacher nothing', async () => {
    expect((await t.http().get(form(a)).set(bearer(b.admin))).status).toBe(404);
    expect(
      (
        await t
          .http()
          .put(`${form(a)}/manual`)
          .set(bearer(b.admin))
          .send({ manual: ROOMS, version: 4 })
      ).status,
    ).toBe(404);
    expect((await t.http().get(form(a)).set(bearer(otherOfficer))).status).toBe(404);
    expect(
      (
        await t
          .http()
          .post(`${form(a)}/reopen`)
          .set(bearer(otherOfficer))
          .send({ reason: 'x' })
      ).status,
    ).toBe(404);
    const outside = `/api/statistical-reports/status?yearId=${yearId}&kind=END_OF_YEAR&orgUnitId=${unitId}`;
    expect((await t.http().get(outside).set(bearer(otherOfficer))).status).toBe(404);
    const aggregate = `/api/statistical-reports/aggregate?yearId=${yearId}&kind=END_OF_YEAR&orgUnitId=${unitId}`;
    expect((await t.http().get(aggregate).set(bearer(otherOfficer))).status).toBe(404);
    // Permissions: a school does not review, a unit does not submit for a school, a teacher reads no report.
    expect((await t.http().get(outside).set(bearer(a.admin))).status).toBe(403);
    expect(
      (
        await t
          .http()
          .post(`${form(b)}/reopen`)
          .set(bearer(a.admin))
          .send({ reason: 'x' })
      ).status,
    ).toBe(403);
    expect(
      (
        await t
          .http()
          .post(`${form(draftOnly)}/submit`)
          .set(bearer(officer))
          .send({ version: 0 })
      ).status,
    ).toBe(403);
    const teacher = await t.login(await createUser(t, 'TEACHER', a.code));
    expect((await t.http().get(form(a)).set(bearer(teacher))).status).toBe(403);
    expect((await t.http().get(`/api/schools/${a.id}/statistical-reminders`).set(bearer(teacher))).status).toBe(403);
  });
});
