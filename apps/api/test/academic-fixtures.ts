import { bearer, createSchool, createUser, TestApp } from './harness';

/**
 * Arranging what the academic and staff specs need, as the schema owner: a fresh lower-secondary school with its
 * own administrator and teachers (so specs running in parallel never share rows), staff records and enrolled pupils.
 */
export interface SchoolFixture {
  id: string;
  code: string;
  admin: string;
}

let serial = 0;

/** A fresh school under `parent` with a signed-in school administrator (the seeded administrators' authenticator). */
export async function schoolWithAdmin(t: TestApp, parent = 'PGD-KC'): Promise<SchoolFixture> {
  const school = await createSchool(t, parent);
  const username = await createUser(t, 'SCHOOL_ADMIN', school.code);
  await t.owner.query(
    `update app_user set mfa_enabled = true, mfa_secret = (select mfa_secret from app_user where username = 'admin.so') where username = $1`,
    [username],
  );
  return { ...school, admin: await t.login(username) };
}

/** A teacher account of the school, optionally linked to a staff record (app_user.staff_id). */
export async function teacherLogin(t: TestApp, schoolCode: string, staffId: string | null): Promise<string> {
  const username = await createUser(t, 'TEACHER', schoolCode);
  await t.owner.query(`update app_user set staff_id = $2 where username = $1`, [username, staffId]);
  return t.login(username);
}

/** A 12-digit personal id agreeing with birth year and gender (province 033, random-enough serial per process). */
export function personalId(birthYear: number, gender: 'MALE' | 'FEMALE'): string {
  serial += 1;
  const centuryGender = (Math.floor(birthYear / 100) - 19) * 2 + (gender === 'FEMALE' ? 1 : 0);
  const tail = String(((process.pid % 900) * 1000 + serial) % 1_000_000).padStart(6, '0');
  return `033${centuryGender}${String(birthYear % 100).padStart(2, '0')}${tail}`;
}

export async function insertStaff(
  t: TestApp,
  schoolId: string,
  fullName: string,
  status = 'ACTIVE',
  subjects: string[] = [],
): Promise<string> {
  const [row] = await t.owner.query(
    `insert into staff (school_id, personal_id, full_name, date_of_birth, gender, position, contract_type, start_date, status, subjects, created_at, updated_at)
     values ($1, $2, $3, '1985-03-04', 'FEMALE', 'TEACHER', 'CIVIL_SERVANT', '2008-09-01', $4, $5, now(), now()) returning id`,
    [schoolId, personalId(1985, 'FEMALE'), fullName, status, subjects],
  );
  return row.id;
}

/** Pupils enrolled in a class from `fromDate`, in the order given; answers their ids. */
export async function enrolStudents(
  t: TestApp,
  schoolId: string,
  classId: string,
  names: string[],
  fromDate = '2026-09-05',
): Promise<string[]> {
  const [{ yearId }] = await t.owner.query(
    `select school_year_id as "yearId" from class where school_id = $1 and id = $2`,
    [schoolId, classId],
  );
  const ids: string[] = [];
  for (const name of names) {
    const [row] = await t.owner.query(
      `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
       values ($1, $2, $3, '2015-05-06', 'MALE', now(), now()) returning id`,
      [schoolId, personalId(2015, 'MALE'), name],
    );
    await t.owner.query(
      `insert into enrolment (school_id, student_id, class_id, school_year_id, from_date) values ($1, $2, $3, $4, $5)`,
      [schoolId, row.id, classId, yearId, fromDate],
    );
    ids.push(row.id);
  }
  return ids;
}

export async function openYearId(t: TestApp): Promise<string> {
  return (await t.owner.query(`select id from school_year where code = '2026-2027'`))[0].id;
}

/** Creates a class through the API as the school's administrator. */
export async function createClass(
  t: TestApp,
  school: SchoolFixture,
  body: Record<string, unknown>,
): Promise<{ id: string; version: number }> {
  const res = await t.http().post(`/api/schools/${school.id}/classes`).set(bearer(school.admin)).send(body);
  if (res.status !== 201) throw new Error(`create class: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * The audit rows of what was done to `entity` in the school, in order. Reads (action READ, one per sheet or list
 * opened) are left out: the specs about audited reads query them themselves (read-audit.int-spec.ts).
 */
export async function auditRows(
  t: TestApp,
  schoolId: string,
  entity: string,
): Promise<{ action: string; entity_id: string; before: unknown; after: unknown }[]> {
  return t.owner.query(
    `select action, entity_id, before, after from audit_log
      where school_id = $1 and entity = $2 and action <> 'READ' order by seq`,
    [schoolId, entity],
  );
}
