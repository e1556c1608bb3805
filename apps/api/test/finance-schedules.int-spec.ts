import ExcelJS from 'exceljs';
import { auditRows } from './academic-fixtures';
import { financeSchool, financeYear, FinanceSchool, setTuitionLevels } from './finance-rules-fixtures';
import { bearer, createUser, startTestApp, TestApp } from './harness';
import { readWorkbook, waitForJob, XLSX_TYPE } from './imports-fixtures';
import { createUnit, Unit } from './reports-fixtures';

type Line = Record<string, unknown> & { id: string; name: string; version: number };

/**
 * A school's fee schedules (docs/domain/finance.md, "Who sets what"): the province's proposals, drafts, adoption within
 * the province's bounds, withdrawal, the Excel round trip.
 */
describe("a school's fee schedules", () => {
  let t: TestApp;
  let dept: string;
  let unit: Unit;
  let school: FinanceSchool;
  let year: { id: string; code: string };

  const path = (s: FinanceSchool = school) => `/api/schools/${s.id}/fee-schedules`;
  const list = async (s: FinanceSchool = school, yearId = year.id): Promise<Line[]> => {
    const res = await t.http().get(path(s)).query({ schoolYearId: yearId }).set(bearer(s.accountant));
    expect(res.status).toBe(200);
    return res.body;
  };
  const create = (body: Record<string, unknown>, s: FinanceSchool = school) =>
    t
      .http()
      .post(path(s))
      .set(bearer(s.accountant))
      .send({ schoolYearId: year.id, ...body });
  const adopt = (id: string, s: FinanceSchool = school, adoptedOn = '2131-08-25') =>
    t
      .http()
      .post(`${path(s)}/${id}/adopt`)
      .set(bearer(s.accountant))
      .send({ decisionNumber: '15/QĐ-THCS', adoptedOn });
  const byName = (lines: Line[], name: string) => lines.find((l) => l.name === name && l.status !== 'WITHDRAWN')!;

  beforeAll(async () => {
    t = await startTestApp();
    dept = await t.login('admin.so');
    unit = await createUnit(t);
    school = await financeSchool(t, unit);
    year = await financeYear(t, 2132);
    await setTuitionLevels(t, dept, year.id, [
      { schoolLevel: 'LOWER_SECONDARY', area: 'RURAL', monthlyAmount: 155_000, privateSupportMonthly: 155_000 },
      { schoolLevel: 'LOWER_SECONDARY', area: 'URBAN', monthlyAmount: 300_000 },
    ]);
    const range = (extra: Record<string, unknown>) =>
      t
        .http()
        .post('/api/finance-config/fee-ranges')
        .set(bearer(dept))
        .send({ schoolYearId: year.id, schoolLevel: 'LOWER_SECONDARY', area: 'ANY', billingUnit: 'MONTH', ...extra });
    await range({
      feeKind: 'MEALS',
      minAmount: 300_000,
      maxAmount: 700_000,
      nameVi: 'Tiền ăn bán trú',
      nameEn: 'Meals',
    });
    await range({
      feeKind: 'MEALS',
      area: 'RURAL',
      minAmount: 250_000,
      maxAmount: 500_000,
      nameVi: 'Tiền ăn bán trú',
      nameEn: 'Meals',
    });
    await range({
      feeKind: 'HEALTH_INSURANCE',
      billingUnit: 'YEAR',
      minAmount: 884_520,
      maxAmount: 884_520,
      nameVi: 'Bảo hiểm y tế học sinh',
      nameEn: 'Pupil health insurance',
    });
    await t.http().put(`/api/finance-config/schools/${school.id}`).set(bearer(dept)).send({ area: 'RURAL' });
  });
  afterAll(() => t.close());

  it("proposes the province's tuition level and ranges for the school's level and area as drafts, once", async () => {
    const res = await t
      .http()
      .post(`${path()}/adopt-province`)
      .set(bearer(school.accountant))
      .send({ schoolYearId: year.id });
    expect(res.status).toBe(200);
    expect(res.body.map((l: Line) => [l.feeKind, l.name, l.billingUnit, l.amount, l.status, l.allowed])).toEqual([
      ['TUITION', 'Học phí', 'MONTH', 155_000, 'DRAFT', { minAmount: 0, maxAmount: 155_000 }],
      ['MEALS', 'Tiền ăn bán trú', 'MONTH', 250_000, 'DRAFT', { minAmount: 250_000, maxAmount: 500_000 }],
      [
        'HEALTH_INSURANCE',
        'Bảo hiểm y tế học sinh',
        'YEAR',
        884_520,
        'DRAFT',
        { minAmount: 884_520, maxAmount: 884_520 },
      ],
    ]);
    const again = await t
      .http()
      .post(`${path()}/adopt-province`)
      .set(bearer(school.admin))
      .send({ schoolYearId: year.id });
    expect(again.body).toHaveLength(3);
    expect((await auditRows(t, school.id, 'finance_fee_schedule')).map((r) => r.action)).toEqual([
      'CREATE',
      'CREATE',
      'CREATE',
    ]);
  });

  it('edits a draft at its version, and adopts it only within the range, with the decision that approved it', async () => {
    const meals = byName(await list(), 'Tiền ăn bán trú');
    const edited = await t
      .http()
      .patch(`${path()}/${meals.id}`)
      .set(bearer(school.accountant))
      .send({ amount: 600_000, version: meals.version });
    expect(edited.body).toMatchObject({ amount: 600_000, version: meals.version + 1, status: 'DRAFT' });
    const stale = await t
      .http()
      .patch(`${path()}/${meals.id}`)
      .set(bearer(school.accountant))
      .send({ amount: 1, version: meals.version });
    expect(stale).toMatchObject({ status: 409, body: { code: 'version_conflict' } });

    const tooHigh = await adopt(meals.id);
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.errors).toEqual([
      { field: 'amount', code: 'feeOutOfRange', message: 'Số tiền phải từ 250000 đ đến 500000 đ theo quy định của Sở' },
    ]);
    await t
      .http()
      .patch(`${path()}/${meals.id}`)
      .set(bearer(school.accountant))
      .send({ amount: 450_000, version: meals.version + 1 });
    const adopted = await adopt(meals.id);
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({
      status: 'ADOPTED',
      amount: 450_000,
      decisionNumber: '15/QĐ-THCS',
      adoptedOn: '2131-08-25',
    });

    const change = await t
      .http()
      .patch(`${path()}/${meals.id}`)
      .set(bearer(school.accountant))
      .send({ amount: 400_000, version: adopted.body.version });
    expect(change).toMatchObject({ status: 409, body: { code: 'finance_fee_schedule_not_draft' } });
    expect((await adopt(meals.id)).status).toBe(409);
    const audit = (await auditRows(t, school.id, 'finance_fee_schedule')).filter((r) => r.entity_id === meals.id);
    expect(audit.map((r) => r.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'APPROVE']);
  });

  it("caps public tuition at the province's level and refuses a grade the school does not teach", async () => {
    const tuition = byName(await list(), 'Học phí');
    await t
      .http()
      .patch(`${path()}/${tuition.id}`)
      .set(bearer(school.accountant))
      .send({ amount: 160_000, version: tuition.version });
    const above = await adopt(tuition.id);
    expect(above.body.errors).toEqual([expect.objectContaining({ field: 'amount', code: 'feeOutOfRange' })]);
    const upper = await create({
      feeKind: 'EXTRA_LESSONS',
      name: 'Dạy thêm lớp 10',
      billingUnit: 'MONTH',
      amount: 1,
      grades: ['10'],
    });
    expect(upper.status).toBe(400);
    expect(upper.body.errors).toEqual([expect.objectContaining({ field: 'grades', code: 'feeGradeNotTaught' })]);
    const noRange = await create({ feeKind: 'BOARDING', name: 'Nội trú', billingUnit: 'MONTH', amount: 100_000 });
    expect(noRange.status).toBe(201);
    expect(noRange.body.allowed).toBeNull();
    expect((await adopt(noRange.body.id)).body.errors).toEqual([expect.objectContaining({ code: 'feeNoRange' })]);
    const gift = await create({ feeKind: 'VOLUNTARY', name: 'Quỹ khuyến học', billingUnit: 'YEAR', amount: 50_000 });
    expect(gift.body).toMatchObject({ voluntary: true, allowed: null });
    expect((await adopt(gift.body.id)).status).toBe(200);
  });

  it('withdraws an adopted line, which frees its name for the draft that replaces it', async () => {
    const meals = byName(await list(), 'Tiền ăn bán trú');
    const taken = await create({ feeKind: 'MEALS', name: 'Tiền ăn bán trú', billingUnit: 'MONTH', amount: 300_000 });
    expect(taken).toMatchObject({ status: 409, body: { code: 'finance_fee_schedule_exists' } });
    const withdrawn = await t.http().post(`${path()}/${meals.id}/withdraw`).set(bearer(school.accountant));
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', amount: 450_000 });
    expect((await t.http().post(`${path()}/${meals.id}/withdraw`).set(bearer(school.accountant))).status).toBe(409);
    const replacing = await create({
      feeKind: 'MEALS',
      name: 'Tiền ăn bán trú',
      billingUnit: 'MONTH',
      amount: 300_000,
    });
    expect(replacing.status).toBe(201);
    // Withdrawn lines are listed last.
    expect((await list()).at(-1)).toMatchObject({ id: meals.id, status: 'WITHDRAWN' });
  });

  it('lets a private school set its own tuition, and refuses tuition at a public primary school', async () => {
    const privateSchool = await financeSchool(t, unit, { ownership: 'PRIVATE' });
    const fee = await create(
      { feeKind: 'TUITION', name: 'Học phí', billingUnit: 'MONTH', amount: 2_500_000 },
      privateSchool,
    );
    expect(fee.body.allowed).toBeNull();
    expect((await adopt(fee.body.id, privateSchool)).status).toBe(200);
    const primary = await financeSchool(t, unit, { levels: ['PRIMARY'] });
    const free = await create({ feeKind: 'TUITION', name: 'Học phí', billingUnit: 'MONTH', amount: 0 }, primary);
    expect((await adopt(free.body.id, primary)).body.errors).toEqual([
      expect.objectContaining({ field: 'feeKind', code: 'feePrimaryTuitionFree' }),
    ]);
    const proposed = await t
      .http()
      .post(`${path(primary)}/adopt-province`)
      .set(bearer(primary.accountant))
      .send({ schoolYearId: year.id });
    expect(proposed.body.filter((l: Line) => l.feeKind === 'TUITION' && l.id !== free.body.id)).toEqual([]);
  });

  it("keeps a closed year's schedules read-only, another school's out of reach, and a teacher out", async () => {
    const closed = await financeYear(t, 1931, 'CLOSED');
    const refused = await t
      .http()
      .post(path())
      .set(bearer(school.accountant))
      .send({ schoolYearId: closed.id, feeKind: 'MEALS', name: 'Tiền ăn', billingUnit: 'MONTH', amount: 1 });
    expect(refused).toMatchObject({ status: 409, body: { code: 'year_closed' } });
    expect(await list(school, closed.id)).toEqual([]);
    const other = await financeSchool(t, unit);
    const foreign = await t.http().get(path()).query({ schoolYearId: year.id }).set(bearer(other.admin));
    expect(foreign.status).toBe(404);
    const line = (await list())[0];
    const foreignWithdraw = await t
      .http()
      .post(`${path(other)}/${line.id}/withdraw`)
      .set(bearer(other.admin));
    expect(foreignWithdraw.status).toBe(404);
    const teacher = await t.login(await createUser(t, 'TEACHER', school.code));
    expect((await t.http().get(path()).query({ schoolYearId: year.id }).set(bearer(teacher))).status).toBe(403);
  });

  describe('in Excel', () => {
    const download = async (s: FinanceSchool) => {
      const res = await t
        .http()
        .get(`${path(s)}/export.xlsx`)
        .query({ schoolYearId: year.id })
        .set(bearer(s.accountant))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      return readWorkbook(res.body);
    };
    const upload = async (s: FinanceSchool, wb: ExcelJS.Workbook) => {
      const res = await t
        .http()
        .post(`${path(s)}/import`)
        .query({ schoolYearId: year.id })
        .set(bearer(s.accountant))
        .attach('file', Buffer.from(await wb.xlsx.writeBuffer()), {
          filename: 'khoan-thu.xlsx',
          contentType: XLSX_TYPE,
        });
      expect(res.status).toBe(202);
      return waitForJob(t, s.accountant, s.id, res.body.id);
    };

    it('exports the live lines with their status, and an unchanged file imports as unchanged', async () => {
      const s = await financeSchool(t, unit);
      await t
        .http()
        .post(`${path(s)}/adopt-province`)
        .set(bearer(s.accountant))
        .send({ schoolYearId: year.id });
      const wb = await download(s);
      const sheet = wb.worksheets[0];
      expect(sheet.getRow(1).values).toEqual([
        undefined,
        'Loại khoản thu',
        'Tên khoản thu',
        'Đơn vị tính',
        'Mức thu (đồng)',
        'Khối lớp',
        'Tự nguyện',
        'Số quyết định',
        'Trạng thái',
      ]);
      // The school is urban: the range for every area applies.
      expect(['A3', 'B3', 'C3', 'D3', 'F3', 'H3'].map((a) => sheet.getCell(a).value)).toEqual([
        'Tiền ăn',
        'Tiền ăn bán trú',
        'Tháng',
        300_000,
        'Không',
        'Dự thảo',
      ]);
      expect(await upload(s, wb)).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 3 });
    });

    it('updates drafts and creates new lines from the file, and refuses a change to an adopted line, writing nothing', async () => {
      const s = await financeSchool(t, unit);
      await t
        .http()
        .post(`${path(s)}/adopt-province`)
        .set(bearer(s.accountant))
        .send({ schoolYearId: year.id });
      const tuition = byName(await list(s), 'Học phí');
      expect((await adopt(tuition.id, s)).status).toBe(200);

      const wb = await download(s);
      const sheet = wb.worksheets[0];
      sheet.getCell('D3').value = 350_000;
      sheet.addRow(['Dạy thêm, học thêm', 'Dạy thêm Toán', 'Tháng', 200_000, '8, 9', null, null]);
      sheet.addRow(['Dịch vụ', 'Sổ liên lạc điện tử', 'Năm học', 120_000, 6, 'Không', null]);
      const done = await upload(s, wb);
      expect(done).toMatchObject({ status: 'DONE', created: 2, updated: 1, unchanged: 2 });
      const lines = await list(s);
      expect(byName(lines, 'Tiền ăn bán trú')).toMatchObject({ amount: 350_000, status: 'DRAFT', version: 2 });
      expect(byName(lines, 'Dạy thêm Toán')).toMatchObject({ grades: ['8', '9'], status: 'DRAFT', allowed: null });
      expect(byName(lines, 'Sổ liên lạc điện tử')).toMatchObject({ grades: ['6'], billingUnit: 'YEAR' });

      const again = await download(s);
      again.worksheets[0].getCell('D2').value = 100_000;
      again.worksheets[0].addRow(['Tiền ăn', 'Tiền ăn trưa', 'Tháng', 1, '10', null, null]);
      const failed = await upload(s, again);
      expect(failed.status).toBe('FAILED');
      expect(failed.errors.map((e: { row: number; column: string }) => `${e.row}${e.column}`).sort()).toEqual([
        '2D',
        '7E',
      ]);
      expect(await list(s)).toHaveLength(lines.length);
      expect(byName(await list(s), 'Học phí')).toMatchObject({ amount: 300_000, status: 'ADOPTED' });
    });
  });
});
