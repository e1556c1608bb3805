import { bearer, startTestApp, TestApp } from './harness';
import {
  createClass,
  enrolStudents,
  insertStaff,
  openYearId,
  schoolWithAdmin,
  SchoolFixture,
} from './academic-fixtures';

/**
 * Attendance only on the school's school days (docs/domain/calendar.md, "School days"): never a Sunday, a fixed public
 * holiday, or a day outside the semesters of the school's own calendar; refused with a localized field error and
 * nothing written.
 */
describe('attendance on school days only', () => {
  let t: TestApp;
  let school: SchoolFixture;
  let yearId: string;
  let classId: string;
  let pupil: string;
  const put = (date: string, lang = 'vi') =>
    t
      .http()
      .put(`/api/schools/${school.id}/classes/${classId}/attendance/${date}`)
      .set(bearer(school.admin))
      .set('Accept-Language', lang)
      .send({ entries: [{ studentId: pupil, status: 'LATE' }] });
  const written = async (date: string) =>
    (await t.owner.query(`select 1 from attendance where school_id = $1 and day = $2`, [school.id, date])).length;

  beforeAll(async () => {
    t = await startTestApp();
    school = await schoolWithAdmin(t);
    yearId = await openYearId(t);
    const homeroom = await insertStaff(t, school.id, 'Phan Ngọc Lịch');
    classId = (
      await createClass(t, school, { schoolYearId: yearId, name: '6A', grade: '6', homeroomStaffId: homeroom })
    ).id;
    [pupil] = await enrolStudents(t, school.id, classId, ['Hà Minh Nhật']);
  });
  afterAll(() => t.close());

  it('refuses a Sunday with a Vietnamese and an English message, writing nothing', async () => {
    const vi = await put('2026-11-01');
    expect(vi.status).toBe(400);
    expect(vi.body.errors).toEqual([
      expect.objectContaining({ field: 'date', code: 'sundayNoSchool', message: expect.stringContaining('Chủ nhật') }),
    ]);
    const en = await put('2026-11-01', 'en');
    expect(en.body.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('Sunday') })]);
    expect(await written('2026-11-01')).toBe(0);
  });

  it('refuses a fixed public holiday inside a semester', async () => {
    const res = await put('2027-01-01');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { code: string }) => e.code)).toContain('publicHoliday');
    expect(await written('2027-01-01')).toBe(0);
  });

  it("follows the school's own semesters: a day of the province's semester I falls in the school's break", async () => {
    expect((await put('2026-11-03')).status).toBe(200);
    const own = await t.http().put(`/api/schools/${school.id}/calendar/${yearId}`).set(bearer(school.admin)).send({
      semester1Start: '2026-09-05',
      semester1End: '2026-10-30',
      semester2Start: '2026-11-09',
      semester2End: '2027-05-25',
    });
    expect(own.status).toBe(200);
    const res = await put('2026-11-04');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: 'date',
        code: 'outsideSemesters',
        message: expect.stringContaining('30/10/2026'),
      }),
    ]);
    expect(await written('2026-11-04')).toBe(0);
    expect((await put('2026-11-09')).status).toBe(200);
    expect((await put('2026-11-07')).status).toBe(400);
  });

  it('accepts a Saturday inside a semester', async () => {
    expect((await put('2026-10-10')).status).toBe(200);
    expect(await written('2026-10-10')).toBe(1);
  });
});
