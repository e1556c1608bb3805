import { bearer, startTestApp, TestApp } from './harness';
import {
  charge,
  feePeriod,
  feeSchedule,
  outstanding,
  pay,
  paymentsSchool,
  PaymentsSchool,
  pupils,
  waive,
} from './finance-payments-fixtures';

/**
 * Payments, refunds and reversals (docs/domain/finance.md, "Payments"), against the real ledger: each case reads
 * back what the tables hold, not only what the API answered.
 */
describe('finance payments', () => {
  let t: TestApp;
  let s: PaymentsSchool;
  let hk1: string;
  let hk2: string;
  let tuition: string;
  let meals: string;

  beforeAll(async () => {
    t = await startTestApp({ EVENT_WORKER: 'off' });
    s = await paymentsSchool(t);
    hk1 = await feePeriod(t, s, 'HK1', '2025-09-05', '2026-01-15', 5);
    hk2 = await feePeriod(t, s, 'HK2', '2026-01-19', '2026-05-31', 4);
    tuition = await feeSchedule(t, s, 'SERVICE', 'Học thêm buổi chiều', 180_000);
    meals = await feeSchedule(t, s, 'MEALS', 'Tiền ăn bán trú', 200_000);
  });
  afterAll(() => t?.close());

  /** A pupil owing HK1 tuition 900,000, HK1 meals 1,000,000 and HK2 tuition 720,000 (created oldest first). */
  async function indebted(name: string) {
    const [p] = await pupils(t, s, [name]);
    return {
      ...p,
      hk1Tuition: await charge(t, s, p.id, hk1, tuition, 900_000),
      hk1Meals: await charge(t, s, p.id, hk1, meals, 1_000_000),
      hk2Tuition: await charge(t, s, p.id, hk2, tuition, 720_000),
    };
  }

  const post = (path: string, body: object) =>
    t.http().post(`/api/schools/${s.id}/${path}`).set(bearer(s.token)).send(body);

  it('records a part payment in cash on the oldest charges first, with a receipt number of the year', async () => {
    const p = await indebted('Nguyễn Thị Lan');
    const res = await pay(t, s, {
      studentId: p.id,
      paidOn: '2025-09-20',
      method: 'CASH',
      amount: 1_200_000,
      payerName: 'Lê Thị Hoa',
    });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'PAYMENT',
      documentNumber: expect.stringMatching(/^PT-2025-\d{6}$/),
      studentName: 'Nguyễn Thị Lan',
      studentCode: p.code,
      className: '6A',
      amount: 1_200_000,
      reversedById: null,
    });
    expect(res.body.allocations).toEqual([
      { chargeId: p.hk1Tuition, periodCode: 'HK1', feeName: 'Học thêm buổi chiều', amount: 900_000 },
      { chargeId: p.hk1Meals, periodCode: 'HK1', feeName: 'Tiền ăn bán trú', amount: 300_000 },
    ]);
    expect(await outstanding(t, s, p.hk1Tuition)).toBe(0);
    expect(await outstanding(t, s, p.hk1Meals)).toBe(700_000);
    expect(await outstanding(t, s, p.hk2Tuition)).toBe(720_000);
    const [row] = await t.owner.query(`select recorded_by is not null as signed from finance_payment where id = $1`, [
      res.body.id,
    ]);
    expect(row.signed).toBe(true);
  });

  it('records a bank transfer with its reference, and refuses one without', async () => {
    const p = await indebted('Trần Văn Minh');
    const missing = await pay(t, s, { studentId: p.id, paidOn: '2025-09-21', method: 'BANK', amount: 100_000 });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('bankReference');

    const res = await pay(t, s, {
      studentId: p.id,
      paidOn: '2025-09-21',
      method: 'BANK',
      bankReference: 'FT25264123456',
      amount: 100_000,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ method: 'BANK', bankReference: 'FT25264123456' });
  });

  it('refuses an over-payment, naming what is owed, and takes no receipt number for it', async () => {
    const p = await indebted('Lê Hoàng Nam');
    const [{ last: before }] = await t.owner.query(
      `select coalesce(max(last_number), 0) as last from finance_counter where school_id = $1 and series = 'RECEIPT'`,
      [s.id],
    );
    const res = await pay(t, s, { studentId: p.id, paidOn: '2025-09-22', method: 'CASH', amount: 2_620_001 });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'amount', code: 'financeOverpayment' })]);
    expect(res.body.errors[0].message).toContain('2.620.000');
    const [{ last: after }] = await t.owner.query(
      `select coalesce(max(last_number), 0) as last from finance_counter where school_id = $1 and series = 'RECEIPT'`,
      [s.id],
    );
    expect(after).toBe(before);
    expect(await t.owner.query(`select 1 from finance_payment where student_id = $1`, [p.id])).toHaveLength(0);

    for (const paidOn of ['1999-12-31', '2999-01-01']) {
      const dated = await pay(t, s, { studentId: p.id, paidOn, method: 'CASH', amount: 100_000 });
      expect([dated.status, dated.body.errors?.[0]?.field]).toEqual([400, 'paidOn']);
    }
  });

  it('settles the charges the cashier chose, and refuses a choice that does not add up or is not the pupil’s', async () => {
    const p = await indebted('Phạm Thu Hà');
    const other = await indebted('Đỗ Văn Khoa');
    const base = { studentId: p.id, paidOn: '2025-10-02', method: 'CASH' };

    const chosen = await pay(t, s, {
      ...base,
      amount: 720_000,
      allocations: [{ chargeId: p.hk2Tuition, amount: 720_000 }],
    });
    expect(chosen.status).toBe(201);
    expect(await outstanding(t, s, p.hk2Tuition)).toBe(0);
    expect(await outstanding(t, s, p.hk1Tuition)).toBe(900_000);

    const short = await pay(t, s, {
      ...base,
      amount: 500_000,
      allocations: [{ chargeId: p.hk1Meals, amount: 400_000 }],
    });
    expect(short.body.errors?.[0]?.code).toBe('financeAllocationSum');
    const foreign = await pay(t, s, { ...base, amount: 100, allocations: [{ chargeId: other.hk1Meals, amount: 100 }] });
    expect(foreign.body.errors?.[0]?.code).toBe('financeChargeNotOpen');
  });

  it('refunds part of a payment with a voucher number, paying back a later waiver’s credit first', async () => {
    const p = await indebted('Vũ Minh Châu');
    const paid = await pay(t, s, { studentId: p.id, paidOn: '2025-09-25', method: 'CASH', amount: 1_900_000 });
    expect(paid.status).toBe(201);
    await waive(t, s, p.hk1Meals, 400_000);
    expect(await outstanding(t, s, p.hk1Meals)).toBe(-400_000);

    const over = await post(`payments/${paid.body.id}/refund`, {
      amount: 1_900_001,
      paidOn: '2025-10-05',
      method: 'CASH',
      reason: 'Hoàn tiền',
    });
    expect(over.body.errors?.[0]?.code).toBe('financeOverRefund');

    const refund = await post(`payments/${paid.body.id}/refund`, {
      amount: 400_000,
      paidOn: '2025-10-05',
      method: 'CASH',
      reason: 'Hoàn tiền ăn được miễn giảm',
    });
    expect(refund.status).toBe(201);
    expect(refund.body).toMatchObject({
      kind: 'REFUND',
      documentNumber: expect.stringMatching(/^PC-2025-\d{6}$/),
      amount: -400_000,
      allocations: [expect.objectContaining({ chargeId: p.hk1Meals, amount: -400_000 })],
    });
    expect(await outstanding(t, s, p.hk1Meals)).toBe(0);
    expect(await outstanding(t, s, p.hk1Tuition)).toBe(0);
  });

  it('reverses a payment without a number of its own: the original keeps its number, marked reversed, and its charges are owed again', async () => {
    const p = await indebted('Bùi Thị Mai');
    const paid = await pay(t, s, { studentId: p.id, paidOn: '2025-09-26', method: 'CASH', amount: 1_000_000 });
    const reversal = await post(`payments/${paid.body.id}/reverse`, { reason: 'Nhập nhầm học sinh' });

    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({
      kind: 'REVERSAL',
      documentNumber: null,
      amount: -1_000_000,
      reversesId: paid.body.id,
      note: 'Nhập nhầm học sinh',
    });
    const original = await t.http().get(`/api/schools/${s.id}/payments/${paid.body.id}`).set(bearer(s.token));
    expect(original.body).toMatchObject({
      documentNumber: paid.body.documentNumber,
      reversedById: reversal.body.id,
    });
    expect(await outstanding(t, s, p.hk1Tuition)).toBe(900_000);
    expect(await outstanding(t, s, p.hk1Meals)).toBe(1_000_000);

    const again = await post(`payments/${paid.body.id}/reverse`, { reason: 'Lần hai' });
    expect([again.status, again.body.code]).toEqual([409, 'finance_already_reversed']);
    const ofReversal = await post(`payments/${reversal.body.id}/reverse`, { reason: 'Huỷ bút toán huỷ' });
    expect([ofReversal.status, ofReversal.body.code]).toEqual([409, 'finance_reversal_reversed']);
  });

  it('reverses a refunded payment only after its refund is reversed', async () => {
    const p = await indebted('Đặng Quốc Bảo');
    const paid = await pay(t, s, { studentId: p.id, paidOn: '2025-09-27', method: 'CASH', amount: 900_000 });
    const refund = await post(`payments/${paid.body.id}/refund`, {
      amount: 300_000,
      paidOn: '2025-09-30',
      method: 'CASH',
      reason: 'Thu thừa',
    });
    expect(refund.status).toBe(201);

    const blocked = await post(`payments/${paid.body.id}/reverse`, { reason: 'Sai' });
    expect([blocked.status, blocked.body.code]).toEqual([409, 'finance_payment_has_refunds']);
    expect((await post(`payments/${refund.body.id}/reverse`, { reason: 'Hoàn nhầm' })).status).toBe(201);
    expect(await outstanding(t, s, p.hk1Tuition)).toBe(0);
    expect((await post(`payments/${paid.body.id}/reverse`, { reason: 'Sai' })).status).toBe(201);
    expect(await outstanding(t, s, p.hk1Tuition)).toBe(900_000);
  });

  it('lists the school’s payments by date range and by a pupil’s name, newest first', async () => {
    const p = await indebted('Ngô Thị Xuân');
    await pay(t, s, { studentId: p.id, paidOn: '2025-11-03', method: 'CASH', amount: 100_000 });
    const second = await pay(t, s, { studentId: p.id, paidOn: '2025-11-04', method: 'CASH', amount: 200_000 });

    const res = await t
      .http()
      .get(`/api/schools/${s.id}/payments`)
      .query({ from: '2025-11-01', to: '2025-11-30', q: 'ngo thi xuan' })
      .set(bearer(s.token));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((i: { amount: number }) => i.amount)).toEqual([200_000, 100_000]);

    const byNumber = await t
      .http()
      .get(`/api/schools/${s.id}/payments`)
      .query({ q: second.body.documentNumber })
      .set(bearer(s.token));
    expect(byNumber.body.items.map((i: { id: string }) => i.id)).toEqual([second.body.id]);
  });
});
