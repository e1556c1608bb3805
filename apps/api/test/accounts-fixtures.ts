import request from 'supertest';
import { createUser, TestApp } from './harness';
import { personalId } from './academic-fixtures';
import { createReportSchool, createUnit, Unit } from './reports-fixtures';

/**
 * Arranging accounts administration as the schema owner: a unit of its own with two schools, their staff records with
 * the positions and ranks that decide an account's role, and administrators signed in with their second factor.
 */

/** A per-run word of letters only (full names refuse digits), so user names suggested from names are this run's. */
export function runTag(): string {
  let n = (process.pid * 7919 + Date.now()) % 26 ** 5;
  let tag = '';
  for (let i = 0; i < 5; i++, n = Math.floor(n / 26)) tag += String.fromCharCode(97 + (n % 26));
  return `${tag[0].toUpperCase()}${tag.slice(1)}`;
}

export interface StaffSpec {
  fullName: string;
  position?: 'PRINCIPAL' | 'VICE_PRINCIPAL' | 'TEACHER' | 'STAFF';
  rankCode?: string | null;
  status?: 'ACTIVE' | 'LEAVE' | 'RETIRED' | 'TRANSFERRED';
  email?: string | null;
}

/** A staff record of the school; answers its id. */
export async function insertStaffRecord(t: TestApp, schoolId: string, s: StaffSpec): Promise<string> {
  const [row] = await t.owner.query(
    `insert into staff (school_id, personal_id, full_name, date_of_birth, gender, position, contract_type, rank_code,
                        start_date, status, email, subjects, created_at, updated_at)
     values ($1, $2, $3, '1984-02-03', 'FEMALE', $4, 'CIVIL_SERVANT', $5, '2008-09-01', $6, $7, '{}', now(), now())
     returning id`,
    [
      schoolId,
      personalId(1984, 'FEMALE'),
      s.fullName,
      s.position ?? 'TEACHER',
      s.rankCode ?? null,
      s.status ?? 'ACTIVE',
      s.email ?? null,
    ],
  );
  return row.id;
}

/** A fresh account of `role` at the unit, with the administrators' authenticator (as the setup gives admin.so). */
export async function signedInAccount(
  t: TestApp,
  role: string,
  unitCode: string,
): Promise<{ id: string; username: string; token: string }> {
  const username = await createUser(t, role, unitCode);
  await t.owner.query(
    `update app_user set mfa_enabled = true, mfa_secret = (select mfa_secret from app_user where username = 'admin.so')
      where username = $1`,
    [username],
  );
  const [row] = await t.owner.query(`select id from app_user where username = $1`, [username]);
  return { id: row.id, username, token: await t.login(username) };
}

export interface AccountsWorld {
  unit: Unit;
  school: Unit;
  /** A second school of the same unit, with no administrator. */
  unattended: Unit;
  /** A school of another unit: outside the unit officer's and the principal's scope. */
  otherSchool: Unit;
  officer: { id: string; username: string; token: string };
  principal: { id: string; username: string; token: string };
  otherPrincipal: { id: string; username: string; token: string };
}

/** Unit → (school with a principal, school without one); another unit → a school with its principal. */
export async function accountsWorld(t: TestApp): Promise<AccountsWorld> {
  const unit = await createUnit(t);
  const school = await createReportSchool(t, unit);
  const unattended = await createReportSchool(t, unit);
  const otherUnit = await createUnit(t);
  const otherSchool = await createReportSchool(t, otherUnit);
  return {
    unit,
    school,
    unattended,
    otherSchool,
    officer: await signedInAccount(t, 'UNIT_OFFICER', unit.code),
    principal: await signedInAccount(t, 'SCHOOL_ADMIN', school.code),
    otherPrincipal: await signedInAccount(t, 'SCHOOL_ADMIN', otherSchool.code),
  };
}

/** The refresh cookie a sign-in set, to show later that the session was ended. */
export function refreshCookie(res: request.Response): string {
  const cookies = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  const cookie = cookies.find((c) => c.startsWith('emis_rt='));
  if (!cookie) throw new Error('no refresh cookie');
  return cookie.split(';')[0];
}
