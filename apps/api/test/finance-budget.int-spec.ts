import { auditRows, schoolWithAdmin, SchoolFixture } from './academic-fixtures';
import { bearer, createUser, startTestApp, TestApp } from './harness';
import { readWorkbook } from './imports-fixtures';
import { pdfPages } from './pdf-text';

interface FieldErrorBody {
  errors: { field: string; code: string; message: string }[];
}

/**
 * A school's budget (docs/domain/finance.md, part E): the school's estimate, the allocations of the department or
 * its unit, adjustments, reversals that undo an entry without editing it, and the execution against approved
 * vouchers, printed as Excel and PDF.
 */
describe('the budget of a school', () => {
  let t: TestApp;
  let school: SchoolFixture;
  let other: SchoolFixture;
  let accountant: string;
  let department: string;
  let unitOfficer: string;
  let otherUnitOfficer: string;
  const budget = (s = school) => `/api/schools/${s.id}/budget`;
  const enter = (token: string, body: Record<string, unknown>, s = school) =>
    t
      .http()
      .post(`${budget(s)}/entries`)
      .set(bearer(token))
      .send(body);
  const view = async (year = 2025, token = accountant) => {
    const res = await t.http().get(budget()).query({ fiscalYear: year }).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body;
  };
  const entry = (extra: Record<string, unknown> = {}) => ({
    fiscalYear: 2025,
    kind: 'ESTIMATE',
    fundingSource: 'STATE_REGULAR',
    spendingGroup: 'PERSONNEL',
    amount: 1_200_000_000,
    enteredOn: '2025-01-06',
    ...extra,
  });
  const fieldErrors = (res: { status: number; body: FieldErrorBody }) => {
    expect(res.status).toBe(400);
    return Object.fromEntries(res.body.errors.map((e) => [e.field, e.code]));
  };
  const download = (path: string, query: Record<string, string>) =>
    t
      .http()
      .get(`${budget()}${path}`)
      .query(query)
      .set(bearer(accountant))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  /** An approved voucher (or its reversal), arranged as the schema owner: what the execution reads. */
  const approvedSpending = (spentOn: string, amount: number, group = 'PERSONNEL') =>
    t.owner.query(
      `insert into finance_expense (school_id, kind, spent_on, funding_source, spending_group, method, amount, payee,
         description, status) values ($1, $2, $3, 'STATE_REGULAR', $4, 'BANK', $5, 'Giáo viên', 'Lương', 'APPROVED')`,
      [school.id, amount > 0 ? 'EXPENSE' : 'REVERSAL', spentOn, group, amount],
    );

  beforeAll(async () => {
    t = await startTestApp({ EVENT_WORKER: 'off' });
    school = await schoolWithAdmin(t, 'PGD-KC');
    other = await schoolWithAdmin(t, 'PGD-KC');
    accountant = await t.login(await createUser(t, 'ACCOUNTANT', school.code));
    department = await t.login('admin.so');
    unitOfficer = await t.login(await createUser(t, 'UNIT_OFFICER', 'PGD-KC'));
    otherUnitOfficer = await t.login(await createUser(t, 'UNIT_OFFICER', 'PGD-VL'));
  });
  afterAll(() => t?.close());

  it('lets the school estimate and adjust, and only the department or the school’s unit allocate', async () => {
    expect((await enter(accountant, entry())).status).toBe(201);
    expect((await enter(accountant, entry({ kind: 'ALLOCATION', decisionNumber: '12/QĐ-UBND' }))).status).toBe(403);
    expect((await enter(department, entry())).status).toBe(403);
    expect((await enter(otherUnitOfficer, entry({ kind: 'ALLOCATION', decisionNumber: '1/QĐ' }))).status).toBe(404);

    const allocation = await enter(
      department,
      entry({ kind: 'ALLOCATION', amount: 1_000_000_000, decisionNumber: '125/QĐ-UBND', decisionDate: '2025-01-10' }),
    );
    expect(allocation.status).toBe(201);
    expect(allocation.body).toMatchObject({ kind: 'ALLOCATION', amount: 1_000_000_000, decisionNumber: '125/QĐ-UBND' });
    const byUnit = await enter(
      unitOfficer,
      entry({
        kind: 'ALLOCATION',
        fundingSource: 'STATE_PROJECT',
        spendingGroup: 'ASSETS',
        amount: 300_000_000,
        decisionNumber: '45/QĐ-PGD',
      }),
    );
    expect(byUnit.status).toBe(201);
    const cut = await enter(accountant, entry({ kind: 'ADJUSTMENT', amount: -50_000_000, note: 'Giảm biên chế' }));
    expect(cut.status).toBe(201);

    const b = await view();
    expect(b.rows).toEqual([
      {
        fundingSource: 'STATE_REGULAR',
        spendingGroup: 'PERSONNEL',
        estimate: 1_200_000_000,
        allocated: 1_000_000_000,
        adjusted: -50_000_000,
        available: 950_000_000,
        spent: 0,
        remaining: 950_000_000,
      },
      {
        fundingSource: 'STATE_PROJECT',
        spendingGroup: 'ASSETS',
        estimate: 0,
        allocated: 300_000_000,
        adjusted: 0,
        available: 300_000_000,
        spent: 0,
        remaining: 300_000_000,
      },
    ]);
    expect(b.total).toEqual({
      estimate: 1_200_000_000,
      allocated: 1_300_000_000,
      adjusted: -50_000_000,
      available: 1_250_000_000,
      spent: 0,
      remaining: 1_250_000_000,
    });
    expect(b.entries).toHaveLength(4);
    expect((await view(2024)).rows).toEqual([]);
    // The other school's budget saw nothing, and its accountant-less admin cannot read this one.
    expect((await t.http().get(budget(other)).query({ fiscalYear: 2025 }).set(bearer(other.admin))).body.rows).toEqual(
      [],
    );
    expect((await t.http().get(budget()).query({ fiscalYear: 2025 }).set(bearer(other.admin))).status).toBe(404);
  });

  it('refuses a zero amount, a negative estimate or allocation, and an allocation without its decision', async () => {
    expect(fieldErrors(await enter(accountant, entry({ amount: 0 })))).toEqual({ amount: 'budgetAmountZero' });
    expect(fieldErrors(await enter(accountant, entry({ amount: -5 })))).toEqual({ amount: 'budgetAmountNegative' });
    expect(fieldErrors(await enter(department, entry({ kind: 'ALLOCATION' })))).toEqual({
      decisionNumber: 'budgetDecisionRequired',
    });
    expect(fieldErrors(await enter(accountant, entry({ enteredOn: '2025-02-30', amount: 1.5 })))).toEqual({
      enteredOn: 'isRealDate',
      amount: 'isInt',
    });
  });

  it('undoes an entry by a reversal of the opposite amount, once, audited and announced, the entry left as it was', async () => {
    const before = await view();
    const made = await enter(accountant, entry({ spendingGroup: 'OTHER', amount: 70_000_000 }));
    expect((await view()).total.estimate).toBe(before.total.estimate + 70_000_000);
    const events = async () =>
      Number(
        (
          await t.owner.query(`select count(*) from outbox where school_id = $1 and type = 'finance.changed'`, [
            school.id,
          ])
        )[0].count,
      );
    const announced = await events();

    const reversal = await t
      .http()
      .post(`${budget()}/entries/${made.body.id}/reverse`)
      .set(bearer(accountant))
      .send({ reason: 'Nhập nhầm nhóm chi' });
    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({
      kind: 'REVERSAL',
      amount: -70_000_000,
      reversesId: made.body.id,
      fundingSource: 'STATE_REGULAR',
      spendingGroup: 'OTHER',
      note: 'Nhập nhầm nhóm chi',
    });
    const after = await view();
    expect(after.rows).toEqual(before.rows);
    expect(after.total).toEqual(before.total);
    expect(after.entries.find((e: { id: string }) => e.id === made.body.id)).toMatchObject({
      amount: 70_000_000,
      reversedById: reversal.body.id,
    });
    expect(await events()).toBe(announced + 1);
    expect((await auditRows(t, school.id, 'finance_budget_entry')).map((r) => r.entity_id)).toContain(reversal.body.id);

    const again = await t
      .http()
      .post(`${budget()}/entries/${made.body.id}/reverse`)
      .set(bearer(accountant))
      .send({ reason: 'x' });
    expect([again.status, again.body.code]).toEqual([409, 'finance_already_reversed']);
    const ofReversal = await t
      .http()
      .post(`${budget()}/entries/${reversal.body.id}/reverse`)
      .set(bearer(accountant))
      .send({ reason: 'x' });
    expect([ofReversal.status, ofReversal.body.code]).toEqual([409, 'finance_reversal_reversed']);
  });

  it('lets only an allocator reverse an allocation, and settles two reversals sent together with one', async () => {
    const allocation = await enter(
      department,
      entry({ kind: 'ALLOCATION', spendingGroup: 'GOODS_SERVICES', amount: 40_000_000, decisionNumber: '7/QĐ' }),
    );
    const reverse = (token: string) =>
      t.http().post(`${budget()}/entries/${allocation.body.id}/reverse`).set(bearer(token)).send({ reason: 'Thu hồi' });
    expect((await reverse(accountant)).status).toBe(403);
    const both = await Promise.all([reverse(department), reverse(unitOfficer)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const rows = await t.owner.query(`select count(*)::int as n from finance_budget_entry where reverses_id = $1`, [
      allocation.body.id,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('executes the budget from approved vouchers of the year; a voucher reversed lowers the spending', async () => {
    await approvedSpending('2025-03-10', 120_000_000);
    await approvedSpending('2025-04-10', 30_000_000);
    await approvedSpending('2025-04-20', -30_000_000);
    await approvedSpending('2026-01-05', 99_000_000);
    await t.owner.query(
      `insert into finance_expense (school_id, spent_on, funding_source, spending_group, method, amount, payee,
         description) values ($1, '2025-05-01', 'STATE_REGULAR', 'PERSONNEL', 'CASH', 5000000, 'Nháp', 'Chưa duyệt')`,
      [school.id],
    );
    const row = (await view()).rows.find(
      (r: { fundingSource: string; spendingGroup: string }) =>
        r.fundingSource === 'STATE_REGULAR' && r.spendingGroup === 'PERSONNEL',
    );
    expect(row).toMatchObject({ available: 950_000_000, spent: 120_000_000, remaining: 830_000_000 });
  });

  it('prints the execution as Excel and PDF with the same figures, per source with subtotals and a total', async () => {
    const xlsx = await download('/execution.xlsx', { fiscalYear: '2025' });
    expect(xlsx.status).toBe(200);
    const sheet = (await readWorkbook(xlsx.body as Buffer)).worksheets[0];
    const lines: unknown[][] = [];
    sheet.eachRow((r, n) => n > 8 && lines.push(Array.from({ length: 8 }, (_, i) => r.getCell(i + 1).value ?? null)));
    expect(sheet.getCell(3, 1).value).toBe('BÁO CÁO TÌNH HÌNH THỰC HIỆN DỰ TOÁN');
    expect(lines).toContainEqual([
      '– Chi cho con người',
      1_200_000_000,
      1_000_000_000,
      -50_000_000,
      950_000_000,
      120_000_000,
      830_000_000,
      12.6,
    ]);
    const total = lines.find((l) => l[0] === 'Tổng cộng')!;
    const b = await view();
    expect(total.slice(1, 7)).toEqual([
      b.total.estimate,
      b.total.allocated,
      b.total.adjusted,
      b.total.available,
      b.total.spent,
      b.total.remaining,
    ]);

    const pdf = await download('/execution.pdf', { fiscalYear: '2025' });
    expect([pdf.status, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const text = pdfPages(pdf.body as Buffer).join('');
    expect(text).toContain('THỰC HIỆN DỰ TOÁN');
    expect(text).toContain('Ngân sách nhà nước – chi thường xuyên');
    expect(text).toContain('830.000.000');
    expect((await download('/execution.pdf', { fiscalYear: 'năm' })).status).toBe(400);
  });

  it('refuses an entry dated in a closed month (the ledger’s trigger) with a clear 409', async () => {
    await t.owner.query(`insert into finance_month_close (school_id, month) values ($1, '2025-02-01')`, [school.id]);
    const res = await enter(accountant, entry({ enteredOn: '2025-02-14' }));
    expect([res.status, res.body.code]).toEqual([409, 'finance_month_closed']);
  });
});
