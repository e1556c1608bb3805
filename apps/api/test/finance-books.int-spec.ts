import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import type { Reconciliation } from '@emis/contracts';
import { LedgerFixture } from './finance-books-fixtures';
import { insertPupil, schoolYear } from './finance-fixtures';
import { bearer, startTestApp, TestApp } from './harness';
import { schoolWithAdmin } from './imports-fixtures';
import { pdfPages } from './pdf-text';
import { createClass } from './students-fixtures';

/**
 * The cash and bank books, closed months and the reconciliation, on ledgers arranged as the payments and spending
 * parts write them (finance-books-fixtures.ts) — and broken on purpose, one way per school, to see each check of the
 * reconciliation name the difference and what causes it.
 */
describe('finance books, closed months and the reconciliation', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Every test signs in a fresh school's administrator: more sign-ins than the throttle lets through a minute.
    t = await startTestApp({ EVENT_WORKER: 'off', AUTH_THROTTLE_LIMIT: '1000' });
  });
  afterAll(() => t?.close());

  /** A school whose ledger reconciles: two pupils charged, paid in cash and by bank, a refund, a reversal, vouchers. */
  async function keptSchool() {
    const { schoolId, token } = await schoolWithAdmin(t);
    const ledger = await LedgerFixture.create(t, schoolId);
    const [an, binh] = [randomUUID(), randomUUID()];
    const periodId = await ledger.period('HK1', '2025-09-01', '2025-12-31', 4);
    const feeId = await ledger.fee('Tiền ăn bán trú', 375_000);
    const anMeals = await ledger.charge({ periodId, feeId, studentId: an, due: 1_500_000 });
    const binhMeals = await ledger.charge({ periodId, feeId, studentId: binh, due: 1_200_000 });
    const put = await t
      .http()
      .put(`/api/schools/${schoolId}/books/opening-balances`)
      .set(bearer(token))
      .send({ fiscalYear: 2025, cash: 5_000_000, bank: 0 });
    expect(put.status).toBe(200);
    await ledger.expense({ spentOn: '2025-08-20', amount: 100_000 });
    const anCash = await ledger.payment({
      studentId: an,
      paidOn: '2025-09-10',
      amount: 1_500_000,
      allocations: [{ chargeId: anMeals, amount: 1_500_000 }],
    });
    const binhCash = await ledger.payment({
      studentId: binh,
      paidOn: '2025-09-12',
      amount: 1_000_000,
      allocations: [{ chargeId: binhMeals, amount: 1_000_000 }],
    });
    const binhBank = await ledger.payment({
      studentId: binh,
      paidOn: '2025-09-15',
      amount: 200_000,
      method: 'BANK',
      reference: 'FT25258000001',
      allocations: [{ chargeId: binhMeals, amount: 200_000 }],
    });
    await ledger.bankLine({
      bookedOn: '2025-09-15',
      amount: 200_000,
      reference: 'FT25258000001',
      paymentId: binhBank.id,
    });
    await ledger.refund({
      paymentId: anCash.id,
      studentId: an,
      paidOn: '2025-10-02',
      amount: 200_000,
      allocations: [{ chargeId: anMeals, amount: 200_000 }],
    });
    await ledger.reverse(binhCash.id, '2025-10-05');
    await ledger.expense({ spentOn: '2025-10-08', amount: 350_000 });
    return { schoolId, token, ledger, an, binh, anMeals, binhMeals, periodId, feeId };
  }

  async function reconcile(schoolId: string, token: string, from = '2025-09-01', to = '2025-10-31') {
    const res = await t.http().get(`/api/schools/${schoolId}/reconciliation`).query({ from, to }).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body as Reconciliation;
  }

  const differing = (r: Reconciliation) =>
    r.checks
      .filter((c) => c.difference !== 0)
      .map((c) => ({ code: c.code, difference: c.difference, causes: c.causes }));

  it('runs the cash book from the balance brought forward through receipts, a refund, a reversal and vouchers', async () => {
    const { schoolId, token } = await keptSchool();
    const res = await t
      .http()
      .get(`/api/schools/${schoolId}/books/cash`)
      .query({ from: '2025-09-01', to: '2025-10-31' })
      .set(bearer(token));
    expect(res.status).toBe(200);
    // 5,000,000 on 1 January, less the August voucher of 100,000.
    expect(res.body.opening).toBe(4_900_000);
    expect(
      res.body.rows.map((r: Record<string, unknown>) => [
        r['date'],
        r['documentNumber'],
        r['receipt'],
        r['spending'],
        r['balance'],
      ]),
    ).toEqual([
      ['2025-09-10', 'PT-2025-000001', 1_500_000, 0, 6_400_000],
      ['2025-09-12', 'PT-2025-000002', 1_000_000, 0, 7_400_000],
      ['2025-10-02', 'PC-2025-000002', 0, 200_000, 7_200_000],
      ['2025-10-05', null, -1_000_000, 0, 6_200_000],
      ['2025-10-08', 'PC-2025-000003', 0, 350_000, 5_850_000],
    ]);
    expect(res.body.rows[3].description).toMatch(/^Huỷ chứng từ PT-2025-000002/);
    expect([res.body.totalIn, res.body.totalOut, res.body.closing]).toEqual([1_500_000, 550_000, 5_850_000]);

    const bank = await t
      .http()
      .get(`/api/schools/${schoolId}/books/bank`)
      .query({ from: '2025-09-01', to: '2025-10-31' })
      .set(bearer(token));
    expect(bank.body).toMatchObject({ account: 'BANK', opening: 0, totalIn: 200_000, totalOut: 0, closing: 200_000 });
    expect(bank.body.rows.map((r: { documentNumber: string }) => r.documentNumber)).toEqual(['PT-2025-000003']);
  });

  it('prints the cash book as Excel and PDF with the same figures, on form S11-H', async () => {
    const { schoolId, token } = await keptSchool();
    const query = { from: '2025-09-01', to: '2025-10-31' };
    const xlsx = await t
      .http()
      .get(`/api/schools/${schoolId}/books/cash.xlsx`)
      .query(query)
      .set(bearer(token))
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    const values = wb.worksheets[0]
      .getSheetValues()
      .flat()
      .filter((v) => v !== undefined && v !== null);
    expect(values).toEqual(
      expect.arrayContaining(['SỔ QUỸ TIỀN MẶT', 'Mẫu số S11-H', 'Số tồn cuối kỳ', 5_850_000, 4_900_000]),
    );

    const pdf = await t
      .http()
      .get(`/api/schools/${schoolId}/books/cash.pdf`)
      .query(query)
      .set(bearer(token))
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfPages(pdf.body).join(' ');
    expect(text).toContain('SỔ QUỸ TIỀN MẶT');
    expect(text).toContain('5.850.000');
    expect(text).toContain('PC-2025-000003');
  });

  it('reconciles a ledger kept as the API keeps it: every check balanced', async () => {
    const { schoolId, token } = await keptSchool();
    const r = await reconcile(schoolId, token);
    expect(differing(r)).toEqual([]);
    expect(r.balanced).toBe(true);
    expect(r.checks.find((c) => c.code === 'RECEIPTS_NUMBERED')).toMatchObject({ left: 3, right: 3 });
    expect(r.checks.find((c) => c.code === 'VOUCHERS_NUMBERED')).toMatchObject({ left: 3, right: 3 });
    expect(r.checks.find((c) => c.code === 'BANK_RECEIPTS_MATCHED')).toMatchObject({ left: 200_000, right: 200_000 });
    expect(r.checks.find((c) => c.code === 'CASH_BOOK')).toMatchObject({ left: 5_850_000, right: 5_850_000 });
    expect(r.checks.find((c) => c.code === 'OUTSTANDING')).toMatchObject({ left: 1_200_000, right: 1_200_000 });
  });

  describe('shows a difference, with its cause, when the ledger is broken on purpose', () => {
    it('a receipt number issued that no receipt holds', async () => {
      const { schoolId, token } = await keptSchool();
      await t.owner.query(
        `update finance_counter set last_number = last_number + 1 where school_id = $1 and series = 'RECEIPT'`,
        [schoolId],
      );
      expect(differing(await reconcile(schoolId, token))).toEqual([
        {
          code: 'RECEIPTS_NUMBERED',
          difference: 1,
          causes: [{ kind: 'NUMBER', id: null, label: 'PT-2025-000004', amount: 1 }],
        },
      ]);
    });

    it('a payment that settles no charge', async () => {
      const { schoolId, token, ledger, an } = await keptSchool();
      const stray = await ledger.payment({ studentId: an, paidOn: '2025-10-20', amount: 300_000, allocations: [] });
      expect(differing(await reconcile(schoolId, token))).toEqual([
        {
          code: 'PAYMENTS_ALLOCATED',
          difference: 300_000,
          causes: [{ kind: 'PAYMENT', id: stray.id, label: 'PT-2025-000004', amount: 300_000 }],
        },
        { code: 'OUTSTANDING', difference: -300_000, causes: [] },
      ]);
    });

    it('a bank receipt no statement shows, and money on a statement no receipt records', async () => {
      const { schoolId, token, ledger, an, anMeals } = await keptSchool();
      // An's meals corrected up by 300,000 − the 200,000 refunded: the bank receipt settles them exactly.
      await ledger.adjust(anMeals, 100_000, '2025-10-01');
      const unseen = await ledger.payment({
        studentId: an,
        paidOn: '2025-10-21',
        amount: 300_000,
        method: 'BANK',
        reference: 'FT25294000777',
        allocations: [{ chargeId: anMeals, amount: 300_000 }],
      });
      const stray = await ledger.bankLine({ bookedOn: '2025-10-22', amount: 450_000, reference: 'FT25295000888' });
      expect(differing(await reconcile(schoolId, token))).toEqual([
        {
          code: 'BANK_RECEIPTS_MATCHED',
          difference: 300_000,
          causes: [{ kind: 'PAYMENT', id: unseen.id, label: 'PT-2025-000004', amount: 300_000 }],
        },
        {
          code: 'BANK_LINES_RECORDED',
          difference: 450_000,
          causes: [{ kind: 'BANK_LINE', id: stray, label: 'FT25295000888 (2025-10-22)', amount: 450_000 }],
        },
      ]);
    });

    it("an opening balance recorded for the new year that is not the old year's closing", async () => {
      const { schoolId, token } = await keptSchool();
      const put = await t
        .http()
        .put(`/api/schools/${schoolId}/books/opening-balances`)
        .set(bearer(token))
        .send({ fiscalYear: 2026, cash: 6_000_000, bank: 200_000 });
      expect(put.body).toEqual({ fiscalYear: 2026, cash: 6_000_000, bank: 200_000 });
      // The cash book closed 2025 at 5,850,000: the new year opens 150,000 too high.
      expect(differing(await reconcile(schoolId, token, '2025-09-01', '2026-01-31'))).toEqual([
        {
          code: 'CASH_BOOK',
          difference: -150_000,
          causes: [{ kind: 'OPENING', id: null, label: 'Tiền mặt: số dư đầu năm 2026', amount: -150_000 }],
        },
      ]);
    });

    it('a charge settled beyond what it owes', async () => {
      const { schoolId, token, ledger, binh, binhMeals } = await keptSchool();
      await ledger.payment({
        studentId: binh,
        paidOn: '2025-10-25',
        amount: 1_500_000,
        allocations: [{ chargeId: binhMeals, amount: 1_500_000 }],
      });
      // Bình owed 1,000,000 after the reversal: 500,000 paid twice over.
      expect(differing(await reconcile(schoolId, token))).toEqual([
        {
          code: 'NO_CHARGE_OVERPAID',
          difference: -500_000,
          causes: [{ kind: 'CHARGE', id: binhMeals, label: binh, amount: -500_000 }],
        },
      ]);
    });
  });

  describe('closed months', () => {
    it('closes months in order and once ended; nothing dated in a closed month is written after', async () => {
      const { schoolId, token, an, anMeals, ledger } = await keptSchool();
      const close = (month: string) =>
        t.http().post(`/api/schools/${schoolId}/finance-months/${month}/close`).set(bearer(token));
      // The August voucher is the school's first dated entry: August closes first.
      const early = await close('2025-09');
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({ code: 'finance_month_earlier_open', month: '2025-08' });
      expect((await close('2025-08')).body).toMatchObject({ month: '2025-08', closedAt: expect.any(String) });
      expect((await close('2025-09')).status).toBe(201);
      expect((await close('2025-09')).body.code).toBe('finance_month_already_closed');
      const thisMonth = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
      expect((await close(thisMonth)).body.code).toBe('finance_month_not_ended');

      const months = await t.http().get(`/api/schools/${schoolId}/finance-months`).set(bearer(token));
      expect(months.body.slice(0, 3)).toEqual([
        { month: '2025-08', closedAt: expect.any(String) },
        { month: '2025-09', closedAt: expect.any(String) },
        { month: '2025-10', closedAt: null },
      ]);
      expect(months.body.at(-1)).toEqual({ month: thisMonth, closedAt: null });

      await expect(
        ledger.payment({
          studentId: an,
          paidOn: '2025-09-30',
          amount: 100_000,
          allocations: [{ chargeId: anMeals, amount: 100_000 }],
        }),
      ).rejects.toMatchObject({ code: 'EF001' });
      // The closed months' books are what they were.
      const reconciled = await reconcile(schoolId, token);
      expect(reconciled.balanced).toBe(true);
    });

    it('keeps the opening balance of a year whose January is closed', async () => {
      const { schoolId, token } = await schoolWithAdmin(t);
      const ledger = await LedgerFixture.create(t, schoolId);
      await ledger.expense({ spentOn: '2025-01-10', amount: 50_000 });
      expect(
        (await t.http().post(`/api/schools/${schoolId}/finance-months/2025-01/close`).set(bearer(token))).status,
      ).toBe(201);
      const put = await t
        .http()
        .put(`/api/schools/${schoolId}/books/opening-balances`)
        .set(bearer(token))
        .send({ fiscalYear: 2025, cash: 1_000_000, bank: 0 });
      expect(put.status).toBe(409);
      expect(put.body.code).toBe('finance_month_closed');
      const get = await t
        .http()
        .get(`/api/schools/${schoolId}/books/opening-balances`)
        .query({ fiscalYear: 2025 })
        .set(bearer(token));
      expect(get.body).toEqual({ fiscalYear: 2025, cash: null, bank: null });
    });
  });

  it('sums what pupils owe and paid by class, grade and period, in Excel and PDF too', async () => {
    const { schoolId, token } = await schoolWithAdmin(t);
    const year = await schoolYear(t, 2025);
    const ledger = new LedgerFixture(t, schoolId, year.id);
    const classes = {
      '6A': await createClass(t, schoolId, year.id, '6A', '6'),
      '6B': await createClass(t, schoolId, year.id, '6B', '6'),
      '7A': await createClass(t, schoolId, year.id, '7A', '7'),
    };
    const hk1 = await ledger.period('HK1', '2025-09-05', '2026-01-15', 4);
    const hk2 = await ledger.period('HK2', '2026-01-19', '2026-05-31', 5);
    const feeId = await ledger.fee('Tiền ăn bán trú', 300_000);
    const charge = async (fullName: string, className: keyof typeof classes, dues: [string, number][]) => {
      const classId = classes[className];
      const pupil = await insertPupil(t, schoolId, { fullName, classId, from: '2025-09-05' });
      const charges = [];
      for (const [periodId, due] of dues)
        charges.push(await ledger.charge({ periodId, feeId, studentId: pupil.id, classId, due }));
      return { id: pupil.id, charges };
    };
    const an = await charge('Nguyễn Văn An', '6A', [
      [hk1, 1_200_000],
      [hk2, 1_500_000],
    ]);
    await charge('Trần Thị Bình', '6B', [[hk1, 1_200_000]]);
    const chau = await charge('Lê Minh Châu', '7A', [[hk1, 1_200_000]]);
    await ledger.payment({
      studentId: an.id,
      paidOn: '2025-09-20',
      amount: 1_200_000,
      allocations: [{ chargeId: an.charges[0], amount: 1_200_000 }],
    });
    await ledger.payment({
      studentId: chau.id,
      paidOn: '2025-09-21',
      amount: 500_000,
      allocations: [{ chargeId: chau.charges[0], amount: 500_000 }],
    });
    await ledger.adjust(chau.charges[0], -200_000, '2025-10-01');

    const summary = async (by: string) =>
      (
        await t
          .http()
          .get(`/api/schools/${schoolId}/collection-summary`)
          .query({ schoolYearId: year.id, by })
          .set(bearer(token))
      ).body;
    const rows = (s: { rows: Record<string, unknown>[] }) =>
      s.rows.map((r) => [r['label'], r['pupils'], r['due'], r['adjusted'], r['paid'], r['outstanding']]);
    const byClass = await summary('class');
    expect(rows(byClass)).toEqual([
      ['Lớp 6A', 1, 2_700_000, 0, 1_200_000, 1_500_000],
      ['Lớp 6B', 1, 1_200_000, 0, 0, 1_200_000],
      ['Lớp 7A', 1, 1_200_000, -200_000, 500_000, 500_000],
    ]);
    expect(byClass.total).toMatchObject({
      pupils: 3,
      due: 5_100_000,
      adjusted: -200_000,
      paid: 1_700_000,
      outstanding: 3_200_000,
    });
    expect(rows(await summary('grade'))).toEqual([
      ['Khối 6', 2, 3_900_000, 0, 1_200_000, 2_700_000],
      ['Khối 7', 1, 1_200_000, -200_000, 500_000, 500_000],
    ]);
    expect(rows(await summary('period'))).toEqual([
      ['HK1 — Đợt HK1', 3, 3_600_000, -200_000, 1_700_000, 1_700_000],
      ['HK2 — Đợt HK2', 1, 1_500_000, 0, 0, 1_500_000],
    ]);
    const pdf = await t
      .http()
      .get(`/api/schools/${schoolId}/collection-summary.pdf`)
      .query({ schoolYearId: year.id, by: 'class' })
      .set(bearer(token))
      .buffer(true)
      .parse(binary);
    const text = pdfPages(pdf.body).join(' ');
    expect(text).toContain('BẢNG TỔNG HỢP TÌNH HÌNH THU');
    expect(text).toContain('3.200.000');
    const xlsx = await t
      .http()
      .get(`/api/schools/${schoolId}/collection-summary.xlsx`)
      .query({ schoolYearId: year.id, by: 'grade' })
      .set(bearer(token))
      .buffer(true)
      .parse(binary);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    expect(wb.worksheets[0].getSheetValues().flat()).toEqual(
      expect.arrayContaining(['Khối 6', 'Tổng cộng', 3_200_000]),
    );
  });

  it('refuses a range that ends before it starts or spans more than two years', async () => {
    const { schoolId, token } = await schoolWithAdmin(t);
    for (const [from, to] of [
      ['2025-10-01', '2025-09-30'],
      ['2023-01-01', '2025-01-02'],
    ]) {
      const res = await t.http().get(`/api/schools/${schoolId}/reconciliation`).query({ from, to }).set(bearer(token));
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'to', code: 'financeRange' })]);
    }
  });
});

/** supertest's parser for a binary download: the body as one Buffer. */
function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
