import { FeeArea, GradeLevel, PolicyGroup, SchoolLevel, SchoolOwnership } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { bulkInsert } from './bulk-insert';
import { DrawnPayment, schoolCollectionRows, writePayments } from './finance-collection';
import { FinanceSeedPupil, FinanceSeedSchool, provinceFinanceRows, schoolDuesRows, SeedYear } from './finance-dues';
import { DEMO_FISCAL_YEAR, DEMO_PERIOD } from './finance-plan';
import { addRow, emptyFinanceRows, FINANCE_TABLES, FinanceTableRows } from './finance-rows';
import { budgetRows, DrawnExpense, drawExpenses, writeExpenses } from './finance-spending';
import { SeedQuery } from './seed-assets';
import { SeededRandom } from './seeded-random';

/** Finance's own random stream: adding it changes nothing in the people or assets the demo already names. */
const FINANCE_SEED = 20261205;
/** The cash box on 1 January (petty cash carried from 2025). */
const OPENING_CASH = 30_000_000;
/** Fee money carried on the bank account from 2025. */
const CARRIED_ON_BANK = 200_000_000;

export interface FinanceSeedInputs {
  /** Every school year, for the province's levels and ranges. */
  yearIds: string[];
  /** The open year, whose first semester is collected. */
  year: SeedYear;
  schools: FinanceSeedSchool[];
}

/**
 * What the finance seed is made from, read from a seeded province: the school years, and every active school with its
 * area (a school in a commune is rural, in a ward urban: Hưng Yên has no mountain area) and the pupils enrolled in a
 * class of the open year on the period's first day or later — in code order, so the same province gives the same
 * finance.
 */
export async function loadFinanceSeedInputs(query: SeedQuery): Promise<FinanceSeedInputs> {
  const years = await query(
    `select id, status, extract(year from starts_on)::int as start from school_year order by starts_on`,
  );
  const open = years.find((y) => y.status === 'OPEN')!;
  const units = await query(
    `select o.id, o.code, o.levels, o.ownership, coalesce(p.address, '') as address
       from org_unit o left join school_profile p on p.school_id = o.id
      where o.kind = 'SCHOOL' and o.active order by o.code`,
  );
  const pupilRows = await query(
    `select e.school_id, s.id, s.personal_id as code, s.full_name as name, s.nationality, s.policy_groups,
            e.class_id, c.grade
       from enrolment e
       join student s on s.school_id = e.school_id and s.id = e.student_id
       join class c on c.school_id = e.school_id and c.id = e.class_id
      where e.school_year_id = $1 and (e.to_date is null or e.to_date >= $2::date)
      order by e.school_id, c.name, s.personal_id`,
    [open.id, DEMO_PERIOD.startsOn],
  );
  const pupils = new Map<string, FinanceSeedPupil[]>();
  for (const p of pupilRows) {
    const list = pupils.get(p.school_id as string) ?? [];
    list.push({
      id: p.id as string,
      code: p.code as string,
      name: p.name as string,
      nationality: p.nationality as string,
      policyGroups: p.policy_groups as PolicyGroup[],
      classId: p.class_id as string,
      grade: p.grade as GradeLevel,
    });
    pupils.set(p.school_id as string, list);
  }
  return {
    yearIds: years.map((y) => y.id as string),
    year: { id: open.id as string, start: open.start as number },
    schools: units.map((u) => ({
      id: u.id as string,
      code: u.code as string,
      levels: u.levels as SchoolLevel[],
      ownership: u.ownership as SchoolOwnership,
      area: areaOf(u.address as string),
      pupils: pupils.get(u.id as string) ?? [],
    })),
  };
}

function areaOf(address: string): FeeArea {
  return /(^|\s)xã\s/i.test(address) ? 'RURAL' : 'URBAN';
}

/** The province's levels and ranges of every school year. */
export function provinceRows(inputs: FinanceSeedInputs, out: FinanceTableRows): void {
  for (const yearId of inputs.yearIds) provinceFinanceRows(out, yearId);
}

/**
 * One school's finance appended to `out` as table rows: its settings (area, bank account), its dues of the open year's first semester, the collection
 * up to the demo's today, the fiscal year's budget and vouchers, the documents' counters and the books' opening
 * balances. Answers the number of charges.
 */
export function schoolFinanceRows(
  rng: SeededRandom,
  inputs: Pick<FinanceSeedInputs, 'year'>,
  school: FinanceSeedSchool,
  out: FinanceTableRows,
  now: Date | string,
): number {
  const before = out.finance_charge.length;
  const bankAccount = `0${rng.int(100_000_000, 999_999_999)}${rng.int(100, 999)}`;
  addRow(out, 'finance_school_setting', {
    school_id: school.id,
    area: school.area,
    bank_name: 'Vietcombank — Chi nhánh Hưng Yên',
    bank_account: bankAccount,
  });
  const charges = schoolDuesRows(rng, school, inputs.year, out, now);
  const collection = schoolCollectionRows(rng, school, charges, bankAccount, out, now);
  const lines = budgetRows(rng, school, out, now);
  const expenses = drawExpenses(rng, school, lines);
  const vouchers = voucherNumbers(collection.payments, expenses);
  const receipts = writePayments(school, collection.payments, vouchers, out, now);
  writeExpenses(rng, school, expenses, vouchers, out, now);
  for (const [series, last] of [
    ['RECEIPT', receipts],
    ['VOUCHER', vouchers.size],
  ] as const)
    if (last)
      addRow(out, 'finance_counter', { school_id: school.id, series, year: DEMO_FISCAL_YEAR, last_number: last });
  // The schema's books have no inflow but pupils' payments: the bank account opens with the year's budget on it (the
  // allocation a public school draws, the fee income a private one budgets) so salaries never overdraw it.
  const budgeted = lines.reduce((n, b) => n + b.allocated, 0);
  addRow(out, 'finance_opening_balance', {
    school_id: school.id,
    fiscal_year: DEMO_FISCAL_YEAR,
    account: 'CASH',
    amount: OPENING_CASH,
  });
  addRow(out, 'finance_opening_balance', {
    school_id: school.id,
    fiscal_year: DEMO_FISCAL_YEAR,
    account: 'BANK',
    amount: budgeted + CARRIED_ON_BANK,
  });
  return out.finance_charge.length - before;
}

/** Refunds and approved vouchers share the school's VOUCHER series of the year: numbered in date order. */
function voucherNumbers(payments: DrawnPayment[], expenses: DrawnExpense[]): Map<string, number> {
  const dated = [
    ...payments.filter((p) => p.kind === 'REFUND').map((p) => ({ id: p.id, on: p.paidOn })),
    ...expenses.filter((e) => e.status === 'APPROVED').map((e) => ({ id: e.id, on: e.spentOn })),
  ].sort((a, b) => a.on.localeCompare(b.on));
  return new Map(dated.map((d, i) => [d.id, i + 1]));
}

/**
 * The demo province's school finance (docs/domain/finance.md): the province's tuition levels and fee ranges of every
 * school year, and every school's first semester of 2026-2027 — fees adopted, exceptions approved, what each pupil
 * owes by the domain's rules (free and reimbursed public tuition, supported private tuition, exempted and reduced
 * meals), payments in cash and by bank with numbered receipts, a reversal, a waiver and a refund, bank statements
 * matched, a few debtors — and its 2026 budget with allocations and approved vouchers. Runs inside the demo seed's
 * transaction, after the people; deterministic, bulk inserts.
 */
export async function seedFinance(em: EntityManager, now: Date): Promise<void> {
  await em.query(`select set_config('app.all_schools', 'on', true)`);
  const inputs = await loadFinanceSeedInputs((sql, params) => em.query(sql, params));
  const rng = new SeededRandom(FINANCE_SEED);
  const rows = emptyFinanceRows();
  provinceRows(inputs, rows);
  for (const school of inputs.schools) schoolFinanceRows(rng, inputs, school, rows, now);
  for (const table of Object.keys(FINANCE_TABLES) as (keyof typeof FINANCE_TABLES)[])
    await bulkInsert(em, table, FINANCE_TABLES[table], rows[table]);
}
