import type { OrgUnitAdminDetail, OrgUnitAdminItem, Page, UnitReport } from '@emis/contracts';
import { Scope, TenantDb } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import { ClsService } from 'nestjs-cls';
import { openYearId } from './academic-fixtures';
import { SecretBox } from '@emis/api/identity';
import { bearer, createUser, startTestApp, TestApp } from './harness';
import { readWorkbook, waitForJob, workbook, XLSX_TYPE } from './imports-fixtures';
import { ADMIN_TOTP_SECRET } from './totp';
import { createUnit, settleReadModel, Unit, writeFacts } from './reports-fixtures';

/**
 * Organisation administration (docs/domain/organisation.md) against real PostgreSQL: the department creates, corrects,
 * moves, closes and reopens units and schools; scopes follow a move's date; a closed school is read-only in the API and
 * under row-level security; the school list imports from Excel with every row checked first. Every unit and school
 * here is the spec's own, created under the department.
 */
describe('organisation administration (real PostgreSQL)', () => {
  let t: TestApp;
  let dept: string;
  let deptId: string;
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    dept = await t.login('admin.so');
    deptId = await t.unitId('SGDDT-HY');
  });
  afterAll(() => t.close());

  const code = (prefix: string) => `${prefix}-${process.pid % 10000}-${++serial}-${Date.now() % 10000}`.slice(0, 20);
  const fieldCodes = (body: { errors?: { field: string; code: string }[] }) =>
    (body.errors ?? []).map((e) => `${e.field}:${e.code}`);

  const post = (token: string, path: string, body: object) =>
    t.http().post(`/api/org-admin/units${path}`).set(bearer(token)).send(body);

  async function createUnitApi(parentId = deptId): Promise<OrgUnitAdminDetail> {
    const res = await post(dept, '', { kind: 'UNIT', code: code('OU'), name: `Ủy ban thử ${serial}`, parentId });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function createSchoolApi(parentId: string, effectiveFrom?: string): Promise<OrgUnitAdminDetail> {
    const res = await post(dept, '', {
      kind: 'SCHOOL',
      code: code('OS'),
      name: `Trường THCS Thử ${serial}`,
      parentId,
      levels: ['LOWER_SECONDARY'],
      ownership: 'PUBLIC',
      address: 'Thôn Thử',
      commune: 'Phường Thử',
      effectiveFrom,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  const move = (id: string, parentId: string, effectiveFrom: string, token = dept) =>
    post(token, `/${id}/move`, {
      parentId,
      effectiveFrom,
      reason: 'Theo quyết định sắp xếp đơn vị',
      decisionNo: '12/QĐ',
    });

  /** A signed-in administrator of the school, enrolled in MFA as administrators must be. */
  async function principalOf(schoolCode: string): Promise<string> {
    const username = await createUser(t, 'SCHOOL_ADMIN', schoolCode);
    const box = new SecretBox(t.config.MFA_ENCRYPTION_KEY ?? t.config.JWT_SECRET);
    await t.owner.query(`update app_user set mfa_secret = $2, mfa_enabled = true where username = $1`, [
      username,
      box.seal(ADMIN_TOTP_SECRET),
    ]);
    return t.login(username);
  }

  /** Whether a user sees a school (its page answers, or 404 outside the scope). */
  const sees = async (token: string, schoolId: string) =>
    (await t.http().get(`/api/schools/${schoolId}`).set(bearer(token))).status === 200;

  const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

  describe('creating and correcting', () => {
    it('creates a unit and a school under it, in the tree at once, with the first period, profile and audit', async () => {
      const unit = await createUnitApi();
      const school = await createSchoolApi(unit.id, '2025-09-01');
      expect(school).toMatchObject({
        kind: 'SCHOOL',
        parentId: unit.id,
        parentName: unit.name,
        levels: ['LOWER_SECONDARY'],
        ownership: 'PUBLIC',
        address: 'Thôn Thử',
        commune: 'Phường Thử',
        closedOn: null,
        pendingMove: null,
        accountCount: 0,
        hasAdministrator: false,
        history: [{ parentId: unit.id, parentName: unit.name, validFrom: '2025-09-01', validTo: null }],
        childCount: 0,
      });
      const tree = await t.http().get('/api/org-units/tree').set(bearer(dept));
      expect(tree.body.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([unit.id, school.id]));
      const [profile] = await t.owner.query(`select address from school_profile where school_id = $1`, [school.id]);
      expect(profile.address).toBe('Thôn Thử');
      const audit = await t.owner.query(
        `select school_id, action from audit_log where entity = 'org_unit' and entity_id = $1 order by school_id`,
        [school.id],
      );
      expect(audit.map((a: { school_id: string }) => a.school_id).sort()).toEqual([deptId, school.id].sort());
      expect(audit.every((a: { action: string }) => a.action === 'CREATE')).toBe(true);

      const principal = await principalOf(school.code);
      const detail = await t.http().get(`/api/org-admin/units/${school.id}`).set(bearer(dept));
      expect(detail.body).toMatchObject({ accountCount: 1, hasAdministrator: true });
      expect(await sees(principal, school.id)).toBe(true);
    });

    it('refuses a taken code, a bad code, a school without levels, and unit fields on a unit, by field', async () => {
      const unit = await createUnitApi();
      const taken = await post(dept, '', {
        kind: 'SCHOOL',
        code: 'THCS-KC',
        name: 'Trùng mã',
        parentId: unit.id,
        levels: ['PRIMARY'],
        ownership: 'PUBLIC',
      });
      expect(taken.status).toBe(400);
      expect(fieldCodes(taken.body)).toEqual(['code:codeTaken']);
      const bad = await post(dept, '', { kind: 'SCHOOL', code: 'x', name: 'Sai mã', parentId: unit.id });
      expect(bad.status).toBe(400);
      expect(fieldCodes(bad.body)).toContain('code:isOrgUnitCode');
      const noLevels = await post(dept, '', { kind: 'SCHOOL', code: code('OS'), name: 'Không cấp', parentId: unit.id });
      expect(fieldCodes(noLevels.body)).toEqual(['levels:schoolLevelsRequired', 'ownership:isDefined']);
      const unitWithLevels = await post(dept, '', {
        kind: 'UNIT',
        code: code('OU'),
        name: 'Đơn vị có cấp học',
        parentId: deptId,
        levels: ['PRIMARY'],
        address: 'Số 1',
      });
      expect(fieldCodes(unitWithLevels.body)).toEqual(['levels:onlySchools', 'address:onlySchools']);
      const [{ n }] = await t.owner.query(`select count(*)::int as n from org_unit where name = 'Đơn vị có cấp học'`);
      expect(n).toBe(0);
    });

    it('refuses a school as parent, and an unknown one', async () => {
      const school = await createSchoolApi(deptId);
      const underSchool = await post(dept, '', {
        kind: 'UNIT',
        code: code('OU'),
        name: 'Dưới trường',
        parentId: school.id,
      });
      expect(fieldCodes(underSchool.body)).toEqual(['parentId:parentNotAUnit']);
      const unknown = await post(dept, '', {
        kind: 'UNIT',
        code: code('OU'),
        name: 'Không cha',
        parentId: '00000000-0000-4000-8000-000000000000',
      });
      expect(fieldCodes(unknown.body)).toEqual(['parentId:unknownParent']);
    });

    it('renames with a reason, audited with before and after; no reason, no change', async () => {
      const school = await createSchoolApi(deptId);
      const noReason = await t.http().patch(`/api/org-admin/units/${school.id}`).set(bearer(dept)).send({ name: 'X' });
      expect(noReason.status).toBe(400);
      const res = await t
        .http()
        .patch(`/api/org-admin/units/${school.id}`)
        .set(bearer(dept))
        .send({ name: 'Trường THCS Đổi Tên', levels: ['PRIMARY', 'LOWER_SECONDARY'], reason: 'Quyết định đổi tên' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Trường THCS Đổi Tên', levels: ['PRIMARY', 'LOWER_SECONDARY'] });
      const [row] = await t.owner.query(
        `select before, after from audit_log where school_id = $1 and entity = 'org_unit' and action = 'UPDATE'`,
        [school.id],
      );
      expect(row.before).toMatchObject({ name: school.name });
      expect(row.after).toMatchObject({ name: 'Trường THCS Đổi Tên', reason: 'Quyết định đổi tên' });
    });

    it('lets only the department administrator write, and a unit officer read its own subtree', async () => {
      const unit = await createUnitApi();
      const other = await createUnitApi();
      const mine = await createSchoolApi(unit.id);
      const theirs = await createSchoolApi(other.id);
      const officer = await t.login(await createUser(t, 'UNIT_OFFICER', unit.code));
      const refused = await post(officer, '', {
        kind: 'UNIT',
        code: code('OU'),
        name: 'Không được',
        parentId: unit.id,
      });
      expect(refused.status).toBe(403);
      expect((await move(mine.id, other.id, isoDay(0), officer)).status).toBe(403);
      const list = await t.http().get('/api/org-admin/units?pageSize=100').set(bearer(officer));
      expect(list.status).toBe(200);
      expect((list.body as Page<OrgUnitAdminItem>).items.map((u) => u.id).sort()).toEqual([unit.id, mine.id].sort());
      expect((await t.http().get(`/api/org-admin/units/${theirs.id}`).set(bearer(officer))).status).toBe(404);
      const teacher = await t.login(await createUser(t, 'TEACHER', mine.code));
      expect((await t.http().get('/api/org-admin/units').set(bearer(teacher))).status).toBe(403);
    });

    it('lists a subtree with search, kind and level filters, and exports it as a workbook', async () => {
      const unit = await createUnitApi();
      const inner = await createUnitApi(unit.id);
      const a = await createSchoolApi(inner.id);
      await createSchoolApi(unit.id);
      const list = async (query: string) =>
        (await t.http().get(`/api/org-admin/units?parentId=${unit.id}&${query}`).set(bearer(dept)))
          .body as Page<OrgUnitAdminItem>;
      expect((await list('')).total).toBe(3);
      expect((await list('kind=SCHOOL')).total).toBe(2);
      expect((await list('level=PRIMARY')).total).toBe(0);
      expect((await list(`q=${a.code.toLowerCase()}`)).items.map((u) => u.id)).toEqual([a.id]);
      const file = await t
        .http()
        .get(`/api/org-admin/units/export?parentId=${unit.id}&kind=SCHOOL`)
        .set(bearer(dept))
        .buffer(true)
        .parse(binary);
      expect(file.status).toBe(200);
      const sheet = (await readWorkbook(file.body)).worksheets[0];
      expect(sheet.getRow(1).getCell(1).text).toBe('Mã trường');
      expect(sheet.getRow(1).getCell(5).text).toBe('Mã đơn vị quản lý');
      expect(sheet.rowCount).toBe(3);
    });
  });

  describe('moves', () => {
    it('refuses a cycle, a closed target, and a date not after the current period began', async () => {
      const outer = await createUnitApi();
      const inner = await createUnitApi(outer.id);
      expect(fieldCodes((await move(outer.id, inner.id, isoDay(0))).body)).toEqual(['parentId:moveCycle']);
      expect(fieldCodes((await move(outer.id, outer.id, isoDay(0))).body)).toEqual(['parentId:moveCycle']);
      const closed = await createUnitApi();
      await post(dept, `/${closed.id}/close`, { closedOn: isoDay(0), reason: 'Giải thể' });
      const school = await createSchoolApi(outer.id, '2025-09-01');
      expect(fieldCodes((await move(school.id, closed.id, isoDay(0))).body)).toEqual(['parentId:parentClosed']);
      const early = await move(school.id, inner.id, '2025-09-01');
      expect(fieldCodes(early.body)).toEqual(['effectiveFrom:notAfterPeriodStart']);
      expect(fieldCodes((await move(school.id, outer.id, isoDay(0))).body)).toEqual(['parentId:sameParent']);
    });

    it("moves a school from a past date: the new unit's officer sees it, the old one's no longer", async () => {
      const from = await createUnitApi();
      const to = await createUnitApi();
      const school = await createSchoolApi(from.id, '2020-09-05');
      const oldOfficer = await t.login(await createUser(t, 'UNIT_OFFICER', from.code));
      const newOfficer = await t.login(await createUser(t, 'UNIT_OFFICER', to.code));
      expect([await sees(oldOfficer, school.id), await sees(newOfficer, school.id)]).toEqual([true, false]);
      const res = await move(school.id, to.id, '2025-09-01');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ parentId: to.id, pendingMove: null });
      expect(res.body.history).toEqual([
        { parentId: from.id, parentName: from.name, validFrom: '2020-09-05', validTo: '2025-09-01' },
        { parentId: to.id, parentName: to.name, validFrom: '2025-09-01', validTo: null },
      ]);
      expect([await sees(oldOfficer, school.id), await sees(newOfficer, school.id)]).toEqual([false, true]);
      const [audit] = await t.owner.query(`select after from audit_log where school_id = $1 and action = 'MOVE'`, [
        school.id,
      ]);
      expect(audit.after).toMatchObject({
        parent_id: to.id,
        reason: 'Theo quyết định sắp xếp đơn vị',
        decisionNo: '12/QĐ',
      });
    });

    it('keeps a move dated later pending, replaces it by the next, and applies it when its day comes', async () => {
      const from = await createUnitApi();
      const first = await createUnitApi();
      const to = await createUnitApi();
      const school = await createSchoolApi(from.id, '2020-09-05');
      const oldOfficer = await t.login(await createUser(t, 'UNIT_OFFICER', from.code));
      const newOfficer = await t.login(await createUser(t, 'UNIT_OFFICER', to.code));
      expect((await move(school.id, first.id, isoDay(30))).status).toBe(200);
      const res = await move(school.id, to.id, isoDay(60));
      expect(res.body).toMatchObject({
        parentId: from.id,
        pendingMove: { parentId: to.id, parentName: to.name, effectiveFrom: isoDay(60) },
      });
      expect(res.body.history.map((p: { parentId: string }) => p.parentId)).toEqual([from.id, to.id]);
      expect([await sees(oldOfficer, school.id), await sees(newOfficer, school.id)]).toEqual([true, false]);
      // The day comes: the boundary between the periods moves to yesterday.
      await t.owner.query(
        `update org_unit_parent_history set valid_to = now() - interval '1 day' where org_unit_id = $1 and parent_id = $2`,
        [school.id, from.id],
      );
      await t.owner.query(
        `update org_unit_parent_history set valid_from = now() - interval '1 day' where org_unit_id = $1 and parent_id = $2`,
        [school.id, to.id],
      );
      t.app.get(OrgTreeService).invalidate();
      expect([await sees(oldOfficer, school.id), await sees(newOfficer, school.id)]).toEqual([false, true]);
    });

    it('cancels a pending move when moved back to the parent in force', async () => {
      const from = await createUnitApi();
      const to = await createUnitApi();
      const school = await createSchoolApi(from.id, '2020-09-05');
      await move(school.id, to.id, isoDay(10));
      const res = await move(school.id, from.id, isoDay(20));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ parentId: from.id, pendingMove: null });
      expect(res.body.history).toEqual([expect.objectContaining({ parentId: from.id, validTo: null })]);
    });

    it('counts a moved school under its old unit in reports of dates before the move, and the new one after', async () => {
      const yearId = await openYearId(t);
      const from: Unit = await createUnit(t);
      const to: Unit = await createUnit(t);
      const school = await createSchoolApi(from.id, '2020-09-05');
      await writeFacts(t, school.id, yearId, [
        {
          grade: '6',
          pupils: 30,
          female: 14,
          minority: 0,
          learning: {},
          training: {},
          promotion: {},
          mathsScored: 0,
          mathsSumTenths: 0,
          recorded: 0,
          present: 0,
        },
      ]);
      await move(school.id, to.id, '2025-09-01');
      await settleReadModel(t);
      const report = async (unit: Unit, asOf: string) =>
        (await t.http().get(`/api/reports/units/${unit.id}?yearId=${yearId}&period=CN&asOf=${asOf}`).set(bearer(dept)))
          .body as UnitReport;
      expect((await report(from, '2025-08-01')).children.map((c) => c.id)).toEqual([school.id]);
      expect((await report(to, '2025-08-01')).children).toEqual([]);
      expect((await report(from, '2025-09-01')).children).toEqual([]);
      expect((await report(to, '2025-09-01')).children.map((c) => c.id)).toEqual([school.id]);
    });
  });

  describe('closing', () => {
    it('refuses a date in the future and a unit with open schools under it', async () => {
      const unit = await createUnitApi();
      await createSchoolApi(unit.id);
      const future = await post(dept, `/${unit.id}/close`, { closedOn: isoDay(2), reason: 'Giải thể' });
      expect(fieldCodes(future.body)).toEqual(['closedOn:notInFuture']);
      const withChildren = await post(dept, `/${unit.id}/close`, { closedOn: isoDay(0), reason: 'Giải thể' });
      expect(withChildren.status).toBe(409);
      expect(withChildren.body.code).toBe('unit_has_open_children');
    });

    it('keeps a closed school readable but refuses its writes, in the API and under RLS, until it reopens', async () => {
      const school = await createSchoolApi(deptId);
      const principal = await principalOf(school.code);
      const closed = await post(dept, `/${school.id}/close`, {
        closedOn: isoDay(0),
        reason: 'Sáp nhập',
        decisionNo: '99/QĐ-UBND',
      });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ closedOn: isoDay(0), closedReason: 'Sáp nhập' });
      expect((await post(dept, `/${school.id}/close`, { closedOn: isoDay(0), reason: 'Lần hai' })).status).toBe(409);

      const read = await t.http().get(`/api/schools/${school.id}`).set(bearer(principal));
      expect(read.status).toBe(200);
      const write = await t
        .http()
        .patch(`/api/schools/${school.id}/profile`)
        .set(bearer(principal))
        .set('Accept-Language', 'en')
        .send({ phone: '02213910999', version: read.body.profile.version });
      expect(write.status).toBe(409);
      expect(write.body).toMatchObject({ code: 'school_closed' });
      const listed = async (includeClosed: boolean) =>
        (
          (await t.http().get(`/api/org-admin/units?q=${school.code}&includeClosed=${includeClosed}`).set(bearer(dept)))
            .body as Page<OrgUnitAdminItem>
        ).total;
      expect([await listed(false), await listed(true)]).toEqual([0, 1]);

      // The application's own connection, the department's scope with the school among the closed units: nothing.
      const scope: Scope = { rootId: deptId, all: true, orgUnitIds: [], closedIds: [school.id] };
      const underRls = (work: Parameters<TenantDb['runWithScope']>[1]) =>
        t.app.get(ClsService).run(() => t.app.get(TenantDb).runWithScope(scope, work));
      const updated = (await underRls((em) =>
        em.query(`update school_profile set phone = '0900000000' where school_id = $1`, [school.id]),
      )) as [unknown[], number];
      expect(updated[1]).toBe(0);
      await expect(
        underRls((em) =>
          em.query(`insert into school_profile (school_id, updated_at) values ($1, now())`, [school.id]),
        ),
      ).rejects.toThrow(/row-level security/);

      const reopened = await post(dept, `/${school.id}/reopen`, { reason: 'Đóng nhầm' });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ closedOn: null });
      const again = await t
        .http()
        .patch(`/api/schools/${school.id}/profile`)
        .set(bearer(principal))
        .send({ phone: '02213910999', version: read.body.profile.version });
      expect(again.status).toBe(200);
      const actions = await t.owner.query(
        `select action from audit_log where school_id = $1 and entity = 'org_unit' order by seq`,
        [school.id],
      );
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'CLOSE', 'REOPEN']);
    });
  });

  describe('the school list from Excel', () => {
    const HEADERS = ['Mã trường', 'Tên trường', 'Cấp học', 'Loại hình', 'Mã đơn vị quản lý', 'Xã/phường', 'Địa chỉ'];

    async function importList(rows: ExcelJS.CellValue[][]) {
      const file = await workbook(HEADERS, rows);
      const res = await t
        .http()
        .post('/api/org-admin/units/import')
        .set(bearer(dept))
        .attach('file', file, { filename: 'danh-sach-truong.xlsx', contentType: XLSX_TYPE });
      expect(res.status).toBe(202);
      return waitForJob(t, dept, deptId, res.body.id);
    }

    it('checks every row first: errors by row and column, and nothing written', async () => {
      const unit = await createUnitApi();
      const good = code('IS');
      const job = await importList([
        [good, 'Trường Tiểu học Tốt', 'Tiểu học', 'Công lập', unit.code, 'Xã Tốt', null],
        ['thcs x', 'Sai mã', 'Tiểu học', 'Công lập', unit.code, null, null],
        [code('IS'), 'Không đơn vị', 'Tiểu học', 'Công lập', 'KHONG-CO-DV', null, null],
        [code('IS'), 'Không cấp học', 'Đại học', 'Tư thục', unit.code, null, null],
        [good, 'Trùng mã', 'Tiểu học', 'Công lập', unit.code, null, null],
      ]);
      expect(job).toMatchObject({ status: 'FAILED', errorCount: 4, created: 0 });
      expect(job.errors.map((e: { row: number; column: string }) => `${e.row}${e.column}`).sort()).toEqual(
        ['3A', '4E', '5C', '6A'].sort(),
      );
      const errorFile = await t
        .http()
        .get(`/api/schools/${deptId}/imports/${job.id}/errors.xlsx`)
        .set(bearer(dept))
        .buffer(true)
        .parse(binary);
      expect(errorFile.status).toBe(200);
      const [{ n }] = await t.owner.query(`select count(*)::int as n from org_unit where code = $1`, [good]);
      expect(n).toBe(0);
    });

    it('creates new schools, corrects known ones, and changes nothing on the same file again', async () => {
      const unit = await createUnitApi();
      const a = code('IS');
      const b = code('IS');
      const rows = [
        [a, 'Trường Mầm non Hoa Sen', 'Mầm non', 'Tư thục', unit.code, 'Phường Sơn Nam', 'Số 5'],
        [b, 'Trường Liên cấp Ánh Dương', 'Tiểu học; Trung học cơ sở', 'Dân lập', unit.code, null, null],
      ];
      const first = await importList(rows);
      expect(first).toMatchObject({ status: 'DONE', created: 2, updated: 0, unchanged: 0 });
      const list = await t.http().get(`/api/org-admin/units?parentId=${unit.id}`).set(bearer(dept));
      expect(list.body.items.map((u: OrgUnitAdminItem) => [u.code, u.levels, u.ownership])).toEqual(
        expect.arrayContaining([
          [a, ['PRESCHOOL'], 'PRIVATE'],
          [b, ['PRIMARY', 'LOWER_SECONDARY'], 'PEOPLE_FOUNDED'],
        ]),
      );
      const again = await importList([[...rows[0].slice(0, 6), 'Số 7'], rows[1]]);
      expect(again).toMatchObject({ status: 'DONE', created: 0, updated: 1, unchanged: 1 });
    });
  });
});

/** Reads a download whole (supertest's parser for binary bodies). */
function binary(res: Response, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
