import { startTestApp, TestApp, createSchool } from './harness';

/**
 * What the finance schema guarantees by itself, whatever the API does (docs/adr/finance-ledger.md): nothing dated in
 * a closed month is written (SQLSTATE EF001), no charge is added to a closed fee period (EF002), and the API's role
 * cannot edit or delete ledger rows.
 */
describe('finance ledger schema', () => {
  let t: TestApp;
  let schoolId: string;
  let yearId: string;

  beforeAll(async () => {
    t = await startTestApp({ EVENT_WORKER: 'off' });
    schoolId = (await createSchool(t, 'PGD-KC')).id;
    [{ id: yearId }] = await t.owner.query(`select id from school_year order by starts_on desc limit 1`);
  });
  afterAll(() => t?.close());

  const payment = (paidOn: string, n: number) =>
    t.owner.query(
      `insert into finance_payment (school_id, kind, doc_series, doc_year, doc_number, student_id, paid_on, method, amount)
       values ($1, 'PAYMENT', 'RECEIPT', 2025, $3, gen_random_uuid(), $2, 'CASH', 100000) returning id`,
      [schoolId, paidOn, n],
    );

  it('refuses a payment dated in a closed month, and any change that moves a row into or out of one', async () => {
    await payment('2025-10-15', 1);
    await t.owner.query(`insert into finance_month_close (school_id, month) values ($1, '2025-09-01')`, [schoolId]);
    await expect(payment('2025-09-30', 2)).rejects.toMatchObject({ code: 'EF001' });
    await expect(payment('2025-10-01', 2)).resolves.toHaveLength(1);
    await expect(
      t.owner.query(`update finance_payment set paid_on = '2025-09-02' where school_id = $1 and doc_number = 1`, [
        schoolId,
      ]),
    ).rejects.toMatchObject({ code: 'EF001' });
  });

  it('refuses a charge in a closed fee period', async () => {
    const [{ id: periodId }] = await t.owner.query(
      `insert into finance_period (school_id, school_year_id, code, name, starts_on, ends_on, months, status)
       values ($1, $2, 'HK1', 'Học kỳ I', '2025-09-01', '2026-01-15', 5, 'CLOSED') returning id`,
      [schoolId, yearId],
    );
    const [{ id: feeId }] = await t.owner.query(
      `insert into finance_fee_schedule (school_id, school_year_id, fee_kind, name, billing_unit, amount)
       values ($1, $2, 'MEALS', 'Tiền ăn', 'MONTH', 500000) returning id`,
      [schoolId, yearId],
    );
    await expect(
      t.owner.query(
        `insert into finance_charge (school_id, period_id, student_id, class_id, fee_schedule_id, fee_kind,
           list_amount, due_amount) values ($1, $2, gen_random_uuid(), gen_random_uuid(), $3, 'MEALS', 2500000, 2500000)`,
        [schoolId, periodId, feeId],
      ),
    ).rejects.toMatchObject({ code: 'EF002' });
  });

  it('gives the API role no way to edit or delete payments, charges, adjustments, allocations or budget entries', async () => {
    const [row] = await t.owner.query(
      `select string_agg(table_name || ':' || privilege_type, ',' order by table_name, privilege_type) as grants
         from information_schema.role_table_grants
        where grantee = 'emis_app' and privilege_type in ('UPDATE', 'DELETE')
          and table_name in ('finance_payment', 'finance_charge', 'finance_charge_adjustment', 'finance_allocation',
                             'finance_budget_entry')`,
    );
    expect(row.grants).toBeNull();
  });
});
