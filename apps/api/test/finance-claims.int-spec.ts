import { auditRows, schoolWithAdmin, SchoolFixture } from './academic-fixtures';
import { insertPupil, schoolYear } from './finance-fixtures';
import { bearer, createUser, startTestApp, TestApp } from './harness';
import { readWorkbook } from './imports-fixtures';
import { pdfPages } from './pdf-text';
import { createClass } from './students-fixtures';

/**
 * The reimbursement claim of a fee period (docs/domain/finance.md, part E): from the period's charges, the pupils the
 * state pays for by grade, their months, the province's level and Σ claimable; recomputed while DRAFT, frozen once
 * the head of the school submits it. Charges are arranged as the schema owner, as generation would write them.
 */
describe('the reimbursement claim of a fee period', () => {
  let t: TestApp;
  let school: SchoolFixture;
  let other: SchoolFixture;
  let accountant: string;
  let yearId: string;
  let periodId: string;
  let tuitionId: string;
  let mealsId: string;
  const classes: Record<string, string> = {};
  const claims = (s = school) => `/api/schools/${s.id}/claims`;
  const prepare = (token = accountant, body: Record<string, unknown> = { periodId }) =>
    t.http().post(claims()).set(bearer(token)).send(body);
  /** One pupil's charge for a fee line in the period, as generation writes it (the rule kept in its basis). */
  const charge = async (
    studentId: string,
    classId: string,
    rule: string,
    parts: Record<string, number>,
    fee = tuitionId,
  ) => {
    const list = parts.list;
    const relief = parts.relief ?? 0;
    const support = parts.support ?? 0;
    const reimbursed = parts.reimbursed ?? 0;
    await t.owner.query(
      `insert into finance_charge (school_id, period_id, student_id, class_id, fee_schedule_id, fee_kind, list_amount,
         relief_percent, relief_amount, support_amount, reimbursed_amount, due_amount, basis)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        school.id,
        periodId,
        studentId,
        classId,
        fee,
        fee === tuitionId ? 'TUITION' : 'MEALS',
        list,
        list ? Math.floor((relief * 100) / list) : 0,
        relief,
        support,
        reimbursed,
        list - relief - support - reimbursed,
        JSON.stringify({ rule }),
      ],
    );
  };
  const pupil = async (name: string, grade: '6' | '7') =>
    (await insertPupil(t, school.id, { fullName: name, classId: classes[grade], from: '2053-09-05' })).id;

  beforeAll(async () => {
    t = await startTestApp({ EVENT_WORKER: 'off' });
    school = await schoolWithAdmin(t, 'PGD-KC');
    other = await schoolWithAdmin(t, 'PGD-KC');
    accountant = await t.login(await createUser(t, 'ACCOUNTANT', school.code));
    yearId = (await schoolYear(t, 2053)).id;
    await t.owner.query(
      `insert into finance_tuition_level (school_year_id, school_level, area, monthly_amount, private_support_monthly)
       values ($1, 'LOWER_SECONDARY', 'RURAL', 155000, 155000) on conflict do nothing`,
      [yearId],
    );
    await t.owner.query(`insert into finance_school_setting (school_id, area) values ($1, 'RURAL')`, [school.id]);
    classes['6'] = await createClass(t, school.id, yearId, '6A', '6');
    classes['7'] = await createClass(t, school.id, yearId, '7A', '7');
    [{ id: periodId }] = await t.owner.query(
      `insert into finance_period (school_id, school_year_id, code, name, starts_on, ends_on, months)
       values ($1, $2, 'HK1', 'Học kỳ I', '2053-09-05', '2054-01-15', 4) returning id`,
      [school.id, yearId],
    );
    const fee = async (kind: string, name: string, amount: number) =>
      (
        await t.owner.query(
          `insert into finance_fee_schedule (school_id, school_year_id, fee_kind, name, billing_unit, amount, status)
           values ($1, $2, $3, $4, 'MONTH', $5, 'ADOPTED') returning id`,
          [school.id, yearId, kind, name, amount],
        )
      )[0].id as string;
    tuitionId = await fee('TUITION', 'Học phí', 155_000);
    mealsId = await fee('MEALS', 'Tiền ăn bán trú', 600_000);

    const an = await pupil('Nguyễn Văn An', '6');
    await charge(an, classes['6'], 'FREE_PUBLIC', { list: 620_000, reimbursed: 620_000 });
    await charge(an, classes['6'], 'NONE', { list: 2_400_000 }, mealsId);
    await charge(await pupil('Trần Thị Bình', '6'), classes['6'], 'FREE_PUBLIC', {
      list: 620_000,
      reimbursed: 620_000,
    });
    await charge(await pupil('Lê Văn Cường', '7'), classes['7'], 'FREE_PUBLIC', { list: 620_000, reimbursed: 620_000 });
    // A foreign pupil pays; a school's own exception is its own cost: neither is claimed.
    await charge(await pupil('Kim Eli', '7'), classes['7'], 'NONE', { list: 620_000 });
    await charge(await pupil('Phạm Thị Dung', '7'), classes['7'], 'EXCEPTION', { list: 620_000, relief: 620_000 });
  });
  afterAll(() => t?.close());

  it('claims the pupils the state pays for, by grade, with their months, the province’s level and the amount', async () => {
    const res = await prepare();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      periodId,
      periodCode: 'HK1',
      schoolYearId: yearId,
      status: 'DRAFT',
      pupils: 3,
      pupilMonths: 12,
      amount: 1_860_000,
      lines: [
        { grade: '6', pupils: 2, months: 8, monthlyLevel: 155_000, amount: 1_240_000 },
        { grade: '7', pupils: 1, months: 4, monthlyLevel: 155_000, amount: 620_000 },
      ],
      submittedAt: null,
    });
    const list = await t.http().get(claims()).query({ schoolYearId: yearId }).set(bearer(accountant));
    expect(list.body).toEqual([res.body]);
  });

  it('computes a draft again from the charges as they are, keeping its id', async () => {
    const first = (await prepare()).body;
    await charge(await pupil('Đỗ Minh Khang', '7'), classes['7'], 'FREE_PUBLIC', {
      list: 620_000,
      reimbursed: 620_000,
    });
    const again = await prepare();
    expect(again.body).toMatchObject({ id: first.id, pupils: 4, pupilMonths: 16, amount: 2_480_000 });
    expect(again.body.lines[1]).toEqual({ grade: '7', pupils: 2, months: 8, monthlyLevel: 155_000, amount: 1_240_000 });
    expect((await auditRows(t, school.id, 'finance_claim')).map((r) => r.action)).toEqual([
      'CREATE',
      'UPDATE',
      'UPDATE',
    ]);
    const events = await t.owner.query(
      `select count(*)::int as n from outbox where school_id = $1 and type = 'finance.changed'`,
      [school.id],
    );
    expect(events[0].n).toBe(3);
  });

  it('prints the claim as Excel and PDF with its lines and total', async () => {
    const { id } = (await prepare()).body;
    const download = (ext: string) =>
      t
        .http()
        .get(`${claims()}/${id}.${ext}`)
        .set(bearer(accountant))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
    const xlsx = await download('xlsx');
    expect(xlsx.status).toBe(200);
    const sheet = (await readWorkbook(xlsx.body as Buffer)).worksheets[0];
    const rows: unknown[][] = [];
    sheet.eachRow((r, n) => n > 8 && rows.push(Array.from({ length: 6 }, (_, i) => r.getCell(i + 1).value ?? null)));
    expect(rows.slice(0, 3)).toEqual([
      ['6', 'Trung học cơ sở', 2, 8, 155_000, 1_240_000],
      ['7', 'Trung học cơ sở', 2, 8, 155_000, 1_240_000],
      ['Tổng cộng', null, 4, 16, null, 2_480_000],
    ]);
    // The governing body above "Đơn vị" (docs/domain/records.md, "Official papers"), in the workbook and the PDF.
    const [{ parent }] = await t.owner.query(
      `select p.name as parent from org_unit s join org_unit p on p.id = s.parent_id where s.id = $1`,
      [school.id],
    );
    const governing = String(parent).toUpperCase();
    expect(sheet.getCell('A1').text).toBe(governing);
    expect(sheet.getCell('A2').text).toMatch(/^Đơn vị: /);
    const pdf = await download('pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfPages(pdf.body as Buffer).join('');
    expect(text.startsWith(governing)).toBe(true);
    expect(text).toContain('ĐỀ NGHỊ CẤP BÙ HỌC PHÍ');
    expect(text).toContain('(bản nháp)');
    expect(text).toContain('2.480.000');
  });

  it('freezes the claim when the head of the school submits it', async () => {
    const { id } = (await prepare()).body;
    expect((await t.http().post(`${claims()}/${id}/submit`).set(bearer(accountant))).status).toBe(403);
    const submitted = await t.http().post(`${claims()}/${id}/submit`).set(bearer(school.admin));
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', amount: 2_480_000 });
    expect(submitted.body.submittedAt).toEqual(expect.any(String));

    await charge(await pupil('Vũ Thị Lan', '6'), classes['6'], 'FREE_PUBLIC', { list: 620_000, reimbursed: 620_000 });
    const refused = await prepare();
    expect([refused.status, refused.body.code]).toEqual([409, 'finance_claim_submitted']);
    expect((await t.http().post(`${claims()}/${id}/submit`).set(bearer(school.admin))).body.code).toBe(
      'finance_claim_submitted',
    );
    const [kept] = (await t.http().get(claims()).set(bearer(accountant))).body;
    expect(kept).toMatchObject({ id, status: 'SUBMITTED', pupils: 4, amount: 2_480_000 });
  });

  it('answers 404 for another school’s period or claim', async () => {
    const { id } = (await t.http().get(claims()).set(bearer(accountant))).body[0];
    expect((await t.http().post(claims(other)).set(bearer(other.admin)).send({ periodId })).status).toBe(404);
    expect(
      (
        await t
          .http()
          .get(`${claims(other)}/${id}.pdf`)
          .set(bearer(other.admin))
      ).status,
    ).toBe(404);
    expect((await t.http().get(`${claims()}/${id}.pdf`).set(bearer(other.admin))).status).toBe(404);
  });
});
