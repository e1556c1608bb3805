import { OutboxRelay } from '@emis/api/platform';
import ExcelJS from 'exceljs';
import { bearer, startTestApp, TestApp } from './harness';
import { auditRows, createClass, openYearId, personalId, schoolWithAdmin, SchoolFixture } from './academic-fixtures';

const person = (fullName: string, extra: Record<string, unknown> = {}) => ({
  personalId: personalId(1986, 'FEMALE'),
  fullName,
  dateOfBirth: '1986-07-21',
  gender: 'FEMALE',
  ethnicity: '01',
  phone: '0912 345 678',
  position: 'TEACHER',
  contractType: 'CIVIL_SERVANT',
  rankCode: 'V.07.04.32',
  salaryCoefficient: 3.33,
  salaryStep: 4,
  qualifications: [
    { level: 'BACHELOR', major: 'Sư phạm Toán học', institution: 'Trường Đại học Sư phạm Hà Nội', year: 2008 },
  ],
  subjects: ['TOAN'],
  startDate: '2009-09-01',
  unionMember: true,
  ...extra,
});

describe('staff records', () => {
  let t: TestApp;
  let dept: string;
  let school: SchoolFixture;
  const create = (s: SchoolFixture, body: Record<string, unknown>) =>
    t.http().post(`/api/schools/${s.id}/staff`).set(bearer(s.admin)).send(body);
  beforeAll(async () => {
    t = await startTestApp();
    dept = await t.login('admin.so');
    school = await schoolWithAdmin(t);
  });
  afterAll(() => t.close());

  it('creates a record with its hiring in the history, lists in Vietnamese name order with searches, and audits each view', async () => {
    const created = await create(school, person('Nguyễn Thị Ánh'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      fullName: 'Nguyễn Thị Ánh',
      phone: '0912345678',
      status: 'ACTIVE',
      version: 1,
      history: [{ kind: 'HIRED', effectiveOn: '2009-09-01' }],
    });
    await create(school, person('Trần Văn Đức', { gender: 'MALE', personalId: personalId(1986, 'MALE') }));
    await create(
      school,
      person('Lê Văn Dũng', { gender: 'MALE', personalId: personalId(1986, 'MALE'), position: 'STAFF', subjects: [] }),
    );
    await create(school, person('Phạm Thị Anh'));
    const list = await t.http().get(`/api/schools/${school.id}/staff`).set(bearer(dept));
    expect(list.body.items.map((s: { fullName: string }) => s.fullName)).toEqual([
      'Phạm Thị Anh',
      'Nguyễn Thị Ánh',
      'Lê Văn Dũng',
      'Trần Văn Đức',
    ]);
    // The rank code is in the list: the accounts' bulk preview tells an accountant by it.
    expect(list.body.items[0].rankCode).toBe('V.07.04.32');
    const searched = await t
      .http()
      .get(`/api/schools/${school.id}/staff?q=duc&position=TEACHER`)
      .set(bearer(school.admin));
    expect(searched.body.items.map((s: { fullName: string }) => s.fullName)).toEqual(['Trần Văn Đức']);
    const detail = await t.http().get(`/api/schools/${school.id}/staff/${created.body.id}`).set(bearer(dept));
    expect(detail.body.qualifications).toEqual([expect.objectContaining({ year: 2008 })]);
    expect(
      (await auditRows(t, school.id, 'staff')).filter((r) => r.entity_id === created.body.id).map((r) => r.action),
    ).toEqual(['CREATE', 'VIEW']);
    const teacher = await t.login('giaovien.nhuquynh');
    expect((await t.http().get(`/api/schools/${school.id}/staff`).set(bearer(teacher))).status).toBe(403);
  });

  it('answers invalid fields with localized field errors, and a personal id already on record with duplicate', async () => {
    const errors = async (body: Record<string, unknown>, lang = 'vi') => {
      const res = await create(school, body).set('Accept-Language', lang);
      expect(res.status).toBe(400);
      return Object.fromEntries(
        res.body.errors.map((e: { field: string; code: string; message: string }) => [
          e.field,
          `${e.code}: ${e.message}`,
        ]),
      );
    };
    expect(await errors(person('Vũ Thị Hoa', { personalId: personalId(1990, 'FEMALE') }))).toEqual({
      personalId: 'personalIdMismatch: Mã định danh không khớp với năm sinh hoặc giới tính',
    });
    expect(await errors(person('Vũ Thị Hoa', { personalId: '000186123456' }))).toEqual({
      personalId: expect.stringMatching(/^personalIdProvince: /),
    });
    const many = await errors(
      person('Vũ Thị Hoa', { personalId: '0331861234', phone: '12345', ethnicity: '99', salaryCoefficient: 12 }),
      'en',
    );
    expect(Object.keys(many).sort()).toEqual(['ethnicity', 'personalId', 'phone', 'salaryCoefficient']);
    expect(many['salaryCoefficient']).toBe('max: Salary coefficient must be at most 10');
    const years = await errors(
      person('Vũ Thị Hoa', {
        qualifications: [{ level: 'MASTER', major: 'x', institution: 'y', year: 1995 }],
        dateOfBirth: '1986-07-21',
      }),
      'en',
    );
    expect(years).toEqual({ 'qualifications.0.year': 'inRange: Year must be between 2001 and 2026' });
    const existing = person('Đinh Thị Trùng');
    expect((await create(school, existing)).status).toBe(201);
    expect(await errors({ ...existing, fullName: 'Đinh Thị Khác' })).toEqual({
      personalId: 'duplicate: Mã định danh bị trùng',
    });
    expect(await errors(person('Vũ'))).toEqual({ fullName: expect.stringContaining('vietnameseFullName') });
  });

  it('records position and status changes in the history and refuses a stale version with 409', async () => {
    const { body: s } = await create(school, person('Hoàng Thị Lụa'));
    const promoted = await t
      .http()
      .patch(`/api/schools/${school.id}/staff/${s.id}`)
      .set(bearer(school.admin))
      .send({ position: 'VICE_PRINCIPAL', version: 1 });
    expect(promoted.body).toMatchObject({ position: 'VICE_PRINCIPAL', version: 2 });
    const leave = await t
      .http()
      .patch(`/api/schools/${school.id}/staff/${s.id}`)
      .set(bearer(school.admin))
      .send({ status: 'LEAVE', phone: null, version: 2 });
    expect(leave.body).toMatchObject({ status: 'LEAVE', phone: null, fullName: 'Hoàng Thị Lụa' });
    expect(leave.body.history.map((h: { kind: string; details: unknown }) => [h.kind, h.details])).toEqual([
      ['HIRED', { position: 'TEACHER', contractType: 'CIVIL_SERVANT' }],
      ['POSITION', { from: 'TEACHER', to: 'VICE_PRINCIPAL' }],
      ['STATUS', { from: 'ACTIVE', to: 'LEAVE' }],
    ]);
    const stale = await t
      .http()
      .patch(`/api/schools/${school.id}/staff/${s.id}`)
      .set(bearer(school.admin))
      .send({ status: 'ACTIVE', version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: { status: 'LEAVE', version: 3 } });
    expect(
      (
        await t
          .http()
          .patch(`/api/schools/${school.id}/staff/${s.id}`)
          .set(bearer(school.admin))
          .send({ status: 'TRANSFERRED', version: 3 })
      ).status,
    ).toBe(400);
  });

  it('transfers a person on a department decision: both schools written in one go, each audited in its own chain', async () => {
    const receiving = await schoolWithAdmin(t);
    const { body: s } = await create(school, person('Đỗ Thị Chuyển'));
    const body = { toSchoolId: receiving.id, effectiveOn: '2026-11-20', decisionNumber: '125/QĐ-SGDĐT' };
    expect(
      (await t.http().post(`/api/schools/${school.id}/staff/${s.id}/transfer`).set(bearer(school.admin)).send(body))
        .status,
    ).toBe(403);
    const same = await t
      .http()
      .post(`/api/schools/${school.id}/staff/${s.id}/transfer`)
      .set(bearer(dept))
      .send({ ...body, toSchoolId: school.id });
    expect(same.body.errors).toEqual([expect.objectContaining({ field: 'toSchoolId', code: 'sameSchool' })]);
    const moved = await t.http().post(`/api/schools/${school.id}/staff/${s.id}/transfer`).set(bearer(dept)).send(body);
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ id: s.id, status: 'ACTIVE', fullName: 'Đỗ Thị Chuyển', subjects: ['TOAN'] });
    expect(moved.body.history.map((h: { kind: string }) => h.kind)).toEqual(['HIRED', 'TRANSFER_IN']);
    const left = await t.http().get(`/api/schools/${school.id}/staff/${s.id}`).set(bearer(school.admin));
    expect(left.body).toMatchObject({
      status: 'TRANSFERRED',
      history: [
        { kind: 'HIRED' },
        { kind: 'TRANSFER_OUT', details: { decisionNumber: '125/QĐ-SGDĐT', toSchoolId: receiving.id } },
      ],
    });
    const edit = await t
      .http()
      .patch(`/api/schools/${school.id}/staff/${s.id}`)
      .set(bearer(school.admin))
      .send({ phone: null, version: left.body.version });
    expect(edit.body.code).toBe('staff_transferred');
    const sending = (await auditRows(t, school.id, 'staff')).filter(
      (r) => r.entity_id === s.id && r.action === 'UPDATE',
    );
    expect(sending.at(-1)?.after).toMatchObject({ status: 'TRANSFERRED', transfer: { toSchoolId: receiving.id } });
    expect((await auditRows(t, receiving.id, 'staff')).map((r) => [r.action, r.entity_id])).toEqual([['CREATE', s.id]]);
    for (const id of [school.id, receiving.id]) {
      expect((await t.http().get(`/api/audit/verify?schoolId=${id}`).set(bearer(dept))).body.valid).toBe(true);
    }
    const back = await t
      .http()
      .post(`/api/schools/${receiving.id}/staff/${s.id}/transfer`)
      .set(bearer(dept))
      .send({ ...body, toSchoolId: school.id, effectiveOn: '2026-11-24' });
    expect(back.body).toMatchObject({
      status: 'ACTIVE',
      history: expect.arrayContaining([expect.objectContaining({ kind: 'TRANSFER_IN', effectiveOn: '2026-11-24' })]),
    });
  });

  it("releases a transferred teacher's homeroom class and teaching assignments of the open year at the sending school", async () => {
    const receiving = await schoolWithAdmin(t);
    const { body: s } = await create(school, person('Phùng Văn Rời'));
    const cls = await createClass(t, school, {
      schoolYearId: await openYearId(t),
      name: '7R',
      grade: '7',
      homeroomStaffId: s.id,
    });
    await t.owner.query(
      `insert into teaching_assignment (school_id, class_id, subject_code, semester, staff_id, assigned_at) values ($1, $2, 'TOAN', 1, $3, now())`,
      [school.id, cls.id, s.id],
    );
    const moved = await t
      .http()
      .post(`/api/schools/${school.id}/staff/${s.id}/transfer`)
      .set(bearer(dept))
      .send({ toSchoolId: receiving.id, effectiveOn: '2026-11-21', decisionNumber: '130/QĐ-SGDĐT' });
    expect(moved.status).toBe(201);
    // Academic releases them on the staff.left-school event, in its own transaction after the transfer's (outbox.int-spec.ts).
    const released = async () => (await auditRows(t, school.id, 'staff_duties')).filter((r) => r.entity_id === s.id);
    while (!(await released()).length) {
      await t.app.get(OutboxRelay).relayPending();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await released())[0].after).toMatchObject({ released: { homeroomClasses: ['7R'], assignments: 1 } });
    const [after] = await t.owner.query(`select homeroom_staff_id from class where school_id = $1 and id = $2`, [
      school.id,
      cls.id,
    ]);
    expect(after.homeroom_staff_id).toBeNull();
    expect(
      await t.owner.query(`select 1 from teaching_assignment where school_id = $1 and staff_id = $2`, [
        school.id,
        s.id,
      ]),
    ).toEqual([]);
  });

  it('exports the filtered list as xlsx with formula-like text neutralised, audited; an accountant may not export', async () => {
    const REASON = 'Báo cáo nhân sự gửi Phòng Giáo dục';
    const exporting = await schoolWithAdmin(t);
    await create(exporting, person('Mai Thị Xuất', { rankCode: '=1+2' }));
    await create(exporting, person('Tạ Văn Nghỉ', { gender: 'MALE', personalId: personalId(1986, 'MALE') })).then((r) =>
      t
        .http()
        .patch(`/api/schools/${exporting.id}/staff/${r.body.id}`)
        .set(bearer(exporting.admin))
        .send({ status: 'RETIRED', version: 1 }),
    );
    const res = await t
      .http()
      .get(`/api/schools/${exporting.id}/staff/export.xlsx?status=ACTIVE&reason=${encodeURIComponent(REASON)}`)
      .set(bearer(exporting.admin))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('Mai Thị Xuất');
    expect(sheet.getRow(2).getCell(10).value).toBe('=1+2');
    // Printed as an official list: A4 landscape, one page wide, the header row on every page, the school above.
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    expect(sheet.headerFooter.oddHeader).toMatch(/TRƯỜNG/);
    expect(sheet.headerFooter.oddHeader).toContain('DANH SÁCH CÁN BỘ');
    expect(
      (await auditRows(t, exporting.id, 'staff')).filter((r) => r.action === 'EXPORT').map((r) => r.after),
    ).toEqual([{ reason: REASON, filter: { status: 'ACTIVE' }, rows: 1 }]);
    const accountant = await t.login('ketoan.nhuquynh');
    expect(
      (
        await t
          .http()
          .get(`/api/schools/${await t.unitId('THCS-NQ')}/staff/export.xlsx`)
          .set(bearer(accountant))
      ).status,
    ).toBe(403);
  });
});
