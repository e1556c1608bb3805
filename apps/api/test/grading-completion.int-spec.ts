import { randomUUID } from 'node:crypto';
import type { CompletionOverview, CompletionPupil, StudentResult } from '@emis/contracts';
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
import { pdfPages } from './pdf-text';

interface Column {
  key: string;
  kind: 'SCORE' | 'RATING';
}
type Cells = Record<string, number | string>;

/**
 * Grade 9 completion under Circular 31/2023 (docs/domain/completion.md), over HTTP against real PostgreSQL: a grade 9
 * class of 2026-2027 whose scores are entered through the real gradebook as the subjects' teachers and conduct as the
 * homeroom teacher. Five pupils, one per case: An meets every condition; Bình has a comment subject Chưa đạt but
 * learning Đạt (completes: no "no subject Chưa đạt" condition); Cường is absent 46 sessions; Dung is 22 in the year;
 * Em lacks an end-of-term score (incomplete records).
 */
describe('grade 9 completion: proposals, the council (twice a year at most), decisions, certification (real PostgreSQL)', () => {
  let t: TestApp;
  let school: SchoolFixture;
  let other: SchoolFixture;
  let yearId: string;
  let classId: string;
  let homeroom: string;
  let teacherOther: string;
  let subjects: { code: string; assessment: 'SCORE' | 'COMMENT' }[];
  let an: string, binh: string, cuong: string, dung: string, em: string;
  let council1: string;

  const api = (fx: SchoolFixture = school) => `/api/schools/${fx.id}`;
  const cls = () => `${api()}/classes/${classId}`;
  const overview = async (token = school.admin): Promise<CompletionOverview> => {
    const res = await t.http().get(`${api()}/completion`).query({ yearId }).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body;
  };
  const pupil = (o: CompletionOverview, id: string): CompletionPupil => o.pupils.find((p) => p.studentId === id)!;
  const openCouncil = (body: Record<string, unknown>, fx: SchoolFixture = school) =>
    t
      .http()
      .post(`${api(fx)}/completion/councils`)
      .set(bearer(fx.admin))
      .send(body);
  const decide = (councilId: string, decisions: unknown[], fx: SchoolFixture = school, path = api(fx)) =>
    t.http().put(`${path}/completion/councils/${councilId}/decisions`).set(bearer(fx.admin)).send({ decisions });
  const statusOf = async (id: string) =>
    (await t.owner.query(`select status from student where school_id = $1 and id = $2`, [school.id, id]))[0].status;

  /** Saves one subject's semester sheet as `token`: every score column `score`, rating columns Đạt unless `rating`. */
  async function fill(token: string, code: string, semester: number, cellsOf: Record<string, (c: Column[]) => Cells>) {
    const sheet = await t.http().get(`${cls()}/gradebook/${semester}/${code}`).set(bearer(token));
    expect(sheet.status).toBe(200);
    const rows = Object.entries(cellsOf).map(([studentId, cells]) => ({
      studentId,
      version: sheet.body.rows.find((r: { studentId: string }) => r.studentId === studentId).version,
      cells: cells(sheet.body.columns),
    }));
    const res = await t
      .http()
      .put(`${cls()}/gradebook/${semester}/${code}`)
      .set(bearer(token))
      .send({ requestId: randomUUID(), rows });
    expect({ code, semester, status: res.status }).toEqual({ code, semester, status: 200 });
  }
  const uniform =
    (score: number, rating = 'D', drop?: string) =>
    (columns: Column[]) =>
      Object.fromEntries(
        columns.filter((c) => c.key !== drop).map((c) => [c.key, c.kind === 'SCORE' ? score : rating]),
      );

  beforeAll(async () => {
    t = await startTestApp();
    school = await schoolWithAdmin(t);
    other = await schoolWithAdmin(t);
    yearId = await openYearId(t);
    const staff = await insertStaff(t, school.id, 'Phạm Thu Hà');
    ({ id: classId } = await createClass(t, school, {
      schoolYearId: yearId,
      name: '9A',
      grade: '9',
      homeroomStaffId: staff,
    }));
    [an, binh, cuong, dung, em] = await enrolStudents(t, school.id, classId, [
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Hoàng Cường',
      'Phạm Thị Dung',
      'Đỗ Văn Em',
    ]);
    // Ages in 2027 (the calendar year 2026-2027 ends in): 15 for all but Dung, born 2005: 22.
    await t.owner.query(
      `update student set date_of_birth = '2012-04-10' where school_id = $1 and id = any($2::uuid[])`,
      [school.id, [an, binh, cuong, em]],
    );
    await t.owner.query(`update student set date_of_birth = '2005-02-01' where school_id = $1 and id = $2`, [
      school.id,
      dung,
    ]);
    homeroom = await teacherLogin(t, school.code, staff);
    const list = await t.http().get(`${cls()}/gradebook`).query({ semester: '1' }).set(bearer(school.admin));
    subjects = list.body.subjects;
    for (const s of subjects) await assign(t, school.id, classId, s.code, staff);
    const comment = subjects.find((s) => s.assessment === 'COMMENT')!.code;
    for (const s of subjects) {
      for (const semester of [1, 2]) {
        await fill(homeroom, s.code, semester, {
          [an]: uniform(8),
          [binh]: uniform(7, s.code === comment ? 'CD' : 'D'),
          [cuong]: uniform(8),
          [dung]: uniform(8),
          // Em's Toán of semester II lacks the end-of-term score: the year result cannot be computed.
          [em]: uniform(8, 'D', s.code === 'TOAN' && semester === 2 ? 'CK' : undefined),
        });
      }
    }
    for (const semester of [1, 2]) {
      const res = await t
        .http()
        .put(`${cls()}/conduct/${semester}`)
        .set(bearer(homeroom))
        .send({ rows: [an, binh, cuong, dung, em].map((studentId) => ({ studentId, version: 0, training: 'TOT' })) });
      expect(res.status).toBe(200);
    }
    // Cường: 46 school days absent (excused and unexcused together), in semester I.
    await t.owner.query(
      `insert into attendance (school_id, class_id, day, student_id, status, recorded_at)
       select $1, $2, d::date, $3, case when n % 2 = 0 then 'EXCUSED' else 'UNEXCUSED' end, now()
         from (select d, row_number() over (order by d) as n
                 from generate_series('2026-09-07'::date, '2027-01-15'::date, interval '1 day') d
                where extract(isodow from d) < 6) days
        where n <= 46`,
      [school.id, classId, cuong],
    );
    teacherOther = await teacherLogin(t, school.code, null);
  });
  afterAll(() => t.close());

  it('proposes completion for grade 9 with every unmet condition named, in the class results and on the page', async () => {
    const results = await t.http().get(`${cls()}/results`).query({ period: 'CN' }).set(bearer(school.admin));
    const row = (id: string) => results.body.rows.find((r: StudentResult) => r.studentId === id) as StudentResult;
    expect(row(binh).learning).toBe('DAT');
    expect(row(binh).secondaryCompletion).toEqual({ completes: true, unmet: [], age: 15 });

    const o = await overview();
    expect(o).toMatchObject({ schoolYearCode: '2026-2027', certified: true, councils: [] });
    expect(o.pupils.map((p) => [p.fullName, p.proposal.completes, p.proposal.unmet])).toEqual([
      ['Nguyễn Văn An', true, []],
      ['Trần Thị Bình', true, []],
      ['Lê Hoàng Cường', false, ['ABSENCES']],
      ['Phạm Thị Dung', false, ['AGE']],
      ['Đỗ Văn Em', false, ['RECORDS']],
    ]);
    expect(pupil(o, cuong)).toMatchObject({ absences: 46, training: 'TOT', learning: 'TOT', className: '9A' });
    expect(pupil(o, dung).proposal.age).toBe(22);

    // The people context's promotion preview sends grade 9 to the council; the report card prints the proposal.
    const preview = await t
      .http()
      .get(`${api()}/promotions/preview`)
      .query({ yearId, grade: '9' })
      .set(bearer(school.admin));
    expect(preview.body).toMatchObject({ grade: '9', nextGrade: null, completionCouncil: true });
    const card = async (id: string) =>
      pdfPages(
        (
          await download(
            t.http().get(`${cls()}/report-cards.pdf`).query({ period: 'CN', studentId: id }).set(bearer(school.admin)),
          )
        ).body as Buffer,
      ).join('\n');
    expect(await card(binh)).toContain('Đề nghị: Hoàn thành chương trình trung học cơ sở');
    expect(await card(cuong)).toContain('Chưa hoàn thành chương trình trung học cơ sở (nghỉ quá 45 buổi)');
  });

  it('refuses a council with bad fields, field by field and in Vietnamese first', async () => {
    const res = await openCouncil({ schoolYearId: yearId, heldOn: '2027-02-30', chairName: '  ', members: [] });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['chairName', 'members']));
    expect(res.body.errors.find((e: { field: string }) => e.field === 'chairName').message).toMatch(
      /Chủ tịch hội đồng/,
    );
    const badDate = await openCouncil({
      schoolYearId: yearId,
      heldOn: '2027-02-30',
      chairName: 'Ngô Hiệu',
      members: ['A'],
    });
    expect(badDate.body.errors).toEqual([expect.objectContaining({ field: 'heldOn', code: 'isRealDate' })]);
    expect((await t.owner.query(`select 1 from completion_council where school_id = $1`, [school.id])).length).toBe(0);
  });

  it('opens the first sitting and records decisions: completes, does not (with a reason), refusing what is not allowed', async () => {
    const opened = await openCouncil({
      schoolYearId: yearId,
      heldOn: '2027-06-05',
      chairName: 'Ngô Văn Hiệu',
      members: ['Trần Phó Hiệu', 'Lê Thư Ký'],
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ sitting: 1, heldOn: '2027-06-05', chairName: 'Ngô Văn Hiệu', decided: 0 });
    council1 = opened.body.id;

    // Not completing needs a reason; completing against the proposal too; a pupil outside grade 9 is refused.
    const refused = await decide(council1, [
      { studentId: an, completes: true },
      { studentId: cuong, completes: false },
      { studentId: dung, completes: true },
      { studentId: randomUUID(), completes: true },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
      'decisions.1.reason:completionReasonRequired',
      'decisions.2.reason:completionReasonRequired',
      'decisions.3.studentId:notInGrade9',
    ]);
    expect(refused.body.errors[0].message).toMatch(/lý do/);
    expect((await t.owner.query(`select 1 from completion_decision where school_id = $1`, [school.id])).length).toBe(0);
    expect(await statusOf(an)).toBe('STUDYING');

    const res = await decide(council1, [
      { studentId: an, completes: true },
      { studentId: binh, completes: true },
      { studentId: cuong, completes: false, reason: 'Nghỉ học 46 buổi, quá 45 buổi' },
      { studentId: dung, completes: false, reason: 'Ngoài độ tuổi quy định' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ decided: 4, completed: 2, notCompleted: 2, unchanged: 0 });
  });

  it('from 2025-26 writes the principal certification; the pupil graduates and leaves, and stays on the list', async () => {
    const [row] = await t.owner.query(
      `select completes, certification, certified_on::text as on, certified_by_name, decided_by_name, decided_by
         from completion_decision where school_id = $1 and student_id = $2`,
      [school.id, an],
    );
    expect(row).toMatchObject({
      completes: true,
      certification: 'Hoàn thành chương trình trung học cơ sở',
      on: '2027-06-05',
      certified_by_name: 'Ngô Văn Hiệu',
    });
    expect(row.decided_by).toBeTruthy();
    const [cuongRow] = await t.owner.query(
      `select completes, certification, reason from completion_decision where school_id = $1 and student_id = $2`,
      [school.id, cuong],
    );
    expect(cuongRow).toEqual({ completes: false, certification: null, reason: 'Nghỉ học 46 buổi, quá 45 buổi' });

    expect(await statusOf(an)).toBe('GRADUATED');
    expect(await statusOf(cuong)).toBe('STUDYING');
    const [outcome] = await t.owner.query(
      `select outcome, grade from year_outcome where school_id = $1 and student_id = $2 and school_year_id = $3`,
      [school.id, an, yearId],
    );
    expect(outcome).toEqual({ outcome: 'GRADUATED', grade: '9' });
    const [enrolment] = await t.owner.query(
      `select to_date::text as to_date from enrolment where school_id = $1 and student_id = $2`,
      [school.id, an],
    );
    expect(enrolment.to_date).toBe('2027-05-31');

    // An has left the class, and is still listed with the decision and the proposal it was taken on.
    const o = await overview();
    expect(pupil(o, an)).toMatchObject({
      fullName: 'Nguyễn Văn An',
      className: '9A',
      proposal: { completes: true, unmet: [] },
      decision: {
        sitting: 1,
        completes: true,
        certification: {
          text: 'Hoàn thành chương trình trung học cơ sở',
          certifiedOn: '2027-06-05',
          principalName: 'Ngô Văn Hiệu',
        },
      },
    });
    expect(o.councils).toEqual([expect.objectContaining({ sitting: 1, decided: 4, completed: 2 })]);

    // The student's page.
    const page = await t.http().get(`${api()}/students/${an}/completion`).set(bearer(school.admin));
    expect(page.body.completion).toMatchObject({
      schoolYearCode: '2026-2027',
      completes: true,
      certification: { text: 'Hoàn thành chương trình trung học cơ sở', principalName: 'Ngô Văn Hiệu' },
    });
    const none = await t.http().get(`${api()}/students/${em}/completion`).set(bearer(school.admin));
    expect(none.body).toEqual({ completion: null });
  });

  it('takes a completion back within the same sitting: the pupil studies again, enrolment reopened', async () => {
    const res = await decide(council1, [{ studentId: binh, completes: false, reason: 'Hội đồng xét lại hồ sơ' }]);
    expect(res.body).toEqual({ decided: 1, completed: 0, notCompleted: 1, unchanged: 0 });
    expect(await statusOf(binh)).toBe('STUDYING');
    const [enrolment] = await t.owner.query(`select to_date from enrolment where school_id = $1 and student_id = $2`, [
      school.id,
      binh,
    ]);
    expect(enrolment.to_date).toBeNull();
    expect(
      await t.owner.query(`select 1 from year_outcome where school_id = $1 and student_id = $2`, [school.id, binh]),
    ).toEqual([]);
    // The same decision again changes nothing.
    const again = await decide(council1, [{ studentId: binh, completes: false, reason: 'Hội đồng xét lại hồ sơ' }]);
    expect(again.body).toEqual({ decided: 1, completed: 0, notCompleted: 1, unchanged: 1 });
  });

  it('audits every council, decision and status change, with who and before/after', async () => {
    const councils = await auditRows(t, school.id, 'completion_council');
    expect(councils).toEqual([
      expect.objectContaining({
        action: 'CREATE',
        entity_id: council1,
        after: expect.objectContaining({ sitting: 1 }),
      }),
    ]);
    const decisions = await auditRows(t, school.id, 'completion_decision');
    expect(decisions.map((d) => [d.entity_id, d.action])).toEqual([
      [an, 'CREATE'],
      [binh, 'CREATE'],
      [cuong, 'CREATE'],
      [dung, 'CREATE'],
      [binh, 'UPDATE'],
    ]);
    expect(decisions[4]).toMatchObject({
      before: { completes: true, reason: null },
      after: expect.objectContaining({ completes: false, reason: 'Hội đồng xét lại hồ sơ' }),
    });
    const outcomes = await auditRows(t, school.id, 'year_outcome');
    expect(outcomes.map((d) => [d.entity_id, d.action])).toEqual([
      [an, 'CREATE'],
      [binh, 'CREATE'],
      [binh, 'DELETE'],
    ]);
    const [who] = await t.owner.query(
      `select actor_name from audit_log where school_id = $1 and entity = 'completion_decision' and action = 'CREATE' limit 1`,
      [school.id],
    );
    expect(who.actor_name).toBeTruthy();
  });

  it('sits a second time (Em completes once the score is in; An cannot be decided again), then refuses a third', async () => {
    await fill(homeroom, 'TOAN', 2, { [em]: uniform(8) });
    expect(pupil(await overview(), em).proposal).toMatchObject({ completes: true, unmet: [] });
    const second = await openCouncil({
      schoolYearId: yearId,
      heldOn: '2027-08-10',
      chairName: 'Ngô Văn Hiệu',
      members: ['Lê Thư Ký'],
    });
    expect(second.status).toBe(201);
    expect(second.body.sitting).toBe(2);
    const again = await decide(second.body.id, [{ studentId: an, completes: true }]);
    expect(again.body.errors).toEqual([
      expect.objectContaining({ field: 'decisions.0.studentId', code: 'alreadyCompleted' }),
    ]);
    const res = await decide(second.body.id, [{ studentId: em, completes: true }]);
    expect(res.body).toMatchObject({ completed: 1 });
    expect(await statusOf(em)).toBe('GRADUATED');

    const third = await openCouncil({
      schoolYearId: yearId,
      heldOn: '2027-08-20',
      chairName: 'Ngô Văn Hiệu',
      members: ['X'],
    });
    expect(third.status).toBe(409);
    expect(third.body.code).toBe('completion_sittings_exhausted');
    expect(third.body.title ?? third.body.detail ?? JSON.stringify(third.body)).toMatch(/2 lần/);
    const english = await openCouncil({
      schoolYearId: yearId,
      heldOn: '2027-08-20',
      chairName: 'N',
      members: ['X'],
    }).set('Accept-Language', 'en');
    expect(JSON.stringify(english.body)).toMatch(/already sat twice/);
    // The database refuses a third sitting too, whatever the API does.
    await expect(
      t.owner.query(
        `insert into completion_council (school_id, school_year_id, sitting, held_on, chair_name, members, created_at)
         values ($1, $2, 3, '2027-08-20', 'X', '{X}', now())`,
        [school.id, yearId],
      ),
    ).rejects.toThrow(/completion_council_sitting_check/);
    expect((await overview()).councils.map((c) => c.sitting)).toEqual([1, 2]);
  });

  it('prints the council decision list as PDF, audited as an export', async () => {
    const res = await download(
      t.http().get(`${api()}/completion/councils/${council1}/decision.pdf`).set(bearer(school.admin)),
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfPages(res.body as Buffer).join('\n');
    expect(text).toContain('HOÀN THÀNH CHƯƠNG TRÌNH TRUNG HỌC CƠ SỞ');
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('Nghỉ học 46 buổi, quá 45 buổi');
    expect(text).toContain('Ngô Văn Hiệu');
    const exports = (await auditRows(t, school.id, 'completion_council')).filter((r) => r.action === 'EXPORT');
    expect(exports).toHaveLength(1);
  });

  it("keeps each school to its own: another school's admin, a teacher and a foreign council are refused", async () => {
    // Another school's administrator on this school's paths: refused (out of scope), nothing read or written.
    const read = await t.http().get(`${api()}/completion`).query({ yearId }).set(bearer(other.admin));
    expect([403, 404]).toContain(read.status);
    const write = await decide(council1, [{ studentId: cuong, completes: true, reason: 'x' }], other, api());
    expect([403, 404]).toContain(write.status);
    // This school's council under the other school's own path: not found (row-level security hides it).
    const foreign = await decide(council1, [{ studentId: cuong, completes: true, reason: 'x' }], other);
    expect(foreign.status).toBe(404);
    const pdf = await t
      .http()
      .get(`${api(other)}/completion/councils/${council1}/decision.pdf`)
      .set(bearer(other.admin));
    expect(pdf.status).toBe(404);
    const student = await t
      .http()
      .get(`${api(other)}/students/${an}/completion`)
      .set(bearer(other.admin));
    expect(student.status).toBe(404);
    // A teacher has no completion permission.
    const teacher = await t.http().get(`${api()}/completion`).query({ yearId }).set(bearer(teacherOther));
    expect(teacher.status).toBe(403);
    expect(await statusOf(cuong)).toBe('STUDYING');
    // The other school sees none of this school's councils, even with the year's sittings used up here.
    const theirs = await t
      .http()
      .get(`${api(other)}/completion`)
      .query({ yearId })
      .set(bearer(other.admin));
    expect(theirs.body).toMatchObject({ councils: [], pupils: [] });
    expect(
      (await openCouncil({ schoolYearId: yearId, heldOn: '2027-06-06', chairName: 'B', members: ['C'] }, other)).status,
    ).toBe(201);
  });

  it('before 2025-26 records the diploma-era decision, with no certification text', async () => {
    await t.owner.query(
      `insert into school_year (code, starts_on, ends_on, semester1_start, semester1_end, semester2_start, semester2_end, status)
       values ('2024-2025', '2024-09-05', '2025-05-31', '2024-09-05', '2025-01-16', '2025-01-19', '2025-05-25', 'PLANNED')
       on conflict (code) do nothing`,
    );
    const [{ id: oldYear }] = await t.owner.query(`select id from school_year where code = '2024-2025'`);
    const [{ id: oldClass }] = await t.owner.query(
      `insert into class (school_id, school_year_id, name, grade, created_at, updated_at)
       values ($1, $2, '9B', '9', now(), now()) returning id`,
      [school.id, oldYear],
    );
    const [giang] = await enrolStudents(t, school.id, oldClass, ['Vũ Thị Giang'], '2024-09-05');
    const old = await t.http().get(`${api()}/completion`).query({ yearId: oldYear }).set(bearer(school.admin));
    expect(old.body).toMatchObject({ schoolYearCode: '2024-2025', certified: false });
    expect(old.body.pupils.map((p: CompletionPupil) => [p.studentId, p.proposal.unmet])).toEqual([
      [giang, ['RECORDS']],
    ]);
    const sitting = await openCouncil({
      schoolYearId: oldYear,
      heldOn: '2025-06-05',
      chairName: 'Ngô Văn Hiệu',
      members: ['Lê Thư Ký'],
    });
    expect(sitting.status).toBe(201);
    const res = await decide(sitting.body.id, [
      { studentId: giang, completes: true, reason: 'Hồ sơ giấy đầy đủ, đã đối chiếu' },
    ]);
    expect(res.status).toBe(200);
    const [row] = await t.owner.query(
      `select completes, certification, certified_on from completion_decision where school_id = $1 and student_id = $2`,
      [school.id, giang],
    );
    expect(row).toEqual({ completes: true, certification: null, certified_on: null });
    const page = await t.http().get(`${api()}/students/${giang}/completion`).set(bearer(school.admin));
    expect(page.body.completion).toMatchObject({ schoolYearCode: '2024-2025', completes: true, certification: null });
  });
});
