import { createSchool, createUser, TestApp } from './harness';
import { insertPupil, schoolYear } from './finance-fixtures';
import { XLSX_TYPE } from './imports-fixtures';
import { createClass } from './students-fixtures';
import { bearer } from './harness';

/**
 * Arranging what the payment specs need, as the schema owner: a school with its accountant, pupils in a class, a fee
 * period and fee schedules, and charges — what the generation of charges writes, inserted directly so the payment
 * specs depend on the ledger's shape only.
 */
export interface PaymentsSchool {
  id: string;
  code: string;
  /** The accountant's access token (finance.manage). */
  token: string;
  yearId: string;
  classId: string;
}

export async function paymentsSchool(t: TestApp, startYear = 2025): Promise<PaymentsSchool> {
  const school = await createSchool(t, 'PGD-KC');
  const token = await t.login(await createUser(t, 'ACCOUNTANT', school.code));
  const year = await schoolYear(t, startYear);
  const classId = await createClass(t, school.id, year.id, '6A', '6');
  return { ...school, token, yearId: year.id, classId };
}

/** Pupils enrolled in the school's class from the start of the year; answers id and code, in order. */
export async function pupils(
  t: TestApp,
  s: PaymentsSchool,
  names: string[],
): Promise<{ id: string; code: string; fullName: string }[]> {
  const out: { id: string; code: string; fullName: string }[] = [];
  for (const fullName of names) {
    const p = await insertPupil(t, s.id, { fullName, classId: s.classId, from: '2025-09-05' });
    out.push({ ...p, fullName });
  }
  return out;
}

export async function feePeriod(
  t: TestApp,
  s: PaymentsSchool,
  code: string,
  startsOn: string,
  endsOn: string,
  months: number,
): Promise<string> {
  const [row] = await t.owner.query(
    `insert into finance_period (school_id, school_year_id, code, name, starts_on, ends_on, months)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [s.id, s.yearId, code, `Kỳ ${code}`, startsOn, endsOn, months],
  );
  return row.id;
}

export async function feeSchedule(
  t: TestApp,
  s: PaymentsSchool,
  feeKind: string,
  name: string,
  amount: number,
): Promise<string> {
  const [row] = await t.owner.query(
    `insert into finance_fee_schedule (school_id, school_year_id, fee_kind, name, billing_unit, amount, status)
     values ($1, $2, $3, $4, 'MONTH', $5, 'ADOPTED') returning id`,
    [s.id, s.yearId, feeKind, name, amount],
  );
  return row.id;
}

/** What a pupil owes for a schedule in a period (no relief): answers the charge's id. */
export async function charge(
  t: TestApp,
  s: PaymentsSchool,
  studentId: string,
  periodId: string,
  feeScheduleId: string,
  due: number,
): Promise<string> {
  const [row] = await t.owner.query(
    `insert into finance_charge (school_id, period_id, student_id, class_id, fee_schedule_id, fee_kind, list_amount, due_amount)
     select $1, $2, $3, $4, s.id, s.fee_kind, $6, $6 from finance_fee_schedule s where s.school_id = $1 and s.id = $5
     returning id`,
    [s.id, periodId, studentId, s.classId, feeScheduleId, due],
  );
  return row.id;
}

/** A waiver entered after the family paid: the charge then holds more than it owes (a credit). */
export async function waive(t: TestApp, s: PaymentsSchool, chargeId: string, amount: number): Promise<void> {
  await t.owner.query(
    `insert into finance_charge_adjustment (school_id, charge_id, kind, amount, reason, entered_on)
     values ($1, $2, 'WAIVER', $3, 'Miễn giảm bổ sung', '2025-10-01')`,
    [s.id, chargeId, -amount],
  );
}

/** What is left on a charge, read from the ledger as the owner: due + adjustments − allocations. */
export async function outstanding(t: TestApp, s: PaymentsSchool, chargeId: string): Promise<number> {
  const [row] = await t.owner.query(
    `select c.due_amount
            + coalesce((select sum(amount) from finance_charge_adjustment a where a.school_id = c.school_id and a.charge_id = c.id), 0)
            - coalesce((select sum(amount) from finance_allocation l where l.school_id = c.school_id and l.charge_id = c.id), 0)
            as outstanding
       from finance_charge c where c.school_id = $1 and c.id = $2`,
    [s.id, chargeId],
  );
  return Number(row.outstanding);
}

export function pay(t: TestApp, s: PaymentsSchool, body: Record<string, unknown>) {
  return t.http().post(`/api/schools/${s.id}/payments`).set(bearer(s.token)).send(body);
}

export function uploadPaymentList(t: TestApp, s: PaymentsSchool, file: Buffer) {
  return t
    .http()
    .post(`/api/schools/${s.id}/imports/payments`)
    .set(bearer(s.token))
    .attach('file', file, { filename: 'danh-sach-thu.xlsx', contentType: XLSX_TYPE });
}
