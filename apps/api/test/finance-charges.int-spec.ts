import { paymentCodeOf } from '@emis/domain';
import { createUser, bearer, startTestApp, TestApp } from './harness';
import { schoolWithAdmin, insertStaff, teacherLogin } from './academic-fixtures';
import { adoptedFee, approvedException, insertPupil, schoolYear, setOwnership, tuitionLevel } from './finance-fixtures';
import { pdfPages } from './pdf-text';
import { createClass } from './students-fixtures';

/**
 * Fee periods and what pupils owe (docs/domain/finance.md, "Generating charges"): periods proposed from the
 * semesters, charges generated in one step by the fee rules for each kind of school and year, idempotent runs whose
 * differences are CORRECTION adjustments, waivers and reversals as entries, closed periods frozen, the debtor list.
 */
describe('fee periods and charges', () => {
  let t: TestApp;
  let accountant: string;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** A school with its principal and accountant signed in, its area, and a class per grade of the year. */
  async function school(yearId: string, grades: string[], area = 'MOUNTAIN') {
    const s = await schoolWithAdmin(t, 'PGD-KC');
    accountant = await t.login(await createUser(t, 'ACCOUNTANT', s.code));
    await t.owner.query(`insert into finance_school_setting (school_id, area) values ($1, $2)`, [s.id, area]);
    const classes: Record<string, string> = {};
    for (const grade of grades) classes[grade] = await createClass(t, s.id, yearId, `${grade}A`, grade);
    return { id: s.id, code: s.code, principal: s.admin, classes };
  }
  const post = (token: string, path: string, body: object = {}) => t.http().post(path).set(bearer(token)).send(body);
  const get = (token: string, path: string) => t.http().get(path).set(bearer(token));
  const period = async (token: string, schoolId: string, body: object) => {
    const res = await post(token, `/api/schools/${schoolId}/fee-periods`, body);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const charges = async (schoolId: string, periodId: string) =>
    (await get(accountant, `/api/schools/${schoolId}/charges?periodId=${periodId}&pageSize=200`)).body.items as {
      id: string;
      studentName: string;
      feeName: string;
      listAmount: number;
      reliefPercent: number;
      reliefAmount: number;
      supportAmount: number;
      reimbursedAmount: number;
      dueAmount: number;
      adjusted: number;
      outstanding: number;
      rule: string;
    }[];
  const brief = (rows: Awaited<ReturnType<typeof charges>>) =>
    rows.map((c) => [
      c.studentName,
      c.feeName,
      c.listAmount,
      c.reliefAmount,
      c.supportAmount,
      c.reimbursedAmount,
      c.dueAmount,
      c.rule,
    ]);

  describe('a public lower-secondary school in 2021-22: exemption and reductions by policy group', () => {
    let s: Awaited<ReturnType<typeof school>>;
    let yearId: string;
    let hk1: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      yearId = (await schoolYear(t, 2021)).id;
      s = await school(yearId, ['6', '7']);
      await adoptedFee(t, s.id, yearId, { feeKind: 'TUITION', name: 'Học phí', billingUnit: 'MONTH', amount: 100_000 });
      await adoptedFee(t, s.id, yearId, {
        feeKind: 'MEALS',
        name: 'Tiền ăn',
        billingUnit: 'MONTH',
        amount: 300_000,
        grades: ['7'],
      });
      await adoptedFee(t, s.id, yearId, {
        feeKind: 'HEALTH_INSURANCE',
        name: 'BHYT',
        billingUnit: 'YEAR',
        amount: 680_400,
      });
      const pupil = async (key: string, fullName: string, grade: string, policyGroups: string[] = []) => {
        ids[key] = (
          await insertPupil(t, s.id, { fullName, classId: s.classes[grade], from: '2021-09-05', policyGroups })
        ).id;
      };
      await pupil('an', 'Nguyễn Văn An', '7');
      await pupil('binh', 'Trần Thị Bình', '6', ['POOR_HOUSEHOLD']);
      await pupil('chi', 'Lò Thị Chi', '6', ['ETHNIC_MINORITY_DISADVANTAGED']);
      await pupil('dung', 'Phạm Văn Dũng', '6', ['NEAR_POOR_HOUSEHOLD', 'ETHNIC_MINORITY_DISADVANTAGED']);
      await approvedException(t, s.id, yearId, ids['an'], 'MEALS', 50);
    });

    it('proposes HK1 and HK2 on the semester dates, once', async () => {
      const first = await post(accountant, `/api/schools/${s.id}/fee-periods/propose`, { schoolYearId: yearId });
      expect(first.status).toBe(200);
      expect(
        first.body.map((p: { code: string; months: number; startsOn: string }) => [p.code, p.months, p.startsOn]),
      ).toEqual([
        ['HK1', 4, '2021-09-05'],
        ['HK2', 5, '2022-01-19'],
      ]);
      const again = await post(accountant, `/api/schools/${s.id}/fee-periods/propose`, { schoolYearId: yearId });
      expect(again.body.map((p: { id: string }) => p.id)).toEqual(first.body.map((p: { id: string }) => p.id));
      hk1 = first.body[0].id;
    });

    it('refuses a period outside the year or overlapping another, with field errors', async () => {
      const base = { schoolYearId: yearId, code: 'T10', name: 'Tháng 10', months: 1 };
      const overlapping = await post(accountant, `/api/schools/${s.id}/fee-periods`, {
        ...base,
        startsOn: '2021-10-01',
        endsOn: '2021-10-31',
      });
      expect(overlapping.status).toBe(400);
      expect(overlapping.body.errors).toEqual([
        expect.objectContaining({ field: 'startsOn', code: 'financePeriodOverlaps' }),
      ]);
      const outside = await post(accountant, `/api/schools/${s.id}/fee-periods`, {
        ...base,
        startsOn: '2022-07-01',
        endsOn: '2022-07-31',
      });
      expect(outside.body.errors).toEqual([
        expect.objectContaining({ field: 'startsOn', code: 'financePeriodOutsideYear' }),
      ]);
    });

    it('previews a run without writing anything', async () => {
      const dry = await post(accountant, `/api/schools/${s.id}/fee-periods/${hk1}/generate`, { dryRun: true });
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ status: 'DONE', pupils: 4, created: 9 });
      expect(await charges(s.id, hk1)).toEqual([]);
    });

    it('charges every pupil each fee line of their grade, with the highest relief of their groups and the exception', async () => {
      const run = await post(accountant, `/api/schools/${s.id}/fee-periods/${hk1}/generate`);
      expect(run.status).toBe(200);
      expect(run.body).toMatchObject({
        status: 'DONE',
        pupils: 4,
        processed: 4,
        created: 9,
        corrected: 0,
        unchanged: 0,
      });
      expect(brief(await charges(s.id, hk1))).toEqual([
        ['Trần Thị Bình', 'Học phí', 400_000, 400_000, 0, 0, 0, 'EXEMPT'],
        ['Trần Thị Bình', 'BHYT', 680_400, 0, 0, 0, 680_400, 'NONE'],
        ['Lò Thị Chi', 'Học phí', 400_000, 280_000, 0, 0, 120_000, 'REDUCED_70'],
        ['Lò Thị Chi', 'BHYT', 680_400, 0, 0, 0, 680_400, 'NONE'],
        ['Phạm Văn Dũng', 'Học phí', 400_000, 280_000, 0, 0, 120_000, 'REDUCED_70'],
        ['Phạm Văn Dũng', 'BHYT', 680_400, 0, 0, 0, 680_400, 'NONE'],
        ['Nguyễn Văn An', 'Học phí', 400_000, 0, 0, 0, 400_000, 'NONE'],
        ['Nguyễn Văn An', 'Tiền ăn', 1_200_000, 600_000, 0, 0, 600_000, 'EXCEPTION'],
        ['Nguyễn Văn An', 'BHYT', 680_400, 0, 0, 0, 680_400, 'NONE'],
      ]);
      const [{ n }] = await t.owner.query(
        `select count(*)::int as n from outbox where school_id = $1 and type = 'finance.changed'`,
        [s.id],
      );
      expect(n).toBeGreaterThan(0);
      const periods = await get(accountant, `/api/schools/${s.id}/fee-periods?schoolYearId=${yearId}`);
      expect(periods.body[0].totals).toEqual({ pupils: 4, due: 3_961_600, paid: 0, outstanding: 3_961_600 });
    });

    it('writes nothing the second time', async () => {
      const again = await post(accountant, `/api/schools/${s.id}/fee-periods/${hk1}/generate`);
      expect(again.body).toMatchObject({ status: 'DONE', created: 0, corrected: 0, unchanged: 9 });
      const [{ n }] = await t.owner.query(`select count(*)::int as n from finance_charge where school_id = $1`, [s.id]);
      expect(n).toBe(9);
    });

    it('gives up a run whose job died (still running hours later) rather than holding the period forever', async () => {
      await t.owner.query(
        `insert into finance_charge_run (school_id, period_id, status, created_at) values ($1, $2, 'RUNNING', now() - interval '3 hours')`,
        [s.id, hk1],
      );
      const run = await post(accountant, `/api/schools/${s.id}/fee-periods/${hk1}/generate`);
      expect(run.status).toBe(200);
      expect(run.body).toMatchObject({ status: 'DONE', unchanged: 9 });
      const stale = await t.owner.query(
        `select status from finance_charge_run where school_id = $1 and created_at < now() - interval '1 hour'`,
        [s.id],
      );
      expect(stale).toEqual([{ status: 'FAILED' }]);
    });

    it('corrects by the difference when a policy group changes, and to 0 for a pupil who left before the period', async () => {
      await t.owner.query(
        `update student set policy_groups = '{NEAR_POOR_HOUSEHOLD}' where school_id = $1 and id = $2`,
        [s.id, ids['an']],
      );
      await t.owner.query(
        `update enrolment set from_date = '2021-08-01', to_date = '2021-08-31' where school_id = $1 and student_id = $2`,
        [s.id, ids['chi']],
      );
      const run = await post(accountant, `/api/schools/${s.id}/fee-periods/${hk1}/generate`);
      expect(run.body).toMatchObject({ created: 0, corrected: 3, unchanged: 6 });
      const rows = await charges(s.id, hk1);
      const of = (name: string, fee: string) => rows.find((c) => c.studentName === name && c.feeName === fee);
      expect(of('Nguyễn Văn An', 'Học phí')).toMatchObject({
        dueAmount: 400_000,
        adjusted: -200_000,
        outstanding: 200_000,
      });
      expect(of('Lò Thị Chi', 'Học phí')).toMatchObject({ adjusted: -120_000, outstanding: 0 });
      expect(of('Lò Thị Chi', 'BHYT')).toMatchObject({ adjusted: -680_400, outstanding: 0 });
      const corrections = await t.owner.query(
        `select kind, run_id is not null as generated from finance_charge_adjustment where school_id = $1`,
        [s.id],
      );
      expect(corrections).toEqual(Array(3).fill({ kind: 'CORRECTION', generated: true }));
      const third = await post(accountant, `/api/schools/${s.id}/fee-periods/${hk1}/generate`);
      expect(third.body).toMatchObject({ created: 0, corrected: 0, unchanged: 9 });
    });

    it('lets only the principal waive, within what is owed, and a run never undoes a waiver', async () => {
      const tuition = (await charges(s.id, hk1)).find(
        (c) => c.studentName === 'Phạm Văn Dũng' && c.feeName === 'Học phí',
      );
      const path = `/api/schools/${s.id}/charges/${tuition?.id}/adjustments`;
      const waiver = { kind: 'WAIVER', amount: -20_000, reason: 'Gia đình gặp thiên tai', enteredOn: '2021-10-15' };
      expect((await post(accountant, path, waiver)).status).toBe(403);
      const tooMuch = await post(s.principal, path, { ...waiver, amount: -500_000 });
      expect(tooMuch.status).toBe(400);
      expect(tooMuch.body.errors[0]).toMatchObject({ field: 'amount', code: 'financeWaiverRange' });
      const done = await post(s.principal, path, waiver);
      expect(done.status).toBe(201);
      expect(done.body).toMatchObject({ kind: 'WAIVER', amount: -20_000, reversesId: null, reversedBy: null });
      const run = await post(accountant, `/api/schools/${s.id}/fee-periods/${hk1}/generate`);
      expect(run.body).toMatchObject({ corrected: 0 });
      const account = await get(accountant, `/api/schools/${s.id}/students/${ids['dung']}/fee-account`);
      expect(account.body.totals).toEqual({ due: 800_400, adjusted: -20_000, paid: 0, outstanding: 780_400 });
      const audit = await t.owner.query(
        `select action from audit_log where school_id = $1 and entity = 'finance_charge_adjustment' and entity_id = $2`,
        [s.id, done.body.id],
      );
      expect(audit).toEqual([{ action: 'APPROVE' }]);
    });

    it('reverses an adjustment once, by an entry naming it', async () => {
      const tuition = (await charges(s.id, hk1)).find(
        (c) => c.studentName === 'Nguyễn Văn An' && c.feeName === 'Học phí',
      );
      const correction = await post(accountant, `/api/schools/${s.id}/charges/${tuition?.id}/adjustments`, {
        kind: 'CORRECTION',
        amount: 50_000,
        reason: 'Thu bổ sung',
        enteredOn: '2021-10-20',
      });
      expect(correction.status).toBe(201);
      const reversed = await post(accountant, `/api/schools/${s.id}/charge-adjustments/${correction.body.id}/reverse`, {
        reason: 'Nhập nhầm',
      });
      expect(reversed.status).toBe(201);
      expect(reversed.body).toMatchObject({ kind: 'REVERSAL', amount: -50_000, reversesId: correction.body.id });
      const twice = await post(accountant, `/api/schools/${s.id}/charge-adjustments/${correction.body.id}/reverse`, {
        reason: 'Lần nữa',
      });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('finance_adjustment_reversed');
      const account = await get(accountant, `/api/schools/${s.id}/students/${ids['an']}/fee-account`);
      expect(account.body).toMatchObject({ paymentCode: paymentCodeOf(account.body.studentCode), className: '7A' });
      expect(account.body.adjustments.find((a: { id: string }) => a.id === correction.body.id).reversedBy).toBe(
        reversed.body.id,
      );
    });

    it('answers 409 for an adjustment dated in a closed month (the schema refuses it: EF001)', async () => {
      await t.owner.query(`insert into finance_month_close (school_id, month) values ($1, '2021-11-01')`, [s.id]);
      const tuition = (await charges(s.id, hk1)).find(
        (c) => c.studentName === 'Nguyễn Văn An' && c.feeName === 'Học phí',
      );
      const res = await post(accountant, `/api/schools/${s.id}/charges/${tuition?.id}/adjustments`, {
        kind: 'CORRECTION',
        amount: -1_000,
        reason: 'Làm tròn',
        enteredOn: '2021-11-30',
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('finance_month_closed');
    });

    it("lists a homeroom teacher's debtors only, and prints the list", async () => {
      const staffId = await insertStaff(t, s.id, 'Đỗ Thị Chủ Nhiệm');
      await t.owner.query(`update class set homeroom_staff_id = $3 where school_id = $1 and id = $2`, [
        s.id,
        s.classes['6'],
        staffId,
      ]);
      const teacher = await teacherLogin(t, s.code, staffId);
      const mine = await get(teacher, `/api/schools/${s.id}/debtors`);
      expect(mine.status).toBe(200);
      expect(
        mine.body.map((d: { studentName: string; className: string; outstanding: number; oldestPeriod: string }) => [
          d.studentName,
          d.className,
          d.outstanding,
          d.oldestPeriod,
        ]),
      ).toEqual([
        ['Trần Thị Bình', '6A', 680_400, 'HK1'],
        ['Phạm Văn Dũng', '6A', 780_400, 'HK1'],
      ]);
      expect((await get(teacher, `/api/schools/${s.id}/debtors?classId=${s.classes['7']}`)).status).toBe(403);
      const all = await get(accountant, `/api/schools/${s.id}/debtors`);
      expect(all.body.map((d: { className: string }) => d.className)).toEqual(['6A', '6A', '7A']);
      const pdf = await get(teacher, `/api/schools/${s.id}/debtors.pdf`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(pdf.status).toBe(200);
      const text = pdfPages(pdf.body as Buffer).join('\n');
      expect(text).toContain('DANH SÁCH HỌC SINH CÒN NỢ');
      expect(text).toContain('Phạm Văn Dũng');
      expect(text).not.toContain('Nguyễn Văn An');
      const xlsx = await get(accountant, `/api/schools/${s.id}/debtors/export.xlsx`);
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    });

    it('freezes a closed period: the principal closes it, nothing is generated or adjusted after', async () => {
      expect((await post(accountant, `/api/schools/${s.id}/fee-periods/${hk1}/close`)).status).toBe(403);
      const closed = await post(s.principal, `/api/schools/${s.id}/fee-periods/${hk1}/close`);
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('CLOSED');
      const run = await post(accountant, `/api/schools/${s.id}/fee-periods/${hk1}/generate`);
      expect(run.status).toBe(409);
      expect(run.body.code).toBe('finance_period_closed');
      const tuition = (await charges(s.id, hk1))[0];
      const adjusted = await post(accountant, `/api/schools/${s.id}/charges/${tuition.id}/adjustments`, {
        kind: 'CORRECTION',
        amount: -1_000,
        reason: 'Làm tròn',
        enteredOn: '2021-12-01',
      });
      expect(adjusted.status).toBe(409);
      await expect(
        t.owner.query(
          `insert into finance_charge (school_id, period_id, student_id, class_id, fee_schedule_id, fee_kind, list_amount, due_amount)
           select school_id, period_id, student_id, class_id, fee_schedule_id, fee_kind, 1, 1 from finance_charge
            where school_id = $1 and id = $2`,
          [s.id, tuition.id],
        ),
      ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: 'EF002' }) });
    });
  });

  describe('from 2025-26: tuition free at public schools, supported at private ones', () => {
    let yearId: string;

    beforeAll(async () => {
      yearId = (await schoolYear(t, 2056)).id;
      await tuitionLevel(t, yearId, 'LOWER_SECONDARY', 'MOUNTAIN', 120_000, 150_000);
      await tuitionLevel(t, yearId, 'PRIMARY', 'MOUNTAIN', 90_000, 100_000);
    });

    it("charges a public school's Vietnamese pupils nothing, reimbursed at the province's level; a foreign pupil pays", async () => {
      const s = await school(yearId, ['6']);
      await adoptedFee(t, s.id, yearId, { feeKind: 'TUITION', name: 'Học phí', billingUnit: 'MONTH', amount: 120_000 });
      await insertPupil(t, s.id, { fullName: 'Nguyễn Văn Miễn', classId: s.classes['6'], from: '2056-09-05' });
      await insertPupil(t, s.id, {
        fullName: 'Kim Min Su',
        classId: s.classes['6'],
        from: '2056-09-05',
        nationality: 'KR',
      });
      const hk1 = await period(accountant, s.id, {
        schoolYearId: yearId,
        code: 'HK1',
        name: 'Học kỳ I',
        startsOn: '2056-09-05',
        endsOn: '2057-01-15',
        months: 4,
      });
      const run = await post(accountant, `/api/schools/${s.id}/fee-periods/${hk1}/generate`);
      expect(run.body).toMatchObject({ created: 2, reimbursedAmount: 480_000, dueAmount: 480_000 });
      expect(brief(await charges(s.id, hk1))).toEqual([
        ['Nguyễn Văn Miễn', 'Học phí', 480_000, 0, 0, 480_000, 0, 'FREE_PUBLIC'],
        ['Kim Min Su', 'Học phí', 480_000, 0, 0, 0, 480_000, 'NONE'],
      ]);
    });

    it("deducts the province's support from a private school's fee, never more than the fee", async () => {
      const s = await school(yearId, ['6', '7']);
      await setOwnership(t, s.id, 'PRIVATE');
      await adoptedFee(t, s.id, yearId, {
        feeKind: 'TUITION',
        name: 'Học phí lớp 6',
        billingUnit: 'MONTH',
        amount: 1_000_000,
        grades: ['6'],
      });
      await adoptedFee(t, s.id, yearId, {
        feeKind: 'TUITION',
        name: 'Học phí lớp 7',
        billingUnit: 'MONTH',
        amount: 100_000,
        grades: ['7'],
      });
      await insertPupil(t, s.id, { fullName: 'Vũ Thị Sáu', classId: s.classes['6'], from: '2056-09-05' });
      await insertPupil(t, s.id, { fullName: 'Vũ Văn Bảy', classId: s.classes['7'], from: '2056-09-05' });
      const hk1 = await period(accountant, s.id, {
        schoolYearId: yearId,
        code: 'HK1',
        name: 'Học kỳ I',
        startsOn: '2056-09-05',
        endsOn: '2057-01-15',
        months: 4,
      });
      await post(accountant, `/api/schools/${s.id}/fee-periods/${hk1}/generate`);
      expect(brief(await charges(s.id, hk1))).toEqual([
        ['Vũ Thị Sáu', 'Học phí lớp 6', 4_000_000, 0, 600_000, 0, 3_400_000, 'PRIVATE_SUPPORT'],
        ['Vũ Văn Bảy', 'Học phí lớp 7', 400_000, 0, 400_000, 0, 0, 'PRIVATE_SUPPORT'],
      ]);
    });

    it('charges no tuition at a public primary school', async () => {
      const s = await school(yearId, ['3']);
      await setOwnership(t, s.id, 'PUBLIC', ['PRIMARY']);
      await adoptedFee(t, s.id, yearId, { feeKind: 'TUITION', name: 'Học phí', billingUnit: 'MONTH', amount: 90_000 });
      await adoptedFee(t, s.id, yearId, {
        feeKind: 'MEALS',
        name: 'Bán trú',
        billingUnit: 'SEMESTER',
        amount: 1_500_000,
      });
      await insertPupil(t, s.id, { fullName: 'Hà Thị Ba', classId: s.classes['3'], from: '2056-09-05' });
      const hk2 = await period(accountant, s.id, {
        schoolYearId: yearId,
        code: 'HK2',
        name: 'Học kỳ II',
        startsOn: '2057-01-19',
        endsOn: '2057-05-31',
        months: 5,
      });
      await post(accountant, `/api/schools/${s.id}/fee-periods/${hk2}/generate`);
      expect(brief(await charges(s.id, hk2))).toEqual([
        ['Hà Thị Ba', 'Học phí', 450_000, 450_000, 0, 0, 0, 'FREE_PUBLIC_PRIMARY'],
        ['Hà Thị Ba', 'Bán trú', 1_500_000, 0, 0, 0, 1_500_000, 'NONE'],
      ]);
    });
  });

  it('generates a large school in a background run with its progress, once', async () => {
    const yearId = (await schoolYear(t, 2057)).id;
    const s = await school(yearId, ['8']);
    await adoptedFee(t, s.id, yearId, { feeKind: 'MEALS', name: 'Tiền ăn', billingUnit: 'MONTH', amount: 250_000 });
    await t.owner.query(
      `with s as (
         insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
         select $1, lpad((700000000000 + n)::text, 12, '0'), 'Học Sinh Số ' || n, '2043-01-01', 'MALE', now(), now()
           from generate_series(1, 601) n returning id)
       insert into enrolment (school_id, student_id, class_id, school_year_id, from_date)
       select $1, s.id, $2, $3, '2057-09-05' from s`,
      [s.id, s.classes['8'], yearId],
    );
    const hk1 = await period(accountant, s.id, {
      schoolYearId: yearId,
      code: 'HK1',
      name: 'Học kỳ I',
      startsOn: '2057-09-05',
      endsOn: '2058-01-15',
      months: 4,
    });
    const queued = await post(accountant, `/api/schools/${s.id}/fee-periods/${hk1}/generate`);
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ status: 'QUEUED', pupils: 601, processed: 0 });
    const finished = async () => {
      let run = queued.body;
      for (let i = 0; i < 60 && run.status !== 'DONE' && run.status !== 'FAILED'; i++) {
        await new Promise((r) => setTimeout(r, 500));
        run = (await get(accountant, `/api/schools/${s.id}/fee-periods/${hk1}/generation`)).body;
      }
      return run;
    };
    expect(await finished()).toMatchObject({
      status: 'DONE',
      pupils: 601,
      processed: 601,
      created: 601,
      dueAmount: 601_000_000,
    });
    const again = await post(accountant, `/api/schools/${s.id}/fee-periods/${hk1}/generate`);
    expect(again.status).toBe(202);
    expect(await finished()).toMatchObject({
      status: 'DONE',
      processed: 601,
      created: 0,
      corrected: 0,
      unchanged: 601,
    });
    const [{ n }] = await t.owner.query(`select count(*)::int as n from finance_charge where school_id = $1`, [s.id]);
    expect(n).toBe(601);
  }, 60_000);
});
