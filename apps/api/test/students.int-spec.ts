import ExcelJS from 'exceljs';
import { bearer, startTestApp, TestApp } from './harness';
import { createClass, createStudent, createYear, personalIdFor, studentBody } from './students-fixtures';

describe('student records: create, validate, search, view, export', () => {
  let t: TestApp;
  let admin: string;
  let schoolId: string;
  let year: { id: string; code: string };
  let class6A: string;
  let closedClass: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('hieutruong.nhuquynh');
    schoolId = await t.unitId('THCS-NQ');
    year = await createYear(t, 2041);
    class6A = await createClass(t, schoolId, year.id, '6A', '6');
    const closed = await createYear(t, 2040, 'CLOSED');
    closedClass = await createClass(t, schoolId, closed.id, '6A', '6');
  });
  afterAll(() => t.close());

  const students = () => `/api/schools/${schoolId}/students`;
  const countByPersonalId = async (personalId: string) =>
    (await t.owner.query(`select count(*)::int as n from student where personal_id = $1`, [personalId]))[0].n as number;
  const auditRows = async (entityId: string) =>
    t.owner.query(
      `select entity, action, actor_name, before, after from audit_log where school_id = $1 and entity_id = $2 order by seq`,
      [schoolId, entityId],
    );

  it('creates a student with guardians, enrols them into the given class at once, and audits the creation', async () => {
    const body = studentBody('Nguyễn  Thị   Ánh', {
      classId: class6A,
      policyGroups: ['POOR_HOUSEHOLD'],
      religion: 'Không',
    });
    const res = await t.http().post(students()).set(bearer(admin)).send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      personalId: body['personalId'],
      fullName: 'Nguyễn Thị Ánh',
      dateOfBirth: '2013-04-12',
      status: 'STUDYING',
      readOnly: false,
      classId: class6A,
      className: '6A',
      grade: '6',
      policyGroups: ['POOR_HOUSEHOLD'],
      nationality: 'VN',
      version: 1,
      guardians: [
        { relation: 'MOTHER', fullName: 'Lê Thị Hoa', phone: '0912345678', occupation: 'Nông dân', birthYear: 1984 },
      ],
    });
    // A year that starts after today is entered on its first day.
    expect(res.body.enrolments).toEqual([
      expect.objectContaining({ classId: class6A, schoolYearCode: year.code, fromDate: '2041-09-01', toDate: null }),
    ]);
    const audit = await auditRows(res.body.id);
    expect(audit).toEqual([
      expect.objectContaining({ entity: 'student', action: 'CREATE', actor_name: 'Phạm Thị Hương' }),
    ]);
    expect(audit[0].after).toMatchObject({ fullName: 'Nguyễn Thị Ánh', personalId: body['personalId'] });
  });

  it('answers every invalid field in Vietnamese with its path, nested guardian fields included, and writes nothing', async () => {
    const res = await t
      .http()
      .post(students())
      .set(bearer(admin))
      .send({
        personalId: '12345',
        fullName: 'An',
        dateOfBirth: '2013-02-30',
        gender: 'X',
        ethnicity: '99',
        policyGroups: ['RICH'],
        disability: 'TALL',
        nationality: 'Việt Nam',
        colour: 'red',
        guardians: [{ relation: 'UNCLE', fullName: 'Nguyễn Văn Bình', phone: '12345' }],
      });
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(
      res.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(byField).toMatchObject({
      personalId: 'Mã định danh phải gồm đúng 12 chữ số',
      fullName: 'Họ và tên phải gồm 2–7 từ, chỉ có chữ cái (có thể nối bằng dấu nháy hoặc gạch nối)',
      dateOfBirth: 'Ngày sinh phải là một ngày có thật (yyyy-MM-dd)',
      gender: 'Giới tính phải là một trong: MALE, FEMALE',
      ethnicity: 'Dân tộc không thuộc danh mục 54 dân tộc',
      nationality: 'Quốc tịch không đúng định dạng',
      colour: 'Trường colour không được phép',
      'guardians.0.relation': 'Quan hệ phải là một trong: FATHER, MOTHER, GUARDIAN',
      'guardians.0.phone':
        'Số điện thoại phải là số điện thoại Việt Nam (di động 10 số, cố định 11 số bắt đầu bằng 02)',
    });
    expect(byField['policyGroups']).toBeDefined();
    expect(byField['disability']).toBeDefined();
    expect(await countByPersonalId('12345')).toBe(0);
  });

  it('answers the personal ID, age, name and guardian-count rules in English, and writes nothing', async () => {
    const female = personalIdFor(2013, 'FEMALE');
    const male2013 = personalIdFor(2013, 'MALE');
    const first = await t
      .http()
      .post(students())
      .set(bearer(admin))
      .set('Accept-Language', 'en')
      .send({
        ...studentBody('Trần Văn 3'),
        personalId: male2013,
        gender: 'FEMALE',
        guardians: Array.from({ length: 5 }, () => ({
          relation: 'GUARDIAN',
          fullName: 'Lê Văn Bốn',
          phone: null,
          occupation: null,
          birthYear: null,
        })),
      });
    expect(first.status).toBe(400);
    const en = Object.fromEntries(
      first.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(en).toEqual({
      personalId: 'Personal ID does not match the year of birth or the gender',
      fullName: 'Full name must be 2–7 words of letters (parts may be joined by an apostrophe or a hyphen)',
      guardians: 'Parents/guardians may hold at most 4 items',
    });
    const second = await t
      .http()
      .post(students())
      .set(bearer(admin))
      .set('Accept-Language', 'en')
      .send({
        ...studentBody('Trần Thị Bé'),
        personalId: `000${female.slice(3)}`,
        dateOfBirth: '2025-01-01',
        guardians: [{ relation: 'FATHER', fullName: 'Trần', phone: '0912345678', occupation: null, birthYear: null }],
      });
    const en2 = Object.fromEntries(
      second.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(en2).toEqual({
      personalId: 'Personal ID has an unknown province code (first 3 digits)',
      dateOfBirth: 'Date of birth gives an age outside 2–25 years',
      'guardians.0.fullName':
        'Full name must be 2–7 words of letters (parts may be joined by an apostrophe or a hyphen)',
    });
    expect(await countByPersonalId(male2013)).toBe(0);
  });

  it('refuses a personal ID the school already has with 409 naming the field', async () => {
    const body = studentBody('Phạm Văn Trùng', { gender: 'MALE' });
    expect((await t.http().post(students()).set(bearer(admin)).send(body)).status).toBe(201);
    const again = await t
      .http()
      .post(students())
      .set(bearer(admin))
      .send({ ...body, fullName: 'Phạm Văn Khác' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'duplicate_personal_id',
      field: 'personalId',
      title: 'Mã định danh đã có trong hồ sơ của trường',
    });
    expect(await countByPersonalId(body['personalId'] as string)).toBe(1);
  });

  it('refuses enrolling a new student into a class of a closed year, and writes nothing', async () => {
    const body = studentBody('Đào Thị Muộn', { classId: closedClass });
    const res = await t.http().post(students()).set(bearer(admin)).send(body);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('year_closed');
    expect(await countByPersonalId(body['personalId'] as string)).toBe(0);
  });

  describe('the list', () => {
    let classId: string;
    const names = ['Nguyễn Văn Đức', 'Trần Thị Dung', 'Lê Văn Anh', 'Hoàng Thị Anh', 'Phạm Thị Ánh', 'Đỗ Minh Bình'];
    beforeAll(async () => {
      classId = await createClass(t, schoolId, year.id, '6L', '6');
      for (const name of names) await createStudent(t, admin, schoolId, name, { classId });
    });
    const list = (query: Record<string, string>) =>
      t
        .http()
        .get(students())
        .query({ yearId: year.id, classId, ...query })
        .set(bearer(admin));

    it('sorts the Vietnamese way: given name, then middle, then family name, with đ after d', async () => {
      const res = await list({});
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(6);
      const expected = [
        'Hoàng Thị Anh',
        'Lê Văn Anh',
        'Phạm Thị Ánh',
        'Đỗ Minh Bình',
        'Trần Thị Dung',
        'Nguyễn Văn Đức',
      ];
      expect(res.body.items.map((s: { fullName: string }) => s.fullName)).toEqual(expected);
      expect(res.body.items[0]).toMatchObject({ className: '6L', grade: '6', status: 'STUDYING' });
      const desc = await list({ sort: '-name' });
      expect(desc.body.items.map((s: { fullName: string }) => s.fullName)).toEqual([...expected].reverse());
    });

    it('finds names without diacritics and by personal ID, and pages', async () => {
      // The list masks personal IDs (docs/domain/personal-data.md): the administrator reveals them to search by one.
      const duc = await list({ q: 'van duc', reveal: 'personalId' });
      expect(duc.body.items.map((s: { fullName: string }) => s.fullName)).toEqual(['Nguyễn Văn Đức']);
      const anh = await list({ q: 'ANH' });
      expect(anh.body.total).toBe(3);
      const byId = await list({ q: duc.body.items[0].personalId.slice(0, 10) });
      expect(byId.body.items.map((s: { id: string }) => s.id)).toContain(duc.body.items[0].id);
      const page2 = await list({ page: '2', pageSize: '4' });
      expect(page2.body).toMatchObject({ total: 6, page: 2, pageSize: 4 });
      expect(page2.body.items).toHaveLength(2);
    });

    it('filters by grade and status of the chosen year', async () => {
      expect((await list({ grade: '7' })).body.total).toBe(0);
      expect((await list({ grade: '6', status: 'STUDYING' })).body.total).toBe(6);
      expect((await list({ status: 'DROPPED_OUT' })).body.total).toBe(0);
    });
  });

  it("logs every view of a student's full record as a VIEW audit row (docs/domain/personal-data.md)", async () => {
    const id = await createStudent(t, admin, schoolId, 'Vũ Thị Xem');
    const officer = await t.login('chuyenvien.vanlam');
    const res = await t.http().get(`${students()}/${id}`).set(bearer(officer));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      fullName: 'Vũ Thị Xem',
      readOnly: false,
      enrolments: [],
      outcomes: [],
      transfers: [],
    });
    const views = (await auditRows(id)).filter((r: { action: string }) => r.action === 'VIEW');
    expect(views).toEqual([expect.objectContaining({ entity: 'student', actor_name: 'Lê Văn Nam' })]);
  });

  it('exports the filtered list as Excel with formula-like text neutralised, and audits the export with its filter and count', async () => {
    const classId = await createClass(t, schoolId, year.id, '6X', '6');
    await createStudent(t, admin, schoolId, 'Bùi Thị Xuất', { classId });
    // A name that arrived by another road (an old import) and would run as a formula in a spreadsheet.
    const [hostile] = await t.owner.query(
      `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
       values ($1, $2, '=cmd|'' /C calc''!A0 Bùi', '2013-01-01', 'MALE', now(), now()) returning id`,
      [schoolId, personalIdFor(2013, 'MALE')],
    );
    await t.owner.query(
      `insert into enrolment (school_id, student_id, class_id, school_year_id, from_date) values ($1, $2, $3, $4, '2041-09-01')`,
      [schoolId, hostile.id, classId, year.id],
    );
    const res = await t
      .http()
      .get(`${students()}/export.xlsx`)
      .query({ yearId: year.id, classId, reason: 'Danh sách lớp gửi hội cha mẹ học sinh' })
      .set(bearer(admin))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(2).value).toBe('Họ và tên');
    const names = [sheet.getRow(2).getCell(2).value, sheet.getRow(3).getCell(2).value];
    expect(names).toEqual(["=cmd|' /C calc'!A0 Bùi", 'Bùi Thị Xuất']);
    expect(sheet.getRow(3).getCell(6).value).toBe('6X');
    expect(sheet.rowCount).toBe(3);
    // Printed as an official list: A4 landscape, one page wide, the header row on every page, the school above.
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    expect(sheet.headerFooter.oddHeader).toMatch(/TRƯỜNG/);
    expect(sheet.headerFooter.oddHeader).toContain('DANH SÁCH HỌC SINH');
    const [audit] = await t.owner.query(
      `select after from audit_log where school_id = $1 and action = 'EXPORT' order by seq desc limit 1`,
      [schoolId],
    );
    expect(audit.after).toMatchObject({
      reason: 'Danh sách lớp gửi hội cha mẹ học sinh',
      rows: 2,
      filter: { classId, yearId: year.id },
    });
  });

  it('edits named fields with the version, refuses a stale version and an ID that no longer matches', async () => {
    const res0 = await t
      .http()
      .post(students())
      .set(bearer(admin))
      .send(studentBody('Ngô Thị Sửa', { currentAddress: 'Xã Như Quỳnh' }));
    const { id, version } = res0.body;
    const ok = await t
      .http()
      .patch(`${students()}/${id}`)
      .set(bearer(admin))
      .send({
        version,
        fullName: 'Ngô Thị Thu Sửa',
        guardians: [{ relation: 'FATHER', fullName: 'Ngô Văn Bố', phone: null, occupation: null, birthYear: null }],
      });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      fullName: 'Ngô Thị Thu Sửa',
      currentAddress: 'Xã Như Quỳnh',
      version: version + 1,
    });
    expect(ok.body.guardians).toEqual([expect.objectContaining({ relation: 'FATHER', fullName: 'Ngô Văn Bố' })]);
    const stale = await t.http().patch(`${students()}/${id}`).set(bearer(admin)).send({ version, fullName: 'Ghi Đè' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: { fullName: 'Ngô Thị Thu Sửa' } });
    const mismatch = await t
      .http()
      .patch(`${students()}/${id}`)
      .set(bearer(admin))
      .send({ version: version + 1, gender: 'MALE' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors).toEqual([
      expect.objectContaining({ field: 'personalId', code: 'personalIdMismatch' }),
    ]);
    const blank = await t
      .http()
      .patch(`${students()}/${id}`)
      .set(bearer(admin))
      .send({ version: version + 1, fullName: null });
    expect(blank.status).toBe(400);
    const [row] = await t.owner.query(
      `select full_name, gender, version from student where school_id = $1 and id = $2`,
      [schoolId, id],
    );
    expect(row).toEqual({ full_name: 'Ngô Thị Thu Sửa', gender: 'FEMALE', version: version + 1 });
  });

  it('keeps a student of another school out of reach: 404 for the school admin, nothing listed', async () => {
    const other = await t.login('hieutruong.lachong');
    const id = await createStudent(t, admin, schoolId, 'Lý Thị Riêng');
    expect((await t.http().get(`${students()}/${id}`).set(bearer(other))).status).toBe(404);
    const lh = await t.unitId('THCS-LH');
    expect((await t.http().get(`/api/schools/${lh}/students/${id}`).set(bearer(other))).status).toBe(404);
    expect(
      (
        await t
          .http()
          .patch(`/api/schools/${lh}/students/${id}`)
          .set(bearer(other))
          .send({ version: 1, fullName: 'Lý Thị Khác' })
      ).status,
    ).toBe(404);
  });
});
