import { randomUUID } from 'node:crypto';
import type { ClassResults, YearRecognitionRow } from '@emis/contracts';
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
import { assign } from './grading-fixtures';
import { bearer, startTestApp, TestApp } from './harness';

interface Column {
  key: string;
  kind: 'SCORE' | 'RATING';
}
type Cells = Record<string, number | string>;

interface ClassFixture {
  school: SchoolFixture;
  classId: string;
  pupils: string[];
  /** The homeroom teacher, who also teaches every subject. */
  homeroom: string;
  /** A teacher of the school who neither leads nor teaches the class. */
  stranger: string;
  subjects: { code: string; assessment: 'SCORE' | 'COMMENT' }[];
}

/**
 * Circular 27 (primary) and Circular 58 (historical secondary years) to the letter, through the API against real
 * PostgreSQL: 0 as a primary test score, the year classification reading end-of-year tests only, the awards and
 * grade-5 completion proposed and decided with who, when and why; the Circular 58 year conduct entered by the homeroom
 * teacher, the Art. 13.6 adjustment, titles and the promotion proposal.
 */
describe('Circular 27 and Circular 58 year-end rules (real PostgreSQL)', () => {
  let t: TestApp;
  const base = (f: ClassFixture) => `/api/schools/${f.school.id}/classes/${f.classId}`;
  const get = (f: ClassFixture, token: string, path: string, query: Record<string, string> = {}) =>
    t
      .http()
      .get(`${base(f)}${path}`)
      .query(query)
      .set(bearer(token));
  const put = (f: ClassFixture, token: string, path: string, body: object) =>
    t
      .http()
      .put(`${base(f)}${path}`)
      .set(bearer(token))
      .send(body);
  const results = async (f: ClassFixture, period: string): Promise<ClassResults> => {
    const res = await get(f, f.school.admin, '/results', { period });
    expect(res.status).toBe(200);
    return res.body;
  };
  const rowOf = <R extends { studentId: string }>(body: { rows: R[] }, id: string): R =>
    body.rows.find((r) => r.studentId === id)!;
  const decisionsOf = (body: { rows: YearRecognitionRow[] }, id: string) => rowOf(body, id);

  /** Saves a subject's semester sheet; `cellsOf` gives each pupil's cells from the sheet's columns. */
  async function fill(
    f: ClassFixture,
    code: string,
    semester: number,
    cellsOf: Record<string, (columns: Column[]) => Cells>,
  ): Promise<void> {
    const sheet = await get(f, f.homeroom, `/gradebook/${semester}/${code}`);
    expect(sheet.status).toBe(200);
    const rows = Object.entries(cellsOf).map(([studentId, cells]) => ({
      studentId,
      version: sheet.body.rows.find((r: { studentId: string }) => r.studentId === studentId).version,
      cells: cells(sheet.body.columns),
    }));
    const res = await put(f, f.homeroom, `/gradebook/${semester}/${code}`, { requestId: randomUUID(), rows });
    expect({ code, semester, status: res.status, body: res.status === 200 ? null : res.body }).toEqual({
      code,
      semester,
      status: 200,
      body: null,
    });
  }

  async function classOf(
    school: SchoolFixture,
    yearId: string,
    grade: string,
    names: string[],
    from: string,
  ): Promise<ClassFixture> {
    const staffA = await insertStaff(t, school.id, 'Phạm Thu Hà');
    const staffB = await insertStaff(t, school.id, 'Đỗ Minh Khôi');
    const { id: classId } = await createClass(t, school, {
      schoolYearId: yearId,
      name: `${grade}A`,
      grade,
      homeroomStaffId: staffA,
    });
    const f: ClassFixture = {
      school,
      classId,
      pupils: await enrolStudents(t, school.id, classId, names, from),
      homeroom: await teacherLogin(t, school.code, staffA),
      stranger: await teacherLogin(t, school.code, staffB),
      subjects: [],
    };
    const overview = await get(f, school.admin, '/gradebook', { semester: '1' });
    expect(overview.status).toBe(200);
    f.subjects = overview.body.subjects;
    for (const s of f.subjects) await assign(t, school.id, classId, s.code, staffA);
    return f;
  }

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('Circular 58 (grade 6 in 2019-2020)', () => {
    let f: ClassFixture;
    let an: string, binh: string, cuong: string;
    /** The scored subject Cường scores 4.5 in: one subject alone pulling a Giỏi average to Trung bình. */
    let weak: string;

    beforeAll(async () => {
      const school = await schoolWithAdmin(t);
      // A historical year of the shared database: created once by whichever spec needs it first, left open.
      await t.owner.query(
        `insert into school_year (code, starts_on, ends_on, semester1_start, semester1_end, semester2_start, semester2_end, status)
         values ('2019-2020', '2019-09-01', '2020-07-31', '2019-09-05', '2020-01-15', '2020-01-20', '2020-05-31', 'OPEN')
         on conflict (code) do nothing`,
      );
      const [{ id: yearId }] = await t.owner.query(`select id from school_year where code = '2019-2020'`);
      f = await classOf(school, yearId, '6', ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường'], '2019-09-05');
      [an, binh, cuong] = f.pupils;
      const scored = f.subjects.filter((s) => s.assessment === 'SCORE').map((s) => s.code);
      weak = scored.find((c) => c !== 'TOAN' && c !== 'NGU_VAN')!;
      const uniform = (score: number) => (columns: Column[]) =>
        Object.fromEntries(columns.map((c) => [c.key, c.kind === 'SCORE' ? score : 'D']));
      for (const s of f.subjects)
        for (const semester of [1, 2])
          await fill(f, s.code, semester, {
            [an]: uniform(9),
            [binh]: uniform(s.code === 'TOAN' ? 6 : 4),
            [cuong]: uniform(s.code === weak ? 4.5 : 9),
          });
      for (const [semester, levels] of [
        [1, ['TOT', 'DAT', 'KHA']],
        [2, ['KHA', 'DAT', 'KHA']],
      ] as const) {
        const res = await put(f, f.homeroom, `/conduct/${semester}`, {
          rows: f.pupils.map((studentId, i) => ({ studentId, version: 0, training: levels[i] })),
        });
        expect(res.status).toBe(200);
      }
    });

    it('does not derive the year conduct from semester II: the year is missing until the teacher enters it', async () => {
      const year = await results(f, 'CN');
      expect(rowOf(year, an)).toMatchObject({
        learning: 'GIOI',
        training: null,
        award: null,
        promotion: null,
      });
      expect(rowOf(year, an).missing).toContain('TRAINING.CN');
    });

    it('shows the year sheet with the semester ratings as the hint', async () => {
      const sheet = await get(f, f.homeroom, '/conduct/CN');
      expect(sheet.status).toBe(200);
      expect(sheet.body).toMatchObject({ semester: 0, scheme: 'C58', editable: true });
      expect(sheet.body.rows[0]).toMatchObject({
        studentId: an,
        training: null,
        version: 0,
        semesters: { hk1: 'TOT', hk2: 'KHA' },
      });
    });

    it('lets only the homeroom teacher enter the year conduct (403 for another teacher, nothing written)', async () => {
      const res = await put(f, f.stranger, '/conduct/CN', { rows: [{ studentId: an, version: 0, training: 'TOT' }] });
      expect(res.status).toBe(403);
      const [{ n }] = await t.owner.query(
        `select count(*)::int as n from conduct_rating where school_id = $1 and semester = 0`,
        [f.school.id],
      );
      expect(n).toBe(0);
    });

    it('takes the year conduct as entered — Tốt after semester II Khá — audited with before and after', async () => {
      const res = await put(f, f.homeroom, '/conduct/CN', {
        rows: [
          { studentId: an, version: 0, training: 'TOT' },
          { studentId: binh, version: 0, training: 'DAT' },
          { studentId: cuong, version: 0, training: 'KHA' },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body.rows.map((r: { training: string }) => r.training)).toEqual(['TOT', 'DAT', 'KHA']);
      const audit = await auditRows(t, f.school.id, 'conduct_rating');
      expect(audit.at(-1)).toMatchObject({
        action: 'UPDATE',
        entity_id: `${f.classId}:0`,
        before: { [an]: null },
        after: { [an]: { training: 'TOT' } },
      });
    });

    it('ranks, adjusts by Art. 13.6, and proposes titles and promotion from the entered year conduct', async () => {
      const year = await results(f, 'CN');
      expect(rowOf(year, an)).toMatchObject({ learning: 'GIOI', training: 'TOT', award: 'GOOD', promotion: 'PROMOTE' });
      // One subject at 4.5 pulls a Giỏi average to Trung bình: adjusted to Khá; with conduct Khá, Học sinh tiên tiến.
      expect(rowOf(year, cuong)).toMatchObject({ learning: 'KHA', training: 'KHA', award: 'ADVANCED' });
      const binhRow = rowOf(year, binh);
      expect(binhRow).toMatchObject({ learning: 'YEU', training: 'DAT', award: null, promotion: 'RETEST' });
      expect(binhRow.retestSubjects).not.toContain('TOAN');
      expect(binhRow.retestSubjects).toContain(weak);
      expect(year.summary.awards).toEqual({ GOOD: 1, ADVANCED: 1 });
      expect(year.summary.promotion).toMatchObject({ PROMOTE: 2, RETEST: 1 });
    });

    it('records the school’s decision on a title, refusing one the results do not support (400, localized)', async () => {
      const wrong = await put(f, f.school.admin, '/recognitions', {
        decisions: [{ studentId: binh, kind: 'AWARD', decision: 'GOOD', version: 0 }],
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([
        expect.objectContaining({ field: 'decisions.0.decision', message: expect.stringContaining('không phù hợp') }),
      ]);
      const english = await put(f, f.school.admin, '/recognitions', {
        decisions: [{ studentId: cuong, kind: 'AWARD', decision: 'NONE', version: 0 }],
      }).set('Accept-Language', 'en');
      expect(english.status).toBe(400);
      expect(english.body.errors[0]).toMatchObject({ field: 'decisions.0.reason' });
      expect(english.body.errors[0].message).toContain('reason is required');
      const completion = await put(f, f.school.admin, '/recognitions', {
        decisions: [{ studentId: an, kind: 'COMPLETION', decision: 'GRADE_COMPLETED', version: 0 }],
      });
      expect(completion.status).toBe(400);
      expect(completion.body.errors[0]).toMatchObject({ field: 'decisions.0.kind' });

      const ok = await put(f, f.school.admin, '/recognitions', {
        decisions: [
          { studentId: an, kind: 'AWARD', decision: 'GOOD', version: 0 },
          {
            studentId: cuong,
            kind: 'AWARD',
            decision: 'NONE',
            reason: 'Hội đồng không xét do vi phạm nội quy',
            version: 0,
          },
        ],
      });
      expect(ok.status).toBe(200);
      expect(decisionsOf(ok.body, an).decided.AWARD).toMatchObject({ decision: 'GOOD', proposed: 'GOOD', version: 1 });
      expect(decisionsOf(ok.body, cuong).decided.AWARD).toMatchObject({
        decision: 'NONE',
        proposed: 'ADVANCED',
        reason: 'Hội đồng không xét do vi phạm nội quy',
      });
      const [stored] = await t.owner.query(
        `select decided_by, decided_at from year_recognition where school_id = $1 and student_id = $2`,
        [f.school.id, an],
      );
      expect(stored.decided_by).toEqual(expect.any(String));
      expect(stored.decided_at).toBeInstanceOf(Date);
      expect(await auditRows(t, f.school.id, 'year_recognition')).toEqual([
        expect.objectContaining({
          action: 'CREATE',
          entity_id: f.classId,
          after: {
            [`${an}:AWARD`]: { decision: 'GOOD', proposed: 'GOOD', reason: null },
            [`${cuong}:AWARD`]: {
              decision: 'NONE',
              proposed: 'ADVANCED',
              reason: 'Hội đồng không xét do vi phạm nội quy',
            },
          },
        }),
      ]);
      const teacher = await put(f, f.homeroom, '/recognitions', {
        decisions: [{ studentId: an, kind: 'AWARD', decision: 'NONE', reason: 'x', version: 1 }],
      });
      expect(teacher.status).toBe(403);
    });
  });

  describe('Circular 27 (grade 5)', () => {
    let f: ClassFixture;
    let lan: string, minh: string, nga: string;
    const testsOf = (end: number, mid: number) => (columns: Column[]) =>
      Object.fromEntries(columns.map((c) => [c.key, c.kind === 'RATING' ? 'T' : c.key === 'GK_TEST' ? mid : end]));

    beforeAll(async () => {
      const school = await schoolWithAdmin(t);
      await t.owner.query(`update org_unit set levels = '{PRIMARY}', name = $2 where id = $1`, [
        school.id,
        `Trường Tiểu học Thử ${school.code}`,
      ]);
      t.app.get(OrgTreeService).invalidate();
      f = await classOf(
        school,
        await openYearId(t),
        '5',
        ['Hoàng Thị Lan', 'Vũ Đức Minh', 'Đặng Thu Nga'],
        '2026-09-05',
      );
      [lan, minh, nga] = f.pupils;
      const qualities = Object.fromEntries(PRIMARY_QUALITIES.map((q) => [q.code, 'TOT']));
      const res = await put(f, f.homeroom, '/conduct/2', {
        rows: f.pupils.map((studentId) => ({ studentId, version: 0, qualities })),
      });
      expect(res.status).toBe(200);
    });

    it('accepts 0 as a periodic test score and refuses 7.5 with a field error', async () => {
      const sheet = await get(f, f.homeroom, '/gradebook/2/TOAN');
      const version = sheet.body.rows.find((r: { studentId: string }) => r.studentId === nga).version;
      const half = await put(f, f.homeroom, '/gradebook/2/TOAN', {
        requestId: randomUUID(),
        rows: [{ studentId: nga, version, cells: { CK_TEST: 7.5 } }],
      });
      expect(half.status).toBe(400);
      expect(half.body.errors).toEqual([expect.objectContaining({ field: 'rows.0.cells.CK_TEST' })]);
      const zero = await put(f, f.homeroom, '/gradebook/2/TOAN', {
        requestId: randomUUID(),
        rows: [{ studentId: nga, version, cells: { CK_TEST: 0 } }],
      });
      expect(zero.status).toBe(200);
      const [{ cells }] = await t.owner.query(
        `select e.cells from grade_entry e join gradebook g on g.school_id = e.school_id and g.id = e.gradebook_id
          where e.school_id = $1 and e.student_id = $2 and g.subject_code = 'TOAN' and g.semester = 2`,
        [f.school.id, nga],
      );
      expect(cells.CK_TEST).toBe(0);
    });

    it('classifies from the end-of-year tests only and proposes the awards and grade-5 completion', async () => {
      for (const s of f.subjects)
        await fill(f, s.code, 2, {
          [lan]: testsOf(9, 9),
          // A mid-semester II test of 4 in Toán and Tiếng Việt does not hold back Hoàn thành tốt.
          [minh]: testsOf(7, 4),
          [nga]: testsOf(s.code === 'TOAN' ? 0 : 10, 10),
        });
      const year = await results(f, 'CN');
      expect(rowOf(year, lan)).toMatchObject({ learning: 'HTXS', award: 'EXCELLENT', completion: 'PRIMARY_COMPLETED' });
      expect(rowOf(year, minh)).toMatchObject({ learning: 'HTT', award: 'EXEMPLARY', completion: 'PRIMARY_COMPLETED' });
      expect(rowOf(year, nga)).toMatchObject({ learning: 'CHT', award: null, completion: 'NOT_COMPLETED' });
      expect(year.summary.awards).toEqual({ EXCELLENT: 1, EXEMPLARY: 1 });
    });

    it('refuses a year conduct sheet for a primary class (400)', async () => {
      const res = await put(f, f.homeroom, '/conduct/CN', { rows: [] });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'semester' });
    });

    it('grants Học sinh tiêu biểu to a candidate only with the class’s recognition as the reason', async () => {
      const sheet = await get(f, f.school.admin, '/recognitions');
      expect(sheet.status).toBe(200);
      expect(decisionsOf(sheet.body, minh).proposed).toEqual({ AWARD: 'EXEMPLARY', COMPLETION: 'PRIMARY_COMPLETED' });
      expect(decisionsOf(sheet.body, nga).proposed).toEqual({ AWARD: 'NONE', COMPLETION: 'NOT_COMPLETED' });

      const bare = await put(f, f.school.admin, '/recognitions', {
        decisions: [
          { studentId: minh, kind: 'AWARD', decision: 'EXEMPLARY', version: 0 },
          { studentId: nga, kind: 'AWARD', decision: 'EXEMPLARY', reason: 'Tiến bộ', version: 0 },
          { studentId: nga, kind: 'COMPLETION', decision: 'PRIMARY_COMPLETED', version: 0 },
        ],
      });
      expect(bare.status).toBe(400);
      expect(bare.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'decisions.0.reason',
        'decisions.1.decision',
        'decisions.2.reason',
      ]);
      expect(bare.body.errors[0].message).toContain('tập thể lớp');

      const reason = 'Tiến bộ vượt bậc môn Tiếng Việt, được tập thể lớp bình chọn';
      const ok = await put(f, f.school.admin, '/recognitions', {
        decisions: [
          { studentId: minh, kind: 'AWARD', decision: 'EXEMPLARY', reason, version: 0 },
          { studentId: lan, kind: 'AWARD', decision: 'EXCELLENT', version: 0 },
          { studentId: lan, kind: 'COMPLETION', decision: 'PRIMARY_COMPLETED', version: 0 },
          {
            studentId: nga,
            kind: 'COMPLETION',
            decision: 'PRIMARY_COMPLETED',
            reason: 'Đã đánh giá bổ sung môn Toán đạt yêu cầu',
            version: 0,
          },
        ],
      });
      expect(ok.status).toBe(200);
      expect(decisionsOf(ok.body, minh).decided.AWARD).toMatchObject({
        decision: 'EXEMPLARY',
        proposed: 'EXEMPLARY',
        reason,
        decidedByName: expect.any(String),
        decidedAt: expect.any(String),
      });
      expect(decisionsOf(ok.body, nga).decided.COMPLETION).toMatchObject({
        decision: 'PRIMARY_COMPLETED',
        proposed: 'NOT_COMPLETED',
      });

      const stale = await put(f, f.school.admin, '/recognitions', {
        decisions: [{ studentId: minh, kind: 'AWARD', decision: 'NONE', reason: 'x', version: 0 }],
      });
      expect(stale.status).toBe(409);
      const audit = await auditRows(t, f.school.id, 'year_recognition');
      expect(audit).toHaveLength(1);
      expect(audit[0].after).toMatchObject({ [`${minh}:AWARD`]: { decision: 'EXEMPLARY', reason } });
    });
  });
});
