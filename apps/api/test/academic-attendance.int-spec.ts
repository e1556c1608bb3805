import { AssignmentsService } from '@emis/api/academic';
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

describe('attendance and teaching assignments', () => {
  let t: TestApp;
  let school: SchoolFixture;
  let yearId: string;
  let classId: string;
  let homeroom: string;
  let students: string[];
  const sheetUrl = (date: string) => `/api/schools/${school.id}/classes/${classId}/attendance/${date}`;
  beforeAll(async () => {
    t = await startTestApp();
    school = await schoolWithAdmin(t);
    yearId = await openYearId(t);
    homeroom = await insertStaff(t, school.id, 'Đặng Thu Hà');
    classId = (
      await createClass(t, school, { schoolYearId: yearId, name: '6A', grade: '6', homeroomStaffId: homeroom })
    ).id;
    students = await enrolStudents(t, school.id, classId, ['Bùi Văn Bình', 'Lê Thị An', 'Ngô Gia Cường']);
  });
  afterAll(() => t.close());

  describe('attendance', () => {
    it('lets the homeroom teacher record a day in one audited write; an empty sheet changes nothing', async () => {
      const teacher = await teacherLogin(t, school.code, homeroom);
      const empty = await t.http().get(sheetUrl('2026-10-05')).set(bearer(teacher));
      expect(empty.body).toMatchObject({
        unrecorded: true,
        editable: true,
        rows: [
          { fullName: 'Lê Thị An', status: 'PRESENT' },
          { fullName: 'Bùi Văn Bình' },
          { fullName: 'Ngô Gia Cường' },
        ],
      });
      expect((await t.http().put(sheetUrl('2026-10-05')).set(bearer(teacher)).send({ entries: [] })).status).toBe(200);
      expect(await auditRows(t, school.id, 'attendance')).toEqual([]);
      const saved = await t
        .http()
        .put(sheetUrl('2026-10-05'))
        .set(bearer(teacher))
        .send({
          entries: [
            { studentId: students[0], status: 'EXCUSED', note: 'Ốm' },
            { studentId: students[1], status: 'PRESENT' },
          ],
        });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        unrecorded: false,
        rows: [
          { studentId: students[1], status: 'PRESENT' },
          { studentId: students[0], status: 'EXCUSED', note: 'Ốm' },
          { studentId: students[2], status: 'PRESENT' },
        ],
      });
      const again = await t
        .http()
        .put(sheetUrl('2026-10-05'))
        .set(bearer(school.admin))
        .send({ entries: [{ studentId: students[0], status: 'LATE' }] });
      expect(again.body.rows[1]).toMatchObject({ status: 'LATE', note: null });
      const rows = await auditRows(t, school.id, 'attendance');
      expect(rows).toEqual([
        {
          action: 'UPDATE',
          entity_id: `${classId}:2026-10-05`,
          before: {},
          after: { [students[0]]: { status: 'EXCUSED', note: 'Ốm' }, [students[1]]: { status: 'PRESENT', note: null } },
        },
        {
          action: 'UPDATE',
          entity_id: `${classId}:2026-10-05`,
          before: { [students[0]]: { status: 'EXCUSED', note: 'Ốm' } },
          after: { [students[0]]: { status: 'LATE', note: null } },
        },
      ]);
    });

    it('forbids a teacher who is not the homeroom teacher, even of the same school', async () => {
      const other = await teacherLogin(t, school.code, await insertStaff(t, school.id, 'Phan Văn Khác'));
      const unlinked = await teacherLogin(t, school.code, null);
      for (const token of [other, unlinked]) {
        const res = await t
          .http()
          .put(sheetUrl('2026-10-06'))
          .set(bearer(token))
          .send({ entries: [{ studentId: students[0], status: 'UNEXCUSED' }] });
        expect(res.status).toBe(403);
      }
      const readOnly = await t.http().get(sheetUrl('2026-10-06')).set(bearer(other));
      expect(readOnly.status).toBe(200);
      expect(readOnly.body.editable).toBe(false);
      expect(
        await t.owner.query(`select 1 from attendance where school_id = $1 and day = '2026-10-06'`, [school.id]),
      ).toEqual([]);
    });

    it('refuses future days, days outside the school year, and students not in the class that day, writing nothing', async () => {
      const codes = async (date: string, entries: unknown[]) => {
        const res = await t.http().put(sheetUrl(date)).set(bearer(school.admin)).send({ entries });
        return `${res.status} ${res.body.errors?.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).join(',')}`;
      };
      expect(await codes('2027-03-01', [])).toBe('400 date:notInFuture');
      expect(await codes('2026-08-20', [])).toBe('400 date:inRange');
      expect(await codes('2026-02-30', [])).toBe('400 date:isRealDate');
      const [late] = await enrolStudents(t, school.id, classId, ['Trịnh Văn Muộn'], '2026-10-20');
      expect(
        await codes('2026-10-07', [
          { studentId: students[0], status: 'LATE' },
          { studentId: late, status: 'LATE' },
        ]),
      ).toBe('400 entries.1.studentId:notEnrolled');
      expect(
        await codes('2026-10-07', [
          { studentId: students[0], status: 'LATE' },
          { studentId: students[0], status: 'PRESENT' },
        ]),
      ).toBe('400 entries.1.studentId:duplicate');
      expect(
        await t.owner.query(`select 1 from attendance where school_id = $1 and day = '2026-10-07'`, [school.id]),
      ).toEqual([]);
    });

    it('totals a month per student and status over the days recorded', async () => {
      const put = (date: string, statuses: string[]) =>
        t
          .http()
          .put(sheetUrl(date))
          .set(bearer(school.admin))
          .send({ entries: statuses.map((status, i) => ({ studentId: students[i], status })) });
      await put('2026-11-02', ['PRESENT', 'UNEXCUSED', 'LATE']);
      await put('2026-11-03', ['EXCUSED', 'UNEXCUSED', 'PRESENT']);
      await put('2026-11-04', ['EXCUSED', 'PRESENT']);
      const res = await t
        .http()
        .get(`/api/schools/${school.id}/classes/${classId}/attendance?month=2026-11`)
        .set(bearer(school.admin));
      expect(res.body.days).toEqual(['2026-11-02', '2026-11-03', '2026-11-04']);
      const byId = Object.fromEntries(res.body.rows.map((r: { studentId: string }) => [r.studentId, r]));
      expect(byId[students[0]].totals).toEqual({ PRESENT: 1, EXCUSED: 2, UNEXCUSED: 0, LATE: 0 });
      expect(byId[students[1]].totals).toEqual({ PRESENT: 1, EXCUSED: 0, UNEXCUSED: 2, LATE: 0 });
      expect(byId[students[2]]).toMatchObject({
        byDay: { '2026-11-02': 'LATE', '2026-11-03': 'PRESENT' },
        totals: { PRESENT: 1, EXCUSED: 0, UNEXCUSED: 0, LATE: 1 },
      });
      expect(res.body.rows).toHaveLength(4);
      expect(
        (
          await t
            .http()
            .get(`/api/schools/${school.id}/classes/${classId}/attendance?month=2026-13`)
            .set(bearer(school.admin))
        ).status,
      ).toBe(400);
    });
  });

  describe('attendance across a move and a drop-out (to_date is the last day in the class)', () => {
    let c7A: string;
    let c7B: string;
    const sheet = (cls: string, date: string) =>
      t.http().get(`/api/schools/${school.id}/classes/${cls}/attendance/${date}`).set(bearer(school.admin));
    const namesOn = async (cls: string, date: string) =>
      (await sheet(cls, date)).body.rows.map((r: { fullName: string }) => r.fullName);
    beforeAll(async () => {
      c7A = (await createClass(t, school, { schoolYearId: yearId, name: '7A', grade: '7' })).id;
      c7B = (await createClass(t, school, { schoolYearId: yearId, name: '7B', grade: '7' })).id;
      await enrolStudents(t, school.id, c7A, ['Mai Văn Ở']);
    });

    it("keeps a pupil moved on screen on the old class's sheet on their last day and on the new class's from the move day", async () => {
      const [moved] = await enrolStudents(t, school.id, c7A, ['Vũ Thị Chuyển']);
      const res = await t
        .http()
        .post(`/api/schools/${school.id}/students/${moved}/enrolment`)
        .set(bearer(school.admin))
        .send({ classId: c7B, fromDate: '2026-11-10' });
      expect(res.status).toBe(200);
      expect(res.body.enrolments).toEqual([
        expect.objectContaining({ className: '7A', fromDate: '2026-09-05', toDate: '2026-11-09' }),
        expect.objectContaining({ className: '7B', fromDate: '2026-11-10', toDate: null }),
      ]);
      expect(await namesOn(c7A, '2026-11-09')).toEqual(['Vũ Thị Chuyển', 'Mai Văn Ở']);
      expect(await namesOn(c7B, '2026-11-09')).toEqual([]);
      expect(await namesOn(c7A, '2026-11-10')).toEqual(['Mai Văn Ở']);
      expect(await namesOn(c7B, '2026-11-10')).toEqual(['Vũ Thị Chuyển']);

      const put = (cls: string, date: string) =>
        t
          .http()
          .put(`/api/schools/${school.id}/classes/${cls}/attendance/${date}`)
          .set(bearer(school.admin))
          .send({ entries: [{ studentId: moved, status: 'EXCUSED' }] });
      expect((await put(c7A, '2026-11-09')).status).toBe(200);
      expect((await put(c7A, '2026-11-10')).body.errors).toEqual([
        expect.objectContaining({ field: 'entries.0.studentId', code: 'notEnrolled' }),
      ]);
      expect((await put(c7B, '2026-11-10')).status).toBe(200);

      const month = async (cls: string) =>
        (
          await t
            .http()
            .get(`/api/schools/${school.id}/classes/${cls}/attendance?month=2026-11`)
            .set(bearer(school.admin))
        ).body.rows.map((r: { fullName: string; totals: { EXCUSED: number } }) => [r.fullName, r.totals.EXCUSED]);
      expect(await month(c7A)).toEqual([
        ['Vũ Thị Chuyển', 1],
        ['Mai Văn Ở', 0],
      ]);
      expect(await month(c7B)).toEqual([['Vũ Thị Chuyển', 1]]);
    });

    it('keeps a pupil who drops out on the sheet up to the day before the drop-out date', async () => {
      const [leaving] = await enrolStudents(t, school.id, c7A, ['Đỗ Văn Nghỉ']);
      const res = await t
        .http()
        .post(`/api/schools/${school.id}/students/${leaving}/drop-out`)
        .set(bearer(school.admin))
        .send({ reason: 'Gia đình chuyển vùng', date: '2026-11-20' });
      expect(res.status).toBe(200);
      expect(res.body.enrolments).toEqual([expect.objectContaining({ className: '7A', toDate: '2026-11-19' })]);
      expect(await namesOn(c7A, '2026-11-19')).toContain('Đỗ Văn Nghỉ');
      expect(await namesOn(c7A, '2026-11-20')).not.toContain('Đỗ Văn Nghỉ');
    });
  });

  describe('teaching assignments', () => {
    it("replaces a class's semester in one transaction: what is not listed goes, a bad item changes nothing", async () => {
      const maths = await insertStaff(t, school.id, 'Lý Văn Toán', 'ACTIVE', ['TOAN']);
      const letters = await insertStaff(t, school.id, 'Hồ Thị Văn', 'ACTIVE', ['NGU_VAN']);
      const retired = await insertStaff(t, school.id, 'Cao Văn Cũ', 'RETIRED');
      const url = `/api/schools/${school.id}/classes/${classId}/assignments`;
      const first = await t
        .http()
        .put(url)
        .set(bearer(school.admin))
        .send({
          semester: 1,
          items: [
            { subjectCode: 'TOAN', staffId: maths },
            { subjectCode: 'NGU_VAN', staffId: letters },
          ],
        });
      expect(first.status).toBe(200);
      expect(first.body.map((a: { subjectCode: string; staffName: string }) => [a.subjectCode, a.staffName])).toEqual([
        ['TOAN', 'Lý Văn Toán'],
        ['NGU_VAN', 'Hồ Thị Văn'],
      ]);
      const bad = await t
        .http()
        .put(url)
        .set(bearer(school.admin))
        .send({
          semester: 1,
          items: [
            { subjectCode: 'TOAN', staffId: letters },
            { subjectCode: 'VAT_LY', staffId: maths },
            { subjectCode: 'KHTN', staffId: retired },
          ],
        });
      expect(bad.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
        'items.1.subjectCode:subjectNotOfLevel',
        'items.2.staffId:notActiveStaff',
      ]);
      const replaced = await t
        .http()
        .put(url)
        .set(bearer(school.admin))
        .send({
          semester: 1,
          items: [
            { subjectCode: 'TOAN', staffId: letters },
            { subjectCode: 'NGU_VAN', staffId: null },
          ],
        });
      expect(replaced.body.map((a: { subjectCode: string; staffId: string }) => [a.subjectCode, a.staffId])).toEqual([
        ['TOAN', letters],
      ]);
      const listed = await t
        .http()
        .get(`/api/schools/${school.id}/assignments?staffId=${letters}&yearId=${yearId}`)
        .set(bearer(school.admin));
      expect(listed.body).toEqual([expect.objectContaining({ className: '6A', subjectName: 'Toán', semester: 1 })]);
      const audit = await auditRows(t, school.id, 'teaching_assignment');
      expect(audit.map((r) => r.after)).toEqual([{ TOAN: maths, NGU_VAN: letters }, { TOAN: letters }]);
      const assignments = t.app.get(AssignmentsService);
      await t.owner.transaction(async (em) => {
        expect(await assignments.canTeach(em, school.id, letters, classId, 'TOAN', 1)).toBe(true);
        expect(await assignments.canTeach(em, school.id, maths, classId, 'TOAN', 1)).toBe(false);
        expect(await assignments.canTeach(em, school.id, letters, classId, 'TOAN', 2)).toBe(false);
        expect(await assignments.isHomeroomTeacher(em, school.id, homeroom, classId)).toBe(true);
      });
    });

    it('lets only the school administrator change assignments', async () => {
      const teacher = await teacherLogin(t, school.code, homeroom);
      const res = await t
        .http()
        .put(`/api/schools/${school.id}/classes/${classId}/assignments`)
        .set(bearer(teacher))
        .send({ semester: 2, items: [] });
      expect(res.status).toBe(403);
      expect((await t.http().get(`/api/schools/${school.id}/assignments`).set(bearer(teacher))).status).toBe(200);
    });
  });
});
