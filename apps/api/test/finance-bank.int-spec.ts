import ExcelJS from 'exceljs';
import type { BankLine, BankStatementImport, Reconciliation } from '@emis/contracts';
import { LedgerFixture } from './finance-books-fixtures';
import { insertPupil, schoolYear } from './finance-fixtures';
import { bearer, startTestApp, TestApp } from './harness';
import { schoolWithAdmin } from './imports-fixtures';
import { createClass } from './students-fixtures';

interface Pupil {
  id: string;
  code: string;
  chargeId: string;
}

/** A bank's Excel export: a title block, the headings, the lines, a total row. */
async function bankWorkbook(lines: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Sao kê');
  sheet.addRow(['NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM']);
  sheet.addRow(['SAO KÊ TÀI KHOẢN 0123456789 — từ 01/10/2025 đến 31/10/2025']);
  sheet.addRow([]);
  sheet.addRow(['STT', 'Ngày giao dịch', 'Số tham chiếu', 'Ghi có', 'Ghi nợ', 'Nội dung giao dịch', 'Người chuyển']);
  lines.forEach((line, i) => sheet.addRow([i + 1, ...line]));
  sheet.addRow(['Tổng cộng']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Bank statements: imported from Excel or CSV, every line checked first; lines naming a pupil's payment code become
 * that pupil's BANK receipts through the payments service, the rest wait for a person — and the reconciliation shows
 * money on a statement that no receipt records until someone settles it.
 */
describe('bank statements', () => {
  let t: TestApp;
  let schoolId: string;
  let token: string;
  let ledger: LedgerFixture;
  /** Three pupils charged for their meals of the first semester: An 1,500,000, Bình 1,200,000, Châu 900,000. */
  let an: Pupil;
  let binh: Pupil;
  let chau: Pupil;

  beforeAll(async () => {
    t = await startTestApp({ EVENT_WORKER: 'off' });
    ({ schoolId, token } = await schoolWithAdmin(t));
    const year = await schoolYear(t, 2025);
    ledger = new LedgerFixture(t, schoolId, year.id);
    const class6a = await createClass(t, schoolId, year.id, '6A', '6');
    const class7a = await createClass(t, schoolId, year.id, '7A', '7');
    const periodId = await ledger.period('HK1', '2025-09-05', '2026-01-15', 4);
    const feeId = await ledger.fee('Tiền ăn bán trú', 300_000);
    const enrol = async (fullName: string, classId: string, due: number) => {
      const pupil = await insertPupil(t, schoolId, { fullName, classId, from: '2025-09-05' });
      const chargeId = await ledger.charge({ periodId, feeId, studentId: pupil.id, classId, due });
      return { ...pupil, chargeId };
    };
    an = await enrol('Nguyễn Văn An', class6a, 1_500_000);
    binh = await enrol('Trần Thị Bình', class6a, 1_200_000);
    chau = await enrol('Lê Minh Châu', class7a, 900_000);
  });
  afterAll(() => t?.close());

  const importFile = async (name: string, content: Buffer) => {
    const res = await t
      .http()
      .post(`/api/schools/${schoolId}/bank-statements`)
      .set(bearer(token))
      .attach('file', content, name);
    expect(res.status).toBe(200);
    return res.body as BankStatementImport;
  };
  const lineOf = async (reference: string): Promise<BankLine> => {
    const res = await t.http().get(`/api/schools/${schoolId}/bank-lines`).query({ pageSize: 200 }).set(bearer(token));
    return res.body.items.find((l: BankLine) => l.reference === reference);
  };
  const paymentsOf = (studentId: string) =>
    t.owner.query(
      `select kind, method, bank_reference, amount::int, doc_number,
              (select json_agg(json_build_object('chargeId', a.charge_id, 'amount', a.amount::int))
                 from finance_allocation a where a.school_id = p.school_id and a.payment_id = p.id) as allocations
         from finance_payment p where school_id = $1 and student_id = $2 order by recorded_at`,
      [schoolId, studentId],
    );

  it("turns a line naming a pupil's payment code into their BANK receipt, and lists the rest with suggestions", async () => {
    const file = await bankWorkbook([
      ['03/10/2025', 'FT25276000001', '1.500.000', null, `HP${an.code} nop tien an HK1`, 'LE THI HOA'],
      ['04/10/2025', 'FT25277000002', '500.000', null, 'nop tien an cho con Tran Thi Binh lop 6A', 'TRAN VAN BA'],
      ['05/10/2025', 'FT25278000003', '2.000.000', null, `HP ${chau.code}`, null],
      ['06/10/2025', 'FT25279000004', null, '22.000', 'Phi quan ly tai khoan thang 9', null],
    ]);
    const result = await importFile('sao-ke-thang-10.xlsx', file);
    expect(result).toMatchObject({ duplicates: 0, matched: 1, unmatched: 3, errors: [] });
    expect(result.statement).toMatchObject({ fileName: 'sao-ke-thang-10.xlsx', lineCount: 4, totalAmount: 3_978_000 });

    // An's receipt: the line's date, amount and reference, numbered, settling An's meals.
    expect(await paymentsOf(an.id)).toEqual([
      {
        kind: 'PAYMENT',
        method: 'BANK',
        bank_reference: 'FT25276000001',
        amount: 1_500_000,
        doc_number: 1,
        allocations: [{ chargeId: an.chargeId, amount: 1_500_000 }],
      },
    ]);
    expect(await lineOf('FT25276000001')).toMatchObject({
      status: 'MATCHED',
      paymentId: expect.any(String),
      suggestions: [],
    });
    // Bình by the name in the description; Châu's code, but more than Châu owes; money out: nobody.
    expect((await lineOf('FT25277000002')).suggestions).toEqual([
      { studentId: binh.id, studentCode: binh.code, studentName: 'Trần Thị Bình', outstanding: 1_200_000 },
    ]);
    expect(await lineOf('FT25278000003')).toMatchObject({
      status: 'UNMATCHED',
      suggestions: [expect.objectContaining({ studentId: chau.id, outstanding: 900_000 })],
    });
    expect(await lineOf('FT25279000004')).toMatchObject({ status: 'UNMATCHED', amount: -22_000, suggestions: [] });
  });

  it('adds nothing when the same statement is imported again', async () => {
    const file = await bankWorkbook([
      ['03/10/2025', 'FT25276000001', '1.500.000', null, `HP${an.code} nop tien an HK1`, 'LE THI HOA'],
      ['04/10/2025', 'FT25277000002', '500.000', null, 'nop tien an cho con Tran Thi Binh lop 6A', 'TRAN VAN BA'],
    ]);
    expect(await importFile('sao-ke-thang-10.xlsx', file)).toEqual({
      statement: null,
      duplicates: 2,
      matched: 0,
      unmatched: 0,
      errors: [],
    });
    expect(await paymentsOf(an.id)).toHaveLength(1);
  });

  it('lets a person match a line to a pupil and set a bank fee aside, until the statement reconciles', async () => {
    const reconcile = async () =>
      (
        await t
          .http()
          .get(`/api/schools/${schoolId}/reconciliation`)
          .query({ from: '2025-10-01', to: '2025-10-31' })
          .set(bearer(token))
      ).body as Reconciliation;
    const waiting = (await reconcile()).checks.find((c) => c.code === 'BANK_LINES_RECORDED');
    expect(waiting).toMatchObject({ left: 4_000_000, right: 1_500_000, difference: 2_500_000 });

    const binhLine = await lineOf('FT25277000002');
    const matched = await t
      .http()
      .post(`/api/schools/${schoolId}/bank-lines/${binhLine.id}/match`)
      .set(bearer(token))
      .send({ studentId: binh.id });
    expect(matched.status).toBe(200);
    expect(matched.body).toMatchObject({ status: 'MATCHED', paymentId: expect.any(String) });
    expect(await paymentsOf(binh.id)).toEqual([
      expect.objectContaining({ method: 'BANK', bank_reference: 'FT25277000002', amount: 500_000, doc_number: 2 }),
    ]);
    const again = await t
      .http()
      .post(`/api/schools/${schoolId}/bank-lines/${binhLine.id}/match`)
      .set(bearer(token))
      .send({ studentId: binh.id });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('bank_line_already_settled');

    // Châu owes 900,000: a line of 2,000,000 cannot be her receipt (over-payment is refused), and stays.
    const chauLine = await lineOf('FT25278000003');
    const refused = await t
      .http()
      .post(`/api/schools/${schoolId}/bank-lines/${chauLine.id}/match`)
      .set(bearer(token))
      .send({ studentId: chau.id });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'amount', code: 'financeOverpayment' })]);
    expect(await lineOf('FT25278000003')).toMatchObject({ status: 'UNMATCHED', paymentId: null });
    expect(await paymentsOf(chau.id)).toEqual([]);

    for (const [reference, note] of [
      ['FT25279000004', 'Phí quản lý tài khoản của ngân hàng'],
      ['FT25278000003', 'Phụ huynh chuyển nhầm, đã hoàn trả qua ngân hàng'],
    ]) {
      const line = await lineOf(reference);
      const ignored = await t
        .http()
        .post(`/api/schools/${schoolId}/bank-lines/${line.id}/ignore`)
        .set(bearer(token))
        .send({ note });
      expect(ignored.body).toMatchObject({ status: 'IGNORED' });
    }
    const done = await reconcile();
    expect(done.checks.filter((c) => c.difference !== 0)).toEqual([]);
    expect(done.checks.find((c) => c.code === 'BANK_RECEIPTS_MATCHED')).toMatchObject({
      left: 2_000_000,
      right: 2_000_000,
    });
  });

  it('matches a line to the bank receipt already recorded with its reference instead of recording it twice', async () => {
    const recorded = await t.http().post(`/api/schools/${schoolId}/payments`).set(bearer(token)).send({
      studentId: binh.id,
      paidOn: '2025-10-10',
      method: 'BANK',
      bankReference: 'FT25283000010',
      amount: 300_000,
    });
    expect(recorded.status).toBe(201);
    const result = await importFile(
      'sao-ke-10-10.xlsx',
      await bankWorkbook([['10/10/2025', 'FT25283000010', 300_000, null, `HP ${binh.code}`, 'TRAN VAN BA']]),
    );
    expect(result).toMatchObject({ matched: 1, unmatched: 0 });
    expect(await lineOf('FT25283000010')).toMatchObject({ status: 'MATCHED', paymentId: recorded.body.id });
    expect(await paymentsOf(binh.id)).toHaveLength(2);
  });

  it('refuses a CSV export with bad lines, naming each by row and column, and writes nothing', async () => {
    const before = await t.owner.query(`select count(*)::int as n from finance_bank_line where school_id = $1`, [
      schoolId,
    ]);
    const csv = [
      'Ngày;Số tiền;Mã giao dịch;Diễn giải',
      `12/10/2025;700.000;FT25285000020;HP ${chau.code}`,
      '32/10/2025;100.000;FT25285000021;x',
      '13/10/2025;100.000,5;FT25285000022;y',
      '14/10/2025;100.000;;z',
    ].join('\n');
    const result = await importFile('sao-ke.csv', Buffer.from(`\uFEFF${csv}`, 'utf8'));
    expect(result).toEqual({
      statement: null,
      duplicates: 0,
      matched: 0,
      unmatched: 0,
      errors: [
        { row: 3, column: 'Ngày', message: 'Ngày không tồn tại' },
        { row: 4, column: 'Số tiền', message: 'Số tiền phải là số đồng nguyên' },
        { row: 5, column: 'Mã giao dịch', message: 'Bắt buộc nhập' },
      ],
    });
    expect(
      await t.owner.query(`select count(*)::int as n from finance_bank_line where school_id = $1`, [schoolId]),
    ).toEqual(before);
  });

  it('imports a CSV export too, and refuses a file that is no statement with a message', async () => {
    const csv = ['Date,Amount,Reference,Description', `12/10/2025,"700,000",FT25285000030,"HP ${chau.code}, tien an"`];
    const result = await importFile('statement.csv', Buffer.from(csv.join('\r\n'), 'utf8'));
    expect(result).toMatchObject({ matched: 1, unmatched: 0, errors: [] });
    const bad = await t
      .http()
      .post(`/api/schools/${schoolId}/bank-statements`)
      .set(bearer(token))
      .attach('file', Buffer.from('Họ và tên,Lớp\nAn,6A'), 'danh-sach.csv');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'bank_statement_unreadable', detail: expect.stringContaining('"Ngày"') });
  });

  it('refuses a statement with a line dated in a closed month, naming the line', async () => {
    const close = await t.http().post(`/api/schools/${schoolId}/finance-months/2025-10/close`).set(bearer(token));
    expect(close.status).toBe(201);
    const result = await importFile(
      'sao-ke-muon.xlsx',
      await bankWorkbook([
        ['31/10/2025', 'FT25304000040', '100.000', null, 'chuyen tien', null],
        ['03/11/2025', 'FT25307000041', '100.000', null, 'chuyen tien', null],
      ]),
    );
    expect(result.errors).toEqual([{ row: 5, column: 'Ngày giao dịch', message: 'Tháng 10/2025 đã khoá sổ' }]);
    expect(result.statement).toBeNull();
  });
});
