import { randomUUID } from 'node:crypto';
import { gradingClass, GradingFixture, sheetPath } from './grading-fixtures';
import { bearer, createSchool, startTestApp, TestApp } from './harness';
import { importFile, STUDENT_HEADERS, studentRow, workbook } from './imports-fixtures';

/**
 * Reads of pupils' grades and personal data leave one READ audit row per request, naming the records returned
 * (docs/security/coverage.md): grade sheets, a cell's history, conduct, class results, attendance, transfers, and
 * the download of an import's error workbook.
 */
describe('audited reads of grades and personal data', () => {
  let t: TestApp;
  let f: GradingFixture;
  const base = () => `/api/schools/${f.school.id}/classes/${f.classId}`;
  const reads = async (entity: string) =>
    (await t.owner.query(
      `select entity_id, after from audit_log where school_id = $1 and entity = $2 and action = 'READ' order by seq`,
      [f.school.id, entity],
    )) as { entity_id: string; after: { ids: string[]; count: number; filter?: Record<string, unknown> } }[];
  const sorted = (ids: string[]) => [...ids].sort();

  beforeAll(async () => {
    t = await startTestApp();
    f = await gradingClass(t);
  });
  afterAll(() => t.close());

  it("records a teacher's look at a grade sheet, naming its pupils, and each cell history read", async () => {
    const res = await t.http().get(sheetPath(f)).set(bearer(f.teacherA));
    expect(res.status).toBe(200);
    const [row] = await reads('gradebook');
    expect(sorted(row.after.ids)).toEqual(sorted(f.studentIds));
    expect(row.after).toMatchObject({ count: 3, filter: { classId: f.classId, subjectCode: 'TOAN', semester: 1 } });

    await t
      .http()
      .put(sheetPath(f))
      .set(bearer(f.teacherA))
      .send({ requestId: randomUUID(), rows: [{ studentId: f.studentIds[0], version: 0, cells: { TX1: 8 } }] })
      .expect(200);
    const history = await t
      .http()
      .get(`${sheetPath(f)}/history`)
      .query({ studentId: f.studentIds[0] })
      .set(bearer(f.teacherA));
    expect(history.status).toBe(200);
    const last = (await reads('gradebook')).at(-1);
    expect(last?.after).toMatchObject({ ids: [f.studentIds[0]], filter: { history: true } });
  });

  it("records the class's results and conduct sheet as reads", async () => {
    expect((await t.http().get(`${base()}/results`).query({ period: 'HK1' }).set(bearer(f.school.admin))).status).toBe(
      200,
    );
    const [results] = await reads('term_result');
    expect(results).toMatchObject({ entity_id: `${f.classId}:HK1`, after: { count: 3 } });
    expect(sorted(results.after.ids)).toEqual(sorted(f.studentIds));

    expect((await t.http().get(`${base()}/conduct/1`).set(bearer(f.teacherA))).status).toBe(200);
    const [conduct] = await reads('conduct');
    expect(sorted(conduct.after.ids)).toEqual(sorted(f.studentIds));
  });

  it("records a day's attendance sheet and a month's attendance as reads", async () => {
    expect((await t.http().get(`${base()}/attendance/2026-10-15`).set(bearer(f.teacherA))).status).toBe(200);
    expect(
      (await t.http().get(`${base()}/attendance`).query({ month: '2026-10' }).set(bearer(f.teacherA))).status,
    ).toBe(200);
    const rows = await reads('attendance');
    expect(rows.map((r) => r.entity_id)).toEqual([`${f.classId}:2026-10-15`, `${f.classId}:2026-10`]);
    for (const r of rows) expect(sorted(r.after.ids)).toEqual(sorted(f.studentIds));
  });

  it("records a read of the school's transfers, naming the pupils whose snapshots it showed", async () => {
    const other = await createSchool(t, 'PGD-KC');
    const released = await t
      .http()
      .post(`/api/schools/${f.school.id}/students/${f.studentIds[2]}/transfers`)
      .set(bearer(f.school.admin))
      .send({ toSchoolId: other.id, effectiveOn: '2026-10-20', reason: 'Gia đình chuyển nơi ở' });
    expect(released.status).toBe(201);
    const list = await t.http().get(`/api/schools/${f.school.id}/transfers`).set(bearer(f.school.admin));
    expect(list.status).toBe(200);
    const [row] = await reads('student_transfer');
    expect(row.after).toMatchObject({ ids: [f.studentIds[2]], count: 1 });
  });

  it('records the download of an import error workbook, which holds the uploaded file', async () => {
    const rows = [studentRow(0, '6A')];
    rows[0][STUDENT_HEADERS.indexOf('Ngày sinh (dd/mm/yyyy)')] = 'ngày 5 tháng 9';
    const job = await importFile(t, f.school.admin, f.school.id, 'students', await workbook(STUDENT_HEADERS, rows));
    expect(job.status).toBe('FAILED');
    expect(await reads('import_job')).toEqual([]);
    const res = await t
      .http()
      .get(`/api/schools/${f.school.id}/imports/${job.id}/errors.xlsx`)
      .set(bearer(f.school.admin));
    expect(res.status).toBe(200);
    expect(await reads('import_job')).toEqual([
      expect.objectContaining({ entity_id: job.id, after: expect.objectContaining({ ids: [job.id] }) }),
    ]);
  });
});
