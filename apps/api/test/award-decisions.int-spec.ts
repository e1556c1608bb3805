import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { SchoolRecognitionOverview, YearRecognitionRow } from '@emis/contracts';
import { PRIMARY_QUALITIES } from '@emis/domain';
import { OrgTreeService } from '@emis/api/tenancy';
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
import { assign, download } from './grading-fixtures';
import { bearer, startTestApp, TestApp } from './harness';

interface Column {
  key: string;
  kind: 'SCORE' | 'RATING';
}

/**
 * The principal's award decisions (docs/domain/gradebook.md, "The award-decisions screen") through the API against
 * real PostgreSQL: a grade 5 class (Circular 27) whose year results propose Học sinh Xuất sắc and Học sinh tiêu biểu;
 * decisions recorded under the school's decision number and date (both or neither, a real date, not in the future:
 * 400 with localized field errors), audited with the document; the year's classes counted; the list of awards
 * granted in Excel with the official page set-up; scope and permissions.
 */
describe('award decisions of a school year (real PostgreSQL)', () => {
  let t: TestApp;
  let school: SchoolFixture;
  let yearId: string;
  let classId: string;
  let homeroom: string;
  let lan: string, minh: string, nga: string;
  const classPath = () => `/api/schools/${school.id}/classes/${classId}/recognitions`;
  const schoolPath = () => `/api/schools/${school.id}/recognitions`;
  const put = (body: object, token = school.admin) => t.http().put(classPath()).set(bearer(token)).send(body);
  const overview = async (token = school.admin): Promise<SchoolRecognitionOverview> => {
    const res = await t.http().get(schoolPath()).query({ yearId }).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body;
  };
  const rowOf = (rows: YearRecognitionRow[], id: string) => rows.find((r) => r.studentId === id)!;

  beforeAll(async () => {
    t = await startTestApp();
    school = await schoolWithAdmin(t);
    await t.owner.query(`update org_unit set levels = '{PRIMARY}', name = $2 where id = $1`, [
      school.id,
      `Trường Tiểu học Khen Thưởng ${school.code}`,
    ]);
    t.app.get(OrgTreeService).invalidate();
    yearId = await openYearId(t);
    const staff = await insertStaff(t, school.id, 'Phạm Thu Hà');
    ({ id: classId } = await createClass(t, school, {
      schoolYearId: yearId,
      name: '5A',
      grade: '5',
      homeroomStaffId: staff,
    }));
    [lan, minh, nga] = await enrolStudents(
      t,
      school.id,
      classId,
      ['Hoàng Thị Lan', 'Vũ Đức Minh', 'Đặng Thu Nga'],
      '2026-09-05',
    );
    homeroom = await teacherLogin(t, school.code, staff);
    const base = `/api/schools/${school.id}/classes/${classId}`;
    const book = await t.http().get(`${base}/gradebook`).query({ semester: '1' }).set(bearer(school.admin));
    expect(book.status).toBe(200);
    const subjects: { code: string }[] = book.body.subjects;
    for (const s of subjects) await assign(t, school.id, classId, s.code, staff);
    const qualities = Object.fromEntries(PRIMARY_QUALITIES.map((q) => [q.code, 'TOT']));
    const conduct = await t
      .http()
      .put(`${base}/conduct/2`)
      .set(bearer(homeroom))
      .send({ rows: [lan, minh, nga].map((studentId) => ({ studentId, version: 0, qualities })) });
    expect(conduct.status).toBe(200);
    // Lan: every end-of-year test 9 (Hoàn thành xuất sắc); Minh: 7 (Hoàn thành tốt, a Học sinh tiêu biểu candidate);
    // Nga: 4 in Toán (Hoàn thành at best: no award).
    const end: Record<string, (code: string) => number> = {
      [lan]: () => 9,
      [minh]: () => 7,
      [nga]: (code) => (code === 'TOAN' ? 4 : 8),
    };
    for (const s of subjects) {
      const sheet = await t.http().get(`${base}/gradebook/2/${s.code}`).set(bearer(homeroom));
      expect(sheet.status).toBe(200);
      const rows = Object.entries(end).map(([studentId, score]) => ({
        studentId,
        version: sheet.body.rows.find((r: { studentId: string }) => r.studentId === studentId).version,
        cells: Object.fromEntries(
          (sheet.body.columns as Column[]).map((c) => [c.key, c.kind === 'RATING' ? 'T' : score(s.code)]),
        ),
      }));
      const saved = await t
        .http()
        .put(`${base}/gradebook/2/${s.code}`)
        .set(bearer(homeroom))
        .send({ requestId: randomUUID(), rows });
      expect({ code: s.code, status: saved.status }).toEqual({ code: s.code, status: 200 });
    }
  }, 180_000);
  afterAll(() => t.close());

  it('counts the class with nothing decided, and proposes the awards from the year results', async () => {
    const before = await overview();
    expect(before.classes).toEqual([{ classId, className: '5A', grade: '5', decided: 0, granted: {} }]);
    const sheet = await t.http().get(classPath()).set(bearer(school.admin));
    expect(sheet.status).toBe(200);
    expect(rowOf(sheet.body.rows, lan).proposed.AWARD).toBe('EXCELLENT');
    expect(rowOf(sheet.body.rows, minh).proposed.AWARD).toBe('EXEMPLARY');
    expect(rowOf(sheet.body.rows, nga).proposed.AWARD).toBe('NONE');
  });

  it('refuses a decision document without its number or date, with an unreal or a future date (400, localized)', async () => {
    const decisions = [{ studentId: lan, kind: 'AWARD', decision: 'EXCELLENT', version: 0 }];
    const noDate = await put({ decisions, decisionNumber: '12/QĐ-TH' });
    expect(noDate.status).toBe(400);
    expect(noDate.body.errors).toEqual([
      expect.objectContaining({ field: 'decisionDate', message: expect.stringContaining('Ngày quyết định') }),
    ]);
    const noNumber = await put({ decisions, decisionNumber: '   ', decisionDate: '2026-12-01' });
    expect(noNumber.status).toBe(400);
    expect(noNumber.body.errors).toEqual([expect.objectContaining({ field: 'decisionNumber' })]);
    const unreal = await put({ decisions, decisionNumber: '12/QĐ-TH', decisionDate: '2026-02-30' });
    expect(unreal.status).toBe(400);
    expect(unreal.body.errors).toEqual([expect.objectContaining({ field: 'decisionDate' })]);
    const future = await put({ decisions, decisionNumber: '12/QĐ-TH', decisionDate: '2099-06-01' }).set(
      'Accept-Language',
      'en',
    );
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([
      expect.objectContaining({ field: 'decisionDate', message: 'Decision date cannot be in the future' }),
    ]);
    const tooLong = await put({ decisions, decisionNumber: 'x'.repeat(51), decisionDate: '2026-12-01' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'decisionNumber' })]);
    expect(await t.owner.query(`select 1 from year_recognition where school_id = $1`, [school.id])).toEqual([]);
  });

  it('records confirmed and rejected proposals under the decision, audited with the document', async () => {
    const teacher = await put(
      {
        decisions: [{ studentId: lan, kind: 'AWARD', decision: 'EXCELLENT', version: 0 }],
        decisionNumber: '12/QĐ-TH',
        decisionDate: '2026-12-01',
      },
      homeroom,
    );
    expect(teacher.status).toBe(403);
    const ok = await put({
      decisions: [
        { studentId: lan, kind: 'AWARD', decision: 'EXCELLENT', version: 0 },
        { studentId: minh, kind: 'AWARD', decision: 'NONE', reason: 'Tập thể lớp chưa bình chọn', version: 0 },
      ],
      decisionNumber: ' 12/QĐ-TH ',
      decisionDate: '2026-12-01',
    });
    expect(ok.status).toBe(200);
    expect(rowOf(ok.body.rows, lan).decided.AWARD).toMatchObject({
      decision: 'EXCELLENT',
      proposed: 'EXCELLENT',
      decisionNumber: '12/QĐ-TH',
      decisionDate: '2026-12-01',
      version: 1,
    });
    expect(rowOf(ok.body.rows, minh).decided.AWARD).toMatchObject({
      decision: 'NONE',
      proposed: 'EXEMPLARY',
      reason: 'Tập thể lớp chưa bình chọn',
      decisionNumber: '12/QĐ-TH',
    });
    const [audit] = await auditRows(t, school.id, 'year_recognition');
    expect(audit).toMatchObject({
      action: 'CREATE',
      entity_id: classId,
      after: {
        [`${lan}:AWARD`]: {
          decision: 'EXCELLENT',
          proposed: 'EXCELLENT',
          reason: null,
          decisionNumber: '12/QĐ-TH',
          decisionDate: '2026-12-01',
        },
      },
    });
    expect((await overview()).classes).toEqual([
      { classId, className: '5A', grade: '5', decided: 2, granted: { EXCELLENT: 1 } },
    ]);
  });

  it("answers another school's administrator 404, and counts for the school's teacher", async () => {
    const other = await schoolWithAdmin(t);
    const res = await t.http().get(schoolPath()).query({ yearId }).set(bearer(other.admin));
    expect(res.status).toBe(404);
    const exported = await t.http().get(`${schoolPath()}/export.xlsx`).query({ yearId }).set(bearer(other.admin));
    expect(exported.status).toBe(404);
    expect((await overview(homeroom)).classes[0].decided).toBe(2);
    const missingYear = await t.http().get(schoolPath()).set(bearer(school.admin));
    expect(missingYear.status).toBe(400);
    expect(missingYear.body.errors).toEqual([expect.objectContaining({ field: 'yearId' })]);
  });

  it('exports the awards granted with the official page set-up, audited; a teacher may not', async () => {
    const teacher = await t.http().get(`${schoolPath()}/export.xlsx`).query({ yearId }).set(bearer(homeroom));
    expect(teacher.status).toBe(403);
    const res = await download(t.http().get(`${schoolPath()}/export.xlsx`).query({ yearId }).set(bearer(school.admin)));
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('khen-thuong-2026-2027.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.worksheets[0];
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, paperSize: 9 });
    expect(sheet.pageSetup.printTitlesRow).toBe('5:5');
    const texts = (row: number) =>
      (sheet.getRow(row).values as unknown[]).filter((v) => v !== null && v !== undefined).map(String);
    // The title block's rows are merged across the list's width: their text is the first cell's.
    expect(String(sheet.getCell(1, 1).value)).toContain(`TRƯỜNG TIỂU HỌC KHEN THƯỞNG ${school.code}`.toUpperCase());
    expect(sheet.getCell(2, 1).value).toBe('DANH SÁCH HỌC SINH ĐƯỢC KHEN THƯỞNG NĂM HỌC 2026-2027');
    expect(sheet.getCell(3, 1).value).toBe('Số học sinh được khen thưởng: 1');
    expect(texts(5)).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Lớp',
      'Danh hiệu, khen thưởng',
      'Số quyết định',
      'Ngày quyết định',
      'Ghi chú',
    ]);
    // Only the award granted: Minh's was not, Nga had none proposed.
    expect(texts(6)).toEqual(['1', 'Hoàng Thị Lan', '06/05/2015', '5A', 'Học sinh Xuất sắc', '12/QĐ-TH', '01/12/2026']);
    expect(texts(7)).toEqual([]);
    expect(texts(8)).toEqual(['Học sinh Xuất sắc', '1']);
    const exports = (await auditRows(t, school.id, 'year_recognition')).filter((r) => r.action === 'EXPORT');
    expect(exports).toEqual([
      expect.objectContaining({ entity_id: yearId, after: { format: 'xlsx', schoolYear: '2026-2027', students: 1 } }),
    ]);
  });
});
