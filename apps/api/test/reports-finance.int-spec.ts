import type { FinanceFigures, FinanceReport } from '@emis/contracts';
import { OutboxPublisher } from '@emis/api/platform';
import { FactsRefresher } from '@emis/api/reporting';
import type { BudgetSource, SpendingGroup } from '@emis/domain';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { bearer, createUser, startTestApp, TestApp } from './harness';
import { createReportSchool, createUnit, moveSchool, settleReadModel, Unit } from './reports-fixtures';

/** A charge as the test writes it: the generated figures (due = list − relief − support − reimbursed). */
interface TestCharge {
  pupil: number;
  list: number;
  relief?: number;
  support?: number;
  reimbursed?: number;
  /** Signed adjustments of the charge. */
  adjustments?: number[];
  /** Signed allocations of payments (a refund or reversal negative). */
  payments?: number[];
}

interface TestBudget {
  fiscalYear: number;
  kind: 'ESTIMATE' | 'ALLOCATION' | 'ADJUSTMENT';
  source: BudgetSource;
  group: SpendingGroup;
  amount: number;
  /** Reversed by a REVERSAL entry. */
  reversed?: boolean;
}

interface TestExpense {
  spentOn: string;
  source: BudgetSource;
  amount: number;
  status: 'DRAFT' | 'APPROVED' | 'REJECTED';
  reversed?: boolean;
}

interface SchoolBooks {
  charges: TestCharge[];
  budget: TestBudget[];
  expenses: TestExpense[];
}

const due = (c: TestCharge) => c.list - (c.relief ?? 0) - (c.support ?? 0) - (c.reimbursed ?? 0);
const total = (xs: number[] = []) => xs.reduce((n, x) => n + x, 0);

/** A school's figures of the report's years, worked out from what the test wrote, independently of the code. */
function expected(books: SchoolBooks, fiscalYear: number): FinanceFigures {
  const c = books.charges;
  const dueAfter = total(c.map((x) => due(x) + total(x.adjustments)));
  const paid = total(c.map((x) => total(x.payments)));
  const available = books.budget
    .filter((b) => b.fiscalYear === fiscalYear && b.kind !== 'ESTIMATE' && !b.reversed)
    .reduce((n, b) => n + b.amount, 0);
  const spent = books.expenses
    .filter((e) => e.spentOn.startsWith(String(fiscalYear)) && e.status === 'APPROVED' && !e.reversed)
    .reduce((n, e) => n + e.amount, 0);
  return {
    pupils: new Set(c.map((x) => x.pupil)).size,
    listAmount: total(c.map((x) => x.list)),
    reliefAmount: total(c.map((x) => x.relief ?? 0)),
    supportAmount: total(c.map((x) => x.support ?? 0)),
    reimbursedAmount: total(c.map((x) => x.reimbursed ?? 0)),
    due: dueAfter,
    paid,
    outstanding: dueAfter - paid,
    budgetAvailable: available,
    spent,
  };
}

function figures(r: FinanceFigures): FinanceFigures {
  return {
    pupils: r.pupils,
    listAmount: r.listAmount,
    reliefAmount: r.reliefAmount,
    supportAmount: r.supportAmount,
    reimbursedAmount: r.reimbursedAmount,
    due: r.due,
    paid: r.paid,
    outstanding: r.outstanding,
    budgetAvailable: r.budgetAvailable,
    spent: r.spent,
  };
}

function sum(rows: FinanceFigures[]): FinanceFigures {
  const s = figures({ ...rows[0] });
  for (const key of Object.keys(s) as (keyof FinanceFigures)[]) s[key] = total(rows.map((r) => r[key]));
  return s;
}

// School 1 (public, 2025-26 rules): two pupils' tuition free and reimbursed at the province's level, one of them a
// poor pupil's meals reduced, a waiver, part payments, a refund; an allocation, an adjustment and a reversed
// allocation; an approved voucher, a draft, a rejected one and a reversed one; last year's budget left out.
const S1: SchoolBooks = {
  charges: [
    { pupil: 1, list: 1_500_000, reimbursed: 1_500_000 },
    { pupil: 2, list: 1_500_000, reimbursed: 1_500_000 },
    { pupil: 1, list: 3_750_000, payments: [3_750_000] },
    { pupil: 2, list: 3_750_000, relief: 1_875_000, adjustments: [-375_000], payments: [1_000_000, 500_000] },
    { pupil: 3, list: 3_750_000, payments: [3_750_000, -3_750_000, 1_234_567] },
  ],
  budget: [
    { fiscalYear: 2026, kind: 'ESTIMATE', source: 'STATE_REGULAR', group: 'PERSONNEL', amount: 2_500_000_000 },
    { fiscalYear: 2026, kind: 'ALLOCATION', source: 'STATE_REGULAR', group: 'PERSONNEL', amount: 2_345_678_901 },
    { fiscalYear: 2026, kind: 'ADJUSTMENT', source: 'STATE_REGULAR', group: 'PERSONNEL', amount: -45_678_901 },
    { fiscalYear: 2026, kind: 'ALLOCATION', source: 'TUITION', group: 'GOODS_SERVICES', amount: 12_000_000 },
    {
      fiscalYear: 2026,
      kind: 'ALLOCATION',
      source: 'STATE_PROJECT',
      group: 'ASSETS',
      amount: 99_000_000,
      reversed: true,
    },
    { fiscalYear: 2025, kind: 'ALLOCATION', source: 'STATE_REGULAR', group: 'PERSONNEL', amount: 1_111_111_111 },
  ],
  expenses: [
    { spentOn: '2026-10-05', source: 'STATE_REGULAR', amount: 180_000_001, status: 'APPROVED' },
    { spentOn: '2026-10-06', source: 'TUITION', amount: 3_500_000, status: 'APPROVED', reversed: true },
    { spentOn: '2026-10-07', source: 'TUITION', amount: 7_000_000, status: 'DRAFT' },
    { spentOn: '2026-10-08', source: 'TUITION', amount: 8_000_000, status: 'REJECTED' },
    { spentOn: '2025-12-30', source: 'STATE_REGULAR', amount: 55_000_000, status: 'APPROVED' },
  ],
};
// School 2 (private): its fee with the province's support capped at the fee, an exemption, a debtor.
const S2: SchoolBooks = {
  charges: [
    { pupil: 1, list: 6_000_000, support: 1_500_000, payments: [4_500_000] },
    { pupil: 2, list: 6_000_000, relief: 4_500_000, support: 1_500_000 },
    { pupil: 3, list: 6_000_000, support: 1_500_000, payments: [2_000_000] },
  ],
  budget: [{ fiscalYear: 2026, kind: 'ALLOCATION', source: 'AID', group: 'OTHER', amount: 50_000_000 }],
  expenses: [{ spentOn: '2026-09-30', source: 'AID', amount: 12_345_678, status: 'APPROVED' }],
};

/**
 * The finance report over the reporting read model (real PostgreSQL): a school's finance facts are its ledger's
 * charges, adjustments, allocations, budget entries and vouchers summed; the unit's and the province's figures are the
 * sum of their schools' to the đồng; a change published as finance.changed reaches the report through the refresh,
 * and the rebuild agrees with it; a school's administrator and accountant see their own school only; the workbook
 * carries the same figures; schools roll up through the org tree of the report's date.
 */
describe('the finance report (real PostgreSQL)', () => {
  let t: TestApp;
  let dept: string;
  let yearId: string;
  let fiscalYear: number;
  let unit: Unit, other: Unit, s1: Unit, s2: Unit;
  let s1Admin: string, s1Accountant: string;
  const s1Books: SchoolBooks = { ...S1, charges: [...S1.charges] };
  let serial = 0;

  const report = async (token: string, id: string, query = ''): Promise<FinanceReport> => {
    const year = `${query ? '&' : '?'}yearId=${yearId}`;
    const res = await t.http().get(`/api/reports/finance/${id}${query}${year}`).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body;
  };

  const facts = async (schoolIds: string[]) => [
    await t.owner.query(
      `select x.* from reporting.finance_total x where x.school_id = any($1::uuid[]) order by row_to_json(x)::text`,
      [schoolIds],
    ),
    await t.owner.query(
      `select x.* from reporting.finance_budget x where x.school_id = any($1::uuid[]) order by row_to_json(x)::text`,
      [schoolIds],
    ),
  ];

  /** Writes a school's ledger as the schema owner (the ledger's own API is other parts'). */
  async function writeBooks(schoolId: string, books: SchoolBooks): Promise<void> {
    const [{ id: periodId }] = await t.owner.query(
      `insert into finance_period (school_id, school_year_id, code, name, starts_on, ends_on, months)
       values ($1, $2, 'HK1', 'Học kỳ I', '2026-09-05', '2027-01-15', 5) returning id`,
      [schoolId, yearId],
    );
    const pupils = new Map<number, string>();
    for (const c of books.charges) await writeCharge(schoolId, periodId, c, pupils);
    for (const b of books.budget) {
      const [{ id }] = await t.owner.query(
        `insert into finance_budget_entry (school_id, fiscal_year, kind, funding_source, spending_group, amount, entered_on)
         values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [schoolId, b.fiscalYear, b.kind, b.source, b.group, b.amount, `${b.fiscalYear}-02-01`],
      );
      if (b.reversed)
        await t.owner.query(
          `insert into finance_budget_entry (school_id, fiscal_year, kind, funding_source, spending_group, amount,
                                             entered_on, reverses_id)
           values ($1, $2, 'REVERSAL', $3, $4, $5, $6, $7)`,
          [schoolId, b.fiscalYear, b.source, b.group, -b.amount, `${b.fiscalYear}-03-01`, id],
        );
    }
    for (const e of books.expenses) {
      const numbered = e.status === 'APPROVED';
      const [{ id }] = await t.owner.query(
        `insert into finance_expense (school_id, doc_series, doc_year, doc_number, spent_on, funding_source,
                                      spending_group, method, amount, payee, description, status)
         values ($1, $2, $3, $4, $5, $6, 'GOODS_SERVICES', 'BANK', $7, 'Công ty thử', 'Chi thử', $8) returning id`,
        [
          schoolId,
          numbered ? 'VOUCHER' : null,
          numbered ? Number(e.spentOn.slice(0, 4)) : null,
          numbered ? ++serial : null,
          e.spentOn,
          e.source,
          e.amount,
          e.status,
        ],
      );
      if (e.reversed)
        await t.owner.query(
          `insert into finance_expense (school_id, kind, spent_on, funding_source, spending_group, method, amount, payee,
                                        description, status, reverses_id)
           values ($1, 'REVERSAL', $2, $3, 'GOODS_SERVICES', 'BANK', $4, 'Công ty thử', 'Huỷ phiếu chi', 'APPROVED', $5)`,
          [schoolId, e.spentOn, e.source, -e.amount, id],
        );
    }
  }

  async function writeCharge(schoolId: string, periodId: string, c: TestCharge, pupils: Map<number, string>) {
    const studentId = pupils.get(c.pupil) ?? randomUUID();
    pupils.set(c.pupil, studentId);
    const [{ id: feeId }] = await t.owner.query(
      `insert into finance_fee_schedule (school_id, school_year_id, fee_kind, name, billing_unit, amount, status)
       values ($1, $2, 'SERVICE', $3, 'SEMESTER', $4, 'ADOPTED') returning id`,
      [schoolId, yearId, `Khoản thu thử ${++serial}`, c.list],
    );
    const [{ id: chargeId }] = await t.owner.query(
      `insert into finance_charge (school_id, period_id, student_id, class_id, fee_schedule_id, fee_kind, list_amount,
                                   relief_amount, support_amount, reimbursed_amount, due_amount)
       values ($1, $2, $3, gen_random_uuid(), $4, 'SERVICE', $5, $6, $7, $8, $9) returning id`,
      [schoolId, periodId, studentId, feeId, c.list, c.relief ?? 0, c.support ?? 0, c.reimbursed ?? 0, due(c)],
    );
    for (const amount of c.adjustments ?? [])
      await t.owner.query(
        `insert into finance_charge_adjustment (school_id, charge_id, kind, amount, reason, entered_on)
         values ($1, $2, 'WAIVER', $3, 'Miễn thử', '2026-10-01')`,
        [schoolId, chargeId, amount],
      );
    let paid: string | null = null;
    for (const amount of c.payments ?? []) paid = await pay(schoolId, studentId, chargeId, amount, paid);
  }

  /** A payment, or a refund of the payment before it (`earlier`); answers the payment's id. */
  async function pay(
    schoolId: string,
    studentId: string,
    chargeId: string,
    amount: number,
    earlier: string | null,
  ): Promise<string> {
    const refund = amount < 0;
    const [{ id }] = await t.owner.query(
      `insert into finance_payment (school_id, kind, doc_series, doc_year, doc_number, student_id, paid_on, method,
                                    amount, refunds_id)
       values ($1, $2, $3, 2026, $4, $5, '2026-10-10', 'CASH', $6, $7) returning id`,
      [
        schoolId,
        refund ? 'REFUND' : 'PAYMENT',
        refund ? 'VOUCHER' : 'RECEIPT',
        ++serial,
        studentId,
        amount,
        refund ? earlier : null,
      ],
    );
    await t.owner.query(
      `insert into finance_allocation (school_id, payment_id, charge_id, amount) values ($1, $2, $3, $4)`,
      [schoolId, id, chargeId, amount],
    );
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    dept = await t.login('admin.so');
    [{ id: yearId, fiscal_year: fiscalYear }] = await t.owner.query(
      // The demo's open year by its code: other spec files running at the same time open school years of their own.
      `select id, extract(year from starts_on)::int as fiscal_year from school_year where code = '2026-2027'`,
    );
    unit = await createUnit(t);
    other = await createUnit(t);
    s1 = await createReportSchool(t, unit);
    s2 = await createReportSchool(t, unit, 'PRIVATE');
    const withMfa = async (role: string) => {
      const name = await createUser(t, role, s1.code);
      await t.owner.query(
        `update app_user set mfa_enabled = true, mfa_secret = (select mfa_secret from app_user where username = 'admin.so') where username = $1`,
        [name],
      );
      return t.login(name);
    };
    s1Admin = await withMfa('SCHOOL_ADMIN');
    s1Accountant = await withMfa('ACCOUNTANT');
    await writeBooks(s1.id, S1);
    await writeBooks(s2.id, S2);
    // Written as the schema owner, without the ledger's event: both schools start from a rebuild.
    await settleReadModel(t);
    for (const school of [s1, s2]) await t.app.get(FactsRefresher).rebuildSchool(school.id);
  });
  afterAll(() => t.close());

  it('is written against the open school year and the calendar year it starts in', () => {
    // The books above are dated in 2026-27; a demo moved to another open year would make every sum below zero.
    expect(fiscalYear).toBe(2026);
  });

  it("writes each school's dues per school year and budget per fiscal year, source and group into its facts", async () => {
    const [totals, budget] = await facts([s1.id]);
    expect(totals).toEqual([
      expect.objectContaining({
        school_year_id: yearId,
        pupils: 3,
        charges: 5,
        list_amount: '14250000',
        relief_amount: '1875000',
        reimbursed_amount: '3000000',
        due_amount: '9375000',
        adjusted: '-375000',
        paid: '6484567',
        outstanding: '2515433',
      }),
    ]);
    type Row = { fiscal_year: number; funding_source: string; spending_group: string };
    const row = (year: number, source: string, group: string) =>
      budget.find((b: Row) => b.fiscal_year === year && b.funding_source === source && b.spending_group === group);
    // The vouchers are goods and services: their spending lands on its own row beside the personnel budget.
    expect(row(2026, 'STATE_REGULAR', 'PERSONNEL')).toMatchObject({
      estimate: '2500000000',
      allocated: '2345678901',
      adjusted: '-45678901',
      spent: '0',
    });
    expect(row(2026, 'STATE_REGULAR', 'GOODS_SERVICES')).toMatchObject({ allocated: '0', spent: '180000001' });
    // A reversed allocation counts nothing; a reversed voucher spent nothing; drafts and rejected ones neither.
    expect(row(2026, 'STATE_PROJECT', 'ASSETS')).toMatchObject({ allocated: '0', estimate: '0' });
    expect(row(2026, 'TUITION', 'GOODS_SERVICES')).toMatchObject({ allocated: '12000000', spent: '0' });
  });

  it("gives the unit the sum of its schools' figures to the đồng, per school and by source", async () => {
    const r = await report(dept, unit.id);
    expect(r.filter).toMatchObject({ yearId, fiscalYear });
    const bySchool = new Map(r.schools.map((s) => [s.orgUnitId, figures(s)]));
    expect(bySchool.get(s1.id)).toEqual(expected(S1, fiscalYear));
    expect(bySchool.get(s2.id)).toEqual(expected(S2, fiscalYear));
    expect(figures(r.total)).toEqual(sum([expected(S1, fiscalYear), expected(S2, fiscalYear)]));
    expect(r.total.schools).toBe(2);
    expect(total(r.bySource.map((s) => s.available))).toBe(r.total.budgetAvailable);
    expect(total(r.bySource.map((s) => s.spent))).toBe(r.total.spent);
    expect(r.bySource.map((s) => s.fundingSource)).toEqual(['STATE_REGULAR', 'STATE_PROJECT', 'TUITION', 'AID']);
    expect(r.bySource.find((s) => s.fundingSource === 'STATE_REGULAR')).toMatchObject({
      estimate: 2_500_000_000,
      available: 2_300_000_000,
      spent: 180_000_001,
      remaining: 2_300_000_000 - 180_000_001,
    });
    expect(r.rows.map((c) => [c.orgUnitId, c.kind]).sort()).toEqual(
      [
        [s1.id, 'SCHOOL'],
        [s2.id, 'SCHOOL'],
      ].sort(),
    );
  });

  it('takes the budget of the fiscal year asked for', async () => {
    const r = await report(dept, unit.id, '?fiscalYear=2025');
    expect(r.filter.fiscalYear).toBe(2025);
    expect(r.total.budgetAvailable).toBe(1_111_111_111);
    expect(r.total.spent).toBe(55_000_000);
    expect(r.total.due).toBe(expected(S1, 2025).due + expected(S2, 2025).due);
  });

  it("gives the province the sum of every school's figures, with the unit as one of its rows", async () => {
    const province = await report(dept, await t.unitId('SGDDT-HY'));
    expect(figures(province.total)).toEqual(sum(province.schools));
    expect(figures(province.total)).toEqual(sum(province.rows));
    expect(province.total.schools).toBe(province.schools.length);
    const row = province.rows.find((c) => c.orgUnitId === unit.id);
    expect(row && { ...figures(row), schools: row.schools }).toEqual({
      ...sum([expected(S1, fiscalYear), expected(S2, fiscalYear)]),
      schools: 2,
    });
  });

  it('shows a payment after the refresh its finance.changed event starts, and a rebuild then changes nothing', async () => {
    const charge = { pupil: 4, list: 2_000_000, payments: [700_000] };
    const [{ id: periodId }] = await t.owner.query(`select id from finance_period where school_id = $1`, [s1.id]);
    await writeCharge(s1.id, periodId, charge, new Map());
    s1Books.charges.push(charge);
    // What the payments service publishes in the payment's transaction (the event's type and school are the contract).
    await t.owner.transaction((em) =>
      t.app
        .get(OutboxPublisher)
        .publish(em, { type: 'finance.changed', schoolId: s1.id, aggregateId: s1.id, payload: {} }),
    );
    await settleReadModel(t);
    const r = await report(dept, unit.id);
    expect(figures(r.schools.find((s) => s.orgUnitId === s1.id)!)).toEqual(expected(s1Books, fiscalYear));

    const incremental = await facts([s1.id, s2.id]);
    for (const school of [s1, s2]) await t.app.get(FactsRefresher).rebuildSchool(school.id);
    expect(await facts([s1.id, s2.id])).toEqual(incremental);
  });

  it("lets a school's administrator and accountant see their own school only", async () => {
    for (const token of [s1Admin, s1Accountant]) {
      const own = await report(token, s1.id);
      expect(own.schools.map((s) => s.orgUnitId)).toEqual([s1.id]);
      expect(own.rows).toEqual([]);
      expect(figures(own.total)).toEqual(expected(s1Books, fiscalYear));
      for (const id of [s2.id, unit.id, await t.unitId('SGDDT-HY')]) {
        const res = await t.http().get(`/api/reports/finance/${id}`).set(bearer(token));
        expect(res.status).toBe(403);
      }
    }
  });

  it('downloads the same figures as a workbook', async () => {
    const res = await t
      .http()
      .get(`/api/reports/finance/${unit.id}/export.xlsx?yearId=${yearId}`)
      .set(bearer(dept))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.getWorksheet('Trường')!;
    const row = (code: string) =>
      sheet.getSheetValues().find((r) => Array.isArray(r) && r.includes(code)) as (string | number)[] | undefined;
    // Code, name, under, schools, then the ten figures (ExcelJS rows start at index 1).
    expect(row(s1.code)?.slice(5, 15)).toEqual(Object.values(expected(s1Books, fiscalYear)));
    const totals = book.getWorksheet('Tổng hợp')!.getRow(3).values as (string | number)[];
    expect(totals.slice(4, 14)).toEqual(Object.values(sum([expected(s1Books, fiscalYear), expected(S2, fiscalYear)])));
  });

  it('rolls schools up through the org tree as it was on the report date', async () => {
    await moveSchool(t, s2, other, '2025-09-01');
    const before = await report(dept, unit.id, '?asOf=2025-08-01');
    const after = await report(dept, unit.id);
    expect(before.schools.map((s) => s.orgUnitId).sort()).toEqual([s1.id, s2.id].sort());
    expect(after.schools.map((s) => s.orgUnitId)).toEqual([s1.id]);
    expect(figures((await report(dept, other.id)).total)).toEqual(expected(S2, fiscalYear));
  });
});
