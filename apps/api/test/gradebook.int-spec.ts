import { randomUUID } from 'node:crypto';
import { auditRows } from './academic-fixtures';
import { GradingFixture, gradingClass, sheetPath } from './grading-fixtures';
import { bearer, startTestApp, TestApp } from './harness';

describe('gradebook: sheets, saves, conflicts, idempotency, history (real PostgreSQL)', () => {
  let t: TestApp;
  let f: GradingFixture;

  beforeAll(async () => {
    t = await startTestApp();
    f = await gradingClass(t);
  });
  afterAll(() => t.close());

  const save = (token: string, rows: unknown[], requestId = randomUUID(), path = sheetPath(f)) =>
    t.http().put(path).set(bearer(token)).send({ requestId, rows });
  const sheet = async (token = f.teacherA, path = sheetPath(f)) => {
    const res = await t.http().get(path).set(bearer(token));
    expect({ status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ status: 200, body: 'ok' });
    return res.body;
  };
  const rowOf = async (studentId: string, path = sheetPath(f)) =>
    (await sheet(f.teacherA, path)).rows.find((r: { studentId: string }) => r.studentId === studentId);

  it('serves the Circular 22 columns of the subject (Toán: 140 periods → 4 regular, mid-term, end-of-term)', async () => {
    const body = await sheet();
    expect(body.scheme).toBe('C22');
    expect(body.columns.map((c: { key: string }) => c.key)).toEqual(['TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK']);
    expect(body.rows.map((r: { ordinal: number; version: number }) => [r.ordinal, r.version])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
    ]);
    expect(body.editable).toBe(true);
    expect((await sheet(f.teacherB)).editable).toBe(false);
  });

  it('saves typed values, computes the semester average half-up and audits the save once', async () => {
    const student = f.studentIds[0];
    const res = await save(f.teacherA, [
      {
        studentId: student,
        version: 0,
        cells: { TX1: 8, TX2: '7', TX3: 9, TX4: '8', GK: '7,5', CK: 8 },
        comment: 'Chăm chỉ',
      },
    ]);
    expect(res.status).toBe(200);
    // (8 + 7 + 9 + 8 + 2·7.5 + 3·8) / 9 = 7.888… → 7.9
    expect(res.body.rows[0]).toMatchObject({
      studentId: student,
      version: 1,
      average: 7.9,
      cells: { TX1: 8, TX2: 7, GK: 7.5, CK: 8 },
      comment: 'Chăm chỉ',
    });
    expect(await rowOf(student)).toMatchObject({ average: 7.9, version: 1 });
    const audits = (await auditRows(t, f.school.id, 'gradebook')).filter((a) =>
      JSON.stringify(a.after).includes(student),
    );
    expect(audits).toHaveLength(1);
  });

  it('leaves the average uncomputed (never 0) while the mid-term is missing', async () => {
    const student = f.studentIds[1];
    const res = await save(f.teacherA, [
      { studentId: student, version: 0, cells: { TX1: 8, TX2: 7, TX3: 9, TX4: 8, CK: 8 } },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.rows[0].average).toBeNull();
  });

  it('rejects 11, "abc" and 7.25 with field errors and writes nothing of the request', async () => {
    const before = await rowOf(f.studentIds[2]);
    const res = await save(f.teacherA, [
      { studentId: f.studentIds[2], version: before.version, cells: { TX1: 6 } },
      { studentId: f.studentIds[2], version: before.version, cells: { TX2: 11, TX3: 'abc', TX4: 7.25 } },
    ]);
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['rows.1.cells.TX2', 'rows.1.cells.TX3', 'rows.1.cells.TX4', 'rows.1.studentId']),
    );
    expect(res.body.errors.find((e: { field: string }) => e.field === 'rows.1.cells.TX2').message).toMatch(/0 – 10/);
    expect(await rowOf(f.studentIds[2])).toEqual(before);
  });

  it("answers a save based on an old version with 409 and the other person's values, changing nothing", async () => {
    const student = f.studentIds[0];
    const current = await rowOf(student);
    const res = await save(f.teacherA, [{ studentId: student, version: current.version - 1, cells: { TX1: 5 } }]);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('grade_conflict');
    expect(res.body.conflicts).toEqual([
      expect.objectContaining({ studentId: student, version: current.version, cells: current.cells }),
    ]);
    expect(await rowOf(student)).toEqual(current);
  });

  it('lets exactly one of two simultaneous first saves of the same pupil win', async () => {
    const [pupil] = await t.owner.query(
      `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
       values ($1, '033215000777', 'Vũ Thị Dung', '2015-02-03', 'FEMALE', now(), now()) returning id`,
      [f.school.id],
    );
    await t.owner.query(
      `insert into enrolment (school_id, student_id, class_id, school_year_id, from_date) values ($1, $2, $3, $4, '2026-09-05')`,
      [f.school.id, pupil.id, f.classId, f.yearId],
    );
    const results = await Promise.all(
      [4, 5, 6].map((v) => save(f.teacherA, [{ studentId: pupil.id, version: 0, cells: { TX1: v } }])),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.status === 200)!.body.rows[0].cells.TX1;
    expect((await rowOf(pupil.id)).cells).toEqual({ TX1: winner });
  });

  it('applies a retried request once and returns the first answer', async () => {
    const student = f.studentIds[1];
    const current = await rowOf(student);
    const requestId = randomUUID();
    const rows = [{ studentId: student, version: current.version, cells: { GK: 6.5 } }];
    const first = await save(f.teacherA, rows, requestId);
    const retry = await save(f.teacherA, rows, requestId);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await rowOf(student)).version).toBe(current.version + 1);
    const [{ n }] = await t.owner.query(
      `select count(*)::int as n from grade_change where school_id = $1 and request_id = $2`,
      [f.school.id, requestId],
    );
    expect(n).toBe(1);
    expect((await save(f.teacherB, rows, requestId)).status).toBe(403);
  });

  it('keeps every change of a cell with who, when, old and new, newest first', async () => {
    const student = f.studentIds[0];
    const current = await rowOf(student);
    expect(
      (await save(f.teacherA, [{ studentId: student, version: current.version, cells: { TX1: 9.5 } }])).status,
    ).toBe(200);
    const res = await t
      .http()
      .get(`${sheetPath(f)}/history`)
      .query({ studentId: student, column: 'TX1' })
      .set(bearer(f.teacherB));
    expect(res.status).toBe(200);
    expect(res.body.map((c: { oldValue: unknown; newValue: unknown }) => [c.oldValue, c.newValue])).toEqual([
      [8, 9.5],
      [null, 8],
    ]);
    expect(res.body[0].changedByName).toBeTruthy();
  });

  it("refuses another teacher's subject (403) and another school's class (404)", async () => {
    expect((await save(f.teacherB, [{ studentId: f.studentIds[0], version: 0, cells: { TX1: 5 } }])).status).toBe(403);
    const other = await gradingClass(t, ['Hồ Văn Em']);
    const res = await save(
      f.teacherA,
      [{ studentId: other.studentIds[0], version: 0, cells: { TX1: 5 } }],
      randomUUID(),
      sheetPath(other),
    );
    expect(res.status).toBe(404);
    expect((await t.http().get(sheetPath(other)).set(bearer(f.teacherA))).status).toBe(404);
    const [{ n }] = await t.owner.query(`select count(*)::int as n from grade_entry where school_id = $1`, [
      other.school.id,
    ]);
    expect(n).toBe(0);
  });

  it('shows semester I and the year average on semester II rows: (7.9 + 2·6.3) / 3 → 6.8', async () => {
    const student = f.studentIds[0];
    const hk1 = await rowOf(student);
    await save(f.teacherA, [{ studentId: student, version: hk1.version, cells: { TX1: 8 } }]);
    expect((await rowOf(student)).average).toBe(7.9);
    const hk2 = sheetPath(f, 'TOAN', 2);
    // (6 + 6 + 6 + 6 + 2·6.3 + 3·6.7) / 9 = 56.7 / 9 = 6.3
    const res = await save(
      f.teacherA,
      [{ studentId: student, version: 0, cells: { TX1: 6, TX2: 6, TX3: 6, TX4: 6, GK: 6.3, CK: 6.7 } }],
      randomUUID(),
      hk2,
    );
    expect(res.status).toBe(200);
    expect(res.body.rows[0]).toMatchObject({ average: 6.3, semester1: { average: 7.9 }, year: { average: 6.8 } });
  });

  it('overview lists the curriculum with teachers and what the caller may edit', async () => {
    const res = await t
      .http()
      .get(`/api/schools/${f.school.id}/classes/${f.classId}/gradebook`)
      .query({ semester: 1 })
      .set(bearer(f.teacherB));
    expect(res.status).toBe(200);
    const bySubject = Object.fromEntries(
      res.body.subjects.map((s: { code: string; editable: boolean; teacherName: string | null }) => [s.code, s]),
    );
    expect(bySubject['NGU_VAN']).toMatchObject({ editable: true, teacherName: 'Đỗ Minh Khôi' });
    expect(bySubject['TOAN']).toMatchObject({ editable: false, teacherName: 'Phạm Thu Hà' });
    expect(bySubject['GIAO_DUC_THE_CHAT']).toMatchObject({ assessment: 'COMMENT' });
    expect(res.body.homeroom).toBe(false);
  });
});
