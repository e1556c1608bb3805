import { bearer, startTestApp, TestApp } from './harness';
import { createClass, openYearId, personalId, schoolWithAdmin, SchoolFixture } from './academic-fixtures';
import { createStudent } from './students-fixtures';

/**
 * Names and searches the Vietnamese way (docs/conventions.md): a name typed in lower case is stored capitalised, and
 * the student and staff lists find a person whatever the order of the words typed and their spacing.
 */
describe('names and searches', () => {
  let t: TestApp;
  let school: SchoolFixture;
  const staffBody = (fullName: string) => ({
    personalId: personalId(1986, 'FEMALE'),
    fullName,
    dateOfBirth: '1986-07-21',
    gender: 'FEMALE',
    ethnicity: '01',
    phone: '0912 345 678',
    position: 'TEACHER',
    contractType: 'CIVIL_SERVANT',
    rankCode: 'V.07.04.32',
    salaryCoefficient: 3.33,
    salaryStep: 4,
    qualifications: [],
    subjects: ['TOAN'],
    startDate: '2009-09-01',
  });
  const names = (res: { body: { items: { fullName: string }[] } }) => res.body.items.map((i) => i.fullName);

  beforeAll(async () => {
    t = await startTestApp();
    school = await schoolWithAdmin(t);
  });
  afterAll(() => t.close());

  it('stores a student typed in lower case with each word capitalised, guardians too', async () => {
    const id = await createStudent(t, school.admin, school.id, 'nguyễn  thùy anh', {
      guardians: [{ relation: 'MOTHER', fullName: 'trần thị HOA', phone: '0912 345 678', birthYear: 1984 }],
    });
    const rows = await t.owner.query(`select full_name from student where id = $1`, [id]);
    expect(rows[0].full_name).toBe('Nguyễn Thùy Anh');
    const guardians = await t.owner.query(`select full_name from guardian where student_id = $1`, [id]);
    expect(guardians.map((g: { full_name: string }) => g.full_name)).toEqual(['Trần Thị Hoa']);
  });

  it('finds a student whatever the order of the words and the spaces between them', async () => {
    await createStudent(t, school.admin, school.id, 'Nguyễn Văn Thùy');
    const list = (q: string) =>
      t.http().get(`/api/schools/${school.id}/students`).query({ q }).set(bearer(school.admin));
    expect(names(await list('thuy anh nguyen'))).toEqual(['Nguyễn Thùy Anh']);
    expect(names(await list('  anh   thùy '))).toEqual(['Nguyễn Thùy Anh']);
    expect(names(await list('nguyen thuy'))).toEqual(['Nguyễn Thùy Anh', 'Nguyễn Văn Thùy']);
    expect(names(await list('thuy linh'))).toEqual([]);
  });

  it('stores a staff member typed in capitals with Vietnamese capitalisation and finds them by words in any order', async () => {
    const created = await t
      .http()
      .post(`/api/schools/${school.id}/staff`)
      .set(bearer(school.admin))
      .send(staffBody('PHẠM  MAI HƯƠNG'));
    expect(created.status).toBe(201);
    expect(created.body.fullName).toBe('Phạm Mai Hương');
    const list = (q: string) => t.http().get(`/api/schools/${school.id}/staff`).query({ q }).set(bearer(school.admin));
    expect(names(await list('huong  pham'))).toEqual(['Phạm Mai Hương']);
    expect(names(await list('hương mai phạm'))).toEqual(['Phạm Mai Hương']);
  });

  it('lists classes in natural order: numbers inside a name compare as numbers', async () => {
    const yearId = await openYearId(t);
    for (const name of ['7B', '6A10', '6B', '7A', '6A2', '6A1']) {
      await createClass(t, school, { schoolYearId: yearId, name, grade: name.charAt(0) });
    }
    const res = await t
      .http()
      .get(`/api/schools/${school.id}/classes`)
      .query({ yearId, pageSize: 50 })
      .set(bearer(school.admin));
    expect(res.body.items.map((c: { name: string }) => c.name)).toEqual(['6A1', '6A2', '6A10', '6B', '7A', '7B']);
  });
});
