import { auditRows } from './academic-fixtures';
import { insertPupil } from './finance-fixtures';
import { financeSchool, financeYear, FinanceSchool } from './finance-rules-fixtures';
import { bearer, startTestApp, TestApp } from './harness';
import { createUnit, Unit } from './reports-fixtures';
import { createClass } from './students-fixtures';

/**
 * Manual exemptions and reductions (docs/domain/finance.md, "Who sets what"): asked with a reason by the school's
 * finance staff, decided by the principal, one live exception per pupil, fee kind and year.
 */
describe('fee exceptions', () => {
  let t: TestApp;
  let unit: Unit;
  let school: FinanceSchool;
  let year: { id: string; code: string };
  let pupil: { id: string; code: string };

  const path = (s: FinanceSchool = school) => `/api/schools/${s.id}/fee-exceptions`;
  const ask = (body: Record<string, unknown> = {}, token = school.accountant) =>
    t
      .http()
      .post(path())
      .set(bearer(token))
      .send({
        schoolYearId: year.id,
        studentId: pupil.id,
        feeKind: 'TUITION',
        percent: 80,
        reason: 'Gia đình gặp thiên tai',
        ...body,
      });

  beforeAll(async () => {
    t = await startTestApp();
    unit = await createUnit(t);
    school = await financeSchool(t, unit);
    year = await financeYear(t, 2133);
    const classId = await createClass(t, school.id, year.id, '6A1', '6');
    pupil = await insertPupil(t, school.id, { fullName: 'Lò Thị Mai', classId, from: '2133-09-05' });
  });
  afterAll(() => t.close());

  it('asks for an exception with a reason, named with the pupil and the person who asked; pending until decided', async () => {
    const asked = await ask();
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      schoolYearId: year.id,
      studentId: pupil.id,
      studentCode: pupil.code,
      studentName: 'Lò Thị Mai',
      feeKind: 'TUITION',
      percent: 80,
      reason: 'Gia đình gặp thiên tai',
      status: 'PENDING',
      requestedBy: 'Người Dùng Thử',
      decidedBy: null,
    });
    const twice = await ask({ percent: 50 });
    expect(twice).toMatchObject({ status: 409, body: { code: 'finance_exception_exists' } });
    const otherFee = await ask({ feeKind: 'MEALS', percent: 30 });
    expect(otherFee.status).toBe(201);
    const pending = await t
      .http()
      .get(path())
      .query({ schoolYearId: year.id, status: 'PENDING' })
      .set(bearer(school.admin));
    expect(pending.body.map((e: { feeKind: string }) => e.feeKind).sort()).toEqual(['MEALS', 'TUITION']);
  });

  it('lets only the principal decide, once: an approval stands, a rejection says why and frees the pupil for a new ask', async () => {
    const asked: { id: string; feeKind: string }[] = (
      await t.http().get(path()).query({ schoolYearId: year.id }).set(bearer(school.admin))
    ).body;
    const [tuition, meals] = ['TUITION', 'MEALS'].map((kind) => asked.find((e) => e.feeKind === kind)!.id);
    const byAccountant = await t.http().post(`${path()}/${tuition}/approve`).set(bearer(school.accountant)).send({});
    expect(byAccountant.status).toBe(403);
    const approved = await t
      .http()
      .post(`${path()}/${tuition}/approve`)
      .set(bearer(school.admin))
      .send({ note: 'Đồng ý' });
    expect(approved.body).toMatchObject({ status: 'APPROVED', decisionNote: 'Đồng ý', decidedBy: 'Người Dùng Thử' });
    expect(approved.body.decidedAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
    const again = await t.http().post(`${path()}/${tuition}/reject`).set(bearer(school.admin)).send({ note: 'Không' });
    expect(again).toMatchObject({ status: 409, body: { code: 'finance_exception_not_pending' } });

    const noReason = await t.http().post(`${path()}/${meals}/reject`).set(bearer(school.admin)).send({});
    expect(noReason.status).toBe(400);
    const rejected = await t
      .http()
      .post(`${path()}/${meals}/reject`)
      .set(bearer(school.admin))
      .send({ note: 'Chưa có xác nhận của xã' });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', decisionNote: 'Chưa có xác nhận của xã' });
    expect((await ask({ feeKind: 'MEALS', percent: 20 })).status).toBe(201);
    expect((await auditRows(t, school.id, 'finance_exception')).map((r) => r.action)).toEqual([
      'CREATE',
      'CREATE',
      'APPROVE',
      'REJECT',
      'CREATE',
    ]);
  });

  it("refuses a pupil of another school, a percentage outside 1–100, and another school's staff", async () => {
    const other = await financeSchool(t, unit);
    const foreignPupil = await t.http().post(path(other)).set(bearer(other.accountant)).send({
      schoolYearId: year.id,
      studentId: pupil.id,
      feeKind: 'TUITION',
      percent: 50,
      reason: 'x',
    });
    expect(foreignPupil.status).toBe(400);
    expect(foreignPupil.body.errors).toEqual([
      expect.objectContaining({ field: 'studentId', code: 'studentNotInSchool' }),
    ]);
    expect((await ask({ percent: 0, feeKind: 'BOARDING' })).status).toBe(400);
    expect((await ask({ percent: 101, feeKind: 'BOARDING' })).status).toBe(400);
    expect((await t.http().get(path()).query({ schoolYearId: year.id }).set(bearer(other.admin))).status).toBe(404);
  });

  it('keeps a closed year read-only', async () => {
    const closed = await financeYear(t, 1932, 'CLOSED');
    const refused = await ask({ schoolYearId: closed.id });
    expect(refused).toMatchObject({ status: 409, body: { code: 'year_closed' } });
  });
});
