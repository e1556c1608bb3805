import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { ClassResults, StudentResult } from '@emis/contracts';
import type { Response, Test } from 'supertest';
import { auditRows, insertStaff, teacherLogin } from './academic-fixtures';
import { assign, GradingFixture, gradingClass } from './grading-fixtures';
import { bearer, startTestApp, TestApp } from './harness';
import { pdfPages } from './pdf-text';

interface Column {
  key: string;
  kind: 'SCORE' | 'RATING';
}
type Cells = Record<string, number | string>;

/** The response body as bytes (xlsx, pdf). */
const download = (req: Test) =>
  req.buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });

/**
 * Results, conduct, the summary workbook and the report cards of a Circular 22 class (grade 6, 2026-2027). Scores
 * are entered through the real gradebook save as the subjects' teachers, conduct through the conduct sheet as the
 * homeroom teacher; the expected numbers are worked by hand from Circular 22 Art. 8–15.
 */
describe('grading results: conduct, results per period, Excel summary, report cards (real PostgreSQL)', () => {
  let t: TestApp;
  let f: GradingFixture;
  let teacherC: string;
  let subjects: { code: string; assessment: 'SCORE' | 'COMMENT' }[];
  let an: string, binh: string, cuong: string, dung: string;

  const base = (fx: GradingFixture = f) => `/api/schools/${fx.school.id}/classes/${fx.classId}`;
  const get = (token: string, path: string, query: Record<string, string> = {}) =>
    t.http().get(`${base()}${path}`).query(query).set(bearer(token));
  const results = async (period: string, token = f.school.admin): Promise<ClassResults> => {
    const res = await get(token, '/results', { period });
    expect(res.status).toBe(200);
    return res.body;
  };
  const rowOf = (body: { rows: StudentResult[] }, id: string) => body.rows.find((r) => r.studentId === id)!;
  const putConduct = (token: string, semester: number, rows: unknown[]) =>
    t.http().put(`${base()}/conduct/${semester}`).set(bearer(token)).send({ rows });

  /** Saves one subject's semester sheet as its teacher: `cellsOf` gives each pupil's cells from the sheet's columns. */
  async function fill(
    token: string,
    code: string,
    semester: number,
    cellsOf: Record<string, (columns: Column[]) => Cells>,
    comments: Record<string, string> = {},
  ) {
    const sheet = await get(token, `/gradebook/${semester}/${code}`);
    expect(sheet.status).toBe(200);
    const rows = Object.entries(cellsOf).map(([studentId, cells]) => ({
      studentId,
      version: sheet.body.rows.find((r: { studentId: string }) => r.studentId === studentId).version,
      cells: cells(sheet.body.columns),
      ...(comments[studentId] ? { comment: comments[studentId] } : {}),
    }));
    const res = await t
      .http()
      .put(`${base()}/gradebook/${semester}/${code}`)
      .set(bearer(token))
      .send({ requestId: randomUUID(), rows });
    expect({ code, semester, status: res.status }).toEqual({ code, semester, status: 200 });
  }

  /** Every score column the same score (so the average is that score), every rating column Đạt. */
  const uniform = (score: number) => (columns: Column[]) =>
    Object.fromEntries(columns.map((c) => [c.key, c.kind === 'SCORE' ? score : 'D']));
  const teacherOf = (code: string) => (code === 'TOAN' ? f.teacherA : code === 'NGU_VAN' ? f.teacherB : teacherC);

  beforeAll(async () => {
    t = await startTestApp();
    f = await gradingClass(t, ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Thị Dung']);
    [an, binh, cuong, dung] = f.studentIds;
    const overview = await get(f.school.admin, '/gradebook', { semester: '1' });
    subjects = overview.body.subjects;
    const staffC = await insertStaff(t, f.school.id, 'Vũ Thị Lan');
    for (const s of subjects.filter((x) => !['TOAN', 'NGU_VAN'].includes(x.code)))
      await assign(t, f.school.id, f.classId, s.code, staffC);
    teacherC = await teacherLogin(t, f.school.code, staffC);

    // Toán: An 7.9 in semester I — (8 + 7 + 9 + 8 + 2·7.5 + 3·8) / 9 = 71/9 → 7.9 — and 6.3 in semester II
    // — (4·6 + 2·6 + 3·7) / 9 = 57/9 → 6.3 —, so the year is (7.9 + 2·6.3) / 3 = 6.83… → 6.8. Cường lacks the end-of-term.
    await fill(f.teacherA, 'TOAN', 1, {
      [an]: () => ({ TX1: 8, TX2: 7, TX3: 9, TX4: 8, GK: 7.5, CK: 8 }),
      [binh]: uniform(7),
      [dung]: uniform(4),
      [cuong]: () => ({ TX1: 8, TX2: 7, TX3: 9, TX4: 8, GK: 7.5 }),
    });
    await fill(
      f.teacherA,
      'TOAN',
      2,
      { [an]: () => ({ TX1: 6, TX2: 6, TX3: 6, TX4: 6, GK: 6, CK: 7 }), [binh]: uniform(7), [dung]: uniform(4) },
      { [an]: 'Cần cố gắng hơn ở hình học' },
    );
    // Every other subject: An 9.0, Bình 7.0, Dung 6.0 except KHTN 3.0; comment subjects Đạt.
    for (const s of subjects.filter((x) => x.code !== 'TOAN')) {
      for (const semester of [1, 2]) {
        await fill(teacherOf(s.code), s.code, semester, {
          [an]: uniform(9),
          [binh]: uniform(7),
          [dung]: uniform(s.code === 'KHTN' ? 3 : 6),
        });
      }
    }
    // Bình's absences: two excused days and one unexcused in semester I, one unexcused in semester II; a present day
    // and a day of another pupil do not count.
    await t.owner.query(
      `insert into attendance (school_id, class_id, day, student_id, status, recorded_at)
       select $1, $2, d::date, s::uuid, st, now() from unnest($3::text[], $4::text[], $5::text[]) as x(d, s, st)`,
      [
        f.school.id,
        f.classId,
        ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2027-02-10', '2026-10-05'],
        [binh, binh, binh, binh, binh, an],
        ['EXCUSED', 'EXCUSED', 'UNEXCUSED', 'PRESENT', 'UNEXCUSED', 'LATE'],
      ],
    );
  });
  afterAll(() => t.close());

  describe('conduct sheet', () => {
    it("refuses conduct from a teacher who is not the class's homeroom teacher (403), writing nothing", async () => {
      const res = await putConduct(f.teacherB, 1, [{ studentId: an, version: 0, training: 'TOT' }]);
      expect(res.status).toBe(403);
      const [{ n }] = await t.owner.query(`select count(*)::int as n from conduct_rating where school_id = $1`, [
        f.school.id,
      ]);
      expect(n).toBe(0);
    });

    it("saves the homeroom teacher's training levels in one audited save, and other teachers read them", async () => {
      const res = await putConduct(f.teacherA, 1, [
        { studentId: an, version: 0, training: 'TOT', comment: 'Ngoan, lễ phép' },
        { studentId: binh, version: 0, training: 'KHA' },
        { studentId: dung, version: 0, training: 'DAT' },
      ]);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ scheme: 'C22', semester: 1, editable: true });
      expect(res.body.rows.map((r: { training: string | null; version: number }) => [r.training, r.version])).toEqual([
        ['TOT', 1],
        ['KHA', 1],
        [null, 0],
        ['DAT', 1],
      ]);
      expect(await auditRows(t, f.school.id, 'conduct_rating')).toEqual([
        expect.objectContaining({ action: 'UPDATE', entity_id: `${f.classId}:1` }),
      ]);
      const read = await get(f.teacherB, '/conduct/1');
      expect(read.status).toBe(200);
      expect(read.body.editable).toBe(false);
      expect(read.body.rows[0]).toMatchObject({
        studentId: an,
        ordinal: 1,
        fullName: 'Nguyễn Văn An',
        training: 'TOT',
        comment: 'Ngoan, lễ phép',
      });
    });

    it('answers a save based on an old version with 409 version_conflict and the current rows, changing nothing', async () => {
      const res = await putConduct(f.teacherA, 1, [
        { studentId: binh, version: 1, training: 'TOT' },
        { studentId: an, version: 0, training: 'KHA' },
      ]);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('version_conflict');
      expect(res.body.current).toEqual([expect.objectContaining({ studentId: an, version: 1, training: 'TOT' })]);
      expect(rowOf(await (await get(f.teacherA, '/conduct/1')).body, binh)).toMatchObject({
        training: 'KHA',
        version: 1,
      });
    });

    it('rejects qualities on a Circular 22 class and a pupil of another class with field errors', async () => {
      const res = await putConduct(f.teacherA, 1, [
        { studentId: an, version: 1, qualities: { YEU_NUOC: 'TOT' } },
        { studentId: randomUUID(), version: 0, training: 'TOT' },
      ]);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'rows.0.qualities',
        'rows.1.studentId',
      ]);
    });

    it('refuses conduct in a locked semester with 423', async () => {
      await t.owner.query(
        `insert into grading_lock (school_id, school_year_id, semester, locked_at) values ($1, $2, 2, now())`,
        [f.school.id, f.yearId],
      );
      const res = await putConduct(f.teacherA, 2, [{ studentId: an, version: 0, training: 'TOT' }]);
      await t.owner.query(`delete from grading_lock where school_id = $1`, [f.school.id]);
      expect(res.status).toBe(423);
      expect(res.body.code).toBe('gradebook_locked');
    });

    it('records semester II (Bình Tốt, so Khá then Tốt makes the year Tốt)', async () => {
      const res = await putConduct(f.teacherA, 2, [
        { studentId: an, version: 0, training: 'TOT' },
        { studentId: binh, version: 0, training: 'TOT' },
        { studentId: dung, version: 0, training: 'DAT' },
      ]);
      expect(res.status).toBe(200);
    });
  });

  describe('results per period', () => {
    it('computes semester I from the gradebooks: An 7.9 in Toán, learning Tốt; Cường incomplete with what is missing', async () => {
      const body = await results('HK1', f.teacherB);
      expect(body).toMatchObject({
        scheme: 'C22',
        period: 'HK1',
        className: '6A',
        schoolYearCode: '2026-2027',
        storedAt: null,
      });
      expect(body.subjects).toHaveLength(13);
      expect(rowOf(body, an)).toMatchObject({
        ordinal: 1,
        subjects: { TOAN: { average: 7.9 }, NGU_VAN: { average: 9 }, AM_NHAC: { rating: 'D' } },
        learning: 'TOT',
        training: 'TOT',
        award: null,
        promotion: null,
        missing: [],
      });
      expect(rowOf(body, binh).absences).toEqual({ excused: 2, unexcused: 1 });
      const c = rowOf(body, cuong);
      expect(c).toMatchObject({ learning: null, training: null, subjects: { TOAN: { average: null } } });
      expect(c.missing).toEqual(expect.arrayContaining(['TOAN.HK1.CK', 'NGU_VAN.HK1', 'TRAINING.HK1']));
    });

    it('computes semester II: An 6.3 in Toán drops the learning level to Khá', async () => {
      const body = await results('HK2');
      expect(rowOf(body, an)).toMatchObject({ subjects: { TOAN: { average: 6.3 } }, learning: 'KHA', training: 'TOT' });
      expect(rowOf(body, binh).absences).toEqual({ excused: 0, unexcused: 1 });
    });

    it('computes the year: (7.9 + 2·6.3)/3 = 6.8, awards, the promotion proposal with re-test subjects, and the counts', async () => {
      const body = await results('CN');
      expect(rowOf(body, an)).toMatchObject({
        subjects: { TOAN: { average: 6.8 } },
        learning: 'TOT',
        training: 'TOT',
        award: 'EXCELLENT',
        promotion: 'PROMOTE',
      });
      expect(rowOf(body, binh)).toMatchObject({
        learning: 'KHA',
        training: 'TOT',
        award: null,
        promotion: 'PROMOTE',
        absences: { excused: 2, unexcused: 2 },
      });
      expect(rowOf(body, dung)).toMatchObject({ learning: 'CHUA_DAT', training: 'DAT', promotion: 'RETEST' });
      expect(rowOf(body, dung).retestSubjects.sort()).toEqual(['KHTN', 'TOAN']);
      expect(rowOf(body, cuong)).toMatchObject({ learning: null, promotion: null });
      expect(body.summary).toEqual({
        students: 4,
        learning: { TOT: 1, KHA: 1, DAT: 0, CHUA_DAT: 1 },
        training: { TOT: 2, KHA: 0, DAT: 1, CHUA_DAT: 0 },
        awards: { EXCELLENT: 1, GOOD: 0 },
        promotion: { PROMOTE: 2, RETEST: 1, SUMMER_TRAINING: 0, RETEST_AND_TRAINING: 0, REPEAT: 0 },
        incomplete: 1,
      });
    });

    it("refuses a teacher of other classes (403) and another school's class (404)", async () => {
      const outsider = await teacherLogin(t, f.school.code, await insertStaff(t, f.school.id, 'Hoàng Văn Tâm'));
      for (const [path, query] of [
        ['/results', { period: 'CN' }],
        ['/results/export.xlsx', { period: 'CN' }],
        ['/report-cards.pdf', { period: 'CN' }],
        ['/conduct/1', {}],
      ] as const) {
        expect({ path, status: (await get(outsider, path, query)).status }).toEqual({ path, status: 403 });
      }
      const other = await gradingClass(t, ['Hồ Văn Em']);
      for (const token of [f.teacherA, f.school.admin]) {
        expect(
          (
            await t
              .http()
              .get(`${base(other)}/results`)
              .query({ period: 'CN' })
              .set(bearer(token))
          ).status,
        ).toBe(404);
        expect(
          (
            await t
              .http()
              .get(`${base(other)}/report-cards.pdf`)
              .query({ period: 'CN' })
              .set(bearer(token))
          ).status,
        ).toBe(404);
        expect(
          (
            await t
              .http()
              .post(`${base(other)}/results/CN`)
              .set(bearer(token))
          ).status,
        ).toBe(404);
      }
      expect(
        (
          await t
            .http()
            .put(`${base(other)}/conduct/1`)
            .set(bearer(f.teacherA))
            .send({ rows: [] })
        ).status,
      ).toBe(404);
    });

    it('stores the rows for reporting (homeroom teacher or school admin, not another teacher), audited, and GET shows storedAt', async () => {
      expect((await t.http().post(`${base()}/results/CN`).set(bearer(f.teacherB))).status).toBe(403);
      const res = await t.http().post(`${base()}/results/CN`).set(bearer(f.teacherA));
      expect(res.status).toBe(200);
      expect(res.body.storedAt).toEqual(expect.any(String));
      expect((await results('CN')).storedAt).toBe(res.body.storedAt);
      const stored = await t.owner.query(
        `select student_id, learning, training, overall_average, absences_excused, absences_unexcused, award, promotion, retest_subjects, subjects->'TOAN' as toan
           from term_result where school_id = $1 and class_id = $2 and period = 'CN'`,
        [f.school.id, f.classId],
      );
      expect(stored).toHaveLength(4);
      const byId = new Map(stored.map((r: { student_id: string }) => [r.student_id, r]));
      expect(byId.get(an)).toMatchObject({
        learning: 'TOT',
        training: 'TOT',
        award: 'EXCELLENT',
        promotion: 'PROMOTE',
        toan: { average: 6.8, rating: null },
      });
      expect(byId.get(binh)).toMatchObject({ absences_excused: 2, absences_unexcused: 2 });
      expect((byId.get(dung) as { retest_subjects: string[] }).retest_subjects.sort()).toEqual(['KHTN', 'TOAN']);
      expect((await t.http().post(`${base()}/results/CN`).set(bearer(f.school.admin))).status).toBe(200);
      const audits = (await auditRows(t, f.school.id, 'term_result')).filter(
        (a) => a.entity_id === `${f.classId}:CN` && a.action !== 'EXPORT',
      );
      expect(audits.map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
    });
  });

  describe('class summary workbook', () => {
    it("has the title block, one row per pupil with the API's numbers (format 0.0), and the counts per level; audited as EXPORT", async () => {
      const api = await results('CN');
      const res = await download(get(f.school.admin, '/results/export.xlsx', { period: 'CN' }));
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body);
      const sheet = workbook.worksheets[0];
      expect(String(sheet.getCell('A1').value)).toContain('TRƯỜNG THCS THỬ');
      expect(String(sheet.getCell('A3').value)).toBe('Lớp: 6A    Năm học: 2026-2027    Sĩ số: 4');
      // Printed A4 landscape, one page wide, the column headers on every page, signed by the principal.
      expect(sheet.pageSetup).toMatchObject({
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        printTitlesRow: '5:5',
      });
      const texts: unknown[] = [];
      sheet.eachRow((r) => r.eachCell((c) => texts.push(c.value)));
      expect(texts).toEqual(expect.arrayContaining(['HIỆU TRƯỞNG', 'NGƯỜI LẬP BIỂU']));
      const headers = (sheet.getRow(5).values as unknown[]).slice(1).map(String);
      expect(headers.slice(0, 3)).toEqual(['STT', 'Họ và tên', 'Ngày sinh']);
      const col = (h: string) => headers.indexOf(h) + 1;
      for (const [i, row] of api.rows.entries()) {
        const line = sheet.getRow(6 + i);
        expect(line.getCell(col('Họ và tên')).value).toBe(row.fullName);
        for (const s of api.subjects) {
          const cell = line.getCell(col(s.name));
          const expected =
            row.subjects[s.code].average ?? (row.subjects[s.code].rating === 'D' ? 'Đ' : row.subjects[s.code].rating);
          expect({ student: row.fullName, subject: s.code, value: cell.value }).toEqual({
            student: row.fullName,
            subject: s.code,
            value: expected,
          });
          if (s.assessment === 'SCORE') expect(cell.numFmt).toBe('0.0');
        }
        expect(line.getCell(col('Nghỉ có phép')).value).toBe(row.absences.excused);
        expect(line.getCell(col('Nghỉ không phép')).value).toBe(row.absences.unexcused);
      }
      const anLine = sheet.getRow(6);
      expect(anLine.getCell(col('Toán')).value).toBe(6.8);
      expect([
        anLine.getCell(col('Kết quả học tập')).value,
        anLine.getCell(col('Kết quả rèn luyện')).value,
        anLine.getCell(col('Danh hiệu')).value,
        anLine.getCell(col('Lên lớp (đề nghị)')).value,
      ]).toEqual(['Tốt', 'Tốt', 'Học sinh Xuất sắc', 'Lên lớp']);
      const counts: [unknown, unknown][] = [];
      sheet.eachRow((r, n) => n > 10 && counts.push([r.getCell(2).value, r.getCell(3).value]));
      expect(counts).toEqual(
        expect.arrayContaining([
          ['THỐNG KÊ', 'Số học sinh'],
          ['Kiểm tra lại', 1],
          ['Học sinh Xuất sắc', 1],
          ['Chưa đủ dữ liệu để xếp loại', 1],
        ]),
      );
      const exports = (await auditRows(t, f.school.id, 'term_result')).filter((a) => a.action === 'EXPORT');
      expect(exports.at(-1)?.after).toMatchObject({ format: 'xlsx', period: 'CN', students: 4 });
    });
  });

  describe('report cards', () => {
    const pdf = async (query: Record<string, string>) => {
      const res: Response = await download(get(f.teacherA, '/report-cards.pdf', query));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const body = res.body as Buffer;
      expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      return pdfPages(body);
    };

    it("prints one page per pupil with diacritics intact, the gradebook's numbers, comments, levels and signatures", async () => {
      const pages = await pdf({ period: 'CN' });
      expect(pages).toHaveLength(4);
      const [anPage, binhPage, cuongPage, dungPage] = pages;
      for (const text of [
        'Nguyễn Văn An',
        'PHIẾU BÁO KẾT QUẢ HỌC TẬP VÀ RÈN LUYỆN',
        'Năm học 2026-2027',
        'Lớp: 6A',
        'Toán',
        '6,8',
        '9,0',
        'Cần cố gắng hơn ở hình học',
        'Kết quả học tập: Tốt',
        'Kết quả rèn luyện: Tốt',
        'Danh hiệu: Học sinh Xuất sắc',
        'Lên lớp',
        'GIÁO VIÊN CHỦ NHIỆM',
        'HIỆU TRƯỞNG',
        'Phạm Thu Hà',
      ]) {
        expect({ text, found: anPage.includes(text) }).toEqual({ text, found: true });
      }
      expect(binhPage).toContain('Số buổi nghỉ: có phép 2, không phép 2');
      expect(cuongPage).toContain('Lê Hoàng Cường');
      expect(cuongPage).toContain('Chưa đủ dữ liệu');
      expect(dungPage).toContain('Kiểm tra lại');
      expect(anPage).toContain('Nhận xét của giáo viên chủ nhiệm');
    });

    it('names the download Phieu-bao-ket-qua-<class or pupil>-<year>-<period>.pdf, ASCII only, the prefix once', async () => {
      const whole: Response = await download(get(f.teacherA, '/report-cards.pdf', { period: 'CN' }));
      expect(whole.headers['content-disposition']).toContain('filename="Phieu-bao-ket-qua-6A-2026-2027-CaNam.pdf"');
      const one: Response = await download(get(f.teacherA, '/report-cards.pdf', { period: 'HK1', studentId: an }));
      expect(one.headers['content-disposition']).toContain(
        'filename="Phieu-bao-ket-qua-Nguyen-Van-An-2026-2027-HKI.pdf"',
      );
    });

    it('prints one pupil on request, semester I with 7,9; audited as EXPORT', async () => {
      const pages = await pdf({ period: 'HK1', studentId: an });
      expect(pages).toHaveLength(1);
      expect(pages[0]).toContain('Học kì I');
      expect(pages[0]).toContain('7,9');
      const exports = (await auditRows(t, f.school.id, 'term_result')).filter((a) => a.action === 'EXPORT');
      expect(exports.at(-1)?.after).toMatchObject({ format: 'pdf', period: 'HK1', students: 1, studentId: an });
      expect((await get(f.teacherA, '/report-cards.pdf', { period: 'HK1', studentId: randomUUID() })).status).toBe(404);
    });
  });
});
