import { ReceiptLinks } from '@emis/api/finance';
import { bearer, startTestApp, TestApp } from './harness';
import {
  charge,
  feePeriod,
  feeSchedule,
  pay,
  paymentsSchool,
  PaymentsSchool,
  pupils,
  uploadPaymentList,
} from './finance-payments-fixtures';
import { download } from './grading-fixtures';
import { readWorkbook, waitForJob, workbook } from './imports-fixtures';
import { pdfPages } from './pdf-text';

/**
 * What leaves the school on paper or as a file: the receipt (A5 PDF, Vietnamese), the link a family opens without an
 * account, the payments in Excel, and the collection list imported from Excel (every row checked first).
 */
describe('finance receipts and payment files', () => {
  let t: TestApp;
  let s: PaymentsSchool;
  let periodId: string;
  let feeId: string;

  beforeAll(async () => {
    t = await startTestApp({ EVENT_WORKER: 'off' });
    s = await paymentsSchool(t);
    periodId = await feePeriod(t, s, 'HK1', '2025-09-05', '2026-01-15', 5);
    feeId = await feeSchedule(t, s, 'MEALS', 'Tiền ăn bán trú', 300_000);
  });
  afterAll(() => t?.close());

  async function indebted(name: string, due = 1_500_000) {
    const [p] = await pupils(t, s, [name]);
    return { ...p, chargeId: await charge(t, s, p.id, periodId, feeId, due) };
  }

  const get = (path: string) => download(t.http().get(`/api/schools/${s.id}/${path}`).set(bearer(s.token)));

  const pdfText = (body: Buffer) => {
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return pdfPages(body).join('');
  };

  it('prints a receipt on A5 in Vietnamese: number, pupil, class, lines and the amount in words', async () => {
    const p = await indebted('Nguyễn Thị Thuỳ Dương');
    const paid = await pay(t, s, {
      studentId: p.id,
      paidOn: '2025-09-18',
      method: 'BANK',
      bankReference: 'FT25261000001',
      amount: 1_250_000,
      payerName: 'Trần Văn Hùng',
    });
    const res = await get(`payments/${paid.body.id}/receipt.pdf`);

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((res.body as Buffer).toString('latin1')).toMatch(/\/MediaBox \[0 0 419\.5\d* 595\.2\d*\]/);
    const text = pdfText(res.body);
    for (const expected of [
      'PHIẾU THU',
      'Mẫu số C40-BB',
      `Số: ${paid.body.documentNumber}`,
      'Ngày 18 tháng 09 năm 2025',
      'Trần Văn Hùng',
      `Nguyễn Thị Thuỳ Dương, mã ${p.code}, lớp 6A`,
      'Chuyển khoản (mã giao dịch FT25261000001)',
      'Tiền ăn bán trú',
      '1.250.000 đ',
      'Một triệu hai trăm năm mươi nghìn đồng',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('ĐÃ HUỶ');
  });

  it('prints a refund as a voucher, marks a reversed receipt cancelled, and has no document for a reversal', async () => {
    const p = await indebted('Lý Thị Hồng');
    const paid = await pay(t, s, { studentId: p.id, paidOn: '2025-09-19', method: 'CASH', amount: 600_000 });
    const refund = await t
      .http()
      .post(`/api/schools/${s.id}/payments/${paid.body.id}/refund`)
      .set(bearer(s.token))
      .send({ amount: 100_000, paidOn: '2025-09-30', method: 'CASH', reason: 'Nghỉ ốm một tuần' });
    const voucher = pdfText((await get(`payments/${refund.body.id}/receipt.pdf`)).body);
    expect(voucher).toContain('PHIẾU CHI');
    expect(voucher).toContain(refund.body.documentNumber);
    expect(voucher).toContain('Nghỉ ốm một tuần');
    expect(voucher).toContain('Một trăm nghìn đồng');

    await t
      .http()
      .post(`/api/schools/${s.id}/payments/${refund.body.id}/reverse`)
      .set(bearer(s.token))
      .send({ reason: 'Hoàn nhầm' });
    const reversal = await t
      .http()
      .post(`/api/schools/${s.id}/payments/${paid.body.id}/reverse`)
      .set(bearer(s.token))
      .send({ reason: 'Nhập nhầm' });
    expect(pdfText((await get(`payments/${paid.body.id}/receipt.pdf`)).body)).toContain('ĐÃ HUỶ');
    const none = await t
      .http()
      .get(`/api/schools/${s.id}/payments/${reversal.body.id}/receipt.pdf`)
      .set(bearer(s.token));
    expect([none.status, none.body.code]).toEqual([409, 'finance_reversal_no_document']);
  });

  it('opens a receipt through its signed link without signing in; a changed, expired or foreign link finds nothing', async () => {
    const p = await indebted('Phan Văn Đức');
    const paid = await pay(t, s, { studentId: p.id, paidOn: '2025-09-20', method: 'CASH', amount: 300_000 });
    const link = await t.http().get(`/api/schools/${s.id}/payments/${paid.body.id}/receipt-link`).set(bearer(s.token));
    expect(link.status).toBe(200);
    const url = new URL(link.body.url);
    expect(url.pathname).toMatch(/^\/api\/finance-receipts\/[\w-]+\.[\w-]+$/);
    expect(new Date(link.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const opened = await download(t.http().get(url.pathname));
    expect(opened.status).toBe(200);
    expect(pdfText(opened.body)).toContain(paid.body.documentNumber);

    const token = url.pathname.split('/').pop() as string;
    const changed = `${token.slice(0, 10)}${token[10] === 'a' ? 'b' : 'a'}${token.slice(11)}`;
    expect((await t.http().get(`/api/finance-receipts/${changed}`)).status).toBe(404);

    const links = new ReceiptLinks(t.config.JWT_SECRET);
    const expired = links.sign({ schoolId: s.id, paymentId: paid.body.id }, new Date('2025-01-01T00:00:00Z')).token;
    expect((await t.http().get(`/api/finance-receipts/${expired}`)).status).toBe(404);

    // Signed for another school: that school's scope finds no payment of this one.
    const other = await paymentsSchool(t);
    const foreign = links.sign({ schoolId: other.id, paymentId: paid.body.id }, new Date()).token;
    expect((await t.http().get(`/api/finance-receipts/${foreign}`)).status).toBe(404);
  });

  it('exports the payments of a date range to Excel, oldest first, signed as the ledger holds them', async () => {
    const p = await indebted('Hồ Thị Ngọc Ánh');
    const first = await pay(t, s, { studentId: p.id, paidOn: '2025-12-01', method: 'CASH', amount: 200_000 });
    await pay(t, s, { studentId: p.id, paidOn: '2025-12-02', method: 'CASH', amount: 300_000 });
    await t
      .http()
      .post(`/api/schools/${s.id}/payments/${first.body.id}/refund`)
      .set(bearer(s.token))
      .send({ amount: 50_000, paidOn: '2025-12-03', method: 'CASH', reason: 'Thu thừa' });

    const res = await get('payments/export.xlsx?from=2025-12-01&to=2025-12-31');
    expect(res.status).toBe(200);
    const sheet = (await readWorkbook(res.body)).worksheets[0];
    const rows = sheet.getSheetValues().slice(2, 5) as unknown[][];
    // The issuer lines on every printed page; the signature block after a blank row under the last payment.
    expect(sheet.headerFooter.oddHeader).toMatch(/TRƯỜNG/);
    expect(sheet.headerFooter.oddHeader).toContain('BẢNG KÊ THU, HOÀN TRẢ CÁC KHOẢN THU');
    expect(sheet.getRow(5).cellCount).toBe(0);
    expect(sheet.getSheetValues().slice(6).flat()).toEqual(expect.arrayContaining(['NGƯỜI LẬP BIỂU', 'HIỆU TRƯỞNG']));
    expect(rows.map((r) => [r[2], r[3], r[5], r[10]])).toEqual([
      ['Thu', '01/12/2025', 'Hồ Thị Ngọc Ánh', 200_000],
      ['Thu', '02/12/2025', 'Hồ Thị Ngọc Ánh', 300_000],
      ['Hoàn trả', '03/12/2025', 'Hồ Thị Ngọc Ánh', -50_000],
    ]);
  });

  describe('the collection list import', () => {
    const HEADERS = [
      'STT',
      'Mã học sinh',
      'Họ và tên',
      'Ngày nộp',
      'Số tiền',
      'Hình thức',
      'Mã giao dịch',
      'Người nộp',
      'Ghi chú',
    ];

    const importList = async (rows: unknown[][]) => {
      const res = await uploadPaymentList(t, s, await workbook(HEADERS, rows as never));
      expect(res.status).toBe(202);
      return waitForJob(t, s.token, s.id, res.body.id);
    };

    const receiptsOf = (studentId: string) =>
      t.owner.query(
        `select doc_number, amount::int as amount, method from finance_payment where school_id = $1 and student_id = $2
          order by doc_number`,
        [s.id, studentId],
      );

    it('checks every row first and writes nothing when any cell is wrong', async () => {
      const a = await indebted('Mai Văn Tài', 500_000);
      const b = await indebted('Cao Thị Yến', 500_000);
      const job = await importList([
        [1, a.code, 'Mai Văn Tài', '15/10/2025', 300_000, 'Tiền mặt', null, 'Mai Văn Lộc', null],
        [2, '000000000000', null, '15/10/2025', 100_000, 'Tiền mặt', null, null, null],
        [3, b.code, 'Cao Thị Yến Nhi', '15/10/2025', 100_000, 'Tiền mặt', null, null, null],
        [4, a.code, null, '16/10/2025', 300_000, 'Tiền mặt', null, null, null],
        [5, b.code, null, '16/10/2025', 100_000, 'Chuyển khoản', null, null, null],
        [6, b.code, null, '01/01/2099', 100_000, 'Tiền mặt', null, null, null],
      ]);

      expect(job.status).toBe('FAILED');
      const cells = job.errors
        .map((e: { row: number; column: string; message: string }) => [e.row, e.column, e.message])
        .sort((x: [number], y: [number]) => x[0] - y[0]);
      expect(cells.map(([row, column]: [number, string]) => [row, column])).toEqual([
        [3, 'B'],
        [4, 'C'],
        [5, 'E'],
        [6, 'G'],
        [7, 'D'],
      ]);
      expect(cells[2][2]).toContain('200.000 đ');
      expect(await receiptsOf(a.id)).toEqual([]);
      expect(await receiptsOf(b.id)).toEqual([]);
    });

    it('records one receipt per row in the list’s order; the same list again adds nothing', async () => {
      const a = await indebted('Tạ Minh Quân', 800_000);
      const b = await indebted('Kiều Thị Oanh', 800_000);
      const rows = [
        [1, a.code, 'Ta Minh Quan', '20/10/2025', 500_000, 'Tiền mặt', null, 'Tạ Văn Sơn', null],
        [2, b.code, null, '20/10/2025', 800_000, 'Chuyển khoản', 'FT25293000777', null, 'Chuyển khoản cả kỳ'],
        [3, a.code, null, '21/10/2025', 300_000, 'tiền mặt', null, null, null],
      ];
      const job = await importList(rows);
      expect(job).toMatchObject({ status: 'DONE', created: 3 });

      const [aFirst, aSecond] = await receiptsOf(a.id);
      const [bOnly] = await receiptsOf(b.id);
      expect([aFirst.amount, bOnly.amount, aSecond.amount]).toEqual([500_000, 800_000, 300_000]);
      expect([bOnly.doc_number, aSecond.doc_number]).toEqual([aFirst.doc_number + 1, aFirst.doc_number + 2]);
      expect(bOnly.method).toBe('BANK');

      const again = await importList(rows);
      expect(again.status).toBe('FAILED');
      expect(again.errors.map((e: { row: number; column: string }) => [e.row, e.column]).sort()).toEqual([
        [2, 'E'],
        [3, 'G'],
        [4, 'E'],
      ]);
      expect(await receiptsOf(a.id)).toHaveLength(2);
    });
  });
});
