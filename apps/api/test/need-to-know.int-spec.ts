import { maskPersonalId } from '@emis/domain';
import { createClass, enrolStudents, insertStaff, teacherLogin } from './academic-fixtures';
import { assign, gradingClass, GradingFixture } from './grading-fixtures';
import { bearer, createUser, startTestApp, TestApp } from './harness';
import { createStudent, personalIdFor } from './students-fixtures';

/**
 * Need-to-know inside a school (docs/domain/personal-data.md, "Who sees which fields"; docs/security/needtoknow.md):
 * the JSON each role actually receives for the same pupils. A fresh school with class 6A (teacher A leads it and
 * teaches Toán, teacher B teaches Ngữ văn) and class 6B (teacher C leads it); one pupil of 6A has every field filled.
 */
describe('need-to-know: who sees which pupils and which fields', () => {
  let t: TestApp;
  let f: GradingFixture;
  let classB: string;
  let pupilB: string;
  let teacherC: string;
  let accountant: string;
  let officer: string;
  let full: { id: string; personalId: string };

  const students = () => `/api/schools/${f.school.id}/students`;
  const list = (token: string, query: Record<string, string> = {}) =>
    t
      .http()
      .get(students())
      // The fixture's year named: other specs open years of their own meanwhile, which moves the list's default.
      .query({ pageSize: '100', yearId: f.yearId, ...query })
      .set(bearer(token));
  const detail = (token: string, id: string) => t.http().get(`${students()}/${id}`).set(bearer(token));
  const auditOf = (entityId: string, action: string) =>
    t.owner.query(
      `select actor_id, after from audit_log where school_id = $1 and entity = 'student' and entity_id = $2 and action = $3 order by seq`,
      [f.school.id, entityId, action],
    ) as Promise<{ actor_id: string; after: Record<string, unknown> }[]>;

  beforeAll(async () => {
    t = await startTestApp();
    f = await gradingClass(t);
    const staffC = await insertStaff(t, f.school.id, 'Vũ Thị Lan', 'ACTIVE', ['TOAN']);
    classB = (
      await createClass(t, f.school, { schoolYearId: f.yearId, name: '6B', grade: '6', homeroomStaffId: staffC })
    ).id;
    await assign(t, f.school.id, classB, 'TOAN', staffC);
    [pupilB] = await enrolStudents(t, f.school.id, classB, ['Hoàng Văn Bảo']);
    teacherC = await teacherLogin(t, f.school.code, staffC);
    const personalId = personalIdFor(2013, 'FEMALE');
    const id = await createStudent(t, f.school.admin, f.school.id, 'Đặng Thị Nhạy Cảm', {
      personalId,
      classId: f.classId,
      religion: 'Phật giáo',
      currentAddress: 'Thôn Đông, xã Thử',
      policyGroups: ['POOR_HOUSEHOLD'],
      disability: 'HEARING',
    });
    full = { id, personalId };
    accountant = await t.login(await createUser(t, 'ACCOUNTANT', f.school.code));
    officer = await t.login(await createUser(t, 'DEPARTMENT_OFFICER', 'SGDDT-HY'));
  });
  afterAll(() => t.close());

  describe('lists', () => {
    it('shows a teacher only the pupils of the classes they lead or teach, without ID number or ethnicity', async () => {
      const res = await list(f.teacherB);
      expect(res.status).toBe(200);
      const names = res.body.items.map((s: { fullName: string }) => s.fullName);
      expect(names).toHaveLength(4);
      expect(names).toContain('Đặng Thị Nhạy Cảm');
      expect(names).not.toContain('Hoàng Văn Bảo');
      expect(res.body.total).toBe(4);
      for (const item of res.body.items) {
        expect(item).not.toHaveProperty('personalId');
        expect(item).not.toHaveProperty('ethnicity');
      }
      const c = await list(teacherC);
      expect(c.body.items.map((s: { id: string }) => s.id)).toEqual([pupilB]);
    });

    it("finds nothing for a teacher's filter on another class or a search by personal ID", async () => {
      expect((await list(f.teacherA, { classId: classB })).body.total).toBe(0);
      expect((await list(f.teacherA, { q: full.personalId })).body.total).toBe(0);
      expect((await list(f.school.admin, { q: full.personalId })).body.total).toBe(1);
    });

    it('masks personal IDs for the school administrator, the accountant and the department unless revealed', async () => {
      for (const token of [f.school.admin, accountant, officer]) {
        const res = await list(token, { classId: f.classId });
        const row = res.body.items.find((s: { id: string }) => s.id === full.id);
        expect(row.personalId).toBe(maskPersonalId(full.personalId));
        expect(row.personalId).toMatch(/^\d{4}•{5}\d{3}$/);
      }
      const revealed = await list(officer, { classId: f.classId, reveal: 'personalId' });
      expect(revealed.body.items.find((s: { id: string }) => s.id === full.id).personalId).toBe(full.personalId);
    });

    it('withholds ethnicity from the accountant and shows it to the school administrator', async () => {
      const pick = async (token: string) =>
        (await list(token, { classId: f.classId })).body.items.find((s: { id: string }) => s.id === full.id);
      expect(await pick(accountant)).not.toHaveProperty('ethnicity');
      expect((await pick(f.school.admin)).ethnicity).toBe('01');
    });

    it('refuses a teacher who asks to reveal personal IDs', async () => {
      const res = await list(f.teacherA, { reveal: 'personalId' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('reveal_not_allowed');
    });

    it('audits a revealed list with one READ row naming the pupils and the groups', async () => {
      const res = await list(accountant, { classId: f.classId, reveal: 'personalId' });
      const ids = res.body.items.map((s: { id: string }) => s.id);
      const rows = await auditOf(f.school.id, 'READ');
      expect(rows.at(-1)?.after).toMatchObject({ ids, count: ids.length, groups: ['identityNumber', 'policyGroups'] });
    });

    it("masks or withholds the personal IDs of a class's roster as the student list does, and audits what it showed", async () => {
      const roster = (token: string) =>
        t.http().get(`/api/schools/${f.school.id}/classes/${f.classId}`).set(bearer(token));
      const ofTeacher = await roster(f.teacherA);
      expect(ofTeacher.status).toBe(200);
      const pupil = (res: { body: { students: { id: string }[] } }) => res.body.students.find((s) => s.id === full.id);
      expect(pupil(ofTeacher)).toBeDefined();
      expect(pupil(ofTeacher)).not.toHaveProperty('personalId');
      for (const token of [f.school.admin, accountant, officer]) {
        const res = await roster(token);
        expect(res.status).toBe(200);
        expect(pupil(res)).toMatchObject({ personalId: maskPersonalId(full.personalId) });
      }
      const reads = await t.owner.query(
        `select after->'groups' as groups from audit_log
          where school_id = $1 and entity = 'class' and entity_id = $2 and action = 'READ' order by seq`,
        [f.school.id, f.classId],
      );
      // The teacher's row names no field group: the roster showed her none.
      expect(reads.map((r: { groups: string[] | null }) => r.groups)).toEqual([
        null,
        ['identityNumber'],
        ['identityNumber'],
        ['identityNumber'],
      ]);
    });

    it("masks or withholds the personal IDs of the school's transfers list as its student list does", async () => {
      await t
        .http()
        .post(`${students()}/${full.id}/transfers`)
        .set(bearer(f.school.admin))
        .send({ toSchoolId: await t.unitId('THCS-NQ'), effectiveOn: '2026-12-01', reason: 'Chuyển nơi ở' })
        .expect(201);
      const ofTeacher = await t.http().get(`/api/schools/${f.school.id}/transfers`).set(bearer(f.teacherA));
      const ofAdmin = await t.http().get(`/api/schools/${f.school.id}/transfers`).set(bearer(f.school.admin));
      expect(ofTeacher.body.items[0]).not.toHaveProperty('personalId');
      expect(ofAdmin.body.items[0].personalId).toBe(maskPersonalId(full.personalId));
      await t
        .http()
        .post(`/api/schools/${f.school.id}/transfers/${ofAdmin.body.items[0].id}/cancel`)
        .set(bearer(f.school.admin))
        .send({ note: 'Gia đình đổi ý' })
        .expect(200);
    });
  });

  describe('staff records', () => {
    it("masks staff personal IDs in the list and withholds ethnicity and memberships from the accountant's view", async () => {
      const staff = `/api/schools/${f.school.id}/staff`;
      const listed = await t.http().get(staff).set(bearer(accountant));
      const row = listed.body.items.find((s: { id: string }) => s.id === f.staffA);
      expect(row.personalId).toMatch(/^\d{4}•{5}\d{3}$/);
      const revealed = await t.http().get(staff).query({ reveal: 'personalId' }).set(bearer(accountant));
      expect(revealed.body.items.find((s: { id: string }) => s.id === f.staffA).personalId).toMatch(/^\d{12}$/);
      const ofAccountant = await t.http().get(`${staff}/${f.staffA}`).set(bearer(accountant));
      expect(ofAccountant.body.personalId).toMatch(/^\d{12}$/);
      for (const field of ['ethnicity', 'partyMember', 'unionMember'])
        expect(ofAccountant.body).not.toHaveProperty(field);
      const ofAdmin = await t.http().get(`${staff}/${f.staffA}`).set(bearer(f.school.admin));
      expect(ofAdmin.body).toHaveProperty('ethnicity');
    });
  });

  describe('the full record', () => {
    it('answers 404 to a teacher for a pupil of none of their classes, as for another school', async () => {
      expect((await detail(teacherC, full.id)).status).toBe(404);
      expect((await detail(f.teacherA, pupilB)).status).toBe(404);
    });

    it('shows the homeroom teacher the guardians and the address, no ID number and no sensitive field', async () => {
      const res = await detail(f.teacherA, full.id);
      expect(res.status).toBe(200);
      expect(res.body.relation).toBe('HOMEROOM');
      expect(res.body.guardians).toEqual([expect.objectContaining({ fullName: 'Lê Thị Hoa', phone: '0912345678' })]);
      expect(res.body.currentAddress).toBe('Thôn Đông, xã Thử');
      for (const field of ['personalId', 'ethnicity', 'religion', 'disability', 'policyGroups'])
        expect(res.body).not.toHaveProperty(field);
      expect(JSON.stringify(res.body)).not.toContain(full.personalId.slice(4, 9));
    });

    it('shows a subject teacher neither guardians nor address', async () => {
      const res = await detail(f.teacherB, full.id);
      expect(res.body.relation).toBe('TEACHES');
      for (const field of ['personalId', 'guardians', 'currentAddress', 'ethnicity', 'religion', 'policyGroups'])
        expect(res.body).not.toHaveProperty(field);
      expect(res.body).toMatchObject({ fullName: 'Đặng Thị Nhạy Cảm', className: '6A' });
    });

    it('shows the accountant the ID, guardians and policy groups, not ethnicity, religion, disability or address', async () => {
      const res = await detail(accountant, full.id);
      expect(res.body).toMatchObject({ personalId: full.personalId, policyGroups: ['POOR_HOUSEHOLD'] });
      expect(res.body.guardians).toHaveLength(1);
      for (const field of ['ethnicity', 'religion', 'disability', 'currentAddress'])
        expect(res.body).not.toHaveProperty(field);
    });

    it('shows the department officer the sensitive fields but not the guardians; the school administrator all', async () => {
      const ofOfficer = await detail(officer, full.id);
      expect(ofOfficer.body).toMatchObject({
        religion: 'Phật giáo',
        disability: 'HEARING',
        personalId: full.personalId,
      });
      expect(ofOfficer.body).not.toHaveProperty('guardians');
      const ofAdmin = await detail(f.school.admin, full.id);
      expect(ofAdmin.body).toMatchObject({ religion: 'Phật giáo', disability: 'HEARING', ethnicity: '01' });
      expect(ofAdmin.body.guardians).toHaveLength(1);
    });

    it('audits each view with the field groups it showed', async () => {
      const before = (await auditOf(full.id, 'VIEW')).length;
      await detail(f.teacherB, full.id);
      await detail(accountant, full.id);
      const rows = (await auditOf(full.id, 'VIEW')).slice(before);
      expect(rows.map((r) => r.after)).toEqual([
        { groups: [] },
        { groups: ['identityNumber', 'guardians', 'policyGroups'] },
      ]);
    });
  });
});
