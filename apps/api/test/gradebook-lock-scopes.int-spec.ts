import { randomUUID } from 'node:crypto';
import { auditRows, createClass, enrolStudents } from './academic-fixtures';
import { assign, GradingFixture, gradingClass } from './grading-fixtures';
import { bearer, startTestApp, TestApp } from './harness';

/**
 * Locks narrowed to a grade, a class, a subject and an assessment column (docs/domain/gradebook.md, "Locks and
 * corrections"), each with the cases it must not reach. A school of its own: 6A (Toán by A, Ngữ văn by B), its
 * sister class 6B (Toán by A) and 7A (Toán by A), one pupil each besides 6A's three.
 */
describe('gradebook: locks by grade, class, subject and column (real PostgreSQL)', () => {
  let t: TestApp;
  let f: GradingFixture;
  const classes: Record<string, string> = {};
  const pupils: Record<string, string> = {};
  const versions = new Map<string, number>();
  const locks = () => `/api/schools/${f.school.id}/grading/locks`;
  const lock = (body: Record<string, unknown>, token = f.school.admin) =>
    t
      .http()
      .post(locks())
      .set(bearer(token))
      .send({ yearId: f.yearId, semester: 1, ...body });
  const lockIdOf = (
    res: {
      body: {
        id: string;
        classId: string | null;
        subjectCode: string | null;
        grade: string | null;
        columnKey: string | null;
      }[];
    },
    match: Record<string, unknown>,
  ) => res.body.find((l) => Object.entries(match).every(([k, v]) => (l as Record<string, unknown>)[k] === v))!.id;
  const unlock = async (id: string) =>
    expect((await t.http().delete(`${locks()}/${id}`).set(bearer(f.school.admin))).status).toBe(204);
  /** A save of one cell of the class's first pupil: the status (and the version follows a successful save). */
  const save = async (cls: string, subject: string, cells: Record<string, unknown>, token = f.teacherA) => {
    const key = `${cls}:${subject}`;
    const res = await t
      .http()
      .put(`/api/schools/${f.school.id}/classes/${classes[cls]}/gradebook/1/${subject}`)
      .set(bearer(token))
      .send({ requestId: randomUUID(), rows: [{ studentId: pupils[cls], version: versions.get(key) ?? 0, cells }] });
    if (res.status === 200) versions.set(key, (versions.get(key) ?? 0) + 1);
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await gradingClass(t);
    classes['6A'] = f.classId;
    pupils['6A'] = f.studentIds[0];
    for (const [name, grade] of [
      ['6B', '6'],
      ['7A', '7'],
    ]) {
      classes[name] = (await createClass(t, f.school, { schoolYearId: f.yearId, name, grade })).id;
      await assign(t, f.school.id, classes[name], 'TOAN', f.staffA);
      [pupils[name]] = await enrolStudents(t, f.school.id, classes[name], [`Học sinh ${name}`]);
    }
  });
  afterAll(() => t.close());

  it('lets only the principal lock, and refuses a scope the school’s year does not hold with field errors', async () => {
    expect((await lock({ classId: classes['6A'] }, f.teacherA)).status).toBe(403);
    const foreign = await lock({ classId: randomUUID() });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors.map((e: { field: string }) => e.field)).toEqual(['classId']);
    const mismatch = await lock({ classId: classes['6A'], grade: '7' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors.map((e: { field: string }) => e.field)).toEqual(['grade']);
    const subject = await lock({ subjectCode: 'KHONG_CO' });
    expect(subject.status).toBe(400);
    expect(subject.body.errors.map((e: { field: string }) => e.field)).toEqual(['subjectCode']);
    expect((await lock({ columnKey: 'gk; drop' })).status).toBe(400);
  });

  it('a class lock locks every subject of that class, not the sister class', async () => {
    const res = await lock({ classId: classes['6A'], reason: 'Đã nộp sổ lớp 6A' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual([
      expect.objectContaining({ classId: classes['6A'], className: '6A', grade: null, reason: 'Đã nộp sổ lớp 6A' }),
    ]);
    expect((await save('6A', 'TOAN', { TX1: 8 })).status).toBe(423);
    expect((await save('6A', 'NGU_VAN', { TX1: 8 }, f.teacherB)).status).toBe(423);
    expect((await save('6B', 'TOAN', { TX1: 8 })).status).toBe(200);
    const sheet = await t
      .http()
      .get(`/api/schools/${f.school.id}/classes/${classes['6A']}/gradebook/1/TOAN`)
      .set(bearer(f.teacherA));
    expect(sheet.body).toMatchObject({ locked: true, editable: false });
    await unlock(lockIdOf(res, { classId: classes['6A'] }));
    expect((await save('6A', 'TOAN', { TX1: 8 })).status).toBe(200);
  });

  it('a class × subject lock locks that sheet only', async () => {
    const res = await lock({ classId: classes['6A'], subjectCode: 'TOAN' });
    expect(res.status).toBe(201);
    expect((await save('6A', 'TOAN', { TX2: 7 })).status).toBe(423);
    expect((await save('6A', 'NGU_VAN', { TX2: 7 }, f.teacherB)).status).toBe(200);
    expect((await save('6B', 'TOAN', { TX2: 7 })).status).toBe(200);
    const overview = await t
      .http()
      .get(`/api/schools/${f.school.id}/classes/${classes['6A']}/gradebook`)
      .query({ semester: 1 })
      .set(bearer(f.teacherA));
    expect(overview.body.subjects.find((s: { code: string }) => s.code === 'TOAN').editable).toBe(false);
    expect(overview.body.locked).toBe(false); // the class as a whole is not locked
    await unlock(lockIdOf(res, { subjectCode: 'TOAN' }));
  });

  it('a subject lock reaches every class of the school; a grade lock every class of the grade, not the next grade', async () => {
    const subject = await lock({ subjectCode: 'TOAN' });
    expect((await save('6B', 'TOAN', { TX3: 9 })).status).toBe(423);
    expect((await save('7A', 'TOAN', { TX3: 9 })).status).toBe(423);
    expect((await save('6A', 'NGU_VAN', { TX3: 9 }, f.teacherB)).status).toBe(200);
    await unlock(lockIdOf(subject, { subjectCode: 'TOAN' }));
    const grade = await lock({ grade: '6' });
    expect((await save('6A', 'TOAN', { TX3: 9 })).status).toBe(423);
    expect((await save('6B', 'TOAN', { TX3: 9 })).status).toBe(423);
    expect((await save('7A', 'TOAN', { TX3: 9 })).status).toBe(200);
    await unlock(lockIdOf(grade, { grade: '6' }));
  });

  it('a column lock refuses a change of that column only, shows it on the sheet and takes a correction for it', async () => {
    const res = await lock({ subjectCode: 'TOAN', columnKey: 'GK', reason: 'Đã chốt điểm giữa kì' });
    expect((await save('6A', 'TOAN', { GK: 6 })).status).toBe(423);
    // The answer names the sheet's locked columns with the reason: the grid makes just those read-only.
    expect((await save('6A', 'TOAN', { GK: 6 })).body).toMatchObject({
      code: 'gradebook_column_locked',
      lockedColumns: [{ key: 'GK', reason: 'Đã chốt điểm giữa kì' }],
    });
    expect((await save('6A', 'TOAN', { TX4: 6 })).status).toBe(200);
    const sheet = await t
      .http()
      .get(`/api/schools/${f.school.id}/classes/${classes['6A']}/gradebook/1/TOAN`)
      .set(bearer(f.teacherA));
    expect(sheet.body).toMatchObject({
      locked: false,
      editable: true,
      lockedColumns: [{ key: 'GK', reason: 'Đã chốt điểm giữa kì' }],
    });
    const asked = await t
      .http()
      .post(`/api/schools/${f.school.id}/grading/corrections`)
      .set(bearer(f.teacherA))
      .send({
        classId: classes['6A'],
        subjectCode: 'TOAN',
        semester: 1,
        studentId: pupils['6A'],
        cells: { GK: 6 },
        reason: 'Chấm lại',
      });
    expect(asked.status).toBe(201);
    // Ngữ văn's GK is not reached by a Toán column lock.
    expect((await save('6A', 'NGU_VAN', { GK: 6 }, f.teacherB)).status).toBe(200);
    await unlock(lockIdOf(res, { columnKey: 'GK' }));
  });

  it('audits every lock with its scope and every removal with the lock as it was; an unknown lock is 404', async () => {
    const rows = await auditRows(t, f.school.id, 'grading_lock');
    expect(rows.map((r) => r.action)).toEqual([
      'LOCK',
      'UNLOCK',
      'LOCK',
      'UNLOCK',
      'LOCK',
      'UNLOCK',
      'LOCK',
      'UNLOCK',
      'LOCK',
      'UNLOCK',
    ]);
    expect(rows[0].after).toMatchObject({ classId: classes['6A'], reason: 'Đã nộp sổ lớp 6A' });
    expect(rows[1].before).toMatchObject({ classId: classes['6A'], className: '6A' });
    expect((await t.http().delete(`${locks()}/${randomUUID()}`).set(bearer(f.school.admin))).status).toBe(404);
    expect((await t.http().get(locks()).query({ yearId: f.yearId }).set(bearer(f.school.admin))).body).toEqual([]);
  });
});
