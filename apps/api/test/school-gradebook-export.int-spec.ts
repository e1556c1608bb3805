import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { auditRows } from './academic-fixtures';
import { download, GradingFixture, gradingClass, sheetPath } from './grading-fixtures';
import { bearer, startTestApp, TestApp } from './harness';

describe("gradebook: the whole school's scores in one workbook (real PostgreSQL)", () => {
  let t: TestApp;
  let f: GradingFixture;

  beforeAll(async () => {
    t = await startTestApp();
    f = await gradingClass(t);
    const [an, binh] = f.studentIds;
    const toan = await t
      .http()
      .put(sheetPath(f))
      .set(bearer(f.teacherA))
      .send({
        requestId: randomUUID(),
        rows: [
          { studentId: an, version: 0, cells: { TX1: 8, TX2: 7, TX3: 9, TX4: 8, GK: 7.5, CK: 8 }, comment: '=cmd()' },
          { studentId: binh, version: 0, cells: { TX1: 6 } },
        ],
      });
    const van = await t
      .http()
      .put(sheetPath(f, 'NGU_VAN'))
      .set(bearer(f.teacherB))
      .send({ requestId: randomUUID(), rows: [{ studentId: an, version: 0, cells: { TX1: 9 } }] });
    expect([toan.status, van.status]).toEqual([200, 200]);
  });
  afterAll(() => t.close());

  const exportOf = (token: string, schoolId = f.school.id) =>
    download(
      t
        .http()
        .get(`/api/schools/${schoolId}/gradebook/export.xlsx`)
        .query({ yearId: f.yearId, semester: 1 })
        .set(bearer(token)),
    );

  it("lists one row per pupil and subject with the API's numbers, formulas neutralised, and audits the export", async () => {
    const res = await exportOf(f.school.admin);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Lớp',
      'Mã định danh',
      'Họ và tên',
      'Ngày sinh',
      'Môn học',
      'TX1',
      'TX2',
      'TX3',
      'TX4',
      'GK',
      'CK',
      'ĐTBmhk',
      'Đánh giá',
      'Điểm khác',
      'Nhận xét',
    ]);
    const rows = [];
    // The pupils' rows end at the blank row above the signature block.
    for (let i = 2; sheet.getRow(i).cellCount > 0; i++) rows.push((sheet.getRow(i).values as unknown[]).slice(1));
    expect(rows).toHaveLength(3);
    // Official: the governing body, school and title in the printed page's header; preparer and principal below.
    expect(sheet.headerFooter.oddHeader).toMatch(/TRƯỜNG/);
    expect(sheet.headerFooter.oddHeader).toMatch(/SỔ ĐIỂM HỌC KÌ I NĂM HỌC \d{4}-\d{4}/);
    const below = sheet.getSheetValues().slice(6).flat();
    expect(below).toEqual(expect.arrayContaining(['NGƯỜI LẬP BIỂU', 'HIỆU TRƯỞNG']));
    const an = rows.find((r) => r[2] === 'Nguyễn Văn An' && r[4] === 'Toán')!;
    expect(an.slice(5, 12)).toEqual([8, 7, 9, 8, 7.5, 8, 7.9]);
    expect(an[14]).toBe('=cmd()');
    // The pupil's personal identification number, never an internal id, in any cell.
    expect(an[1]).toMatch(/^\d{12}$/);
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    expect(rows.flat().filter((v) => typeof v === 'string' && uuid.test(v))).toEqual([]);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    expect(rows.find((r) => r[4] === 'Ngữ văn')?.[5]).toBe(9);
    expect(
      (await auditRows(t, f.school.id, 'gradebook')).filter((a) => a.action === 'EXPORT' && a.entity_id === 'export'),
    ).toHaveLength(1);
  });

  it("refuses teachers (403) and another school's administrator (404)", async () => {
    expect((await exportOf(f.teacherA)).status).toBe(403);
    const other = await gradingClass(t, ['Hồ Văn Em']);
    expect((await exportOf(other.school.admin)).status).toBe(404);
  });
});
