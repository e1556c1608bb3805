import {
  CellValue,
  classSizeWarning,
  GradeLevel,
  gradebookColumns,
  parsePersonalId,
  semesterSubjectResult,
} from '@emis/domain';
import { DataSource } from 'typeorm';
import { DEMO_UNITS } from '../src/seed/demo-province.data';
import { seedDemoProvince } from '../src/seed/seed-demo';
import { startTestApp, TestApp } from './harness';
import { readTestEnv } from './test-env';
import { migrateDatabase } from '../src/migrations';

/** The demo schools only: other specs add schools, classes and pupils of their own to the same database. */
const DEMO_SCHOOLS = DEMO_UNITS.filter((u) => u.kind === 'SCHOOL').map((u) => u.code);
const SEEDED = `(select id from org_unit where code = any($1))`;
/** Seeded rows carry the seed's one timestamp (also the closing time of 2025-2026): rows other specs add do not. */
const AT_SEED = `(select closed_at from school_year where code = '2025-2026')`;

/** The demo seed's people: what a fresh demo shows, and that it is fast and the same every time. */
describe('demo seed: school years, staff, classes, students', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  const q = (sql: string, params: unknown[] = []) => t.owner.query(sql, params);

  it('has 2025-2026 closed and 2026-2027 open with Hưng Yên dates', async () => {
    const years = await q(
      `select code, status, starts_on::text, ends_on::text, semester1_end::text, semester2_start::text from school_year where code in ('2025-2026', '2026-2027') order by code`,
    );
    expect(years).toEqual([
      {
        code: '2025-2026',
        status: 'CLOSED',
        starts_on: '2025-09-05',
        ends_on: '2026-05-31',
        semester1_end: '2026-01-16',
        semester2_start: '2026-01-19',
      },
      {
        code: '2026-2027',
        status: 'OPEN',
        starts_on: '2026-09-05',
        ends_on: '2027-05-31',
        semester1_end: '2027-01-16',
        semester2_start: '2027-01-19',
      },
    ]);
  });

  it('staffs every school with 15–60 people (the 24-class multi-level school needs most) led by its principal, and gives every class of the open year 2–3 per grade and a homeroom teacher', async () => {
    const schools = await q(
      `
      select o.code, (select count(*)::int from staff s where s.school_id = o.id and s.created_at = ${AT_SEED}) as staff,
             (select count(*)::int from staff s where s.school_id = o.id and s.position = 'PRINCIPAL' and s.full_name = p.principal_name) as principals,
             (select count(*)::int from class c where c.school_id = o.id and c.created_at = ${AT_SEED}) as classes,
             (select count(*)::int from class c where c.school_id = o.id and c.created_at = ${AT_SEED} and c.homeroom_staff_id is null) as without_homeroom,
             (select count(*)::int from class c join staff s on s.school_id = c.school_id and s.id = c.homeroom_staff_id
               where c.school_id = o.id and c.created_at = ${AT_SEED} and s.status = 'ACTIVE' and s.position = 'TEACHER') as with_teacher
        from org_unit o join school_profile p on p.school_id = o.id where o.code = any($1)`,
      [DEMO_SCHOOLS],
    );
    expect(schools).toHaveLength(30);
    for (const s of schools) {
      expect({
        code: s.code,
        ok:
          s.staff >= 15 &&
          s.staff <= 60 &&
          s.principals === 1 &&
          s.classes > 0 &&
          s.without_homeroom === 0 &&
          s.with_teacher === s.classes,
      }).toEqual({ code: s.code, ok: true });
    }
    const perGrade = await q(
      `select count(*)::int as n from class where school_id in ${SEEDED} and created_at = ${AT_SEED} group by school_id, grade`,
      [DEMO_SCHOOLS],
    );
    expect(perGrade.every((r: { n: number }) => r.n >= 2 && r.n <= 3)).toBe(true);
  });

  it('makes the demo teacher the homeroom teacher of THCS Như Quỳnh 6A, the first class of the open year, and links the demo principals', async () => {
    const [first] = await q(
      `select c.name, c.homeroom_staff_id from class c join org_unit o on o.id = c.school_id join school_year y on y.id = c.school_year_id where o.code = 'THCS-NQ' and y.status = 'OPEN' order by c.name limit 1`,
    );
    expect(first.name).toBe('6A');
    const users = await q(
      `select u.username, s.full_name, s.position, o.code from app_user u join staff s on s.id = u.staff_id and s.school_id = u.org_unit_id join org_unit o on o.id = u.org_unit_id where u.username in ('giaovien.nhuquynh', 'hieutruong.nhuquynh', 'hieutruong.lachong') order by u.username`,
    );
    expect(users).toEqual([
      { username: 'giaovien.nhuquynh', full_name: 'Vũ Minh Tuấn', position: 'TEACHER', code: 'THCS-NQ' },
      { username: 'hieutruong.lachong', full_name: 'Đỗ Văn Quân', position: 'PRINCIPAL', code: 'THCS-LH' },
      { username: 'hieutruong.nhuquynh', full_name: 'Phạm Thị Hương', position: 'PRINCIPAL', code: 'THCS-NQ' },
    ]);
    const [teacher] = await q(`select staff_id from app_user where username = 'giaovien.nhuquynh'`);
    expect(first.homeroom_staff_id).toBe(teacher.staff_id);
    const taught = await q(
      `select subject_code from teaching_assignment a join class c on c.school_id = a.school_id and c.id = a.class_id where c.name = '6A' and a.staff_id = $1`,
      [teacher.staff_id],
    );
    expect(taught).toEqual([{ subject_code: 'TOAN' }]);
  });

  it('enrols 15–48 pupils per class, of the right age, with valid personal ids unique in the province, and guardians with phones', async () => {
    const students = await q(
      `
      select s.personal_id, s.date_of_birth::text as dob, s.gender, c.grade, g.n as guardians, g.phones
        from student s join enrolment e on e.school_id = s.school_id and e.student_id = s.id and e.to_date is null
        join class c on c.school_id = e.school_id and c.id = e.class_id
        cross join lateral (select count(*)::int as n, count(phone)::int as phones from guardian g where g.school_id = s.school_id and g.student_id = s.id) g
       where s.school_id in ${SEEDED} and s.created_at = ${AT_SEED}`,
      [DEMO_SCHOOLS],
    );
    expect(students.length).toBeGreaterThan(8000);
    expect(new Set(students.map((s: { personal_id: string }) => s.personal_id)).size).toBe(students.length);
    const expectedYear = (grade: GradeLevel) =>
      ({ NT: 2024, MG3: 2023, MG4: 2022, MG5: 2021 })[grade as 'NT'] ?? 2021 - Number(grade);
    const wrong = students.filter(
      (s: {
        personal_id: string;
        dob: string;
        gender: string;
        grade: GradeLevel;
        guardians: number;
        phones: number;
      }) => {
        const parsed = parsePersonalId(s.personal_id);
        const year = Number(s.dob.slice(0, 4));
        return (
          !parsed.ok ||
          parsed.info.birthYear !== year ||
          parsed.info.gender !== s.gender ||
          year - expectedYear(s.grade) > 0 ||
          expectedYear(s.grade) - year > 1 ||
          s.guardians < 1 ||
          s.guardians > 2 ||
          s.phones !== s.guardians
        );
      },
    );
    expect(wrong).toEqual([]);
    const sizes = await q(
      `select c.grade, count(*)::int as n from class c join enrolment e on e.school_id = c.school_id and e.class_id = c.id where c.school_id in ${SEEDED} and c.created_at = ${AT_SEED} group by c.school_id, c.id`,
      [DEMO_SCHOOLS],
    );
    expect(sizes.every((r: { n: number }) => r.n >= 15 && r.n <= 48)).toBe(true);
    const [{ minorities, policy }] = await q(
      `select count(*) filter (where ethnicity <> '01')::int as minorities, count(*) filter (where policy_groups <> '{}')::int as policy from student where school_id in ${SEEDED} and created_at = ${AT_SEED}`,
      [DEMO_SCHOOLS],
    );
    expect(minorities).toBeGreaterThan(50);
    expect(policy).toBeGreaterThan(200);
  });

  it('puts exactly one class of each secondary school over the charter ceiling, and none elsewhere', async () => {
    const classes: { code: string; levels: string[]; grade: GradeLevel; n: number }[] = await q(
      `
      select o.code, o.levels, c.grade, count(e.id)::int as n from org_unit o
        join class c on c.school_id = o.id join enrolment e on e.school_id = c.school_id and e.class_id = c.id
       where o.code = any($1) and c.created_at = ${AT_SEED} group by o.code, o.levels, c.school_id, c.id, c.grade`,
      [DEMO_SCHOOLS],
    );
    const overBySchool = new Map<string, number>();
    for (const c of classes)
      overBySchool.set(c.code, (overBySchool.get(c.code) ?? 0) + (classSizeWarning(c.grade, c.n) ? 1 : 0));
    const secondary = new Set(
      classes.filter((c) => c.levels.some((l) => l !== 'PRESCHOOL' && l !== 'PRIMARY')).map((c) => c.code),
    );
    for (const [code, over] of overBySchool)
      expect({ code, over }).toEqual({ code, over: secondary.has(code) ? 1 : 0 });
    expect(secondary.size).toBe(17);
  });

  // How long seeding takes is reported by `npm start` (and measured by the benchmarks), never asserted in a test.
  it('gives THCS Như Quỳnh semester-I scores for every class but 6A, each stored average equal to the domain rule', async () => {
    const rows: {
      name: string;
      grade: GradeLevel;
      subject_code: string;
      assessment: 'SCORE' | 'COMMENT';
      periods_per_year: number;
      cells: Record<string, CellValue>;
      average: string | null;
      rating: string | null;
    }[] = await q(
      `select c.name, c.grade, g.subject_code, g.assessment, g.periods_per_year, e.cells, e.average::text, e.rating
         from grade_entry e join gradebook g on g.school_id = e.school_id and g.id = e.gradebook_id
         join class c on c.school_id = g.school_id and c.id = g.class_id
        where e.school_id = (select id from org_unit where code = 'THCS-NQ') and g.semester = 1`,
    );
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows.some((r) => r.name === '6A')).toBe(false);
    for (const r of rows) {
      const subject = { code: r.subject_code, assessment: r.assessment, periodsPerYear: r.periods_per_year };
      const columns = gradebookColumns('C22', subject, r.grade, 1, '2026-2027');
      expect(columns.filter((c) => c.required).every((c) => r.cells[c.key] !== undefined)).toBe(true);
      const result = semesterSubjectResult('C22', subject, r.grade, 1, r.cells, '2026-2027');
      expect([r.average === null ? null : Number(r.average), r.rating]).toEqual([result.average, result.rating]);
    }
  });

  it('seeds a fresh database with the same people as the first time', async () => {
    const url = new URL(readTestEnv().ownerUrl);
    const name = `emis_seed_${process.pid}`;
    await q(`create database ${name}`);
    url.pathname = `/${name}`;
    await migrateDatabase(url.toString());
    expect(await seedDemoProvince(url.toString())).toBe(true);
    const fresh = new DataSource({ type: 'postgres', url: url.toString() });
    await fresh.initialize();
    try {
      const digest = `select md5(string_agg(personal_id || full_name, ',' order by personal_id)) as h from student where school_id in ${SEEDED} and created_at = ${AT_SEED}`;
      expect((await fresh.query(digest, [DEMO_SCHOOLS]))[0].h).toBe((await q(digest, [DEMO_SCHOOLS]))[0].h);
    } finally {
      await fresh.destroy();
      await q(`drop database ${name}`);
    }
  });
});
