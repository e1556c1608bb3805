import ExcelJS from 'exceljs';
import { bearer, startTestApp, TestApp } from './harness';
import {
  Cell,
  importFile,
  openYearWithClasses,
  personalId,
  readWorkbook,
  schoolWithAdmin,
  STAFF_HEADERS,
  staffRow,
  STUDENT_HEADERS,
  studentRow,
} from './imports-fixtures';

/** The column letter of a header in the files below (the title block does not move the columns). */
const studentCol = (header: string) => String.fromCharCode(65 + STUDENT_HEADERS.indexOf(header));
const staffCol = (header: string) => String.fromCharCode(65 + STAFF_HEADERS.indexOf(header));
const S = (header: string) => STUDENT_HEADERS.indexOf(header);

/**
 * A list as a school office keeps it: a title block above the headers (the school's name and the list's title merged
 * across the columns, a blank line), then the rows, then empty rows a spreadsheet carried along (bordered, running
 * numbers filled down, a cell holding spaces).
 */
async function clerksWorkbook(headers: string[], rows: Cell[][], trailing = true): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('DS');
  sheet.addRow(['PHÒNG GD&ĐT KIM ĐỘNG — TRƯỜNG THCS NGHĨA DÂN']);
  sheet.addRow(['DANH SÁCH NĂM HỌC 2070-2071']);
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.mergeCells(2, 1, 2, headers.length);
  sheet.getCell('A2').font = { bold: true, size: 14 };
  sheet.addRow([]);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  if (trailing) {
    for (let i = 0; i < 5; i++) {
      const r = sheet.addRow(headers.map((h, c) => (h === 'STT' ? rows.length + i + 1 : c === 2 ? '   ' : null)));
      r.eachCell({ includeEmpty: true }, (cell) => (cell.border = { bottom: { style: 'thin' } }));
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function download(t: TestApp, token: string, schoolId: string, jobId: string): Promise<ExcelJS.Worksheet> {
  const res = await t
    .http()
    .get(`/api/schools/${schoolId}/imports/${jobId}/errors.xlsx`)
    .set(bearer(token))
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  return (await readWorkbook(res.body as Buffer)).worksheets[0];
}

type Located = { row: number; column: string; message: string };
const located = (list: Located[]) => list.map((e) => [e.row, e.column, e.message]);

describe("imports of clerks' real lists: every error in one pass, lost zeros, unnamed contacts, title blocks", () => {
  let t: TestApp;
  let schoolId: string;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ schoolId, token } = await schoolWithAdmin(t));
    await openYearWithClasses(t, 2074, [schoolId], ['7A', '7B']);
  });
  afterAll(() => t.close());

  const count = async (table: string) =>
    (await t.owner.query(`select count(*)::int as n from ${table} where school_id = $1`, [schoolId]))[0].n as number;

  it('reports every error of every student row at once: cell errors, duplicate ids, unknown classes and kept records together', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => studentRow(i, '7A'));
    // Row 6 of the sheet (rows[1]): a record the school keeps as history, a bad ethnicity and a father's bad phone.
    const leftId = rows[1][S('Mã định danh')] as string;
    await t.owner.query(
      `insert into student (school_id, personal_id, full_name, date_of_birth, gender, status, created_at, updated_at)
       values ($1, $2, 'Trần Văn Bình', '2013-02-02', 'MALE', 'DROPPED_OUT', now(), now())`,
      [schoolId, leftId],
    );
    rows[1][S('Dân tộc')] = 'Kinh Bắc';
    rows[1][S('SĐT cha')] = '12345';
    // Row 7: the id of row 5 again, a date that is no date, and a class the year does not have.
    rows[2][S('Mã định danh')] = rows[0][S('Mã định danh')];
    rows[2][S('Ngày sinh (dd/mm/yyyy)')] = '31/02/2013';
    rows[2][S('Lớp')] = '9Z';
    // Row 8: a wrong gender word, an unknown policy group and a class the year does not have.
    rows[3][S('Giới tính')] = 'Trai';
    rows[3][S('Đối tượng chính sách')] = 'Hộ nghèo; Con thương binh hạng 5';
    rows[3][S('Lớp')] = '8C';
    // Row 9: an id too short, a one-word name.
    rows[4][S('Mã định danh')] = '03421300';
    rows[4][S('Họ và tên')] = 'Bình';
    // Row 10: the id of row 6 again (so also a kept record), and a formula in the place of birth.
    rows[5][S('Mã định danh')] = leftId;
    rows[5][S('Giới tính')] = 'Nam';
    rows[5][S('Nơi sinh')] = { formula: 'A1', result: 'x' };
    const before = { student: await count('student'), guardian: await count('guardian') };

    const job = await importFile(t, token, schoolId, 'students', await clerksWorkbook(STUDENT_HEADERS, rows));
    expect(job.status).toBe('FAILED');
    const expected = [
      [6, 'B', expect.stringContaining('đã thôi học')],
      [6, studentCol('Dân tộc'), 'Không có trong danh mục 54 dân tộc'],
      [6, studentCol('SĐT cha'), expect.stringContaining('Số điện thoại không hợp lệ')],
      [7, 'B', 'Trùng mã định danh với dòng 5'],
      [7, 'D', 'Ngày không tồn tại'],
      [7, studentCol('Lớp'), 'Không có lớp này trong năm học đang mở của trường'],
      [8, 'E', 'Giá trị không hợp lệ; chọn một trong: Nam, Nữ'],
      [8, studentCol('Lớp'), 'Không có lớp này trong năm học đang mở của trường'],
      [8, studentCol('Đối tượng chính sách'), 'Không có trong danh mục đối tượng chính sách: Con thương binh hạng 5'],
      [9, 'B', 'Mã định danh phải gồm đúng 12 chữ số'],
      [9, 'C', expect.stringContaining('Họ và tên phải gồm 2–7 từ')],
      [10, 'B', 'Trùng mã định danh với dòng 6'],
      [10, 'B', expect.stringContaining('đã thôi học')],
      [10, studentCol('Nơi sinh'), 'Công thức không được phép; hãy nhập giá trị'],
    ];
    expect(located(job.errors)).toEqual(expected);
    expect(job.errorCount).toBe(expected.length);
    expect(job.message).toBe(
      `Có ${expected.length} lỗi ở 5 dòng; chưa ghi dữ liệu nào. Hãy sửa các ô tô đỏ trong tệp lỗi rồi nhập lại.`,
    );
    expect({ student: await count('student'), guardian: await count('guardian') }).toEqual(before);

    // The error workbook marks the same cells, below the title block, and sums up each bad row in one cell.
    const sheet = await download(t, token, schoolId, job.id);
    const summaryCol = STUDENT_HEADERS.length + 1;
    expect(sheet.getCell(4, summaryCol).value).toBe('Lỗi');
    expect(sheet.getCell(1, 1).value).toBe('PHÒNG GD&ĐT KIM ĐỘNG — TRƯỜNG THCS NGHĨA DÂN');
    for (const [row, column] of expected) {
      const cell = sheet.getCell(`${column}${row}`);
      expect((cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFC7CE');
    }
    const summary = String(sheet.getCell(10, summaryCol).value);
    expect(summary).toContain('B (Mã định danh): Học sinh có mã định danh này đã thôi học');
    expect(summary).toContain('B (Mã định danh): Trùng mã định danh với dòng 6');
    expect(summary).toContain('(Nơi sinh): Công thức không được phép');
    expect(JSON.stringify(sheet.getCell('B10').note)).toContain('Trùng mã định danh với dòng 6');
    expect(sheet.getCell(5, summaryCol).value).toBeNull();
    expect(sheet.getCell(11, summaryCol).value).toBeNull();
  });

  it('keeps every error of a file with more than 500 in the job, as in the error workbook', async () => {
    const rows = Array.from({ length: 260 }, (_, i) =>
      studentRow(i, '7Z', { 'Giới tính': 'Không rõ', 'Ngày sinh (dd/mm/yyyy)': 'hôm qua' }),
    );
    const job = await importFile(t, token, schoolId, 'students', await clerksWorkbook(STUDENT_HEADERS, rows, false));
    expect(job.status).toBe('FAILED');
    // Gender and date on each row (the id cannot be matched without them), and the unknown class.
    expect(job.errorCount).toBe(780);
    expect(job.errors).toHaveLength(780);
    expect(located(job.errors.slice(-3))).toEqual([
      [264, 'D', 'Ngày không đúng dạng dd/mm/yyyy'],
      [264, 'E', 'Giá trị không hợp lệ; chọn một trong: Nam, Nữ'],
      [264, studentCol('Lớp'), 'Không có lớp này trong năm học đang mở của trường'],
    ]);
  });

  it('reports every error of every staff row at once: a duplicate id and a transferred record beside the cell errors', async () => {
    const rows = Array.from({ length: 4 }, (_, i) => staffRow(i));
    const transferredId = personalId(1985, 'MALE');
    await t.owner.query(
      `insert into staff (school_id, personal_id, full_name, date_of_birth, gender, position, contract_type, start_date, status, created_at, updated_at)
       values ($1, $2, 'Lê Văn An', '1985-03-12', 'MALE', 'TEACHER', 'CIVIL_SERVANT', '2007-09-01', 'TRANSFERRED', now(), now())`,
      [schoolId, transferredId],
    );
    rows[0][STAFF_HEADERS.indexOf('Mã định danh')] = transferredId;
    rows[0][STAFF_HEADERS.indexOf('Email')] = 'khong-phai-email';
    rows[2][STAFF_HEADERS.indexOf('Mã định danh')] = rows[1][STAFF_HEADERS.indexOf('Mã định danh')];
    rows[2][STAFF_HEADERS.indexOf('Giới tính')] = rows[1][STAFF_HEADERS.indexOf('Giới tính')];
    rows[2][STAFF_HEADERS.indexOf('Hệ số lương')] = 12;
    rows[2][STAFF_HEADERS.indexOf('Chức vụ')] = 'Bảo vệ';
    const before = await count('staff');
    const job = await importFile(t, token, schoolId, 'staff', await clerksWorkbook(STAFF_HEADERS, rows, false));
    expect(job.status).toBe('FAILED');
    expect(located(job.errors)).toEqual([
      [5, 'A', expect.stringContaining('đã chuyển công tác')],
      [5, staffCol('Email'), 'Email không đúng định dạng'],
      [7, 'A', 'Trùng mã định danh với dòng 6'],
      [7, staffCol('Chức vụ'), expect.stringContaining('Giá trị không hợp lệ')],
      [7, staffCol('Hệ số lương'), 'Phải từ 1 đến 10'],
    ]);
    expect(await count('staff')).toBe(before);
  });

  it('reads ids typed as numbers with their zeros back, each as a notice; keeps a phone without a name as an unnamed contact', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => studentRow(i, '7B'));
    const typed = [0, 3].map((i) => rows[i][S('Mã định danh')] as string);
    rows[0][S('Mã định danh')] = Number(typed[0]);
    rows[3][S('Mã định danh')] = Number(typed[1]);
    // A father's phone without his name; a mother's name without a phone; both unnamed on row 10.
    rows[1][S('Họ tên cha')] = null;
    rows[2][S('SĐT mẹ')] = null;
    rows[5][S('Họ tên cha')] = null;
    rows[5][S('Họ tên mẹ')] = null;
    rows[5][S('SĐT mẹ')] = 912000111;
    const file = await clerksWorkbook(STUDENT_HEADERS, rows);

    const job = await importFile(t, token, schoolId, 'students', file);
    expect(job).toMatchObject({ status: 'DONE', created: 6, errorCount: 0, errors: [], totalRows: 6 });
    expect(job.notices).toEqual([
      {
        row: 5,
        column: 'B',
        header: 'Mã định danh',
        message: `Mã định danh được nhập dạng số nên Excel bỏ mất số 0 ở đầu; đã đọc là ${typed[0]}. Hãy kiểm tra lại`,
      },
      {
        row: 8,
        column: 'B',
        header: 'Mã định danh',
        message: `Mã định danh được nhập dạng số nên Excel bỏ mất số 0 ở đầu; đã đọc là ${typed[1]}. Hãy kiểm tra lại`,
      },
    ]);
    const stored = await t.owner.query(
      `select personal_id from student where school_id = $1 and personal_id = any($2::text[]) order by personal_id`,
      [schoolId, typed],
    );
    expect(stored.map((s: { personal_id: string }) => s.personal_id)).toEqual([...typed].sort());

    const guardians = async (row: Cell[]) =>
      t.owner.query(
        `select g.relation, g.full_name, g.phone from guardian g join student s on s.school_id = g.school_id and s.id = g.student_id
          where g.school_id = $1 and s.personal_id = $2 order by g.relation, g.phone`,
        [schoolId, row[S('Mã định danh')]],
      );
    expect(await guardians(rows[1])).toEqual([
      { relation: 'MOTHER', full_name: 'Lê Thị Hoa', phone: '0987654321' },
      { relation: 'UNKNOWN', full_name: null, phone: '0912345678' },
    ]);
    expect(await guardians(rows[2])).toEqual([
      { relation: 'FATHER', full_name: 'Trần Văn Bình', phone: '0912345678' },
      { relation: 'MOTHER', full_name: 'Lê Thị Hoa', phone: null },
    ]);
    expect(await guardians(rows[5])).toEqual([
      { relation: 'UNKNOWN', full_name: null, phone: '0912000111' },
      { relation: 'UNKNOWN', full_name: null, phone: '0912345678' },
    ]);
    // The student's record on screen shows the contact with its relation unknown and no name.
    const [{ id }] = await t.owner.query(`select id from student where school_id = $1 and personal_id = $2`, [
      schoolId,
      rows[1][S('Mã định danh')],
    ]);
    const detail = await t.http().get(`/api/schools/${schoolId}/students/${id}`).set(bearer(token));
    expect(detail.status).toBe(200);
    expect(detail.body.guardians).toEqual(
      expect.arrayContaining([expect.objectContaining({ relation: 'UNKNOWN', fullName: null, phone: '0912345678' })]),
    );

    // The same file again changes nothing, and says the same notices.
    const again = await importFile(t, token, schoolId, 'students', file);
    expect(again).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 6 });
    expect(again.notices).toHaveLength(2);
    // Naming the father later replaces the unnamed contact of his column.
    rows[1][S('Họ tên cha')] = 'Trần Văn Bình';
    const named = await importFile(t, token, schoolId, 'students', await clerksWorkbook(STUDENT_HEADERS, rows));
    expect(named).toMatchObject({ status: 'DONE', updated: 1, unchanged: 5 });
    expect(await guardians(rows[1])).toEqual([
      { relation: 'FATHER', full_name: 'Trần Văn Bình', phone: '0912345678' },
      { relation: 'MOTHER', full_name: 'Lê Thị Hoa', phone: '0987654321' },
    ]);
  });

  it('refuses a number that restored is no id, with no notice, and lists the notices of a failed file too', async () => {
    const rows = Array.from({ length: 3 }, (_, i) => studentRow(i, '7B'));
    const typed = rows[0][S('Mã định danh')] as string;
    rows[0][S('Mã định danh')] = Number(typed);
    rows[1][S('Mã định danh')] = 99313001234;
    const job = await importFile(t, token, schoolId, 'students', await clerksWorkbook(STUDENT_HEADERS, rows));
    expect(job.status).toBe('FAILED');
    expect(located(job.errors)).toEqual([[6, 'B', 'Mã định danh phải gồm đúng 12 chữ số']]);
    expect(located(job.notices)).toEqual([[5, 'B', expect.stringContaining(`đã đọc là ${typed}`)]]);
  });

  it('finds the staff header row below a title block and reads a staff id typed as a number', async () => {
    const rows = [staffRow(20), staffRow(21)];
    const typed = rows[1][0] as string;
    rows[1][0] = Number(typed);
    const job = await importFile(t, token, schoolId, 'staff', await clerksWorkbook(STAFF_HEADERS, rows));
    expect(job).toMatchObject({ status: 'DONE', created: 2 });
    expect(located(job.notices)).toEqual([[6, 'A', expect.stringContaining(`đã đọc là ${typed}`)]]);
  });

  it('fails a list whose title block hides the header row past the top 30 rows, naming the column it looked for', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('DS');
    for (let i = 0; i < 31; i++) sheet.addRow([`Ghi chú ${i + 1}`]);
    sheet.addRow(STUDENT_HEADERS);
    sheet.addRow(studentRow(0, '7A'));
    const job = await importFile(t, token, schoolId, 'students', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(job).toMatchObject({ status: 'FAILED', errors: [], notices: [] });
    expect(job.message).toContain('"Mã định danh"');
  });
});
