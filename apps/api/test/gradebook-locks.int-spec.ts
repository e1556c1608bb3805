import { randomUUID } from 'node:crypto';
import { auditRows } from './academic-fixtures';
import { GradingFixture, gradingClass, sheetPath } from './grading-fixtures';
import { bearer, startTestApp, TestApp } from './harness';

describe('gradebook: semester locks and correction requests (real PostgreSQL)', () => {
  let t: TestApp;
  let f: GradingFixture;
  const student = () => f.studentIds[0];

  beforeAll(async () => {
    t = await startTestApp();
    f = await gradingClass(t);
    const res = await t
      .http()
      .put(sheetPath(f))
      .set(bearer(f.teacherA))
      .send({
        requestId: randomUUID(),
        rows: [{ studentId: student(), version: 0, cells: { TX1: 8, TX2: 7, TX3: 9, TX4: 8, GK: 7.5, CK: 8 } }],
      });
    expect(res.status).toBe(200);
  });
  afterAll(() => t.close());

  const locks = `/api/schools/${'{school}'}/grading/locks`;
  const url = (path: string) => path.replace('{school}', f.school.id);
  const corrections = () => `/api/schools/${f.school.id}/grading/corrections`;
  const request = (cells: Record<string, unknown>, reason = 'Nhập nhầm điểm cuối kì') =>
    t
      .http()
      .post(corrections())
      .set(bearer(f.teacherA))
      .send({ classId: f.classId, subjectCode: 'TOAN', semester: 1, studentId: student(), cells, reason });
  const rowOf = async () =>
    (await t.http().get(sheetPath(f)).set(bearer(f.teacherA))).body.rows.find(
      (r: { studentId: string }) => r.studentId === student(),
    );

  it('refuses a correction request while the semester is open (teachers edit directly)', async () => {
    const res = await request({ CK: 9 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('gradebook_not_locked');
  });

  it('locks the semester: saves answer 423, the sheet turns read-only, the lock is audited', async () => {
    const res = await t.http().post(url(locks)).set(bearer(f.school.admin)).send({ yearId: f.yearId, semester: 1 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual([expect.objectContaining({ semester: 1, schoolYearId: f.yearId })]);
    const row = await rowOf();
    const save = await t
      .http()
      .put(sheetPath(f))
      .set(bearer(f.teacherA))
      .send({ requestId: randomUUID(), rows: [{ studentId: student(), version: row.version, cells: { CK: 9 } }] });
    expect(save.status).toBe(423);
    expect(save.body.code).toBe('gradebook_locked');
    const sheet = await t.http().get(sheetPath(f)).set(bearer(f.teacherA));
    expect(sheet.body).toMatchObject({ locked: true, editable: false });
    expect((await auditRows(t, f.school.id, 'grading_lock')).map((a) => a.action)).toEqual(['LOCK']);
  });

  it('takes a correction request with field errors for bad values, then one with the cells as they were', async () => {
    const bad = await request({ CK: 12 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['cells.CK']);
    expect((await request({ CK: 8 })).status).toBe(400); // nothing would change
    const res = await request({ CK: '9,5' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'PENDING',
      changes: { CK: { from: 8, to: 9.5 } },
      studentName: 'Nguyễn Văn An',
      subjectCode: 'TOAN',
    });
  });

  it('lets only the principal decide, and applies an approved correction with its reason in the history', async () => {
    const pending = await t.http().get(corrections()).query({ status: 'PENDING' }).set(bearer(f.school.admin));
    expect(pending.body.total).toBe(1);
    const id = pending.body.items[0].id;
    expect((await t.http().post(`${corrections()}/${id}/approve`).set(bearer(f.teacherA)).send({})).status).toBe(403);
    const before = await rowOf();
    const res = await t
      .http()
      .post(`${corrections()}/${id}/approve`)
      .set(bearer(f.school.admin))
      .send({ note: 'Đồng ý' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'APPROVED', decisionNote: 'Đồng ý' });
    const after = await rowOf();
    // (32 + 15 + 3·9.5) / 9 = 75.5 / 9 = 8.38… → 8.4
    expect(after).toMatchObject({ cells: { CK: 9.5 }, average: 8.4, version: before.version + 1 });
    const history = await t
      .http()
      .get(`${sheetPath(f)}/history`)
      .query({ studentId: student(), column: 'CK' })
      .set(bearer(f.teacherA));
    expect(history.body[0]).toMatchObject({
      oldValue: 8,
      newValue: 9.5,
      reason: 'Nhập nhầm điểm cuối kì',
      correctionId: id,
    });
    expect((await t.http().post(`${corrections()}/${id}/reject`).set(bearer(f.school.admin)).send({})).status).toBe(
      409,
    );
  });

  it('refuses to apply a request whose cells changed since it was made, and rejects with a note', async () => {
    const first = await request({ GK: 9 });
    const second = await request({ GK: 8.5 });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(
      (await t.http().post(`${corrections()}/${first.body.id}/approve`).set(bearer(f.school.admin)).send({})).status,
    ).toBe(200);
    const stale = await t
      .http()
      .post(`${corrections()}/${second.body.id}/approve`)
      .set(bearer(f.school.admin))
      .send({});
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('correction_outdated');
    const rejected = await t
      .http()
      .post(`${corrections()}/${second.body.id}/reject`)
      .set(bearer(f.school.admin))
      .send({ note: 'Đã sửa theo yêu cầu trước' });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', decisionNote: 'Đã sửa theo yêu cầu trước' });
    expect((await rowOf()).cells.GK).toBe(9);
  });

  it('shows a teacher only their own requests, and unlocking reopens direct entry', async () => {
    const mine = await t.http().get(corrections()).set(bearer(f.teacherB));
    expect(mine.body.total).toBe(0);
    expect(
      (
        await t
          .http()
          .delete(url(`${locks}/${f.yearId}/1`))
          .set(bearer(f.school.admin))
      ).status,
    ).toBe(204);
    const row = await rowOf();
    const save = await t
      .http()
      .put(sheetPath(f))
      .set(bearer(f.teacherA))
      .send({ requestId: randomUUID(), rows: [{ studentId: student(), version: row.version, cells: { CK: 10 } }] });
    expect(save.status).toBe(200);
    expect(
      (
        await t
          .http()
          .delete(url(`${locks}/${f.yearId}/1`))
          .set(bearer(f.school.admin))
      ).status,
    ).toBe(404);
  });
});
