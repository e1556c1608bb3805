import { bearer, startTestApp, TestApp } from './harness';
import { createClass, createStudent, createYear } from './students-fixtures';

describe('enrolment, drop-out and year-end promotion', () => {
  let t: TestApp;
  let admin: string;
  let schoolId: string;
  let year: { id: string; code: string; endsOn: string };
  let closedYear: { id: string };
  let c6A: string;
  let c6B: string;
  let closedClass: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('hieutruong.nhuquynh');
    schoolId = await t.unitId('THCS-NQ');
    year = await createYear(t, 2045);
    closedYear = await createYear(t, 2044, 'CLOSED');
    c6A = await createClass(t, schoolId, year.id, '6A', '6');
    c6B = await createClass(t, schoolId, year.id, '6B', '6');
    closedClass = await createClass(t, schoolId, closedYear.id, '6A', '6');
  });
  afterAll(() => t.close());

  const base = () => `/api/schools/${schoolId}`;
  const student = (name: string, classId?: string) =>
    createStudent(t, admin, schoolId, name, classId ? { classId } : {});
  const enrolmentsOf = (id: string) =>
    t.owner.query(
      `select class_id, from_date::text as from_date, to_date::text as to_date from enrolment where school_id = $1 and student_id = $2 order by from_date`,
      [schoolId, id],
    );
  const statusOf = async (id: string) =>
    (await t.owner.query(`select status from student where school_id = $1 and id = $2`, [schoolId, id]))[0]
      .status as string;

  it('enrols a student, then moves them to another class: the first enrolment ends the day before the move', async () => {
    const id = await student('Nguyễn Thị Chuyển');
    const first = await t
      .http()
      .post(`${base()}/students/${id}/enrolment`)
      .set(bearer(admin))
      .send({ classId: c6A, fromDate: '2045-09-05' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ classId: c6A, className: '6A' });
    const moved = await t
      .http()
      .post(`${base()}/students/${id}/enrolment`)
      .set(bearer(admin))
      .send({ classId: c6B, fromDate: '2045-10-01', reason: 'Cân đối sĩ số' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ classId: c6B, className: '6B', grade: '6' });
    expect(moved.body.enrolments).toEqual([
      expect.objectContaining({ className: '6A', fromDate: '2045-09-05', toDate: '2045-09-30' }),
      expect.objectContaining({ className: '6B', fromDate: '2045-10-01', toDate: null, reason: 'Cân đối sĩ số' }),
    ]);
    const audit = await t.owner.query(
      `select action from audit_log where school_id = $1 and entity = 'enrolment' and entity_id = $2 order by seq`,
      [schoolId, id],
    );
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['CREATE', 'UPDATE']);
  });

  it('corrects a placement on the day it began by changing the class, leaving no one-day enrolment behind', async () => {
    const id = await student('Hoàng Thị Nhầm');
    await t
      .http()
      .post(`${base()}/students/${id}/enrolment`)
      .set(bearer(admin))
      .send({ classId: c6A, fromDate: '2045-09-20' });
    const corrected = await t
      .http()
      .post(`${base()}/students/${id}/enrolment`)
      .set(bearer(admin))
      .send({ classId: c6B, fromDate: '2045-09-20' });
    expect(corrected.status).toBe(200);
    expect(await enrolmentsOf(id)).toEqual([{ class_id: c6B, from_date: '2045-09-20', to_date: null }]);
    const audit = await t.owner.query(
      `select action, before->>'classId' as before, after->>'classId' as after from audit_log where school_id = $1 and entity = 'enrolment' and entity_id = $2 order by seq`,
      [schoolId, id],
    );
    expect(audit).toEqual([
      { action: 'CREATE', before: null, after: c6A },
      { action: 'UPDATE', before: c6A, after: c6B },
    ]);
  });

  it('refuses a move dated before the current enrolment began, and one outside the year, changing nothing', async () => {
    const id = await student('Trần Văn Lùi');
    await t
      .http()
      .post(`${base()}/students/${id}/enrolment`)
      .set(bearer(admin))
      .send({ classId: c6A, fromDate: '2045-09-10' });
    const before = await enrolmentsOf(id);
    const early = await t
      .http()
      .post(`${base()}/students/${id}/enrolment`)
      .set(bearer(admin))
      .send({ classId: c6B, fromDate: '2045-09-05' });
    expect(early.status).toBe(400);
    expect(early.body.errors[0]).toMatchObject({ field: 'fromDate', code: 'dateAfter' });
    const outside = await t
      .http()
      .post(`${base()}/students/${id}/enrolment`)
      .set(bearer(admin))
      .send({ classId: c6B, fromDate: '2047-01-01' });
    expect(outside.body.errors[0]).toMatchObject({ field: 'fromDate', code: 'dateInYear' });
    expect(await enrolmentsOf(id)).toEqual(before);
  });

  it('refuses enrolment into a class of a closed year with 409 year_closed', async () => {
    const id = await student('Lê Thị Khoá');
    const res = await t
      .http()
      .post(`${base()}/students/${id}/enrolment`)
      .set(bearer(admin))
      .send({ classId: closedClass });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('year_closed');
    expect(await enrolmentsOf(id)).toEqual([]);
  });

  it('enrols many students into one class all-or-nothing: one student who left refuses the whole batch', async () => {
    const a = await student('Phạm Văn Một', c6A);
    const b = await student('Phạm Văn Hai');
    const gone = await student('Phạm Văn Ba');
    expect(
      (
        await t
          .http()
          .post(`${base()}/students/${gone}/drop-out`)
          .set(bearer(admin))
          .send({ reason: 'Chuyển vùng', date: '2045-09-10' })
      ).status,
    ).toBe(200);
    const lh = await t.unitId('THCS-LH');
    const otherAdmin = await t.login('hieutruong.lachong');
    const stranger = await createStudent(t, otherAdmin, lh, 'Đinh Văn Lạ');

    const refused = await t
      .http()
      .post(`${base()}/students/bulk/enrol`)
      .set(bearer(admin))
      .send({ studentIds: [a, b, gone, stranger], classId: c6B, fromDate: '2045-11-01' });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('students_not_enrollable');
    expect(refused.body.studentIds.sort()).toEqual([gone, stranger].sort());
    expect(await enrolmentsOf(a)).toEqual([expect.objectContaining({ class_id: c6A, to_date: null })]);
    expect(await enrolmentsOf(b)).toEqual([]);

    const ok = await t
      .http()
      .post(`${base()}/students/bulk/enrol`)
      .set(bearer(admin))
      .send({ studentIds: [a, b], classId: c6B, fromDate: '2045-11-01' });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ changed: 2, unchanged: 0 });
    expect(await enrolmentsOf(a)).toEqual([
      expect.objectContaining({ class_id: c6A, to_date: '2045-10-31' }),
      expect.objectContaining({ class_id: c6B, from_date: '2045-11-01', to_date: null }),
    ]);
    const again = await t
      .http()
      .post(`${base()}/students/bulk/enrol`)
      .set(bearer(admin))
      .send({ studentIds: [a, b], classId: c6B, fromDate: '2045-11-01' });
    expect(again.body).toEqual({ changed: 0, unchanged: 2 });
  });

  it('drops a student out with reason and date, ends the enrolment the day before, and makes the record read-only', async () => {
    const id = await student('Hà Văn Nghỉ', c6A);
    const res = await t
      .http()
      .post(`${base()}/students/${id}/drop-out`)
      .set(bearer(admin))
      .send({ reason: 'Hoàn cảnh gia đình khó khăn', date: '2045-12-15' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'DROPPED_OUT',
      statusReason: 'Hoàn cảnh gia đình khó khăn',
      statusDate: '2045-12-15',
      readOnly: true,
    });
    // The drop-out takes effect on its date: the last day in the class (to_date, inclusive) is the day before.
    expect(await enrolmentsOf(id)).toEqual([expect.objectContaining({ class_id: c6A, to_date: '2045-12-14' })]);
    const edit = await t
      .http()
      .patch(`${base()}/students/${id}`)
      .set(bearer(admin))
      .send({ version: res.body.version, fullName: 'Hà Văn Sửa' });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('record_read_only');
    expect(
      (await t.http().post(`${base()}/students/${id}/enrolment`).set(bearer(admin)).send({ classId: c6B })).status,
    ).toBe(409);
    expect(
      (
        await t
          .http()
          .post(`${base()}/students/${id}/drop-out`)
          .set(bearer(admin))
          .send({ reason: 'Lần hai', date: '2045-12-20' })
      ).status,
    ).toBe(409);
    const [audit] = await t.owner.query(
      `select after from audit_log where school_id = $1 and entity = 'student' and entity_id = $2 and action = 'UPDATE'`,
      [schoolId, id],
    );
    expect(audit.after).toMatchObject({ status: 'DROPPED_OUT', statusReason: 'Hoàn cảnh gia đình khó khăn' });
  });

  describe('year-end promotion', () => {
    let c7: string;
    let c9: string;
    let seventh: string[];
    let ninth: string[];
    beforeAll(async () => {
      c7 = await createClass(t, schoolId, year.id, '7A', '7');
      c9 = await createClass(t, schoolId, year.id, '9A', '9');
      seventh = [await student('Cao Văn Bảy', c7), await student('Cao Thị Bảy', c7), await student('Cao Minh Bảy', c7)];
      ninth = [
        await student('Mạc Văn Chín', c9),
        await student('Mạc Thị Chín', c9),
        await student('Mạc Minh Chín', c9),
      ];
    });
    const preview = (grade: string) =>
      t.http().get(`${base()}/promotions/preview`).query({ yearId: year.id, grade }).set(bearer(admin));
    const promote = (grade: string, repeaterIds: string[]) =>
      t.http().post(`${base()}/promotions`).set(bearer(admin)).send({ schoolYearId: year.id, grade, repeaterIds });
    const outcomes = (ids: string[]) =>
      t.owner.query(
        `select student_id, outcome from year_outcome where school_id = $1 and student_id = any($2::uuid[]) order by student_id`,
        [schoolId, ids],
      );

    it('previews how many records a grade promotion changes, then promotes all but the repeater', async () => {
      expect((await preview('7')).body).toEqual({
        schoolYearId: year.id,
        grade: '7',
        nextGrade: '8',
        students: 3,
        alreadyDecided: 0,
      });
      const res = await promote('7', [seventh[0]]);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ promoted: 2, graduated: 0, repeated: 1 });
      const byStudent = Object.fromEntries(
        (await outcomes(seventh)).map((r: { student_id: string; outcome: string }) => [r.student_id, r.outcome]),
      );
      expect(byStudent).toEqual({ [seventh[0]]: 'REPEAT', [seventh[1]]: 'PROMOTED', [seventh[2]]: 'PROMOTED' });
      expect(await statusOf(seventh[1])).toBe('STUDYING');
      expect((await preview('7')).body).toMatchObject({ students: 3, alreadyDecided: 3 });
      const detail = await t.http().get(`${base()}/students/${seventh[0]}`).set(bearer(admin));
      expect(detail.body.outcomes).toEqual([{ schoolYearCode: year.code, grade: '7', outcome: 'REPEAT' }]);
    });

    it('graduates the last grade of a lower-secondary school (grade 9): status GRADUATED, enrolment closed at the year end', async () => {
      expect((await preview('9')).body).toMatchObject({ nextGrade: null, students: 3 });
      const res = await promote('9', [ninth[2]]);
      expect(res.body).toEqual({ promoted: 0, graduated: 2, repeated: 1 });
      expect(await statusOf(ninth[0])).toBe('GRADUATED');
      expect(await statusOf(ninth[2])).toBe('STUDYING');
      expect(await enrolmentsOf(ninth[0])).toEqual([expect.objectContaining({ class_id: c9, to_date: year.endsOn })]);
      const edit = await t
        .http()
        .patch(`${base()}/students/${ninth[0]}`)
        .set(bearer(admin))
        .send({ version: 3, fullName: 'Mạc Văn Sửa' });
      expect(edit.body.code).toBe('record_read_only');
    });

    it('re-running is idempotent, and a changed repeater list replaces the earlier decisions', async () => {
      const auditCount = async () =>
        (
          await t.owner.query(
            `select count(*)::int as n from audit_log where school_id = $1 and entity = 'year_outcome'`,
            [schoolId],
          )
        )[0].n;
      const before = await auditCount();
      expect((await promote('9', [ninth[2]])).body).toEqual({ promoted: 0, graduated: 2, repeated: 1 });
      expect(await auditCount()).toBe(before);
      // The council changes its mind: the first graduate repeats instead, the former repeater graduates.
      expect((await promote('9', [ninth[0]])).body).toEqual({ promoted: 0, graduated: 2, repeated: 1 });
      expect(await statusOf(ninth[0])).toBe('STUDYING');
      expect(await enrolmentsOf(ninth[0])).toEqual([expect.objectContaining({ class_id: c9, to_date: null })]);
      expect(await statusOf(ninth[2])).toBe('GRADUATED');
      expect(await auditCount()).toBe(before + 2);
    });

    it('refuses a repeater outside the grade, a grade the school does not teach, and a closed year', async () => {
      const wrong = await promote('7', [ninth[0]]);
      expect(wrong.status).toBe(400);
      expect(wrong.body).toMatchObject({ code: 'repeaters_not_in_grade', studentIds: [ninth[0]] });
      const primary = await promote('3', []);
      expect(primary.body.errors[0]).toMatchObject({ field: 'grade', code: 'gradeNotTaught' });
      const closed = await t
        .http()
        .post(`${base()}/promotions`)
        .set(bearer(admin))
        .send({ schoolYearId: closedYear.id, grade: '6', repeaterIds: [] });
      expect(closed.status).toBe(409);
      expect(closed.body.code).toBe('year_closed');
    });
  });
});
