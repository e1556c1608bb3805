import { randomUUID } from 'node:crypto';
import { assign, GradingFixture, gradingClass, sheetPath } from './grading-fixtures';
import { createClass, enrolStudents, schoolWithAdmin } from './academic-fixtures';
import { bearer, startTestApp, TestApp } from './harness';

/**
 * The school's home (docs/domain/gradebook.md, "Homes") on a school of its own: 6A (3 pupils; Toán by teacher A,
 * Ngữ văn by teacher B), 6B (2 pupils; Toán by teacher B) and 6C (46 pupils, one above the charter's 45, no
 * assignment). Toán and Ngữ văn of grade 6 have 140 periods: TX1–TX4, GK, CK, all required — 6 cells per pupil.
 */
describe('school home: today’s work of a teacher and a principal (real PostgreSQL)', () => {
  let t: TestApp;
  let f: GradingFixture;
  let classB: string;
  let classC: string;
  const home = (token: string, query: Record<string, unknown> = {}) =>
    t.http().get(`/api/schools/${f.school.id}/home`).query(query).set(bearer(token));

  beforeAll(async () => {
    t = await startTestApp();
    f = await gradingClass(t);
    classB = (await createClass(t, f.school, { schoolYearId: f.yearId, name: '6B', grade: '6' })).id;
    await assign(t, f.school.id, classB, 'TOAN', f.staffB);
    await enrolStudents(t, f.school.id, classB, ['Võ Thị Dung', 'Hồ Văn Em']);
    classC = (await createClass(t, f.school, { schoolYearId: f.yearId, name: '6C', grade: '6' })).id;
    await enrolStudents(
      t,
      f.school.id,
      classC,
      Array.from({ length: 46 }, (_, i) => `Học Sinh ${i + 1}`),
    );
    // Teacher A enters all six cells of the first pupil and TX1 of the second: 7 of 3 × 6 = 18.
    const [an, binh] = f.studentIds;
    const save = await t
      .http()
      .put(sheetPath(f))
      .set(bearer(f.teacherA))
      .send({
        requestId: randomUUID(),
        rows: [
          { studentId: an, version: 0, cells: { TX1: 8, TX2: 7, TX3: 9, TX4: 8, GK: 7.5, CK: 8 } },
          { studentId: binh, version: 0, cells: { TX1: 6 } },
        ],
      });
    expect(save.status).toBe(200);
  });
  afterAll(() => t.close());

  it('shows a teacher their own assignments with what is left to enter, and no school figures', async () => {
    const res = await home(f.teacherA, { yearId: f.yearId, semester: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ schoolYearId: f.yearId, semester: 1, progress: null, classSizeBreaches: null });
    expect(res.body.mine).toEqual([
      expect.objectContaining({
        classId: f.classId,
        className: '6A',
        subjectCode: 'TOAN',
        subjectName: 'Toán',
        teacherName: 'Phạm Thu Hà',
        pupils: 3,
        filled: 7,
        expected: 18,
      }),
    ]);
    const b = await home(f.teacherB, { yearId: f.yearId, semester: 1 });
    expect(
      b.body.mine.map((p: { className: string; subjectCode: string }) => `${p.className} ${p.subjectCode}`),
    ).toEqual(['6A NGU_VAN', '6B TOAN']); // class by class, subjects in the curriculum's order
    expect(b.body.mine.map((p: { filled: number; expected: number }) => [p.filled, p.expected])).toEqual([
      [0, 18],
      [0, 12],
    ]);
  });

  it('defaults to the open year and the semester today falls in', async () => {
    const res = await home(f.teacherA);
    expect(res.status).toBe(200);
    expect(res.body.schoolYearId).toBe(f.yearId);
    expect([1, 2]).toContain(res.body.semester);
  });

  it('shows the principal every class × subject × teacher and the classes above the ceiling', async () => {
    const res = await home(f.school.admin, { yearId: f.yearId, semester: 1 });
    expect(res.status).toBe(200);
    expect(
      res.body.progress.map(
        (p: { className: string; subjectCode: string; teacherName: string; filled: number; expected: number }) =>
          `${p.className} ${p.subjectCode} ${p.teacherName} ${p.filled}/${p.expected}`,
      ),
    ).toEqual(['6A TOAN Phạm Thu Hà 7/18', '6A NGU_VAN Đỗ Minh Khôi 0/18', '6B TOAN Đỗ Minh Khôi 0/12']);
    expect(res.body.mine).toEqual([]);
    // 6C: 46 pupils against grade 6's ceiling of 45 (Circular 32/2020 Art. 16); 6A and 6B are well below.
    expect(res.body.classSizeBreaches).toEqual([
      { classId: classC, className: '6C', grade: '6', pupils: 46, ceiling: 45 },
    ]);
  });

  it('counts semester II on its own: nothing entered yet', async () => {
    const res = await home(f.school.admin, { yearId: f.yearId, semester: 2 });
    expect(res.body.progress.map((p: { filled: number; expected: number }) => [p.filled, p.expected])).toEqual([
      [0, 18],
      [0, 18],
      [0, 12],
    ]);
  });

  it('counts pupils who left out of both sides: a pupil leaving with values lowers filled and expected', async () => {
    await t.owner.query(`update enrolment set to_date = '2026-10-01' where school_id = $1 and student_id = $2`, [
      f.school.id,
      f.studentIds[0],
    ]);
    const res = await home(f.teacherA, { yearId: f.yearId, semester: 1 });
    expect(res.body.mine[0]).toMatchObject({ pupils: 2, filled: 1, expected: 12 });
    await t.owner.query(`update enrolment set to_date = null where school_id = $1 and student_id = $2`, [
      f.school.id,
      f.studentIds[0],
    ]);
  });

  it('counts correction requests waiting: the whole school’s for the principal, the requester’s own', async () => {
    const lock = await t
      .http()
      .post(`/api/schools/${f.school.id}/grading/locks`)
      .set(bearer(f.school.admin))
      .send({ yearId: f.yearId, semester: 1 });
    expect(lock.status).toBe(201);
    const asked = await t
      .http()
      .post(`/api/schools/${f.school.id}/grading/corrections`)
      .set(bearer(f.teacherA))
      .send({
        classId: f.classId,
        subjectCode: 'TOAN',
        semester: 1,
        studentId: f.studentIds[0],
        cells: { CK: 9 },
        reason: 'Nhập nhầm',
      });
    expect(asked.status).toBe(201);
    expect((await home(f.school.admin, { yearId: f.yearId, semester: 1 })).body.pendingCorrections).toBe(1);
    expect((await home(f.teacherA, { yearId: f.yearId, semester: 1 })).body.pendingCorrections).toBe(1);
    expect((await home(f.teacherB, { yearId: f.yearId, semester: 1 })).body.pendingCorrections).toBe(0);
  });

  it('answers 404 to another school (out of scope, as every school route) and 400 to a bad semester', async () => {
    const other = await schoolWithAdmin(t);
    expect((await home(other.admin)).status).toBe(404);
    const bad = await home(f.school.admin, { semester: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['semester']);
  });
});
