import { startTestApp, TestApp } from './harness';
import {
  Cell,
  importFile,
  openYearWithClasses,
  schoolWithAdmin,
  STUDENT_HEADERS,
  studentRow,
  workbook,
} from './imports-fixtures';

const S = (header: string) => STUDENT_HEADERS.indexOf(header);
const col = (header: string) => String.fromCharCode(65 + S(header));

type Located = { row: number; column: string; message: string };
const located = (list: Located[]) => list.map((e) => [e.row, e.column, e.message]);

/**
 * The staged student import (docs/adr/province-scale-imports.md, decision 4): rows staged chunk by chunk in a
 * temporary table, checked set-wise in SQL over the whole file, committed from it in one transaction.
 */
describe('staged student import: set-wise checks over the whole file, all or nothing', () => {
  let t: TestApp;
  let schoolId: string;
  let token: string;
  const classNames = ['6A1', '6A2', '7A1', '7A2'];

  beforeAll(async () => {
    t = await startTestApp();
    ({ schoolId, token } = await schoolWithAdmin(t));
    await openYearWithClasses(t, 2076, [schoolId], classNames);
  });
  afterAll(() => t.close());

  const count = async (table: string) =>
    (await t.owner.query(`select count(*)::int as n from ${table} where school_id = $1`, [schoolId]))[0].n as number;
  const snapshot = async () => ({
    student: await count('student'),
    guardian: await count('guardian'),
    enrolment: await count('enrolment'),
    audit: await count('audit_log'),
  });

  it("reports every error of a clerk's list in one pass: cell errors beside duplicates in the file and records on file", async () => {
    // Pupils already on file: one studying (the list updates it), one the school keeps only as history.
    const first = [studentRow(100, '6A1'), studentRow(101, '6A1')];
    expect(await importFile(t, token, schoolId, 'students', await workbook(STUDENT_HEADERS, first))).toMatchObject({
      status: 'DONE',
      created: 2,
    });
    const studyingId = first[0][S('Mã định danh')] as string;
    const leftId = first[1][S('Mã định danh')] as string;
    await t.owner.query(`update student set status = 'GRADUATED' where school_id = $1 and personal_id = $2`, [
      schoolId,
      leftId,
    ]);
    const before = await snapshot();

    const rows: Cell[][] = Array.from({ length: 10 }, (_, i) => studentRow(i, classNames[i % 4]));
    // Row 2: the studying pupil on file, listed again with a new address (an update, no error).
    rows[0] = [...first[0]];
    rows[0][S('Địa chỉ thường trú')] = 'Thôn Mới, xã Như Quỳnh';
    // Row 3: the pupil kept as history, a bad date and a class the year does not have.
    rows[1][S('Mã định danh')] = leftId;
    rows[1][S('Ngày sinh (dd/mm/yyyy)')] = '30/02/2013';
    rows[1][S('Lớp')] = '9Z';
    // Row 5: row 4's id again, a bad mother's phone, an unknown ethnicity.
    rows[3][S('Mã định danh')] = rows[2][S('Mã định danh')];
    rows[3][S('Giới tính')] = rows[2][S('Giới tính')];
    rows[3][S('SĐT mẹ')] = '0123';
    rows[3][S('Dân tộc')] = 'Kinh Bắc';
    // Row 8: the history pupil's id again (a duplicate of row 3, and a kept record), and a class typed loosely (no error).
    rows[6][S('Mã định danh')] = leftId;
    rows[6][S('Giới tính')] = 'Nam';
    rows[6][S('Lớp')] = ' 7a2 ';
    // Row 11: the studying pupil's id again.
    rows[9][S('Mã định danh')] = studyingId;
    rows[9][S('Giới tính')] = 'Nữ';
    const job = await importFile(t, token, schoolId, 'students', await workbook(STUDENT_HEADERS, rows));
    expect(job.status).toBe('FAILED');
    const kept = expect.stringContaining('đã tốt nghiệp');
    expect(located(job.errors)).toEqual([
      [3, 'B', kept],
      [3, 'D', 'Ngày không tồn tại'],
      [3, col('Lớp'), 'Không có lớp này trong năm học đang mở của trường'],
      [5, 'B', 'Trùng mã định danh với dòng 4'],
      [5, col('Dân tộc'), 'Không có trong danh mục 54 dân tộc'],
      [5, col('SĐT mẹ'), expect.stringContaining('Số điện thoại không hợp lệ')],
      [8, 'B', 'Trùng mã định danh với dòng 3'],
      [8, 'B', kept],
      [11, 'B', 'Trùng mã định danh với dòng 2'],
    ]);
    expect(job.errorCount).toBe(9);
    expect(await snapshot()).toEqual(before);
  });

  it('updates a pupil on file instead of adding one, and audits the record before and after', async () => {
    const rows = [studentRow(200, '6A1'), studentRow(201, '6A2')];
    expect(await importFile(t, token, schoolId, 'students', await workbook(STUDENT_HEADERS, rows))).toMatchObject({
      status: 'DONE',
      created: 2,
    });
    const before = await snapshot();
    rows[0][S('Địa chỉ thường trú')] = 'Thôn Mới, xã Như Quỳnh';
    rows[0][S('Lớp')] = '7A1';
    const job = await importFile(t, token, schoolId, 'students', await workbook(STUDENT_HEADERS, rows));
    expect(job).toMatchObject({ status: 'DONE', created: 0, updated: 1, unchanged: 1 });
    expect(await snapshot()).toEqual({ ...before, audit: before.audit + 2 });
    const [entry] = await t.owner.query(
      `select a.action, a.before, a.after from audit_log a
         join student s on s.school_id = a.school_id and s.id::text = a.entity_id
        where a.school_id = $1 and a.entity = 'student' and s.personal_id = $2 order by a.seq desc limit 1`,
      [schoolId, rows[0][S('Mã định danh')]],
    );
    expect(entry.action).toBe('UPDATE');
    expect(entry.before).toMatchObject({
      permanentAddress: 'Thôn 4, xã Như Quỳnh',
      className: '6A1',
      guardians: [
        { relation: 'FATHER', fullName: 'Trần Văn Bình', phone: '0912345678', occupation: null, birthYear: null },
        { relation: 'MOTHER', fullName: 'Lê Thị Hoa', phone: '0987654321', occupation: null, birthYear: null },
      ],
    });
    expect(entry.after).toMatchObject({
      personalId: rows[0][S('Mã định danh')],
      permanentAddress: 'Thôn Mới, xã Như Quỳnh',
      className: '7A1',
    });
    const [summary] = await t.owner.query(
      `select after from audit_log where school_id = $1 and entity = 'import_job' and entity_id = $2`,
      [schoolId, job.id],
    );
    expect(summary.after).toMatchObject({ kind: 'STUDENTS', rows: 2, created: 0, updated: 1, unchanged: 1 });
    const classes = await t.owner.query(
      `select c.name, e.to_date is null as open from enrolment e join class c on c.school_id = e.school_id and c.id = e.class_id
         join student s on s.school_id = e.school_id and s.id = e.student_id where e.school_id = $1 and s.personal_id = $2`,
      [schoolId, rows[0][S('Mã định danh')]],
    );
    // The year starts in 2076: the placement in 6A1 had not begun, so the move replaces it.
    expect(classes).toEqual([{ name: '7A1', open: true }]);
  });

  it('commits a 20,000-row file all or nothing: an error in its last row writes nothing; corrected, every row', async () => {
    const ROWS = 20_000;
    const rows = Array.from({ length: ROWS }, (_, i) => studentRow(1000 + i, classNames[i % 4]));
    rows[ROWS - 1][S('Ngày sinh (dd/mm/yyyy)')] = 'hôm qua';
    const before = await snapshot();
    const failed = await importFile(t, token, schoolId, 'students', await workbook(STUDENT_HEADERS, rows));
    expect(failed).toMatchObject({ status: 'FAILED', errorCount: 1, created: 0, totalRows: ROWS });
    expect(located(failed.errors)).toEqual([[ROWS + 1, 'D', 'Ngày không đúng dạng dd/mm/yyyy']]);
    expect(await snapshot()).toEqual(before);

    rows[ROWS - 1][S('Ngày sinh (dd/mm/yyyy)')] = '01/01/2013';
    const done = await importFile(t, token, schoolId, 'students', await workbook(STUDENT_HEADERS, rows));
    expect(done).toMatchObject({ status: 'DONE', created: ROWS, updated: 0, unchanged: 0, totalRows: ROWS });
    expect(await snapshot()).toEqual({
      student: before.student + ROWS,
      guardian: before.guardian + 2 * ROWS,
      enrolment: before.enrolment + ROWS,
      // One entry per pupil and the job's own.
      audit: before.audit + ROWS + 1,
    });
    const [last] = await t.owner.query(
      `select to_char(date_of_birth, 'DD/MM/YYYY') as dob, (select count(*)::int from student_search_word w
         where w.school_id = s.school_id and w.student_id = s.id) as words
         from student s where s.school_id = $1 and s.personal_id = $2`,
      [schoolId, rows[ROWS - 1][S('Mã định danh')]],
    );
    // The search words are kept by the trigger for rows written set-wise too.
    expect(last).toEqual({ dob: '01/01/2013', words: 3 });
    expect(await t.owner.query(`select broken_at from audit_verify($1)`, [schoolId])).toEqual([{ broken_at: null }]);
  });
});
