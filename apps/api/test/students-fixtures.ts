import { bearer, TestApp } from './harness';

/**
 * Arranging what the students specs need: a school year of their own (a code no seed uses, so specs running in
 * parallel and the demo seed never clash) and classes in it, inserted as the owner because the academic context's
 * endpoints are built alongside.
 */
export async function createYear(
  t: TestApp,
  startYear: number,
  status: 'OPEN' | 'CLOSED' = 'OPEN',
): Promise<{ id: string; code: string; startsOn: string; endsOn: string }> {
  const y = startYear;
  const code = `${y}-${y + 1}`;
  const [row] = await t.owner.query(
    `insert into school_year (code, starts_on, ends_on, semester1_start, semester1_end, semester2_start, semester2_end, status)
     values ($1, $2, $3, $2, $4, $5, $6, $7) returning id`,
    [code, `${y}-09-01`, `${y + 1}-05-31`, `${y + 1}-01-15`, `${y + 1}-01-20`, `${y + 1}-05-25`, status],
  );
  return { id: row.id, code, startsOn: `${y}-09-01`, endsOn: `${y + 1}-05-31` };
}

export async function createClass(
  t: TestApp,
  schoolId: string,
  yearId: string,
  name: string,
  grade: string,
): Promise<string> {
  const [row] = await t.owner.query(
    `insert into class (school_id, school_year_id, name, grade, created_at, updated_at) values ($1, $2, $3, $4, now(), now()) returning id`,
    [schoolId, yearId, name, grade],
  );
  return row.id;
}

let serial = Math.floor(Math.random() * 400000);
/**
 * A personal ID that agrees with the birth year and gender (Circular 59/2021/TT-BCA Art. 7): province 034,
 * century-gender digit 2 (male) or 3 (female) for births in 2000–2099, two digits of the year, a serial.
 */
export function personalIdFor(birthYear: number, gender: 'MALE' | 'FEMALE'): string {
  serial += 1 + Math.floor(Math.random() * 7);
  return `034${gender === 'MALE' ? 2 : 3}${String(birthYear % 100).padStart(2, '0')}${String(serial % 1000000).padStart(6, '0')}`;
}

export function studentBody(fullName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const gender = (extra['gender'] as 'MALE' | 'FEMALE' | undefined) ?? 'FEMALE';
  return {
    personalId: personalIdFor(2013, gender),
    fullName,
    dateOfBirth: '2013-04-12',
    gender,
    ethnicity: '01',
    guardians: [
      { relation: 'MOTHER', fullName: 'Lê Thị Hoa', phone: '0912 345 678', occupation: 'Nông dân', birthYear: 1984 },
    ],
    ...extra,
  };
}

/** Creates a student through the API and answers its id. */
export async function createStudent(
  t: TestApp,
  token: string,
  schoolId: string,
  fullName: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await t
    .http()
    .post(`/api/schools/${schoolId}/students`)
    .set(bearer(token))
    .send(studentBody(fullName, extra));
  if (res.status !== 201) throw new Error(`create ${fullName}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}
