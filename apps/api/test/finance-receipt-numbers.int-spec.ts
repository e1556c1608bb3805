import { startTestApp, TestApp } from './harness';
import {
  charge,
  feePeriod,
  feeSchedule,
  pay,
  paymentsSchool,
  PaymentsSchool,
  pupils,
} from './finance-payments-fixtures';

/**
 * Receipts are numbered per school and year with no gap and no reuse, even under concurrent payments
 * (docs/adr/finance-ledger.md): the number is taken from the school's counter row inside the payment's transaction,
 * so payments queue on its lock, and a payment that fails after taking its number gives it back.
 */
describe('finance receipt numbers', () => {
  let t: TestApp;
  let s: PaymentsSchool;

  beforeAll(async () => {
    // Enough connections for the requests to meet in the database, and a patient pool: the point is that they
    // wait on the counter row, not on the pool.
    t = await startTestApp({ EVENT_WORKER: 'off', DB_POOL_SIZE: '12', DB_POOL_ACQUIRE_TIMEOUT_MS: '60000' });
    s = await paymentsSchool(t);
  });
  afterAll(() => t?.close());

  const numbers = async (year: number): Promise<number[]> =>
    (
      await t.owner.query(
        `select doc_number from finance_payment where school_id = $1 and doc_series = 'RECEIPT' and doc_year = $2
          order by doc_number`,
        [s.id, year],
      )
    ).map((r: { doc_number: number }) => r.doc_number);

  it('numbers 50 payments made at once 1 to 50, and refuses the ones that would pay a charge twice', async () => {
    const periodId = await feePeriod(t, s, 'HK1', '2025-09-05', '2026-01-15', 5);
    const feeId = await feeSchedule(t, s, 'MEALS', 'Tiền ăn bán trú', 200_000);
    const family = await pupils(t, s, [
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Văn Cường',
      'Phạm Thị Dung',
      'Hoàng Văn Em',
    ]);
    const charges = new Map<string, string>();
    for (const p of family) charges.set(p.id, await charge(t, s, p.id, periodId, feeId, 1_000_000));

    // Ten payments of 100,000 đ per pupil settle a charge of 1,000,000 đ exactly; an eleventh, sent among them,
    // finds nothing left whichever order they arrive in.
    const requests = family.flatMap((p) =>
      Array.from({ length: 11 }, () => ({ studentId: p.id, paidOn: '2025-10-06', method: 'CASH', amount: 100_000 })),
    );
    const answers = await Promise.all(requests.map((body) => pay(t, s, body)));

    expect(answers.filter((a) => a.status === 201)).toHaveLength(50);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.map((a) => [a.status, a.body.errors?.[0]?.code])).toEqual(
      Array(5).fill([400, 'financeOverpayment']),
    );
    expect(await numbers(2025)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const printed = answers.filter((a) => a.status === 201).map((a) => a.body.documentNumber as string);
    expect(new Set(printed).size).toBe(50);
    expect(printed).toContain('PT-2025-000050');

    const settled = await t.owner.query(
      `select c.student_id, sum(l.amount)::bigint as paid from finance_allocation l
         join finance_charge c on c.school_id = l.school_id and c.id = l.charge_id
        where l.school_id = $1 group by c.student_id`,
      [s.id],
    );
    expect(settled.map((r: { paid: string }) => Number(r.paid))).toEqual(Array(5).fill(1_000_000));
  });

  it('gives the number of a payment that fails after taking it back: the next payment leaves no gap', async () => {
    const periodId = await feePeriod(t, s, 'HK2', '2026-01-19', '2026-05-31', 4);
    const feeId = await feeSchedule(t, s, 'BOARDING', 'Tiền bán trú', 150_000);
    const [p] = await pupils(t, s, ['Vũ Thị Giang']);
    await charge(t, s, p.id, periodId, feeId, 600_000);
    const before = await numbers(2026);

    // A closed month refuses the payment's row (EF001) after the counter gave it a number.
    await t.owner.query(`insert into finance_month_close (school_id, month) values ($1, '2026-02-01')`, [s.id]);
    const failed = await pay(t, s, { studentId: p.id, paidOn: '2026-02-10', method: 'CASH', amount: 150_000 });
    expect(failed.status).toBe(409);
    expect(failed.body.code).toBe('finance_month_closed');

    const next = await pay(t, s, { studentId: p.id, paidOn: '2026-03-02', method: 'CASH', amount: 150_000 });
    expect(next.status).toBe(201);
    expect(next.body.docNumber).toBe(before.length + 1);
    expect(await numbers(2026)).toEqual(Array.from({ length: before.length + 1 }, (_, i) => i + 1));
  });
});
