import { SchoolLevel, SchoolOwnership } from '@emis/domain';
import { schoolWithAdmin, SchoolFixture } from './academic-fixtures';
import { bearer, createUser, TestApp } from './harness';
import { Unit } from './reports-fixtures';

/**
 * Arranging what the finance rules and schedules specs need, as the schema owner: school years of their own (codes
 * 2131-… and 1931-…, which no seed and no other spec uses, so the province's tables of a year are the spec's alone),
 * and fresh schools of a given ownership, levels and area with their administrator and accountant.
 */
export interface FinanceSchool extends SchoolFixture {
  accountant: string;
}

export async function financeYear(
  t: TestApp,
  startYear: number,
  status: 'PLANNED' | 'OPEN' | 'CLOSED' = 'OPEN',
): Promise<{ id: string; code: string }> {
  const y = startYear;
  const code = `${y}-${y + 1}`;
  const [row] = await t.owner.query(
    `insert into school_year (code, starts_on, ends_on, semester1_start, semester1_end, semester2_start, semester2_end, status)
     values ($1, $2, $3, $2, $4, $5, $6, $7) returning id`,
    [code, `${y}-09-05`, `${y + 1}-05-31`, `${y + 1}-01-15`, `${y + 1}-01-20`, `${y + 1}-05-25`, status],
  );
  return { id: row.id, code };
}

/** A fresh school under `parent` (a unit of the spec's own, or a seeded one), as `profile` says. */
export async function financeSchool(
  t: TestApp,
  parent: Unit | string,
  profile: { ownership?: SchoolOwnership; levels?: SchoolLevel[] } = {},
): Promise<FinanceSchool> {
  const school = await schoolWithAdmin(t, typeof parent === 'string' ? parent : parent.code);
  await t.owner.query(`update org_unit set ownership = $2, levels = $3 where id = $1`, [
    school.id,
    profile.ownership ?? 'PUBLIC',
    profile.levels ?? ['LOWER_SECONDARY'],
  ]);
  const accountant = await t.login(await createUser(t, 'ACCOUNTANT', school.code));
  return { ...school, accountant };
}

/** Sets a year's tuition table through the API as the department. */
export async function setTuitionLevels(
  t: TestApp,
  dept: string,
  schoolYearId: string,
  levels: { schoolLevel: SchoolLevel; area: string; monthlyAmount: number; privateSupportMonthly?: number }[],
): Promise<void> {
  const res = await t
    .http()
    .put('/api/finance-config/tuition-levels')
    .set(bearer(dept))
    .send({ schoolYearId, levels: levels.map((l) => ({ privateSupportMonthly: 0, ...l })) });
  if (res.status !== 200) throw new Error(`tuition levels: ${res.status} ${JSON.stringify(res.body)}`);
}
