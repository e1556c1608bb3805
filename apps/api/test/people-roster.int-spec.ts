import { PupilRoster } from '@emis/api/people';
import { insertStaff } from './academic-fixtures';
import { createSchool, createUser, startTestApp, TestApp } from './harness';
import { enrol, inSchool, insertPupil, schoolYear } from './finance-fixtures';
import { createClass } from './students-fixtures';

/**
 * The people context's port for finance (PupilRoster): who is enrolled during a fee period and in which class, names
 * for receipts, the search of payment entry, a teacher's homeroom classes — under the caller's scope only.
 */
describe('PupilRoster', () => {
  let t: TestApp;
  let roster: PupilRoster;
  let school: string;
  let other: string;
  let c6A: string;
  let c6B: string;
  const ids: Record<string, string> = {};
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    roster = t.app.get(PupilRoster);
    school = (await createSchool(t, 'PGD-KC')).id;
    other = (await createSchool(t, 'PGD-KC')).id;
    const year = await schoolYear(t, 2049);
    c6A = await createClass(t, school, year.id, '6A', '6');
    c6B = await createClass(t, school, year.id, '6B', '6');
    const foreignClass = await createClass(t, other, year.id, '6A', '6');
    const add = async (key: string, spec: Parameters<typeof insertPupil>[2], at = school) => {
      const p = await insertPupil(t, at, spec);
      ids[key] = p.id;
      codes[key] = p.code;
    };
    await add('an', {
      fullName: 'Nguyễn Văn An',
      classId: c6A,
      from: '2049-09-05',
      policyGroups: ['POOR_HOUSEHOLD'],
      guardians: [
        { relation: 'FATHER', phone: '0912000001' },
        { relation: 'MOTHER', phone: '0912000002' },
      ],
    });
    // Moved from 6A to 6B on 1 October: once, in 6B.
    await add('binh', { fullName: 'Trần Thị Bình', classId: c6A, from: '2049-09-05', to: '2049-09-30' });
    await enrol(t, school, ids['binh'], c6B, '2049-10-01');
    // Left before the range, and came after it: not enrolled during it.
    await add('chi', {
      fullName: 'Lê Thị Chi',
      classId: c6A,
      from: '2049-09-05',
      to: '2049-09-10',
      status: 'DROPPED_OUT',
    });
    await add('dung', { fullName: 'Phạm Văn Dũng', classId: c6B, from: '2050-02-01' });
    // A foreign pupil, guardian without a phone.
    await add('eli', {
      fullName: 'Eli Kim',
      classId: c6B,
      from: '2049-09-05',
      nationality: 'KR',
      guardians: [{ relation: 'GUARDIAN', phone: null }],
    });
    await add('foreign', { fullName: 'Nguyễn Văn Ân', classId: foreignClass, from: '2049-09-05' }, other);
  });
  afterAll(() => t.close());

  it('lists the pupils enrolled on some day of the range, each once, in the class of their latest enrolment', async () => {
    const pupils = await inSchool(t, school, (em) => roster.enrolled(em, school, '2049-09-15', '2050-01-15'));
    expect(pupils.map((p) => [p.fullName, p.className])).toEqual([
      ['Nguyễn Văn An', '6A'],
      ['Trần Thị Bình', '6B'],
      ['Eli Kim', '6B'],
    ]);
    expect(pupils[0]).toEqual({
      studentId: ids['an'],
      code: codes['an'],
      fullName: 'Nguyễn Văn An',
      classId: c6A,
      className: '6A',
      grade: '6',
      nationality: 'VN',
      policyGroups: ['POOR_HOUSEHOLD'],
      enrolledFrom: '2049-09-05',
      enrolledTo: null,
      guardianPhone: '0912000002',
    });
    expect(pupils[2]).toMatchObject({ nationality: 'KR', guardianPhone: null, enrolledFrom: '2049-09-05' });
  });

  it('counts a pupil enrolled only on the first or the last day of the range', async () => {
    const first = await inSchool(t, school, (em) => roster.enrolled(em, school, '2049-09-10', '2049-09-10'));
    expect(first.map((p) => p.fullName)).toContain('Lê Thị Chi');
    const last = await inSchool(t, school, (em) => roster.enrolled(em, school, '2050-01-20', '2050-02-01'));
    expect(last.map((p) => p.fullName)).toContain('Phạm Văn Dũng');
  });

  it("answers nothing of a school outside the caller's scope, even when named", async () => {
    const pupils = await inSchool(t, other, (em) => roster.enrolled(em, school, '2049-09-05', '2050-05-31'));
    expect(pupils).toEqual([]);
    const named = await inSchool(t, other, (em) => roster.byIds(em, school, [ids['an']]));
    expect(named.size).toBe(0);
  });

  it('names pupils of any status with their latest class; ids of other schools are absent', async () => {
    const named = await inSchool(t, school, (em) =>
      roster.byIds(em, school, [ids['chi'], ids['binh'], ids['foreign']]),
    );
    expect([...named.keys()].sort()).toEqual([ids['chi'], ids['binh']].sort());
    expect(named.get(ids['chi'])).toMatchObject({ fullName: 'Lê Thị Chi', className: '6A', enrolledTo: '2049-09-10' });
    expect(named.get(ids['binh'])).toMatchObject({ code: codes['binh'], className: '6B', enrolledTo: null });
  });

  it('searches by name with accents ignored, or by a part of the code', async () => {
    const byName = await inSchool(t, school, (em) => roster.search(em, school, 'nguyen van an', 10));
    expect(byName.map((p) => p.studentId)).toEqual([ids['an']]);
    const byCode = await inSchool(t, school, (em) => roster.search(em, school, codes['eli'].slice(4), 10));
    expect(byCode.map((p) => p.fullName)).toEqual(['Eli Kim']);
    expect(await inSchool(t, school, (em) => roster.search(em, school, '  ', 10))).toEqual([]);
    expect(await inSchool(t, school, (em) => roster.search(em, school, '%', 10))).toEqual([]);
  });

  it('names classes by id, only those of the school', async () => {
    const classes = await inSchool(t, school, (em) => roster.classes(em, school, [c6A, c6B, c6A]));
    expect([...classes.values()].map((c) => [c.name, c.grade]).sort()).toEqual([
      ['6A', '6'],
      ['6B', '6'],
    ]);
  });

  it('answers the classes a user is homeroom teacher of, and none for a user without a staff record', async () => {
    const staffId = await insertStaff(t, school, 'Đỗ Thị Chủ Nhiệm');
    await t.owner.query(`update class set homeroom_staff_id = $3 where school_id = $1 and id = $2`, [
      school,
      c6B,
      staffId,
    ]);
    const username = await createUser(t, 'TEACHER', 'PGD-VL');
    await t.owner.query(`update app_user set staff_id = $2 where username = $1`, [username, staffId]);
    const [user] = await t.owner.query(`select id from app_user where username = $1`, [username]);
    expect(await inSchool(t, school, (em) => roster.homeroomClassIds(em, school, user.id))).toEqual([c6B]);
    const [admin] = await t.owner.query(`select id from app_user where username = 'hieutruong.nhuquynh'`);
    expect(await inSchool(t, school, (em) => roster.homeroomClassIds(em, school, admin.id))).toEqual([]);
  });
});
