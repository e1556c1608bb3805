import ExcelJS from 'exceljs';
import { auditRows } from './academic-fixtures';
import { financeSchool, financeYear, FinanceSchool, setTuitionLevels } from './finance-rules-fixtures';
import { bearer, startTestApp, TestApp } from './harness';
import { readWorkbook, waitForJob, XLSX_TYPE } from './imports-fixtures';
import { createUnit, Unit } from './reports-fixtures';

/**
 * The province's finance settings (docs/domain/finance.md, "Who sets what"): tuition levels with their Excel round
 * trip, fee ranges, schools' areas, and a school's own bank account.
 */
describe("the province's finance settings", () => {
  let t: TestApp;
  let dept: string;
  let deptId: string;
  let unit: Unit;
  let school: FinanceSchool;
  let other: FinanceSchool;
  let year: { id: string; code: string };

  const levels = (token: string, schoolYearId = year.id) =>
    t.http().get('/api/finance-config/tuition-levels').query({ schoolYearId }).set(bearer(token));

  beforeAll(async () => {
    t = await startTestApp();
    dept = await t.login('admin.so');
    deptId = await t.unitId('SGDDT-HY');
    unit = await createUnit(t);
    school = await financeSchool(t, unit);
    other = await financeSchool(t, unit, { ownership: 'PRIVATE', levels: ['PRIMARY', 'LOWER_SECONDARY'] });
    year = await financeYear(t, 2131);
  });
  afterAll(() => t.close());

  describe('tuition levels', () => {
    it("replaces the year's table, which every finance reader of a school reads, audited in the department's chain", async () => {
      await setTuitionLevels(t, dept, year.id, [
        { schoolLevel: 'LOWER_SECONDARY', area: 'RURAL', monthlyAmount: 155_000, privateSupportMonthly: 155_000 },
        { schoolLevel: 'LOWER_SECONDARY', area: 'URBAN', monthlyAmount: 300_000 },
        { schoolLevel: 'PRESCHOOL', area: 'URBAN', monthlyAmount: 350_000 },
      ]);
      const read = await levels(school.accountant);
      expect(read.status).toBe(200);
      // The domain's order: levels from preschool up, areas urban, rural, mountain.
      expect(read.body).toEqual([
        {
          schoolYearId: year.id,
          schoolLevel: 'PRESCHOOL',
          area: 'URBAN',
          monthlyAmount: 350_000,
          privateSupportMonthly: 0,
        },
        {
          schoolYearId: year.id,
          schoolLevel: 'LOWER_SECONDARY',
          area: 'URBAN',
          monthlyAmount: 300_000,
          privateSupportMonthly: 0,
        },
        {
          schoolYearId: year.id,
          schoolLevel: 'LOWER_SECONDARY',
          area: 'RURAL',
          monthlyAmount: 155_000,
          privateSupportMonthly: 155_000,
        },
      ]);
      const audit = (await auditRows(t, deptId, 'finance_tuition_level')).filter((r) => r.entity_id === year.id);
      expect(audit.at(-1)).toMatchObject({ action: 'UPDATE', after: read.body });

      await setTuitionLevels(t, dept, year.id, [
        { schoolLevel: 'LOWER_SECONDARY', area: 'RURAL', monthlyAmount: 160_000 },
      ]);
      expect((await levels(school.admin)).body).toHaveLength(1);
    });

    it('refuses a level and area twice, an unknown year, and anyone but the department', async () => {
      const twice = await t
        .http()
        .put('/api/finance-config/tuition-levels')
        .set(bearer(dept))
        .send({
          schoolYearId: year.id,
          levels: [
            { schoolLevel: 'PRIMARY', area: 'URBAN', monthlyAmount: 1, privateSupportMonthly: 0 },
            { schoolLevel: 'PRIMARY', area: 'URBAN', monthlyAmount: 2, privateSupportMonthly: 0 },
          ],
        });
      expect(twice.status).toBe(400);
      expect(twice.body.errors).toEqual([
        expect.objectContaining({ field: 'levels.1.area', code: 'feeLevelsRepeated' }),
      ]);
      const unknown = await t
        .http()
        .put('/api/finance-config/tuition-levels')
        .set(bearer(dept))
        .send({ schoolYearId: '00000000-0000-4000-8000-000000000000', levels: [] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([
        expect.objectContaining({ field: 'schoolYearId', code: 'schoolYearUnknown' }),
      ]);
      const bySchool = await t
        .http()
        .put('/api/finance-config/tuition-levels')
        .set(bearer(school.admin))
        .send({ schoolYearId: year.id, levels: [] });
      expect(bySchool.status).toBe(403);
      expect((await levels(school.admin)).body).toHaveLength(1);
    });

    it('exports the table as a workbook that imports back: a changed amount is updated, a new row created', async () => {
      const exported = await t
        .http()
        .get('/api/finance-config/tuition-levels/export.xlsx')
        .query({ schoolYearId: year.id })
        .set(bearer(dept))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(exported.status).toBe(200);
      expect(exported.headers['content-disposition']).toContain(`muc-hoc-phi-${year.code}.xlsx`);
      const wb = await readWorkbook(exported.body);
      const sheet = wb.worksheets[0];
      expect(sheet.getRow(1).values).toEqual([
        undefined,
        'Cấp học',
        'Khu vực',
        'Học phí (đồng/tháng)',
        'Hỗ trợ học phí ngoài công lập (đồng/tháng)',
      ]);
      expect(sheet.getRow(2).values).toEqual([undefined, 'Trung học cơ sở', 'Nông thôn', 160_000, 0]);

      sheet.getCell('C2').value = 165_000;
      sheet.addRow(['Trung học phổ thông', 'Thành thị', 400000, 120000]);
      const job = await importLevels(Buffer.from(await wb.xlsx.writeBuffer()));
      expect(job).toMatchObject({ status: 'DONE', created: 1, updated: 1, unchanged: 0 });
      expect((await levels(school.admin)).body).toEqual([
        expect.objectContaining({ schoolLevel: 'LOWER_SECONDARY', area: 'RURAL', monthlyAmount: 165_000 }),
        expect.objectContaining({
          schoolLevel: 'UPPER_SECONDARY',
          area: 'URBAN',
          monthlyAmount: 400_000,
          privateSupportMonthly: 120_000,
        }),
      ]);
    });

    it('checks every row first: a wrong level, a negative amount or a repeated level and area writes nothing', async () => {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('Mức học phí');
      sheet.addRow(['Cấp học', 'Khu vực', 'Học phí (đồng/tháng)', 'Hỗ trợ học phí ngoài công lập (đồng/tháng)']);
      sheet.addRow(['Trung học cơ sở', 'Thành thị', 1, 0]);
      sheet.addRow(['Đại học', 'Thành thị', 1, 0]);
      sheet.addRow(['Mầm non', 'Nông thôn', -5, 0]);
      sheet.addRow(['Trung học cơ sở', 'Thành thị', 2, 0]);
      const job = await importLevels(Buffer.from(await wb.xlsx.writeBuffer()));
      expect(job.status).toBe('FAILED');
      expect(job.errors.map((e: { row: number; column: string }) => `${e.row}${e.column}`).sort()).toEqual([
        '3A',
        '4C',
        '5B',
      ]);
      expect((await levels(school.admin)).body).toHaveLength(2);
    });
  });

  describe('fee ranges', () => {
    const meals = (extra: Record<string, unknown> = {}) => ({
      schoolYearId: year.id,
      feeKind: 'MEALS',
      schoolLevel: 'LOWER_SECONDARY',
      area: 'ANY',
      billingUnit: 'MONTH',
      minAmount: 300_000,
      maxAmount: 700_000,
      nameVi: 'Tiền ăn bán trú',
      nameEn: 'School meals',
      ...extra,
    });

    it('creates, lists, changes and deletes a range; one per fee, level and area', async () => {
      const created = await t.http().post('/api/finance-config/fee-ranges').set(bearer(dept)).send(meals());
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), ...meals() });
      const again = await t
        .http()
        .post('/api/finance-config/fee-ranges')
        .set(bearer(dept))
        .send(meals({ minAmount: 1 }));
      expect(again).toMatchObject({ status: 409, body: { code: 'finance_fee_range_exists' } });

      const rural = await t
        .http()
        .post('/api/finance-config/fee-ranges')
        .set(bearer(dept))
        .send(meals({ area: 'RURAL' }));
      const clash = await t
        .http()
        .patch(`/api/finance-config/fee-ranges/${rural.body.id}`)
        .set(bearer(dept))
        .send(meals());
      expect(clash.status).toBe(409);
      const changed = await t
        .http()
        .patch(`/api/finance-config/fee-ranges/${rural.body.id}`)
        .set(bearer(dept))
        .send(meals({ area: 'RURAL', maxAmount: 500_000 }));
      expect(changed.body).toMatchObject({ area: 'RURAL', maxAmount: 500_000 });

      const list = await t
        .http()
        .get('/api/finance-config/fee-ranges')
        .query({ schoolYearId: year.id })
        .set(bearer(school.accountant));
      expect(list.body.map((r: { area: string }) => r.area)).toEqual(['RURAL', 'ANY']);

      expect((await t.http().delete(`/api/finance-config/fee-ranges/${rural.body.id}`).set(bearer(dept))).status).toBe(
        204,
      );
      expect((await t.http().delete(`/api/finance-config/fee-ranges/${rural.body.id}`).set(bearer(dept))).status).toBe(
        404,
      );
      const audit = (await auditRows(t, deptId, 'finance_fee_range')).filter((r) => r.entity_id === rural.body.id);
      expect(audit.map((r) => r.action)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
    });

    it('refuses a minimum above the maximum and tuition as a range', async () => {
      const inverted = await t
        .http()
        .post('/api/finance-config/fee-ranges')
        .set(bearer(dept))
        .send(meals({ schoolLevel: 'PRESCHOOL', minAmount: 2, maxAmount: 1 }));
      expect(inverted.status).toBe(400);
      expect(inverted.body.errors).toEqual([
        expect.objectContaining({ field: 'maxAmount', code: 'feeRangeMinAboveMax' }),
      ]);
      const tuition = await t
        .http()
        .post('/api/finance-config/fee-ranges')
        .set(bearer(dept))
        .send(meals({ feeKind: 'TUITION' }));
      expect(tuition.status).toBe(400);
    });
  });

  describe("schools' areas and bank accounts", () => {
    it("lists the unit's schools, urban until the department sets their area, which the school's chain records", async () => {
      const list = await t
        .http()
        .get('/api/finance-config/schools')
        .query({ unitId: unit.id, sort: 'code' })
        .set(bearer(dept));
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(2);
      expect(list.body.items).toEqual(
        [school, other]
          .sort((a, b) => a.code.localeCompare(b.code))
          .map((s) =>
            expect.objectContaining({ schoolId: s.id, schoolCode: s.code, area: 'URBAN', bankAccount: null }),
          ),
      );
      expect(list.body.items.find((i: { schoolId: string }) => i.schoolId === other.id)).toMatchObject({
        ownership: 'PRIVATE',
        levels: ['PRIMARY', 'LOWER_SECONDARY'],
      });

      const set = await t
        .http()
        .put(`/api/finance-config/schools/${school.id}`)
        .set(bearer(dept))
        .send({ area: 'MOUNTAIN' });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ schoolId: school.id, area: 'MOUNTAIN' });
      const own = await t.http().get(`/api/schools/${school.id}/finance-setting`).set(bearer(school.accountant));
      expect(own.body).toMatchObject({ area: 'MOUNTAIN' });
      const audit = await auditRows(t, school.id, 'finance_school_setting');
      expect(audit).toEqual([
        expect.objectContaining({ action: 'UPDATE', before: expect.objectContaining({ area: 'URBAN' }) }),
      ]);
    });

    it("lets the school keep its bank account, but not its area, and never another school's", async () => {
      const saved = await t
        .http()
        .put(`/api/schools/${school.id}/finance-setting`)
        .set(bearer(school.accountant))
        .send({ bankName: 'Agribank chi nhánh Kon Tum', bankAccount: '5100205123456' });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        bankName: 'Agribank chi nhánh Kon Tum',
        bankAccount: '5100205123456',
        area: 'MOUNTAIN',
      });
      const area = await t
        .http()
        .put(`/api/finance-config/schools/${school.id}`)
        .set(bearer(school.admin))
        .send({ area: 'URBAN' });
      expect(area.status).toBe(403);
      const foreign = await t.http().get(`/api/schools/${school.id}/finance-setting`).set(bearer(other.admin));
      expect(foreign.status).toBe(404);
      const badAccount = await t
        .http()
        .put(`/api/schools/${school.id}/finance-setting`)
        .set(bearer(school.admin))
        .send({ bankName: null, bankAccount: '12 34' });
      expect(badAccount.status).toBe(400);
    });
  });

  async function importLevels(file: Buffer) {
    const res = await t
      .http()
      .post('/api/finance-config/tuition-levels/import')
      .query({ schoolYearId: year.id })
      .set(bearer(dept))
      .attach('file', file, { filename: 'muc-hoc-phi.xlsx', contentType: XLSX_TYPE });
    if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
    return waitForJob(t, dept, deptId, res.body.id);
  }
});
