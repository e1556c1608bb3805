import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { ClassResults, ProvinceRuleSettingsView, ResultsRecomputeRun, StudentResult } from '@emis/contracts';
import {
  auditRows,
  createClass,
  enrolStudents,
  insertStaff,
  schoolWithAdmin,
  SchoolFixture,
  teacherLogin,
} from './academic-fixtures';
import { assign, download } from './grading-fixtures';
import { bearer, createUser, startTestApp, TestApp } from './harness';
import { pdfPages } from './pdf-text';

type Cells = Record<string, number | string>;
interface Column {
  key: string;
  kind: 'SCORE' | 'RATING';
}

/**
 * The province's rule settings of a school year against real PostgreSQL (docs/domain/secondary-assessment-c22.md):
 * Circular 22 Art. 9.3 on by default in the results, the promotion proposals, the summary workbook and the report
 * cards; turned off by the department, the level changes; the missed-assessment reading changes the average, and a
 * recomputation rewrites the stored ones with progress; the class-size ceilings; only the department changes them,
 * audited with before and after. The spec runs in a school year of its own, so its settings never reach another
 * spec's classes.
 */
describe('province rule settings (real PostgreSQL)', () => {
  let t: TestApp;
  let dept: string;
  let deptId: string;
  let school: SchoolFixture;
  let teacher: string;
  let yearId: string;
  let classId: string;
  let adjusted: string, missed: string, plain: string;
  let subjects: { code: string; name: string; assessment: 'SCORE' | 'COMMENT' }[];
  const Y = 2200 + Math.floor(Math.random() * 700);

  const settingsPath = () => `/api/province-settings/${yearId}`;
  const base = () => `/api/schools/${school.id}/classes/${classId}`;
  const get = (token: string, path: string, query: Record<string, string> = {}) =>
    t.http().get(`${base()}${path}`).query(query).set(bearer(token));
  const results = async (period: string): Promise<ClassResults> => {
    const res = await get(school.admin, '/results', { period });
    expect(res.status).toBe(200);
    return res.body;
  };
  const rowOf = (body: { rows: StudentResult[] }, id: string) => body.rows.find((r) => r.studentId === id)!;
  const readSettings = async (token = dept): Promise<ProvinceRuleSettingsView> => {
    const res = await t.http().get(settingsPath()).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body;
  };
  const putSettings = (token: string, body: object, lang = 'vi') =>
    t.http().put(settingsPath()).set(bearer(token)).set('Accept-Language', lang).send(body);

  async function fill(code: string, semester: number, cellsOf: Record<string, (columns: Column[]) => Cells>) {
    const sheet = await get(teacher, `/gradebook/${semester}/${code}`);
    expect(sheet.status).toBe(200);
    const rows = Object.entries(cellsOf).map(([studentId, cells]) => ({
      studentId,
      version: sheet.body.rows.find((r: { studentId: string }) => r.studentId === studentId).version,
      cells: cells(sheet.body.columns),
    }));
    const res = await t
      .http()
      .put(`${base()}/gradebook/${semester}/${code}`)
      .set(bearer(teacher))
      .send({ requestId: randomUUID(), rows });
    expect({ code, semester, status: res.status }).toEqual({ code, semester, status: 200 });
  }
  const uniform = (score: number) => (columns: Column[]) =>
    Object.fromEntries(columns.map((c) => [c.key, c.kind === 'SCORE' ? score : 'D']));
  /** Every column but the mid-term: the assessment missed and never made up. */
  const withoutMidTerm = (score: number) => (columns: Column[]) =>
    Object.fromEntries(columns.filter((c) => c.key !== 'GK').map((c) => [c.key, c.kind === 'SCORE' ? score : 'D']));

  beforeAll(async () => {
    t = await startTestApp();
    dept = await t.login('admin.so');
    deptId = await t.unitId('SGDDT-HY');
    const year = await t
      .http()
      .post('/api/school-years')
      .set(bearer(dept))
      .send({
        code: `${Y}-${Y + 1}`,
        startsOn: `${Y}-09-05`,
        endsOn: `${Y + 1}-05-31`,
        semester1Start: `${Y}-09-05`,
        semester1End: `${Y + 1}-01-16`,
        semester2Start: `${Y + 1}-01-19`,
        semester2End: `${Y + 1}-05-25`,
      });
    expect(year.status).toBe(201);
    yearId = year.body.id;
    school = await schoolWithAdmin(t);
    const staff = await insertStaff(t, school.id, 'Phạm Thu Hà', 'ACTIVE', ['TOAN']);
    classId = (await createClass(t, school, { schoolYearId: yearId, name: '6A', grade: '6', homeroomStaffId: staff }))
      .id;
    [adjusted, missed, plain] = await enrolStudents(
      t,
      school.id,
      classId,
      ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường'],
      `${Y}-09-05`,
    );
    teacher = await teacherLogin(t, school.code, staff);
    const overview = await get(school.admin, '/gradebook', { semester: '1' });
    subjects = overview.body.subjects;
    for (const s of subjects) await assign(t, school.id, classId, s.code, staff);
    // An: 9.0 in every scored subject but KHTN at 3.0, comment subjects Đạt — a would-be Tốt computed Chưa đạt.
    // Bình: 8.0 everywhere, Toán's mid-term of semester I missed. Cường: 7.0 everywhere (Khá, nothing to adjust).
    for (const s of subjects)
      for (const semester of [1, 2])
        await fill(s.code, semester, {
          [adjusted]: uniform(s.code === 'KHTN' ? 3 : 9),
          [missed]: s.code === 'TOAN' && semester === 1 ? withoutMidTerm(8) : uniform(8),
          [plain]: uniform(7),
        });
    for (const semester of [1, 2]) {
      const rows = [adjusted, missed, plain].map((studentId) => ({ studentId, version: 0, training: 'TOT' }));
      const res = await t.http().put(`${base()}/conduct/${semester}`).set(bearer(teacher)).send({ rows });
      expect(res.status).toBe(200);
    }
  });
  afterAll(() => t.close());

  describe('the defaults', () => {
    it('are read by every role: the adjustment on, a missed assessment uncomputed, the charters’ ceilings', async () => {
      const view = await readSettings(school.admin);
      expect(view).toMatchObject({
        schoolYearId: yearId,
        yearCode: `${Y}-${Y + 1}`,
        isDefault: true,
        version: 0,
        settings: { c22Adjustment: 'EXCEPT_ONE_SUBJECT', missingAssessment: 'NOT_COMPUTED', c58ForeignLanguage: true },
      });
      expect(view.settings.classSizeCeilings).toMatchObject({ '1': 35, '6': 45, '10': 45, MG5: 35 });
      expect((await t.http().get(`/api/province-settings/${randomUUID()}`).set(bearer(dept))).status).toBe(404);
    });

    it('raise the would-be Tốt pupil pulled to Chưa đạt by KHTN to Đạt in each semester and the year; promoted', async () => {
      for (const period of ['HK1', 'HK2', 'CN']) {
        const body = await results(period);
        expect({ period, level: rowOf(body, adjusted).learning }).toEqual({ period, level: 'DAT' });
        expect({ period, level: rowOf(body, plain).learning }).toEqual({ period, level: 'KHA' });
      }
      const year = await results('CN');
      expect(rowOf(year, adjusted)).toMatchObject({ promotion: 'PROMOTE', retestSubjects: [], award: null });
      expect(year.summary.promotion).toMatchObject({ PROMOTE: 2, RETEST: 0 });
    });

    it('leave the missed mid-term uncomputed: no Toán average for Bình in semester I, so no level', async () => {
      const hk1 = rowOf(await results('HK1'), missed);
      expect(hk1.subjects['TOAN'].average).toBeNull();
      expect(hk1.learning).toBeNull();
      expect(hk1.missing).toContain('TOAN.HK1.GK');
    });

    it('print the adjusted level on the report card and in the summary workbook', async () => {
      const pdf = await download(get(school.admin, '/report-cards.pdf', { period: 'CN', studentId: adjusted }));
      expect(pdf.status).toBe(200);
      const [page] = pdfPages(pdf.body as Buffer);
      expect(page).toContain('Kết quả học tập: Đạt');
      expect(page).toContain('Lên lớp');
      expect(await workbookLevel(adjusted)).toEqual(['Đạt', 'Lên lớp']);
    });
  });

  describe('changing them', () => {
    let changed: ProvinceRuleSettingsView;

    it('is refused to a school administrator and the department’s officer (403), changing nothing', async () => {
      const body = { ...(await readSettings()).settings, c22Adjustment: 'OFF', version: 0 };
      expect((await putSettings(school.admin, body)).status).toBe(403);
      const officer = await t.login(await createUser(t, 'DEPARTMENT_OFFICER', 'SGDDT-HY'));
      expect((await putSettings(officer, body)).status).toBe(403);
      expect((await t.http().post(`${settingsPath()}/recompute`).set(bearer(officer))).status).toBe(403);
      expect((await readSettings()).isDefault).toBe(true);
    });

    it('answers bad input with localized field errors (Vietnamese first, English on request)', async () => {
      const defaults = (await readSettings()).settings;
      const bad = {
        ...defaults,
        c22Adjustment: 'SOMETIMES',
        classSizeCeilings: { ...defaults.classSizeCeilings, '6': 0 },
        version: 0,
      };
      const vi = await putSettings(dept, bad);
      expect(vi.status).toBe(400);
      const fields = vi.body.errors.map((e: { field: string }) => e.field).sort();
      expect(fields).toEqual(['c22Adjustment']);
      // The ceilings are checked once the top-level fields are well formed.
      const ceilings = await putSettings(dept, { ...bad, c22Adjustment: 'OFF' });
      expect(ceilings.status).toBe(400);
      expect(ceilings.body.errors).toEqual([
        expect.objectContaining({
          field: 'classSizeCeilings.6',
          message: 'Sĩ số tối đa của khối 6 phải là số nguyên từ 1 đến 90',
        }),
      ]);
      const en = await putSettings(dept, { ...bad, c22Adjustment: 'OFF' }, 'en');
      expect(en.body.errors[0].message).toBe('The class-size ceiling of grade 6 must be a whole number from 1 to 90');
      expect((await readSettings()).isDefault).toBe(true);
    });

    it('saves the department’s choice, audited in the department’s chain with before and after', async () => {
      const defaults = (await readSettings()).settings;
      const res = await putSettings(dept, {
        ...defaults,
        c22Adjustment: 'OFF',
        missingAssessment: 'ZERO',
        classSizeCeilings: { ...defaults.classSizeCeilings, '6': 2 },
        version: 0,
      });
      expect(res.status).toBe(200);
      changed = res.body;
      expect(changed).toMatchObject({
        isDefault: false,
        version: 1,
        settings: { c22Adjustment: 'OFF', missingAssessment: 'ZERO' },
      });
      const audit = (await auditRows(t, deptId, 'province_rule_settings')).filter((a) => a.entity_id === yearId);
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'CREATE',
          before: expect.objectContaining({
            c22Adjustment: 'EXCEPT_ONE_SUBJECT',
            missingAssessment: 'NOT_COMPUTED',
            isDefault: true,
          }),
          after: expect.objectContaining({ c22Adjustment: 'OFF', missingAssessment: 'ZERO' }),
        }),
      ]);
      expect((audit[0].after as { classSizeCeilings: Record<string, number> }).classSizeCeilings['6']).toBe(2);
    });

    it('refuses a save over an old version with 409', async () => {
      const res = await putSettings(dept, { ...changed.settings, version: 0 });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('settings_conflict');
    });

    it('with the adjustment off, the pupil is Chưa đạt and re-tests KHTN; the report card and the workbook agree', async () => {
      const year = await results('CN');
      expect(rowOf(year, adjusted)).toMatchObject({
        learning: 'CHUA_DAT',
        promotion: 'RETEST',
        retestSubjects: ['KHTN'],
      });
      expect(rowOf(await results('HK1'), adjusted).learning).toBe('CHUA_DAT');
      const pdf = await download(get(school.admin, '/report-cards.pdf', { period: 'CN', studentId: adjusted }));
      const [page] = pdfPages(pdf.body as Buffer);
      expect(page).toContain('Kết quả học tập: Chưa đạt');
      expect(await workbookLevel(adjusted)).toEqual(['Chưa đạt', 'Kiểm tra lại']);
    });

    it('with a missed assessment counted 0, Bình’s Toán average is (4·8 + 2·0 + 3·8) / 9 = 6.2 and she has a level', async () => {
      const hk1 = rowOf(await results('HK1'), missed);
      expect(hk1.subjects['TOAN'].average).toBe(6.2);
      expect(hk1.learning).toBe('KHA');
      expect(hk1.missing).toEqual([]);
    });

    it('warns (never refuses) about a class above the ceiling the department set', async () => {
      const detail = await t.http().get(base()).set(bearer(school.admin));
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({ size: 3, sizeWarning: { ceiling: 2, over: 1 } });
    });
  });

  describe('recomputing the stored results on request', () => {
    const storedToan = async (): Promise<number | null> => {
      const [row] = await t.owner.query(
        `select e.average::float8 as average from grade_entry e join gradebook g on g.school_id = e.school_id and g.id = e.gradebook_id
          where e.school_id = $1 and g.class_id = $2 and g.subject_code = 'TOAN' and g.semester = 1 and e.student_id = $3`,
        [school.id, classId, missed],
      );
      return row.average;
    };

    it('rewrites the stored averages with the year’s settings as a background run with progress, audited', async () => {
      expect(await storedToan()).toBeNull();
      const started = await t.http().post(`${settingsPath()}/recompute`).set(bearer(dept));
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({
        schoolYearId: yearId,
        status: expect.stringMatching(/QUEUED|RUNNING|DONE/),
      });
      let run: ResultsRecomputeRun = started.body;
      for (let i = 0; i < 300 && run.status !== 'DONE' && run.status !== 'FAILED'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const res = await t.http().get(`${settingsPath()}/recompute/${run.id}`).set(bearer(dept));
        expect(res.status).toBe(200);
        run = res.body;
      }
      expect(run).toMatchObject({ status: 'DONE', schoolsTotal: 1, schoolsDone: 1, classesDone: 1, entriesChanged: 1 });
      expect(await storedToan()).toBe(6.2);
      const audit = await auditRows(t, school.id, 'grade_entry_recompute');
      expect(audit).toHaveLength(1);
      const [key] = Object.keys(audit[0].after as object);
      expect((audit[0].before as Record<string, unknown>)[key]).toEqual({ average: null, rating: null });
      expect((audit[0].after as Record<string, unknown>)[key]).toEqual({ average: 6.2, rating: null });
      expect((await auditRows(t, deptId, 'results_recompute_run')).some((a) => a.entity_id === run.id)).toBe(true);
      expect((await t.http().get(`${settingsPath()}/recompute/${randomUUID()}`).set(bearer(dept))).status).toBe(404);

      // Asked again with the settings unchanged since that run: the same run answers, and none is started.
      const again = await t.http().post(`${settingsPath()}/recompute`).set(bearer(dept));
      expect(again.status).toBe(202);
      expect(again.body).toMatchObject({ id: run.id, status: 'DONE' });
      const [{ n }] = await t.owner.query(
        `select count(*)::int as n from results_recompute_run where school_year_id = $1`,
        [yearId],
      );
      expect(n).toBe(1);
    });

    it('refreshes the reporting facts: the year’s learning counts follow the settings', async () => {
      let counts: Record<string, number> = {};
      for (let i = 0; i < 150; i++) {
        const rows: { code: string; pupils: number }[] = await t.owner.query(
          `select code, pupils from reporting.class_outcome
            where school_id = $1 and class_id = $2 and period = 'CN' and measure = 'learning'`,
          [school.id, classId],
        );
        counts = Object.fromEntries(rows.map((r) => [r.code, r.pupils]));
        if (counts['CHUA_DAT'] === 1) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(counts).toMatchObject({ CHUA_DAT: 1, KHA: 1, TOT: 1 });
    });
  });

  /** The learning level and the promotion proposal of a pupil's line in the class summary workbook (CN). */
  async function workbookLevel(studentId: string): Promise<[unknown, unknown]> {
    const api = await results('CN');
    const res = await download(get(school.admin, '/results/export.xlsx', { period: 'CN' }));
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(5).values as unknown[]).slice(1).map(String);
    const col = (h: string) => headers.indexOf(h) + 1;
    const line = sheet.getRow(6 + api.rows.findIndex((r) => r.studentId === studentId));
    return [line.getCell(col('Kết quả học tập')).value, line.getCell(col('Lên lớp (đề nghị)')).value];
  }
});
