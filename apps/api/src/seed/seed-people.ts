import { openEnrolmentSql } from '@emis/api/people';
import { EntityManager } from 'typeorm';
import { bulkInsert } from './bulk-insert';
import { DEMO_UNITS, SeedUnit } from './demo-province.data';
import { PersonalIds } from './names';
import { planClasses } from './school-plan';
import { buildStaff, SeedAssignment, SeedStaff } from './seed-staff';
import { buildClassStudents, SeedGuardian, SeedStudent } from './seed-students';
import { seedGrades } from './seed-grades';
import { SeededRandom } from './seeded-random';

/** The open year 2026-2027 (the demo's today is 25/11/2026) and the closed year before it; Hưng Yên's dates. */
const YEARS = [
  {
    code: '2025-2026',
    dates: ['2025-09-05', '2026-05-31', '2025-09-05', '2026-01-16', '2026-01-19', '2026-05-25'],
    status: 'CLOSED',
  },
  {
    code: '2026-2027',
    dates: ['2026-09-05', '2027-05-31', '2026-09-05', '2027-01-16', '2027-01-19', '2027-05-25'],
    status: 'OPEN',
  },
];
/** Every pupil's enrolment: from the open year's first day (inclusive), no last day (to_date null, still in the class). */
const OPEN_YEAR_START = '2026-09-05';

/** Schools of the former Thái Bình province register births under its code 034; Hưng Yên's is 033. */
const THAI_BINH = new Set(['THPT-CTB', 'THPT-NDC']);
function provinceOf(u: SeedUnit): string {
  return u.parent === 'PGD-TB' || THAI_BINH.has(u.code) ? '034' : '033';
}

interface Rows {
  staff: unknown[][];
  history: unknown[][];
  classes: unknown[][];
  assignments: unknown[][];
  students: unknown[][];
  guardians: unknown[][];
  enrolments: unknown[][];
}

/**
 * The people of the demo province: school years, and for every school its staff, the classes of 2026-2027 with
 * homeroom teachers, semester-I assignments of the core secondary subjects, pupils with guardians and enrolments,
 * November's attendance and semester-I scores and conduct at THCS Như Quỳnh. Deterministic (seeded PRNG); multi-row inserts inside the caller's
 * transaction. Demo users who are staff get their staff record (app_user.staff_id).
 */
export async function seedPeople(em: EntityManager, unitIds: Map<string, string>, now: Date): Promise<void> {
  await em.query(`select set_config('app.all_schools', 'on', true)`);
  const rng = new SeededRandom(20261125);
  const ids = new PersonalIds(rng);
  const openYearId = await insertYears(em, rng, now);
  const rows: Rows = {
    staff: [],
    history: [],
    classes: [],
    assignments: [],
    students: [],
    guardians: [],
    enrolments: [],
  };
  for (const school of DEMO_UNITS.filter((u) => u.kind === 'SCHOOL')) {
    const schoolId = unitIds.get(school.code)!;
    const province = provinceOf(school);
    const classes = planClasses(rng, school);
    const { staff, homerooms, assignments } = buildStaff(rng, ids, school, province, classes);
    addStaff(rows, schoolId, staff, now);
    classes.forEach((c, i) =>
      rows.classes.push([schoolId, c.id, openYearId, c.name, c.grade, homerooms[i], c.room, c.programme, now, now]),
    );
    addAssignments(rows, schoolId, assignments, now);
    for (const c of classes) {
      const { students, guardians } = buildClassStudents(rng, ids, c, province, school.address ?? '');
      addStudents(rows, schoolId, openYearId, students, guardians, rng, now);
    }
  }
  await insertRows(em, rows);
  await linkDemoUsers(em);
  await seedAttendance(em, rng, unitIds.get('THCS-NQ')!, now);
  await seedGrades(em, unitIds.get('THCS-NQ')!, YEARS[1].code, now);
}

async function insertYears(em: EntityManager, rng: SeededRandom, now: Date): Promise<string> {
  const rows = YEARS.map((y) => [rng.uuid(), y.code, ...y.dates, y.status, y.status === 'CLOSED' ? now : null]);
  await bulkInsert(
    em,
    'school_year',
    {
      id: 'uuid',
      code: 'text',
      starts_on: 'date',
      ends_on: 'date',
      semester1_start: 'date',
      semester1_end: 'date',
      semester2_start: 'date',
      semester2_end: 'date',
      status: 'text',
      closed_at: 'timestamptz',
    },
    rows,
  );
  return rows[1][0] as string;
}

function addStaff(rows: Rows, schoolId: string, staff: SeedStaff[], now: Date): void {
  for (const s of staff) {
    rows.staff.push([
      schoolId,
      s.id,
      s.personalId,
      s.fullName,
      s.dateOfBirth,
      s.gender,
      s.ethnicity,
      s.phone,
      s.position,
      s.contractType,
      s.rankCode,
      s.salaryCoefficient,
      s.salaryStep,
      s.qualifications,
      s.subjects,
      s.startDate,
      s.status,
      s.partyMember,
      s.unionMember,
      now,
      now,
    ]);
    for (const h of s.history) rows.history.push([schoolId, s.id, h.kind, h.effectiveOn, h.details, now]);
  }
}

function addAssignments(rows: Rows, schoolId: string, assignments: SeedAssignment[], now: Date): void {
  for (const a of assignments) rows.assignments.push([schoolId, a.classId, a.subjectCode, 1, a.staffId, now]);
}

function addStudents(
  rows: Rows,
  schoolId: string,
  yearId: string,
  students: SeedStudent[],
  guardians: SeedGuardian[],
  rng: SeededRandom,
  now: Date,
): void {
  for (const s of students) {
    rows.students.push([
      schoolId,
      s.id,
      s.personalId,
      s.fullName,
      s.dateOfBirth,
      s.gender,
      s.ethnicity,
      s.religion,
      s.placeOfBirth,
      s.address,
      s.address,
      s.policyGroups,
      s.disability,
      now,
      now,
    ]);
    rows.enrolments.push([schoolId, rng.uuid(), s.id, s.classId, yearId, OPEN_YEAR_START]);
  }
  for (const g of guardians)
    rows.guardians.push([schoolId, g.id, g.studentId, g.relation, g.fullName, g.phone, g.occupation, g.birthYear]);
}

async function insertRows(em: EntityManager, rows: Rows): Promise<void> {
  await bulkInsert(
    em,
    'staff',
    {
      school_id: 'uuid',
      id: 'uuid',
      personal_id: 'text',
      full_name: 'text',
      date_of_birth: 'date',
      gender: 'text',
      ethnicity: 'text',
      phone: 'text',
      position: 'text',
      contract_type: 'text',
      rank_code: 'text',
      salary_coefficient: 'numeric',
      salary_step: 'int',
      qualifications: 'jsonb',
      subjects: 'text[]',
      start_date: 'date',
      status: 'text',
      party_member: 'bool',
      union_member: 'bool',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    rows.staff,
  );
  await bulkInsert(
    em,
    'staff_history',
    {
      school_id: 'uuid',
      staff_id: 'uuid',
      kind: 'text',
      effective_on: 'date',
      details: 'jsonb',
      recorded_at: 'timestamptz',
    },
    rows.history,
  );
  await bulkInsert(
    em,
    'class',
    {
      school_id: 'uuid',
      id: 'uuid',
      school_year_id: 'uuid',
      name: 'text',
      grade: 'text',
      homeroom_staff_id: 'uuid',
      room: 'text',
      programme: 'text',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    rows.classes,
  );
  await bulkInsert(
    em,
    'teaching_assignment',
    {
      school_id: 'uuid',
      class_id: 'uuid',
      subject_code: 'text',
      semester: 'int',
      staff_id: 'uuid',
      assigned_at: 'timestamptz',
    },
    rows.assignments,
  );
  await bulkInsert(
    em,
    'student',
    {
      school_id: 'uuid',
      id: 'uuid',
      personal_id: 'text',
      full_name: 'text',
      date_of_birth: 'date',
      gender: 'text',
      ethnicity: 'text',
      religion: 'text',
      place_of_birth: 'text',
      permanent_address: 'text',
      current_address: 'text',
      policy_groups: 'text[]',
      disability: 'text',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    rows.students,
  );
  await bulkInsert(
    em,
    'guardian',
    {
      school_id: 'uuid',
      id: 'uuid',
      student_id: 'uuid',
      relation: 'text',
      full_name: 'text',
      phone: 'text',
      occupation: 'text',
      birth_year: 'int',
    },
    rows.guardians,
  );
  await bulkInsert(
    em,
    'enrolment',
    { school_id: 'uuid', id: 'uuid', student_id: 'uuid', class_id: 'uuid', school_year_id: 'uuid', from_date: 'date' },
    rows.enrolments,
  );
}

/** The demo principals, teacher and accountant are staff of their school: their account points at their record. */
async function linkDemoUsers(em: EntityManager): Promise<void> {
  await em.query(
    `update app_user u set staff_id = s.id from staff s
      where s.school_id = u.org_unit_id and s.full_name = u.full_name and s.status = 'ACTIVE'
        and u.role in ('SCHOOL_ADMIN', 'TEACHER', 'ACCOUNTANT')`,
  );
}

/** Weekdays of November 2026 up to the demo's today, for every class of one school: mostly present. */
async function seedAttendance(em: EntityManager, rng: SeededRandom, schoolId: string, now: Date): Promise<void> {
  const days: string[] = [];
  for (let d = 2; d <= 24; d++) {
    const day = new Date(Date.UTC(2026, 10, d));
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push(day.toISOString().slice(0, 10));
  }
  const enrolled: { class_id: string; student_id: string }[] = await em.query(
    `select class_id, student_id from enrolment where school_id = $1 and ${openEnrolmentSql('enrolment')} order by class_id, student_id`,
    [schoolId],
  );
  const rows = enrolled.flatMap((e) =>
    days.map((day) => [
      schoolId,
      e.class_id,
      day,
      e.student_id,
      rng.weighted([
        ['PRESENT', 955],
        ['EXCUSED', 20],
        ['UNEXCUSED', 10],
        ['LATE', 15],
      ] as const),
      now,
    ]),
  );
  await bulkInsert(
    em,
    'attendance',
    {
      school_id: 'uuid',
      class_id: 'uuid',
      day: 'date',
      student_id: 'uuid',
      status: 'text',
      recorded_at: 'timestamptz',
    },
    rows,
  );
}
