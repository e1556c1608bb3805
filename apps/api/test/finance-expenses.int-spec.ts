import { auditRows, schoolWithAdmin, SchoolFixture } from './academic-fixtures';
import { bearer, createUser, startTestApp, TestApp } from './harness';
import { pdfPages } from './pdf-text';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

interface FieldErrorBody {
  errors: { field: string; code: string; message: string }[];
}

/**
 * Expense vouchers (phiếu chi; docs/domain/finance.md, part E): drafted and edited by the accountant, approved by the
 * head of the school with a number of the school's VOUCHER series, rejected, or reversed by a row of the opposite
 * amount; approved ones are the budget's execution. Attachments are checked as an asset's.
 */
describe('expense vouchers', () => {
  let t: TestApp;
  let school: SchoolFixture;
  let other: SchoolFixture;
  let accountant: string;
  let teacher: string;
  const expenses = (s = school) => `/api/schools/${s.id}/expenses`;
  const voucher = (extra: Record<string, unknown> = {}) => ({
    spentOn: '2025-10-20',
    fundingSource: 'STATE_REGULAR',
    spendingGroup: 'GOODS_SERVICES',
    method: 'CASH',
    amount: 4_500_000,
    payee: 'Công ty TNHH Văn phòng phẩm Hồng Hà',
    description: 'Mua văn phòng phẩm học kỳ I',
    ...extra,
  });
  const draft = async (extra: Record<string, unknown> = {}) => {
    const res = await t.http().post(expenses()).set(bearer(accountant)).send(voucher(extra));
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  };
  const act = (id: string, action: string, token = school.admin, body: Record<string, unknown> = {}) =>
    t.http().post(`${expenses()}/${id}/${action}`).set(bearer(token)).send(body);
  const spent = async (group = 'GOODS_SERVICES') => {
    const res = await t
      .http()
      .get(`/api/schools/${school.id}/budget`)
      .query({ fiscalYear: 2025 })
      .set(bearer(accountant));
    return res.body.rows.find((r: { spendingGroup: string }) => r.spendingGroup === group)?.spent ?? 0;
  };

  beforeAll(async () => {
    t = await startTestApp({ EVENT_WORKER: 'off' });
    school = await schoolWithAdmin(t, 'PGD-KC');
    other = await schoolWithAdmin(t, 'PGD-KC');
    accountant = await t.login(await createUser(t, 'ACCOUNTANT', school.code));
    teacher = await t.login(await createUser(t, 'TEACHER', school.code));
  });
  afterAll(() => t?.close());

  it('lets the accountant draft and edit a voucher with its version; a stale edit is refused', async () => {
    const made = await draft();
    expect(made).toMatchObject({
      kind: 'EXPENSE',
      status: 'DRAFT',
      documentNumber: null,
      amount: 4_500_000,
      version: 1,
      attachments: [],
    });
    const edit = (version: number, amount: number) =>
      t.http().patch(`${expenses()}/${made.id}`).set(bearer(accountant)).send({ version, amount });
    const edited = await edit(1, 4_750_000);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ amount: 4_750_000, version: 2, payee: 'Công ty TNHH Văn phòng phẩm Hồng Hà' });
    expect((await edit(1, 1)).body.code).toBe('version_conflict');
    expect((await t.http().post(expenses()).set(bearer(teacher)).send(voucher())).status).toBe(403);
    expect(
      (
        await t
          .http()
          .get(`${expenses(other)}/${made.id}`)
          .set(bearer(other.admin))
      ).status,
    ).toBe(404);

    const errors = await t
      .http()
      .post(expenses())
      .set(bearer(accountant))
      .send(voucher({ amount: 0, payee: ' ' }));
    expect(errors.status).toBe(400);
    expect((errors.body as FieldErrorBody).errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual([
      'amount:min',
      'payee:isNotEmpty',
    ]);
    const list = await t.http().get(expenses()).query({ status: 'DRAFT', q: 'hồng hà' }).set(bearer(accountant));
    expect(list.body).toMatchObject({ total: 1, items: [{ id: made.id }] });
  });

  it('numbers approved vouchers in the VOUCHER series of their year, counts them as spent, and freezes them', async () => {
    const before = await spent();
    const first = await draft({ amount: 1_000_000 });
    const second = await draft({ amount: 2_000_000, spentOn: '2025-11-02' });
    expect((await act(first.id, 'approve', accountant)).status).toBe(403);
    const approved = await act(first.id, 'approve');
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ status: 'APPROVED', documentNumber: 'PC-2025-000001', version: 2 });
    expect((await act(second.id, 'approve')).body.documentNumber).toBe('PC-2025-000002');
    expect(await spent()).toBe(before + 3_000_000);

    const again = await act(first.id, 'approve');
    expect([again.status, again.body.code]).toEqual([409, 'finance_expense_not_draft']);
    const edit = await t
      .http()
      .patch(`${expenses()}/${first.id}`)
      .set(bearer(accountant))
      .send({ version: 2, amount: 1 });
    expect(edit.body.code).toBe('finance_expense_not_draft');
    const outbox = await t.owner.query(
      `select count(*)::int as n from outbox where school_id = $1 and type = 'finance.changed'`,
      [school.id],
    );
    expect(outbox[0].n).toBeGreaterThanOrEqual(2);
  });

  it('gives concurrent approvals distinct numbers without a gap', async () => {
    const drafts = await Promise.all(Array.from({ length: 8 }, () => draft({ spentOn: '2026-01-10', amount: 10_000 })));
    const answers = await Promise.all(drafts.map((d) => act(d.id, 'approve')));
    expect(answers.map((a) => a.status)).toEqual(drafts.map(() => 201));
    expect(answers.map((a) => a.body.documentNumber).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `PC-2026-00000${i + 1}`),
    );
  });

  it('lets the head of the school reject a draft with a note, after which it is final', async () => {
    const made = await draft();
    const rejected = await act(made.id, 'reject', school.admin, { note: 'Thiếu hóa đơn' });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', decisionNote: 'Thiếu hóa đơn', documentNumber: null });
    expect((await act(made.id, 'approve')).body.code).toBe('finance_expense_not_draft');
  });

  it('reverses an approved voucher by a row of the opposite amount, once, not dated before the voucher', async () => {
    const made = await draft({ amount: 700_000, spendingGroup: 'OTHER' });
    const approved = (await act(made.id, 'approve')).body;
    expect(await spent('OTHER')).toBe(700_000);
    expect((await act(made.id, 'reverse', accountant, { reason: 'Chi trùng', enteredOn: '2025-11-03' })).status).toBe(
      403,
    );
    const early = await act(made.id, 'reverse', school.admin, { reason: 'Chi trùng', enteredOn: '2025-10-01' });
    expect((early.body as FieldErrorBody).errors.map((e) => e.code)).toEqual(['expenseReversalBeforeVoucher']);

    const reversal = await act(made.id, 'reverse', school.admin, { reason: 'Chi trùng', enteredOn: '2025-11-03' });
    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({
      kind: 'REVERSAL',
      status: 'APPROVED',
      amount: -700_000,
      documentNumber: null,
      reversesId: made.id,
      spentOn: '2025-11-03',
      decisionNote: 'Chi trùng',
      description: `Hủy phiếu chi ${approved.documentNumber}`,
    });
    const original = (await t.http().get(`${expenses()}/${made.id}`).set(bearer(accountant))).body;
    expect(original).toMatchObject({ status: 'APPROVED', amount: 700_000, reversedById: reversal.body.id });
    expect(await spent('OTHER')).toBe(0);
    const twice = await act(made.id, 'reverse', school.admin, { reason: 'x', enteredOn: '2025-11-04' });
    expect([twice.status, twice.body.code]).toEqual([409, 'finance_already_reversed']);
    const ofReversal = await act(reversal.body.id, 'reverse', school.admin, { reason: 'x', enteredOn: '2025-11-04' });
    expect(ofReversal.body.code).toBe('finance_expense_not_approved');
    expect((await auditRows(t, school.id, 'finance_expense')).filter((r) => r.entity_id === made.id)).toHaveLength(2);
  });

  it('keeps invoices with a draft, checked by their bytes, and leaves an approved voucher’s papers as signed', async () => {
    const made = await draft();
    const upload = (file: Buffer, name: string, type: string, id = made.id) =>
      t.http().post(`${expenses()}/${id}/attachments`).set(bearer(accountant)).attach('file', file, {
        filename: name,
        contentType: type,
      });
    const kept = await upload(PDF, 'Hóa đơn 0001234.pdf', 'application/pdf');
    expect(kept.status).toBe(201);
    expect(kept.body).toMatchObject({
      fileName: 'Hóa đơn 0001234.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
    });
    const script = await upload(Buffer.from('#!/bin/sh\nrm -rf /\n'), 'anh.png', 'image/png');
    expect((script.body as FieldErrorBody).errors.map((e) => e.code)).toEqual(['attachmentType']);
    const big = await upload(Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]), 'lon.pdf', 'application/pdf');
    expect((big.body as FieldErrorBody).errors.map((e) => e.code)).toEqual(['attachmentTooLarge']);

    const file = await t
      .http()
      .get(`${expenses()}/${made.id}/attachments/${kept.body.id}`)
      .set(bearer(accountant))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await t.http().get(`${expenses()}/${made.id}`).set(bearer(accountant))).body.attachments).toHaveLength(1);

    await act(made.id, 'approve');
    expect((await upload(PDF, 'sau.pdf', 'application/pdf')).body.code).toBe('finance_expense_not_draft');
    const removal = await t
      .http()
      .delete(`${expenses()}/${made.id}/attachments/${kept.body.id}`)
      .set(bearer(accountant));
    expect(removal.body.code).toBe('finance_expense_not_draft');

    const another = await draft();
    const second = await upload(PDF, 'x.pdf', 'application/pdf', another.id);
    const removed = await t
      .http()
      .delete(`${expenses()}/${another.id}/attachments/${second.body.id}`)
      .set(bearer(accountant));
    expect(removed.status).toBe(204);
    expect((await auditRows(t, school.id, 'finance_expense_attachment')).map((r) => r.action)).toEqual([
      'CREATE',
      'CREATE',
      'DELETE',
    ]);
  });

  it('prints the voucher on form C41-BB with its number, payee, source and the amount in words', async () => {
    const made = await draft({ amount: 1_250_000, payee: 'Nguyễn Thị Hoa', description: 'Sửa quạt phòng học 6A' });
    const pdf = (id: string) =>
      t
        .http()
        .get(`${expenses()}/${id}/voucher.pdf`)
        .set(bearer(accountant))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
    const draftText = pdfPages((await pdf(made.id)).body as Buffer).join('');
    expect(draftText).toContain('Bản nháp');
    const { documentNumber } = (await act(made.id, 'approve')).body;
    const res = await pdf(made.id);
    expect([res.status, res.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(res.headers['content-disposition']).toContain(`phieu-chi-${documentNumber}.pdf`);
    const text = pdfPages(res.body as Buffer).join('');
    for (const words of [
      'PHIẾU CHI',
      'C41-BB',
      `Số: ${documentNumber}`,
      'Nguyễn Thị Hoa',
      'Sửa quạt phòng học 6A',
      'Ngân sách nhà nước – chi thường xuyên',
      '1.250.000 đồng',
      'Một triệu hai trăm năm mươi nghìn đồng',
      'Người nhận tiền',
    ])
      expect(text).toContain(words);
  });

  it('refuses to approve a voucher dated in a closed month', async () => {
    const made = await draft({ spentOn: '2025-08-15' });
    await t.owner.query(`insert into finance_month_close (school_id, month) values ($1, '2025-08-01')`, [school.id]);
    const res = await act(made.id, 'approve');
    expect([res.status, res.body.code]).toEqual([409, 'finance_month_closed']);
    expect((await t.http().get(`${expenses()}/${made.id}`).set(bearer(accountant))).body.status).toBe('DRAFT');
  });
});
