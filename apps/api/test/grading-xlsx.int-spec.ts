import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { auditRows } from './academic-fixtures';
import { download, GradingFixture, gradingClass, sheetPath } from './grading-fixtures';
import { bearer, startTestApp, TestApp } from './harness';
import { JobBody, readWorkbook, waitForJob, workbook, XLSX_TYPE } from './imports-fixtures';

/**
 * The sổ điểm in Excel: export → edit with exceljs → import as a background job, against real PostgreSQL. Headers
 * and title lines are written out here as a school reads them, not taken from the implementation.
 */
describe('gradebook Excel export and import (real PostgreSQL, pg-boss jobs)', () => {
  let t: TestApp;
  let f: GradingFixture;
  const [an, binh, cuong] = [0, 1, 2];
  const TOAN_HEADERS = [
    'STT',
    'Mã định danh',
    'Họ và tên',
    'Ngày sinh',
    'TX1',
    'TX2',
    'TX3',
    'TX4',
    'GK',
    'CK',
    'ĐTBmhk',
    'Nhận xét',
    'Mã hệ thống',
  ];

  beforeAll(async () => {
    t = await startTestApp();
    f = await gradingClass(t);
    const res = await t
      .http()
      .put(sheetPath(f))
      .set(bearer(f.teacherA))
      .send({
        requestId: randomUUID(),
        rows: [
          {
            studentId: f.studentIds[an],
            version: 0,
            cells: { TX1: 8, TX2: 7, TX3: 9, TX4: 8, GK: 7.5, CK: 8 },
            comment: 'Chăm chỉ',
          },
          { studentId: f.studentIds[binh], version: 0, cells: { TX1: 6.5, TX2: 7 } },
        ],
      });
    expect(res.status).toBe(200);
  });
  afterAll(() => t.close());

  const exportBook = async (token = f.teacherA, path = sheetPath(f)) => {
    const res = await download(t.http().get(`${path}/export.xlsx`).set(bearer(token)));
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status: 200, type: XLSX_TYPE });
    return res.body as Buffer;
  };
  const upload = (file: Buffer, token = f.teacherA, path = sheetPath(f), filename = 'so-diem.xlsx') =>
    t.http().post(`${path}/import`).set(bearer(token)).attach('file', file, { filename, contentType: XLSX_TYPE });
  const importBook = async (file: Buffer, filename?: string): Promise<JobBody> => {
    const res = await upload(file, f.teacherA, sheetPath(f), filename);
    expect({ status: res.status, kind: res.body.kind }).toEqual({ status: 202, kind: 'GRADEBOOK' });
    return waitForJob(t, f.teacherA, f.school.id, res.body.id);
  };
  const sheet = async (path = sheetPath(f)) => (await t.http().get(path).set(bearer(f.teacherA))).body;
  const rowOf = async (i: number, path = sheetPath(f)) =>
    (await sheet(path)).rows.find((r: { studentId: string }) => r.studentId === f.studentIds[i]);
  const historyCount = async () =>
    Number((await t.owner.query(`select count(*) from grade_change where school_id = $1`, [f.school.id]))[0].count);

  it("exports the sổ điểm: title block, the layout schools use, scores as numbers, the API's averages, data validation, audited", async () => {
    const wb = await readWorkbook(await exportBook());
    const ws = wb.worksheets[0];
    const title = [1, 2, 3, 4, 5, 6].map((r) => ws.getCell(r, 1).text).join('\n');
    expect(title).toContain('SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH');
    expect(title).toMatch(/Môn: Toán\s+Lớp: 6A\s+Học kì: I\s+Năm học: \d{4}-\d{4}/);
    expect(title).toContain('Giáo viên bộ môn: Phạm Thu Hà');
    expect(title).toMatch(/Ô để trống được giữ nguyên/);
    const header = headerRowOf(ws);
    expect(rowTexts(ws, header)).toEqual(TOAN_HEADERS);
    const api = await rowOf(an);
    const row = dataRowOf(ws, header, f.studentIds[an]);
    expect(row.getCell(3).text).toBe('Nguyễn Văn An');
    expect({ value: row.getCell(5).value, numFmt: row.getCell(5).numFmt }).toEqual({ value: 8, numFmt: '0.0' });
    expect(row.getCell(9).value).toBe(7.5);
    expect({ value: row.getCell(11).value, api: api.average }).toEqual({ value: 7.9, api: 7.9 });
    expect(row.getCell(12).text).toBe('Chăm chỉ');
    expect(dataRowOf(ws, header, f.studentIds[cuong]).getCell(11).value).toBeNull();
    expect(row.getCell(5).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 10] });
    const exports = (await auditRows(t, f.school.id, 'gradebook')).filter((a) => a.action === 'EXPORT');
    expect(exports.at(-1)?.after).toMatchObject({ format: 'xlsx', subjectCode: 'TOAN', semester: 1, students: 3 });
  });

  it('writes ratings as Đ / CĐ with a list validation on a comment-only subject (Giáo dục thể chất)', async () => {
    await t.owner.query(
      `insert into teaching_assignment (school_id, class_id, subject_code, semester, staff_id, assigned_at) values ($1, $2, 'GIAO_DUC_THE_CHAT', 1, $3, now())`,
      [f.school.id, f.classId, f.staffA],
    );
    const path = sheetPath(f, 'GIAO_DUC_THE_CHAT');
    const put = await t
      .http()
      .put(path)
      .set(bearer(f.teacherA))
      .send({
        requestId: randomUUID(),
        rows: [{ studentId: f.studentIds[an], version: 0, cells: { TX1: 'Đ', TX2: 'CĐ' } }],
      });
    expect(put.status).toBe(200);
    const ws = (await readWorkbook(await exportBook(f.teacherA, path))).worksheets[0];
    const header = headerRowOf(ws);
    expect(rowTexts(ws, header)).toEqual([
      'STT',
      'Mã định danh',
      'Họ và tên',
      'Ngày sinh',
      'TX1',
      'TX2',
      'TX3',
      'GK',
      'CK',
      'Đánh giá HK',
      'Nhận xét',
      'Mã hệ thống',
    ]);
    const row = dataRowOf(ws, header, f.studentIds[an]);
    expect([row.getCell(5).value, row.getCell(6).value]).toEqual(['Đ', 'CĐ']);
    expect(row.getCell(5).dataValidation).toMatchObject({ type: 'list', formulae: ['"Đ,CĐ"'] });
  });

  it('re-importing the exported workbook unchanged changes nothing', async () => {
    const before = await sheet();
    const changes = await historyCount();
    const job = await importBook(await exportBook());
    expect(job).toMatchObject({
      status: 'DONE',
      kind: 'GRADEBOOK',
      created: 0,
      updated: 0,
      unchanged: 3,
      errorCount: 0,
      totalRows: 3,
      processedRows: 3,
    });
    expect(await historyCount()).toBe(changes);
    expect((await sheet()).rows).toEqual(before.rows);
  });

  it('takes the cells edited in the exported workbook: the sheet shows them and the history names the import; importing it again changes nothing', async () => {
    const wb = await readWorkbook(await exportBook());
    const ws = wb.worksheets[0];
    const header = headerRowOf(ws);
    const cuongRow = dataRowOf(ws, header, f.studentIds[cuong]);
    [9, '8,5', 7, 8, 6.5, 7].forEach((v, i) => (cuongRow.getCell(5 + i).value = v));
    cuongRow.getCell(12).value = 'Tiến bộ';
    dataRowOf(ws, header, f.studentIds[an]).getCell(5).value = 9.5;
    // An emptied cell is left as it is: Bình keeps TX1 6.5.
    dataRowOf(ws, header, f.studentIds[binh]).getCell(5).value = null;
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const job = await importBook(file, 'so-diem-sua.xlsx');
    expect(job).toMatchObject({ status: 'DONE', created: 1, updated: 1, unchanged: 1 });
    // (9 + 8.5 + 7 + 8 + 2·6.5 + 3·7) / 9 = 7.388… → 7.4, computed by the domain as for a grid save.
    expect(await rowOf(cuong)).toMatchObject({
      cells: { TX1: 9, TX2: 8.5, TX3: 7, TX4: 8, GK: 6.5, CK: 7 },
      average: 7.4,
      comment: 'Tiến bộ',
      version: 1,
    });
    expect(await rowOf(an)).toMatchObject({ cells: { TX1: 9.5 }, average: 8.1, version: 2 });
    expect((await rowOf(binh)).cells).toEqual({ TX1: 6.5, TX2: 7 });
    const history = (
      await t
        .http()
        .get(`${sheetPath(f)}/history?studentId=${f.studentIds[an]}&column=TX1`)
        .set(bearer(f.teacherA))
    ).body;
    // Written as the teacher who uploaded the file: the same name a save from the grid records (Bình's row).
    expect(history[0]).toMatchObject({
      oldValue: 8,
      newValue: 9.5,
      reason: 'Nhập từ Excel: so-diem-sua.xlsx',
      changedByName: (await rowOf(binh)).updatedByName,
    });
    expect(history[0].changedByName).toBeTruthy();
    const again = await importBook(file, 'so-diem-sua.xlsx');
    expect(again).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 3 });
    expect((await rowOf(an)).version).toBe(2);
  });

  it('refuses 11, abc, 7.25 and a pupil of no class with errors by row and column, writes nothing, and marks the cells in the error workbook', async () => {
    const before = await sheet();
    const changes = await historyCount();
    const wb = await readWorkbook(await exportBook());
    const ws = wb.worksheets[0];
    const header = headerRowOf(ws);
    const anRow = dataRowOf(ws, header, f.studentIds[an]);
    anRow.getCell(5).value = 11;
    anRow.getCell(6).value = 'abc';
    dataRowOf(ws, header, f.studentIds[binh]).getCell(9).value = 7.25;
    const stranger = dataRowOf(ws, header, f.studentIds[cuong]);
    // A code no pupil of the class has (the hidden id removed too): an error on the row's code cell.
    stranger.getCell(2).value = '033215999999';
    stranger.getCell(10).value = 9; // a valid score on a bad row is not written either
    const job = await importBook(Buffer.from(await wb.xlsx.writeBuffer()), 'so-diem-loi.xlsx');
    expect(job).toMatchObject({ status: 'FAILED', errorCount: 4 });
    expect(job.message).toMatch(/chưa ghi dữ liệu nào/);
    expect(job.errors).toEqual([
      { row: anRow.number, column: 'E', header: 'TX1', message: 'Điểm phải trong khoảng 0 – 10' },
      { row: anRow.number, column: 'F', header: 'TX2', message: 'Điểm phải là một số' },
      {
        row: dataRowNumber(ws, header, f.studentIds[binh]),
        column: 'I',
        header: 'GK',
        message: 'Điểm có nhiều nhất 1 chữ số thập phân',
      },
      {
        row: stranger.number,
        column: 'B',
        header: 'Mã định danh',
        message:
          'Không có học sinh nào có mã định danh 033215999999 trong lớp 6A (đã chuyển lớp, chuyển trường, là học sinh lớp khác hoặc mã bị sửa)',
      },
    ]);
    expect(await historyCount()).toBe(changes);
    expect((await sheet()).rows).toEqual(before.rows);

    const res = await download(
      t.http().get(`/api/schools/${f.school.id}/imports/${job.id}/errors.xlsx`).set(bearer(f.teacherA)),
    );
    expect(res.status).toBe(200);
    const marked = (await readWorkbook(res.body)).worksheets[0];
    for (const e of job.errors as { row: number; column: string; message: string }[]) {
      const cell = marked.getCell(`${e.column}${e.row}`);
      expect({
        at: `${e.column}${e.row}`,
        fill: (cell.fill as ExcelJS.FillPattern).fgColor?.argb,
        note: noteText(cell),
      }).toEqual({ at: `${e.column}${e.row}`, fill: 'FFFFC7CE', note: e.message });
    }
    expect(marked.getCell(header, 14).text).toBe('Lỗi');
    // The job is the uploader's: another teacher does not see it.
    expect((await t.http().get(`/api/schools/${f.school.id}/imports/${job.id}`).set(bearer(f.teacherB))).status).toBe(
      404,
    );
  });

  it('fails a corrupt file and a file of another layout or another gradebook with a clear message; refuses a non-xlsx upload with 400', async () => {
    const corrupt = await importBook(Buffer.from('PK\u0003\u0004 this is not a workbook'), 'hong.xlsx');
    expect(corrupt).toMatchObject({
      status: 'FAILED',
      message: 'Tệp không phải là bảng tính Excel (.xlsx) hợp lệ',
      errorCount: 0,
    });
    const list = await importBook(
      await workbook(['STT', 'Mã định danh', 'Họ và tên', 'Lớp'], [[1, '034213000001', 'Nguyễn Văn An', '6A']]),
      'danh-sach.xlsx',
    );
    expect(list).toMatchObject({ status: 'FAILED' });
    // A pupils' list also has "Mã định danh": what it lacks of a sổ điểm is named.
    expect(list.message).toMatch(/không đúng mẫu: thiếu cột "Ngày sinh", "TX1"/);

    // Ngữ văn has the very same columns as Toán: only the file's identity tells them apart.
    const nguVan = await importBook(await exportBook(f.teacherA, sheetPath(f, 'NGU_VAN')), 'ngu-van.xlsx');
    expect(nguVan).toMatchObject({ status: 'FAILED' });
    expect(nguVan.message).toMatch(/lớp, môn hoặc học kì khác/);

    const wb = await readWorkbook(await exportBook());
    const ws = wb.worksheets[0];
    ws.getCell(headerRowOf(ws), 9).value = 'GK1';
    const renamed = await importBook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(renamed.message).toMatch(/thiếu cột "GK"/);

    const csv = await t
      .http()
      .post(`${sheetPath(f)}/import`)
      .set(bearer(f.teacherA))
      .attach('file', Buffer.from('a,b\n'), { filename: 'so-diem.csv', contentType: 'text/csv' });
    expect({ status: csv.status, code: csv.body.code }).toEqual({ status: 400, code: 'invalid_workbook' });
  });

  it("lets only the subject's teacher import (403 for another subject's teacher and for the principal), and answers 404 for another school's class", async () => {
    const file = await exportBook();
    expect((await upload(file, f.teacherB)).status).toBe(403);
    expect((await upload(file, f.school.admin)).status).toBe(403);
    const other = await gradingClass(t, ['Vũ Thị Dung']);
    const mixed = `/api/schools/${f.school.id}/classes/${other.classId}/gradebook/1/TOAN`;
    expect((await upload(file, f.teacherA, mixed)).status).toBe(404);
    expect((await t.http().get(`${mixed}/export.xlsx`).set(bearer(f.teacherA))).status).toBe(404);
    expect((await upload(file, f.teacherA, sheetPath(other))).status).toBe(404);
    expect(
      (
        await t
          .http()
          .get(`${sheetPath(other)}/export.xlsx`)
          .set(bearer(f.school.admin))
      ).status,
    ).toBe(404);
    expect(
      (await t.owner.query(`select count(*)::int as n from import_job where school_id = $1`, [other.school.id]))[0].n,
    ).toBe(0);
  });

  it('exports semester II with semester I and the year, as the API computes them', async () => {
    const full = { TX1: 8, TX2: 8, TX3: 8, TX4: 8, GK: 8, CK: 8 };
    const hk2 = { TX1: 6, TX2: 6, TX3: 7, TX4: 6, GK: 6, CK: 6.5 };
    const student = f.studentIds[cuong];
    const s1 = await rowOf(cuong);
    await t
      .http()
      .put(sheetPath(f))
      .set(bearer(f.teacherA))
      .send({ requestId: randomUUID(), rows: [{ studentId: student, version: s1.version, cells: full }] })
      .expect(200);
    await t
      .http()
      .put(sheetPath(f, 'TOAN', 2))
      .set(bearer(f.teacherA))
      .send({ requestId: randomUUID(), rows: [{ studentId: student, version: 0, cells: hk2 }] })
      .expect(200);
    const api = await rowOf(cuong, sheetPath(f, 'TOAN', 2));
    const ws = (await readWorkbook(await exportBook(f.teacherA, sheetPath(f, 'TOAN', 2)))).worksheets[0];
    const header = headerRowOf(ws);
    expect(rowTexts(ws, header).slice(10)).toEqual(['ĐTBmhk', 'HK I', 'Cả năm', 'Nhận xét', 'Mã hệ thống']);
    const row = dataRowOf(ws, header, student);
    // HK II (6+6+7+6 + 2·6 + 3·6.5)/9 = 6.27… → 6.3; HK I 8.0; year (8 + 2·6.3)/3 = 6.87 → 6.9.
    expect([row.getCell(11).value, row.getCell(12).value, row.getCell(13).value]).toEqual([
      api.average,
      api.semester1.average,
      api.year.average,
    ]);
    expect([api.average, api.semester1.average, api.year.average]).toEqual([6.3, 8, 6.9]);
    expect(ws.getCell(4, 1).text).toMatch(/Học kì: II/);
  });

  it('names each pupil by the personal ID — masked for the teacher, in full for the principal — with the record id only in a hidden column', async () => {
    const ids = new Map<string, string>(
      (await t.owner.query(`select id, personal_id from student where school_id = $1`, [f.school.id])).map(
        (r: { id: string; personal_id: string }) => [r.id, r.personal_id],
      ),
    );
    const teacherWs = (await readWorkbook(await exportBook())).worksheets[0];
    const header = headerRowOf(teacherWs);
    const idCol = idColumnOf(teacherWs, header);
    expect(idCol).toBe(13);
    expect(teacherWs.getColumn(idCol).hidden).toBe(true);
    expect(teacherWs.getColumn(2).hidden).toBe(false);
    const full = ids.get(f.studentIds[an])!;
    const row = dataRowOf(teacherWs, header, f.studentIds[an]);
    // A teacher sees no ID numbers (docs/domain/personal-data.md): the code is the masked number, 0331•••••789.
    expect(row.getCell(2).text).toBe(`${full.slice(0, 4)}•••••${full.slice(9)}`);
    const principalWs = (await readWorkbook(await exportBook(f.school.admin))).worksheets[0];
    expect(dataRowOf(principalWs, headerRowOf(principalWs), f.studentIds[an]).getCell(2).text).toBe(full);
    expect(dataRowOf(principalWs, headerRowOf(principalWs), f.studentIds[an]).getCell(2).numFmt).toBe('@');
    const exports = (await auditRows(t, f.school.id, 'gradebook')).filter((a) => a.action === 'EXPORT');
    expect(exports.slice(-2).map((a) => (a.after as { personalIds: string }).personalIds)).toEqual(['MASKED', 'FULL']);
  });

  it('matches rows by the visible code: the principal’s full-ID file imports unchanged; without the hidden column a re-ordered file still imports; a shifted code is refused', async () => {
    const before = await sheet();
    // The principal's file names the pupils by their full IDs: the teacher's upload of it matches them all.
    const principals = await importBook(await exportBook(f.school.admin), 'so-diem-hieu-truong.xlsx');
    expect(principals).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 3, errorCount: 0 });
    // Rows sorted the other way round and the hidden id column deleted: each row is still found by its code.
    const wb = await readWorkbook(await exportBook());
    const ws = wb.worksheets[0];
    const header = headerRowOf(ws);
    const [first, last] = [dataRowOf(ws, header, f.studentIds[an]), dataRowOf(ws, header, f.studentIds[cuong])];
    for (let col = 1; col <= TOAN_HEADERS.length; col++) {
      const value = first.getCell(col).value;
      first.getCell(col).value = last.getCell(col).value;
      last.getCell(col).value = value;
    }
    ws.spliceColumns(idColumnOf(ws, header), 1);
    const reordered = await importBook(Buffer.from(await wb.xlsx.writeBuffer()), 'dao-thu-tu.xlsx');
    expect(reordered).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 3, errorCount: 0 });
    expect((await sheet()).rows).toEqual(before.rows);

    // The hidden id says the row was exported for another pupil than its code names: refused by row and column.
    const shifted = await readWorkbook(await exportBook());
    const sws = shifted.worksheets[0];
    const sh = headerRowOf(sws);
    const anRow = dataRowOf(sws, sh, f.studentIds[an]);
    const binhRow = dataRowOf(sws, sh, f.studentIds[binh]);
    const [anCode, binhCode] = [anRow.getCell(2).value, binhRow.getCell(2).value];
    anRow.getCell(2).value = binhCode;
    binhRow.getCell(2).value = anCode;
    const refused = await importBook(Buffer.from(await shifted.xlsx.writeBuffer()), 'lech-dong.xlsx');
    expect(refused).toMatchObject({ status: 'FAILED', errorCount: 2 });
    expect(
      refused.errors.map((e: { row: number; column: string; header: string }) => [e.row, e.column, e.header]),
    ).toEqual([
      [anRow.number, 'B', 'Mã định danh'],
      [binhRow.number, 'B', 'Mã định danh'],
    ]);
    expect(refused.errors[0].message).toMatch(/không khớp với học sinh của dòng này/);
    expect((await sheet()).rows).toEqual(before.rows);
  });

  it('refuses a changed value in a column the principal locked, by row and column ("Cột TX2 đã khoá"), writes nothing; unchanged values there pass', async () => {
    const locks = `/api/schools/${f.school.id}/grading/locks`;
    const locked = await t.http().post(locks).set(bearer(f.school.admin)).send({
      yearId: f.yearId,
      semester: 1,
      classId: f.classId,
      subjectCode: 'TOAN',
      columnKey: 'TX2',
      reason: 'Đã chốt',
    });
    expect(locked.status).toBe(201);
    const lockId = (locked.body as { id: string; columnKey: string | null }[]).find((l) => l.columnKey === 'TX2')!.id;
    try {
      const before = await sheet();
      const changes = await historyCount();
      // The exported sheet as it is (TX2 values included) is no change.
      expect(await importBook(await exportBook())).toMatchObject({ status: 'DONE', updated: 0, unchanged: 3 });
      const wb = await readWorkbook(await exportBook());
      const ws = wb.worksheets[0];
      const header = headerRowOf(ws);
      const anRow = dataRowOf(ws, header, f.studentIds[an]);
      anRow.getCell(6).value = 10; // TX2, locked
      anRow.getCell(7).value = 6; // TX3, open: not written either, the file is refused whole
      dataRowOf(ws, header, f.studentIds[cuong]).getCell(6).value = 5; // TX2 of a pupil, locked
      const job = await importBook(Buffer.from(await wb.xlsx.writeBuffer()), 'khoa-cot.xlsx');
      expect(job).toMatchObject({ status: 'FAILED', errorCount: 2 });
      expect(job.errors).toEqual([
        {
          row: anRow.number,
          column: 'F',
          header: 'TX2',
          message: 'Cột TX2 đã khoá (Đã chốt): không sửa được điểm trong cột này; cần gửi yêu cầu sửa điểm',
        },
        {
          row: dataRowNumber(ws, header, f.studentIds[cuong]),
          column: 'F',
          header: 'TX2',
          message: 'Cột TX2 đã khoá (Đã chốt): không sửa được điểm trong cột này; cần gửi yêu cầu sửa điểm',
        },
      ]);
      expect(await historyCount()).toBe(changes);
      expect((await sheet()).rows).toEqual(before.rows);
    } finally {
      await t.http().delete(`${locks}/${lockId}`).set(bearer(f.school.admin)).expect(204);
    }
  });

  it('refuses the upload while the semester is locked (423), before any job is queued', async () => {
    await t
      .http()
      .post(`/api/schools/${f.school.id}/grading/locks`)
      .set(bearer(f.school.admin))
      .send({ yearId: f.yearId, semester: 2 })
      .expect((r) => expect(r.status).toBeLessThan(300));
    const res = await upload(
      await exportBook(f.teacherA, sheetPath(f, 'TOAN', 2)),
      f.teacherA,
      sheetPath(f, 'TOAN', 2),
    );
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 423, code: 'gradebook_locked' });
  });
});

/** The header row: the one holding "Mã định danh" (the title block sits above it). */
function headerRowOf(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= 30; r++) if (rowTexts(ws, r).includes('Mã định danh')) return r;
  throw new Error('no header row');
}

/** The hidden last column holding the record's id (a check; the row is named by its personal ID). */
function idColumnOf(ws: ExcelJS.Worksheet, header: number): number {
  return rowTexts(ws, header).indexOf('Mã hệ thống') + 1;
}

function rowTexts(ws: ExcelJS.Worksheet, r: number): string[] {
  const out: string[] = [];
  ws.getRow(r).eachCell((cell, col) => (out[col - 1] = cell.text));
  return out;
}

function dataRowNumber(ws: ExcelJS.Worksheet, header: number, studentId: string): number {
  const col = idColumnOf(ws, header);
  for (let r = header + 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).text === studentId) return r;
  throw new Error(`no row for ${studentId}`);
}

function dataRowOf(ws: ExcelJS.Worksheet, header: number, studentId: string): ExcelJS.Row {
  return ws.getRow(dataRowNumber(ws, header, studentId));
}

function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as string | { texts?: { text: string }[] } | undefined;
  return typeof note === 'string' ? note : (note?.texts ?? []).map((x) => x.text).join('');
}
