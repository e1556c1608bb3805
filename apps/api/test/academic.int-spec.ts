import ExcelJS from 'exceljs';
import { bearer, startTestApp, TestApp } from './harness';
import {
  auditRows,
  createClass,
  enrolStudents,
  insertStaff,
  openYearId,
  schoolWithAdmin,
  SchoolFixture,
  teacherLogin,
} from './academic-fixtures';

const YEAR = (y: number) => ({
  code: `${y}-${y + 1}`,
  startsOn: `${y}-09-05`,
  endsOn: `${y + 1}-05-31`,
  semester1Start: `${y}-09-05`,
  semester1End: `${y + 1}-01-16`,
  semester2Start: `${y + 1}-01-19`,
  semester2End: `${y + 1}-05-25`,
});

describe('school calendar and classes', () => {
  let t: TestApp;
  let dept: string;
  let deptId: string;
  let school: SchoolFixture;
  let yearId: string;
  beforeAll(async () => {
    t = await startTestApp();
    dept = await t.login('admin.so');
    deptId = await t.unitId('SGDDT-HY');
    school = await schoolWithAdmin(t);
    yearId = await openYearId(t);
  });
  afterAll(() => t.close());

  describe('school years', () => {
    it('lets the department plan, edit and open a year, each step audited in the department chain', async () => {
      const created = await t.http().post('/api/school-years').set(bearer(dept)).send(YEAR(1991));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        code: '1991-1992',
        status: 'PLANNED',
        semester1End: '1992-01-16',
        closedAt: null,
      });
      const edited = await t
        .http()
        .patch(`/api/school-years/${created.body.id}`)
        .set(bearer(dept))
        .send({ semester1End: '1992-01-10' });
      expect(edited.body).toMatchObject({ semester1End: '1992-01-10', semester2Start: '1992-01-19' });
      const opened = await t.http().post(`/api/school-years/${created.body.id}/open`).set(bearer(dept));
      expect(opened.status).toBe(200);
      expect(opened.body.status).toBe('OPEN');
      expect((await t.http().post(`/api/school-years/${created.body.id}/open`).set(bearer(dept))).body.code).toBe(
        'year_not_planned',
      );
      const rows = (await auditRows(t, deptId, 'school_year')).filter((r) => r.entity_id === created.body.id);
      expect(rows.map((r) => r.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE']);
      expect(rows[2].after).toMatchObject({ status: 'OPEN' });
      const listed = await t
        .http()
        .get('/api/school-years')
        .set(bearer(await t.login('giaovien.nhuquynh')));
      expect(listed.body.map((y: { code: string }) => y.code)).toEqual(
        expect.arrayContaining(['1991-1992', '2026-2027', '2025-2026']),
      );
      await t.http().post(`/api/school-years/${created.body.id}/close`).set(bearer(dept));
    });

    it('answers inconsistent dates with one field error per date and writes nothing', async () => {
      const bad = {
        ...YEAR(1992),
        semester1End: '1992-09-01',
        semester2Start: '1992-12-01',
        semester2End: '1993-07-01',
      };
      const res = await t.http().post('/api/school-years').set(bearer(dept)).set('Accept-Language', 'en').send(bad);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual([
        'semester1End:dateAfter',
        'semester2End:inRange',
      ]);
      expect(res.body.errors.find((e: { field: string }) => e.field === 'semester2End').message).toBe(
        'Semester II end must be between 05/09/1992 and 31/05/1993',
      );
      const codes = await t
        .http()
        .post('/api/school-years')
        .set(bearer(dept))
        .send({ ...YEAR(1992), code: '1992-1994' });
      expect(codes.body.errors).toEqual([expect.objectContaining({ field: 'code', code: 'schoolYearCode' })]);
      const taken = await t.http().post('/api/school-years').set(bearer(dept)).send(YEAR(2026));
      expect(taken.body.errors).toEqual([expect.objectContaining({ field: 'code', code: 'schoolYearExists' })]);
      expect(await t.owner.query(`select 1 from school_year where code = '1992-1993'`)).toEqual([]);
    });

    it('refuses to close a year before it ends, and a school admin may not manage years at all', async () => {
      const res = await t.http().post(`/api/school-years/${yearId}/close`).set(bearer(dept));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('year_not_ended');
      expect((await t.owner.query(`select status from school_year where id = $1`, [yearId]))[0].status).toBe('OPEN');
      expect((await t.http().post('/api/school-years').set(bearer(school.admin)).send(YEAR(1993))).status).toBe(403);
    });

    it('makes a closed year read-only: its calendar, classes, attendance and assignments answer 409 year_closed', async () => {
      const year = (await t.http().post('/api/school-years').set(bearer(dept)).send(YEAR(1994))).body;
      await t.http().post(`/api/school-years/${year.id}/open`).set(bearer(dept));
      const cls = await createClass(t, school, { schoolYearId: year.id, name: '6A', grade: '6' });
      const [student] = await enrolStudents(t, school.id, cls.id, ['Nguyễn Văn An'], '1994-09-05');
      const closed = await t.http().post(`/api/school-years/${year.id}/close`).set(bearer(dept));
      expect(closed.body).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String) });
      const refusals = await Promise.all([
        t.http().patch(`/api/school-years/${year.id}`).set(bearer(dept)).send({ semester1End: '1995-01-10' }),
        t.http().put(`/api/schools/${school.id}/calendar/${year.id}`).set(bearer(school.admin)).send({
          semester1Start: '1994-09-05',
          semester1End: '1995-01-10',
          semester2Start: '1995-01-12',
          semester2End: '1995-05-20',
        }),
        t
          .http()
          .post(`/api/schools/${school.id}/classes`)
          .set(bearer(school.admin))
          .send({ schoolYearId: year.id, name: '6B', grade: '6' }),
        t
          .http()
          .patch(`/api/schools/${school.id}/classes/${cls.id}`)
          .set(bearer(school.admin))
          .send({ room: 'P.9', version: cls.version }),
        t
          .http()
          .put(`/api/schools/${school.id}/classes/${cls.id}/attendance/1994-10-03`)
          .set(bearer(school.admin))
          .send({ entries: [{ studentId: student, status: 'LATE' }] }),
        t
          .http()
          .put(`/api/schools/${school.id}/classes/${cls.id}/assignments`)
          .set(bearer(school.admin))
          .send({ semester: 1, items: [] }),
      ]);
      expect(refusals.map((r) => `${r.status} ${r.body.code}`)).toEqual(Array(6).fill('409 year_closed'));
      expect((await t.http().get(`/api/schools/${school.id}/classes/${cls.id}`).set(bearer(school.admin))).status).toBe(
        200,
      );
      expect(await t.owner.query(`select 1 from attendance where school_id = $1`, [school.id])).toEqual([]);
    });
  });

  describe("a school's own semester dates", () => {
    it('overrides the province dates for that school only, audited, and dropping them restores the province dates', async () => {
      const dates = {
        semester1Start: '2026-09-05',
        semester1End: '2027-01-09',
        semester2Start: '2027-01-12',
        semester2End: '2027-05-20',
      };
      const saved = await t
        .http()
        .put(`/api/schools/${school.id}/calendar/${yearId}`)
        .set(bearer(school.admin))
        .send(dates);
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        ...dates,
        overridden: true,
        schoolYear: { code: '2026-2027', semester1End: '2027-01-16' },
      });
      const other = await t.unitId('THCS-NQ');
      const seen = await t.http().get(`/api/schools/${other}/calendar/${yearId}`).set(bearer(dept));
      expect(seen.body).toMatchObject({ overridden: false, semester1End: '2027-01-16' });
      const dropped = await t.http().delete(`/api/schools/${school.id}/calendar/${yearId}`).set(bearer(school.admin));
      expect(dropped.body).toMatchObject({ overridden: false, semester1End: '2027-01-16' });
      expect((await auditRows(t, school.id, 'school_calendar')).map((r) => r.action)).toEqual(['CREATE', 'DELETE']);
    });

    it('refuses semester dates outside the year or out of order, and a teacher may not set them', async () => {
      const res = await t.http().put(`/api/schools/${school.id}/calendar/${yearId}`).set(bearer(school.admin)).send({
        semester1Start: '2026-08-01',
        semester1End: '2027-01-09',
        semester2Start: '2027-01-05',
        semester2End: '2027-05-20',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual([
        'semester1Start:inRange',
        'semester2Start:dateAfter',
      ]);
      const teacher = await teacherLogin(t, school.code, null);
      expect(
        (await t.http().put(`/api/schools/${school.id}/calendar/${yearId}`).set(bearer(teacher)).send({})).status,
      ).toBe(403);
    });
  });

  describe('classes', () => {
    it('creates and edits a class with an active homeroom teacher of the school, with optimistic locking and audit', async () => {
      const teacher = await insertStaff(t, school.id, 'Nguyễn Thị Hạnh');
      const created = await t
        .http()
        .post(`/api/schools/${school.id}/classes`)
        .set(bearer(school.admin))
        .send({ schoolYearId: yearId, name: ' 7A ', grade: '7', homeroomStaffId: teacher, room: 'P.201' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: '7A',
        grade: '7',
        homeroomName: 'Nguyễn Thị Hạnh',
        schoolYearCode: '2026-2027',
        size: 0,
        sizeWarning: null,
        students: [],
        version: 1,
      });
      const edited = await t
        .http()
        .patch(`/api/schools/${school.id}/classes/${created.body.id}`)
        .set(bearer(school.admin))
        .send({ room: null, version: 1 });
      expect(edited.body).toMatchObject({ room: null, homeroomStaffId: teacher, version: 2 });
      const stale = await t
        .http()
        .patch(`/api/schools/${school.id}/classes/${created.body.id}`)
        .set(bearer(school.admin))
        .send({ room: 'P.1', version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.current).toMatchObject({ version: 2, room: null });
      const rows = (await auditRows(t, school.id, 'class')).filter((r) => r.entity_id === created.body.id);
      expect(rows.map((r) => r.action)).toEqual(['CREATE', 'UPDATE']);
      expect(rows[1].before).toMatchObject({ room: 'P.201' });
    });

    it('refuses a grade the school does not teach, a homeroom teacher who is retired or of another school, and a name taken', async () => {
      const retired = await insertStaff(t, school.id, 'Trần Văn Hưu', 'RETIRED');
      const elsewhere = await insertStaff(t, await t.unitId('THCS-NQ'), 'Lê Thị Khác');
      await createClass(t, school, { schoolYearId: yearId, name: '8A', grade: '8' });
      const errors = async (body: Record<string, unknown>) =>
        (
          await t
            .http()
            .post(`/api/schools/${school.id}/classes`)
            .set(bearer(school.admin))
            .send({ schoolYearId: yearId, ...body })
        ).body.errors?.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
      expect(await errors({ name: '10A1', grade: '10' })).toEqual(['grade:gradeNotTaught']);
      expect(await errors({ name: '8B', grade: '8', homeroomStaffId: retired })).toEqual([
        'homeroomStaffId:notActiveStaff',
      ]);
      expect(await errors({ name: '8C', grade: '8', homeroomStaffId: elsewhere })).toEqual([
        'homeroomStaffId:notActiveStaff',
      ]);
      expect(await errors({ name: '8a', grade: '8' })).toEqual(['name:duplicate']);
    });

    it('warns (never blocks) above the ceiling and lists the roster in Vietnamese name order', async () => {
      const cls = await createClass(t, school, { schoolYearId: yearId, name: '6A', grade: '6' });
      const names = ['Phạm Văn Đức', 'Nguyễn Văn Dũng', 'Trần Thị Ánh', 'Lê Văn Anh', 'Hoàng Minh Anh'];
      await enrolStudents(t, school.id, cls.id, [...names, ...Array.from({ length: 41 }, () => 'Vũ Thị Yến')]);
      const detail = await t.http().get(`/api/schools/${school.id}/classes/${cls.id}`).set(bearer(school.admin));
      expect(detail.body).toMatchObject({ size: 46, sizeWarning: { ceiling: 45, over: 1 } });
      expect(detail.body.students.slice(0, 5).map((s: { fullName: string }) => s.fullName)).toEqual([
        'Hoàng Minh Anh',
        'Lê Văn Anh',
        'Trần Thị Ánh',
        'Nguyễn Văn Dũng',
        'Phạm Văn Đức',
      ]);
      const list = await t
        .http()
        .get(`/api/schools/${school.id}/classes?yearId=${yearId}&grade=6`)
        .set(bearer(school.admin));
      expect(list.body.items.map((c: { name: string; sizeWarning: unknown }) => [c.name, c.sizeWarning])).toEqual([
        ['6A', { ceiling: 45, over: 1 }],
      ]);
    });

    it('exports the filtered list as xlsx with formula-like text neutralised, audited as an export', async () => {
      await createClass(t, school, {
        schoolYearId: yearId,
        name: '9A',
        grade: '9',
        room: '=HYPERLINK("http://x","y")',
      });
      const res = await t
        .http()
        .get(`/api/schools/${school.id}/classes/export.xlsx?yearId=${yearId}&q=9`)
        .set(bearer(dept))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as ArrayBuffer);
      const sheet = wb.worksheets[0];
      expect(sheet.getRow(1).getCell(2).value).toBe('Tên lớp');
      expect(sheet.rowCount).toBe(2);
      expect(sheet.getRow(2).getCell(2).value).toBe('9A');
      expect(sheet.getRow(2).getCell(5).value).toBe(`=HYPERLINK("http://x","y")`);
      expect(sheet.getRow(2).getCell(5).formula).toBeUndefined();
      // Printed as an official list: A4 landscape, one page wide, the header row on every page, the school above.
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
      expect(sheet.headerFooter.oddHeader).toMatch(/TRƯỜNG/);
      expect(sheet.headerFooter.oddHeader).toContain('DANH SÁCH LỚP HỌC');
      const exports = await auditRows(t, school.id, 'class');
      expect(exports.filter((r) => r.action === 'EXPORT').at(-1)?.after).toMatchObject({ rows: 1 });
    });
  });
});
