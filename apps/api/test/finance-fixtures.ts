import { Scope, TenantDb } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { ClsService } from 'nestjs-cls';
import { EntityManager } from 'typeorm';
import { personalId } from './academic-fixtures';
import { TestApp } from './harness';

/**
 * Arranging what the finance specs need as the schema owner: pupils placed in classes over known days, with their
 * policy groups, nationality and guardians. Finance itself reads them only through the people context's PupilRoster.
 */

/** The school year starting in `startYear` (the seed's if it exists, else a new one): fee rules depend on the year. */
export async function schoolYear(t: TestApp, startYear: number): Promise<{ id: string; code: string }> {
  const y = startYear;
  const code = `${y}-${y + 1}`;
  await t.owner.query(
    `insert into school_year (code, starts_on, ends_on, semester1_start, semester1_end, semester2_start, semester2_end, status)
     values ($1, $2, $3, $2, $4, $5, $3, 'OPEN') on conflict (code) do nothing`,
    [code, `${y}-09-05`, `${y + 1}-05-31`, `${y + 1}-01-15`, `${y + 1}-01-19`],
  );
  const [row] = await t.owner.query(`select id from school_year where code = $1`, [code]);
  return { id: row.id, code };
}

export interface PupilSpec {
  fullName: string;
  classId: string;
  from: string;
  to?: string | null;
  policyGroups?: string[];
  nationality?: string;
  status?: string;
  /** Guardians: relation and phone. */
  guardians?: { relation: 'MOTHER' | 'FATHER' | 'GUARDIAN'; phone: string | null }[];
}

/** A pupil of `schoolId` enrolled in `classId` from `from` (to `to`, or still there); answers id and code. */
export async function insertPupil(t: TestApp, schoolId: string, p: PupilSpec): Promise<{ id: string; code: string }> {
  const code = personalId(2013, 'FEMALE');
  const [row] = await t.owner.query(
    `insert into student (school_id, personal_id, full_name, date_of_birth, gender, nationality, policy_groups, status, created_at, updated_at)
     values ($1, $2, $3, '2013-04-12', 'FEMALE', $4, $5, $6, now(), now()) returning id`,
    [schoolId, code, p.fullName, p.nationality ?? 'VN', p.policyGroups ?? [], p.status ?? 'STUDYING'],
  );
  await enrol(t, schoolId, row.id, p.classId, p.from, p.to ?? null);
  for (const g of p.guardians ?? []) {
    await t.owner.query(
      `insert into guardian (school_id, student_id, relation, full_name, phone) values ($1, $2, $3, 'Người Giám Hộ', $4)`,
      [schoolId, row.id, g.relation, g.phone],
    );
  }
  return { id: row.id, code };
}

/** One more enrolment of a pupil (a move to another class, or a return). */
export async function enrol(
  t: TestApp,
  schoolId: string,
  studentId: string,
  classId: string,
  from: string,
  to: string | null = null,
): Promise<void> {
  await t.owner.query(
    `insert into enrolment (school_id, student_id, class_id, school_year_id, from_date, to_date)
     select c.school_id, $2, c.id, c.school_year_id, $4, $5 from class c where c.school_id = $1 and c.id = $3`,
    [schoolId, studentId, classId, from, to],
  );
}

/** Runs `work` in the API's own pool under one school's scope, as a request of that school would. */
export async function inSchool<T>(t: TestApp, schoolId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const scope: Scope = await t.app.get(OrgTreeService).scopeFor(schoolId);
  return t.app.get(ClsService).run(() => t.app.get(TenantDb).runWithScope(scope, work));
}

/** An adopted fee line of the school for the year (A's adoption rules are the fee schedules spec's to test). */
export async function adoptedFee(
  t: TestApp,
  schoolId: string,
  yearId: string,
  fee: { feeKind: string; name: string; billingUnit: string; amount: number; grades?: string[] },
): Promise<string> {
  const [row] = await t.owner.query(
    `insert into finance_fee_schedule (school_id, school_year_id, fee_kind, name, billing_unit, amount, grades, status, adopted_on)
     values ($1, $2, $3, $4, $5, $6, $7, 'ADOPTED', now()) returning id`,
    [schoolId, yearId, fee.feeKind, fee.name, fee.billingUnit, fee.amount, fee.grades ?? []],
  );
  return row.id;
}

/** The province's monthly tuition level and private-school support of a year, level and area. */
export async function tuitionLevel(
  t: TestApp,
  yearId: string,
  level: string,
  area: string,
  monthlyAmount: number,
  privateSupportMonthly = 0,
): Promise<void> {
  await t.owner.query(
    `insert into finance_tuition_level (school_year_id, school_level, area, monthly_amount, private_support_monthly)
     values ($1, $2, $3, $4, $5)
     on conflict (school_year_id, school_level, area)
       do update set monthly_amount = excluded.monthly_amount, private_support_monthly = excluded.private_support_monthly`,
    [yearId, level, area, monthlyAmount, privateSupportMonthly],
  );
}

/** An approved exception of a pupil for a fee kind and year. */
export async function approvedException(
  t: TestApp,
  schoolId: string,
  yearId: string,
  studentId: string,
  feeKind: string,
  percent: number,
): Promise<string> {
  const [row] = await t.owner.query(
    `insert into finance_exception (school_id, school_year_id, student_id, fee_kind, percent, reason, status, decided_at)
     values ($1, $2, $3, $4, $5, 'Hoàn cảnh khó khăn', 'APPROVED', now()) returning id`,
    [schoolId, yearId, studentId, feeKind, percent],
  );
  return row.id;
}

/** Makes a school private (or back), known to the API's org tree at once. */
export async function setOwnership(t: TestApp, schoolId: string, ownership: string, levels?: string[]): Promise<void> {
  await t.owner.query(`update org_unit set ownership = $2, levels = coalesce($3, levels) where id = $1`, [
    schoolId,
    ownership,
    levels ?? null,
  ]);
  t.app.get(OrgTreeService).invalidate();
}
