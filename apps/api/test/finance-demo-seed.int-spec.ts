import type { FinanceReport } from '@emis/contracts';
import { FactsRefresher } from '@emis/api/reporting';
import { chargeFor, GradeLevel, levelOfGrade, PolicyGroup, SchoolLevel, SchoolOwnership } from '@emis/domain';
import { DEMO_UNITS } from '../src/seed/demo-province.data';
import { DEMO_PERIOD, PRIVATE_SUPPORT, TUITION_LEVEL } from '../src/seed/finance-plan';
import { bearer, startTestApp, TestApp } from './harness';

/** The demo schools only: other specs add schools and finance rows of their own to the same database. */
const DEMO_SCHOOLS = DEMO_UNITS.filter((u) => u.kind === 'SCHOOL').map((u) => u.code);
const SEEDED = `(select id from org_unit where code = any($1))`;
/** Rows the seed wrote carry its one timestamp, the closing time of 2025-2026; later rows are other specs'. */
const AT_SEED = `(select closed_at from school_year where code = '2025-2026')`;

interface ChargeRow {
  school: string;
  ownership: SchoolOwnership;
  area: 'URBAN' | 'RURAL' | 'MOUNTAIN';
  fee_kind: string;
  billing_unit: 'MONTH' | 'SEMESTER' | 'YEAR' | 'ONCE';
  amount: string;
  grade: GradeLevel;
  nationality: string;
  policy_groups: PolicyGroup[];
  exception_percent: number | null;
  list_amount: string;
  relief_amount: string;
  support_amount: string;
  reimbursed_amount: string;
  due_amount: string;
}

/**
 * The demo seed's school finance: what every pupil owes is what the domain's rules give their school, year, level and
 * policy groups; every school has exempted, reduced or supported pupils, payments by cash and bank, and debtors; and
 * its books reconcile — receipts and vouchers numbered without gaps, every payment allocated, every bank payment on a
 * matched statement line, no charge over-paid, no book overdrawn — and the department's report adds up to them.
 */
describe('demo seed: school finance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  const q = (sql: string, params: unknown[] = [DEMO_SCHOOLS]) => t.owner.query(sql, params);

  it('gives every demo school its settings, adopted fee lines, the first semester and a charge for every pupil enrolled', async () => {
    const rows = await q(
      `select o.code,
              (select count(*)::int from finance_school_setting s where s.school_id = o.id) as settings,
              (select count(*)::int from finance_fee_schedule f where f.school_id = o.id and f.status = 'ADOPTED') as fees,
              (select count(*)::int from finance_period p where p.school_id = o.id and p.code = 'HK1') as periods,
              -- Pupils the seed enrolled and who were still enrolled when it ran: other specs enrol, transfer and
              -- withdraw pupils of the demo schools while this one runs, and the seed charged none of theirs.
              (select count(distinct e.student_id)::int from enrolment e
                 join school_year y on y.id = e.school_year_id and y.status = 'OPEN'
                 join student s on s.school_id = e.school_id and s.id = e.student_id and s.created_at = ${AT_SEED}
                where e.school_id = o.id and (e.to_date is null or e.to_date > ${AT_SEED}::date)) as enrolled,
              (select count(distinct c.student_id)::int from finance_charge c
                where c.school_id = o.id and c.created_at = ${AT_SEED}) as charged
         from org_unit o where o.code = any($1) order by o.code`,
    );
    expect(rows.map((r: { code: string }) => r.code)).toEqual([...DEMO_SCHOOLS].sort());
    for (const r of rows) {
      expect({ code: r.code, settings: r.settings, periods: r.periods }).toEqual({
        code: r.code,
        settings: 1,
        periods: 1,
      });
      expect(r.fees).toBeGreaterThanOrEqual(2);
      expect(r.charged).toBe(r.enrolled);
    }
  });

  it("charges every pupil what the domain's rules give their school, year, level, groups and approved exception", async () => {
    const charges: ChargeRow[] = await q(
      `select o.code as school, o.ownership, st.area, c.fee_kind, f.billing_unit, f.amount::text, k.grade, s.nationality,
              s.policy_groups, x.percent as exception_percent, c.list_amount::text, c.relief_amount::text,
              c.support_amount::text, c.reimbursed_amount::text, c.due_amount::text
         from finance_charge c
         join org_unit o on o.id = c.school_id
         join finance_school_setting st on st.school_id = c.school_id
         join finance_fee_schedule f on f.school_id = c.school_id and f.id = c.fee_schedule_id
         join student s on s.school_id = c.school_id and s.id = c.student_id
         join class k on k.school_id = c.school_id and k.id = c.class_id
         left join finance_exception x on x.school_id = c.school_id and x.student_id = c.student_id
              and x.fee_kind = c.fee_kind and x.status = 'APPROVED'
        where c.school_id in ${SEEDED} and c.created_at = ${AT_SEED}`,
    );
    expect(charges.length).toBeGreaterThan(1000);
    const wrong = charges.filter((c) => {
      const level: SchoolLevel = levelOfGrade(c.grade);
      const expected = chargeFor(
        { feeKind: c.fee_kind as never, billingUnit: c.billing_unit, amount: Number(c.amount) },
        { months: DEMO_PERIOD.months, firstOfYear: true },
        {
          schoolYearStart: 2026,
          ownership: c.ownership,
          schoolLevel: level,
          nationality: c.nationality,
          policyGroups: c.policy_groups,
          exceptionPercent: c.exception_percent,
        },
        { monthlyAmount: TUITION_LEVEL[c.area][level], privateSupportMonthly: PRIVATE_SUPPORT[level] },
      );
      return (
        expected.listAmount !== Number(c.list_amount) ||
        expected.reliefAmount !== Number(c.relief_amount) ||
        expected.supportAmount !== Number(c.support_amount) ||
        expected.reimbursedAmount !== Number(c.reimbursed_amount) ||
        expected.dueAmount !== Number(c.due_amount)
      );
    });
    expect(wrong).toEqual([]);
    // Public primary is tuition-free: no tuition line, so no tuition charge (Law on Education 2019 Art. 99).
    expect(
      charges.filter(
        (c) => c.fee_kind === 'TUITION' && c.ownership === 'PUBLIC' && levelOfGrade(c.grade) === 'PRIMARY',
      ),
    ).toEqual([]);
  });

  it('has pupils with free reimbursed tuition, supported private tuition, exempted and reduced meals, and debtors', async () => {
    const [r] = await q(
      `select count(*) filter (where c.fee_kind = 'TUITION' and c.reimbursed_amount > 0 and c.due_amount = 0)::int as reimbursed,
              count(*) filter (where c.fee_kind = 'TUITION' and c.support_amount > 0)::int as supported,
              count(*) filter (where c.relief_percent = 100 and c.fee_kind <> 'TUITION')::int as exempted,
              count(*) filter (where c.relief_percent between 1 and 99)::int as reduced
         from finance_charge c where c.school_id in ${SEEDED} and c.created_at = ${AT_SEED}`,
    );
    expect(r.reimbursed).toBeGreaterThan(100);
    expect(r.supported).toBeGreaterThan(10);
    expect(r.exempted).toBeGreaterThan(0);
    expect(r.reduced).toBeGreaterThan(0);
    const schools = await q(
      `select o.code,
              (select count(*)::int from finance_charge c
                where c.school_id = o.id and c.created_at = ${AT_SEED}
                  and c.due_amount + (select coalesce(sum(j.amount), 0) from finance_charge_adjustment j
                                       where j.school_id = c.school_id and j.charge_id = c.id)
                    > (select coalesce(sum(a.amount), 0) from finance_allocation a
                        where a.school_id = c.school_id and a.charge_id = c.id)) as debtors,
              (select count(distinct p.method)::int from finance_payment p where p.school_id = o.id) as methods
         from org_unit o where o.code = any($1)`,
    );
    for (const s of schools) {
      expect({ code: s.code, methods: s.methods }).toEqual({ code: s.code, methods: 2 });
      expect(s.debtors).toBeGreaterThan(0);
    }
  });

  it('numbers receipts, and refunds with vouchers, from 1 without a gap, the counters at the last number', async () => {
    const gaps = await q(
      `with docs as (
         select school_id, doc_series, doc_year, doc_number from finance_payment where doc_number is not null
         union all
         select school_id, doc_series, doc_year, doc_number from finance_expense where doc_number is not null)
       select o.code, d.doc_series, count(*)::int as n, max(d.doc_number) as last, min(d.doc_number) as first,
              (select last_number from finance_counter k where k.school_id = o.id and k.series = d.doc_series
                  and k.year = d.doc_year) as counter
         from docs d join org_unit o on o.id = d.school_id
        where o.code = any($1)
        group by o.id, o.code, d.doc_series, d.doc_year`,
    );
    expect(gaps.length).toBe(DEMO_SCHOOLS.length * 2);
    for (const g of gaps) expect({ ...g, first: 1, last: g.n, counter: g.n }).toEqual(g);
  });

  it('reconciles: every payment allocated in full, no charge over-paid, bank payments on matched lines, no line left open, statements summed', async () => {
    const [r] = await q(
      `select
         (select count(*)::int from finance_payment p where p.school_id in ${SEEDED} and p.amount <>
            (select coalesce(sum(a.amount), 0) from finance_allocation a where a.school_id = p.school_id and a.payment_id = p.id)) as unallocated,
         (select count(*)::int from finance_charge c where c.school_id in ${SEEDED} and c.created_at = ${AT_SEED} and
            (select coalesce(sum(a.amount), 0) from finance_allocation a where a.school_id = c.school_id and a.charge_id = c.id)
            > c.due_amount + (select coalesce(sum(j.amount), 0) from finance_charge_adjustment j
                               where j.school_id = c.school_id and j.charge_id = c.id)) as overpaid,
         (select count(*)::int from finance_payment p where p.school_id in ${SEEDED} and p.method = 'BANK'
            and p.kind = 'PAYMENT' and not exists (select 1 from finance_bank_line l where l.school_id = p.school_id
              and l.payment_id = p.id and l.status = 'MATCHED' and l.amount = p.amount and l.reference = p.bank_reference)) as unmatched_payments,
         (select count(*)::int from finance_bank_line l where l.school_id in ${SEEDED} and l.status = 'UNMATCHED') as open_lines,
         (select count(*)::int from finance_bank_line l where l.school_id in ${SEEDED} and l.status = 'IGNORED') as set_aside,
         (select count(*)::int from finance_bank_line l join finance_payment p on p.school_id = l.school_id
            and p.id = l.payment_id where l.school_id in ${SEEDED} and l.description not like '%' || p.student_id::text || '%'
            and l.description not like '%' || (select s.personal_id from student s where s.school_id = p.school_id
                                                 and s.id = p.student_id) || '%') as matched_by_hand,
         (select count(*)::int from finance_bank_statement s where s.school_id in ${SEEDED} and
            (s.line_count, s.total_amount) <> (select count(*)::int, sum(l.amount) from finance_bank_line l
                                                where l.school_id = s.school_id and l.statement_id = s.id)) as wrong_statements,
         (select count(*)::int from finance_payment p where p.school_id in ${SEEDED} and p.kind = 'REVERSAL') as reversals,
         (select count(*)::int from finance_payment p where p.school_id in ${SEEDED} and p.kind = 'REFUND') as refunds`,
    );
    expect(r).toEqual({
      unallocated: 0,
      overpaid: 0,
      unmatched_payments: 0,
      open_lines: 0,
      set_aside: DEMO_SCHOOLS.length,
      matched_by_hand: expect.any(Number),
      wrong_statements: 0,
      reversals: expect.any(Number),
      refunds: expect.any(Number),
    });
    expect(r.matched_by_hand).toBeGreaterThanOrEqual(DEMO_SCHOOLS.length - 2);
    expect(r.reversals).toBeGreaterThan(0);
    expect(r.refunds).toBeGreaterThan(0);
  });

  it("balances every check of the finance context's own reconciliation, at a public and at a private school", async () => {
    const token = await t.login('admin.so');
    for (const code of ['THCS-NQ', 'PT-DTD']) {
      const [school] = await q(`select id from org_unit where code = $1`, [code]);
      const res = await t
        .http()
        .get(`/api/schools/${school.id}/reconciliation`)
        .query({ from: '2026-01-01', to: '2026-11-25' })
        .set(bearer(token));
      expect(res.status).toBe(200);
      const unbalanced = res.body.checks.filter((c: { difference: number }) => c.difference !== 0);
      expect({ code, unbalanced, balanced: res.body.balanced }).toEqual({ code, unbalanced: [], balanced: true });
      expect(res.body.checks.length).toBeGreaterThanOrEqual(5);
    }
  });

  it('never overdraws the cash box or the bank account, day by day through 2026', async () => {
    const lows = await q(
      `with moves as (
         select school_id, paid_on as on_day, method as account, amount from finance_payment
         union all
         select school_id, spent_on, method, -amount from finance_expense
          where kind = 'REVERSAL' or status = 'APPROVED'),
       running as (
         select m.school_id, m.account, m.on_day,
                b.amount + sum(m.amount) over (partition by m.school_id, m.account order by m.on_day) as balance
           from moves m join finance_opening_balance b
             on b.school_id = m.school_id and b.account = m.account and b.fiscal_year = 2026)
       select o.code, r.account, min(r.balance)::text as lowest
         from running r join org_unit o on o.id = r.school_id
        where o.code = any($1) group by o.code, r.account`,
    );
    expect(lows.length).toBe(DEMO_SCHOOLS.length * 2);
    expect(lows.filter((l: { lowest: string }) => Number(l.lowest) < 0)).toEqual([]);
  });

  it("gives a school's budget its allocations, adjustments and a reversed duplicate, and approved vouchers within them", async () => {
    const rows = await q(
      `select o.code, o.ownership,
              (select count(*)::int from finance_budget_entry e where e.school_id = o.id and e.kind = 'ALLOCATION') as allocations,
              (select count(*)::int from finance_budget_entry e where e.school_id = o.id and e.kind = 'REVERSAL') as reversals,
              (select count(*)::int from finance_expense x where x.school_id = o.id and x.status = 'DRAFT') as drafts
         from org_unit o where o.code = any($1)`,
    );
    for (const r of rows) {
      const publicSchool = r.ownership === 'PUBLIC';
      expect({ code: r.code, allocations: r.allocations > 0, reversals: r.reversals, drafts: r.drafts }).toEqual({
        code: r.code,
        allocations: publicSchool,
        reversals: publicSchool ? 1 : 0,
        drafts: 1,
      });
    }
  });

  it("shows the department a school's seeded figures in the finance report", async () => {
    const [school] = await q(`select id from org_unit where code = 'THCS-NQ'`, []);
    // The demo's year by its code: other spec files running at the same time open school years of their own.
    const [year] = await q(`select id from school_year where code = '2026-2027'`, []);
    await t.app.get(FactsRefresher).rebuildSchool(school.id);
    const res = await t
      .http()
      .get(`/api/reports/finance/${school.id}?yearId=${year.id}`)
      .set(bearer(await t.login('admin.so')));
    expect(res.status).toBe(200);
    const report: FinanceReport = res.body;
    const [sums] = await q(
      `select count(distinct c.student_id)::int as pupils, sum(c.due_amount)::text as due,
              (select sum(a.amount) from finance_allocation a where a.school_id = $1)::text as paid,
              (select coalesce(sum(j.amount), 0) from finance_charge_adjustment j where j.school_id = $1)::text as adjusted
         from finance_charge c where c.school_id = $1`,
      [school.id],
    );
    expect(report.total).toMatchObject({
      pupils: sums.pupils,
      due: Number(sums.due) + Number(sums.adjusted),
      paid: Number(sums.paid),
      outstanding: Number(sums.due) + Number(sums.adjusted) - Number(sums.paid),
    });
    expect(report.total.budgetAvailable).toBeGreaterThan(0);
    expect(report.total.spent).toBeGreaterThan(0);
  });
});
