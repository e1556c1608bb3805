import { bearer, startTestApp, TestApp } from './harness';
import { importFile, readWorkbook, schoolWithAdmin, STAFF_HEADERS, staffRow, workbook } from './imports-fixtures';

describe('staff list import', () => {
  let t: TestApp;
  let schoolId: string;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ schoolId, token } = await schoolWithAdmin(t));
  });
  afterAll(() => t.close());

  const count = async (table: string) =>
    (await t.owner.query(`select count(*)::int as n from ${table} where school_id = $1`, [schoolId]))[0].n as number;

  it('offers a staff template with the position, contract and qualification dropdowns', async () => {
    const res = await t
      .http()
      .get(`/api/schools/${schoolId}/imports/templates/staff.xlsx`)
      .set(bearer(token))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const wb = await readWorkbook(res.body as Buffer);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(STAFF_HEADERS);
    const lists = wb.getWorksheet('Danh mục')!;
    const headers = (lists.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(['Giới tính', 'Dân tộc', 'Chức vụ', 'Loại hợp đồng', 'Trình độ']);
    expect([2, 3, 4, 5].map((r) => lists.getCell(r, 3).value)).toEqual([
      'Hiệu trưởng',
      'Phó hiệu trưởng',
      'Giáo viên',
      'Nhân viên',
    ]);
  });

  it('creates staff with qualifications, subjects, hiring history and audit rows; the same file again changes nothing', async () => {
    const rows = Array.from({ length: 12 }, (_, i) =>
      staffRow(i, i === 0 ? { 'Chức vụ': 'Hiệu trưởng', 'Môn dạy': null } : {}),
    );
    const file = await workbook(STAFF_HEADERS, rows);
    const job = await importFile(t, token, schoolId, 'staff', file);
    expect(job).toMatchObject({ status: 'DONE', kind: 'STAFF', created: 12, updated: 0, unchanged: 0 });
    const [first] = await t.owner.query(
      `select position, contract_type, rank_code, salary_coefficient::text as coef, salary_step, qualifications, subjects, to_char(start_date, 'YYYY-MM-DD') as start
         from staff where school_id = $1 and personal_id = $2`,
      [schoolId, rows[1][0]],
    );
    expect(first).toEqual({
      position: 'TEACHER',
      contract_type: 'CIVIL_SERVANT',
      rank_code: 'V.07.04.32',
      coef: '2.34',
      salary_step: 1,
      qualifications: [
        { level: 'BACHELOR', major: 'Sư phạm Toán', institution: 'Trường Đại học Sư phạm Hà Nội', year: 2007 },
      ],
      subjects: ['TOAN', 'TIN_HOC'],
      start: '2007-09-01',
    });
    expect(await count('staff_history')).toBe(12);
    expect(
      (
        await t.owner.query(
          `select count(*)::int as n from audit_log where school_id = $1 and entity = 'staff' and action = 'CREATE'`,
          [schoolId],
        )
      )[0].n,
    ).toBe(12);

    const again = await importFile(t, token, schoolId, 'staff', file);
    expect(again).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 12 });
    expect(await count('staff_history')).toBe(12);

    rows[2][STAFF_HEADERS.indexOf('Chức vụ')] = 'Phó hiệu trưởng';
    const promoted = await importFile(t, token, schoolId, 'staff', await workbook(STAFF_HEADERS, rows));
    expect(promoted).toMatchObject({ status: 'DONE', created: 0, updated: 1, unchanged: 11 });
    expect(
      await t.owner.query(`select kind from staff_history where school_id = $1 and kind = 'POSITION'`, [schoolId]),
    ).toHaveLength(1);
  });

  it('rejects bad positions, out-of-range salary fields, a bad e-mail, an unknown subject and a qualification without its year; writes nothing', async () => {
    const before = await count('staff');
    const rows = Array.from({ length: 4 }, (_, i) => staffRow(i));
    rows[0][STAFF_HEADERS.indexOf('Chức vụ')] = 'Bảo vệ';
    rows[1][STAFF_HEADERS.indexOf('Hệ số lương')] = 11;
    rows[1][STAFF_HEADERS.indexOf('Bậc lương')] = 2.5;
    rows[2][STAFF_HEADERS.indexOf('Email')] = 'khong-phai-email';
    rows[2][STAFF_HEADERS.indexOf('Môn dạy')] = 'Toán; Thiên văn';
    rows[3][STAFF_HEADERS.indexOf('Năm tốt nghiệp')] = null;
    const job = await importFile(t, token, schoolId, 'staff', await workbook(STAFF_HEADERS, rows));
    expect(job.status).toBe('FAILED');
    expect(
      job.errors.map((e: { row: number; column: string; message: string }) => [e.row, e.column, e.message]),
    ).toEqual([
      [2, 'H', 'Giá trị không hợp lệ; chọn một trong: Hiệu trưởng, Phó hiệu trưởng, Giáo viên, Nhân viên'],
      [3, 'K', 'Phải từ 1 đến 10'],
      [3, 'L', 'Phải là số nguyên'],
      [4, 'G', 'Email không đúng định dạng'],
      [4, 'Q', 'Không có trong danh mục môn học: Thiên văn'],
      [5, 'P', 'Bắt buộc nhập khi có trình độ'],
    ]);
    expect(await count('staff')).toBe(before);
  });
});
