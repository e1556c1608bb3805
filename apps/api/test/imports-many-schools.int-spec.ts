import { OrgTreeService } from '@emis/api/tenancy';
import { bearer, createSchool, createUser, startTestApp, TestApp } from './harness';
import {
  adminOf,
  Cell,
  importFile,
  openYearWithClasses,
  schoolWithAdmin,
  STUDENT_HEADERS,
  studentRow,
  waitForJob,
  workbook,
  XLSX_TYPE,
} from './imports-fixtures';

/** A unit's list: the school code right after the running number, then the school's list as it is. */
const HEADERS = ['STT', 'Mã trường', ...STUDENT_HEADERS.slice(1)];
const H = (header: string) => HEADERS.indexOf(header);

function unitRow(i: number, schoolCode: string | number, className: string): Cell[] {
  const [no, ...rest] = studentRow(i, className);
  return [no, schoolCode, ...rest];
}

type Located = { row: number; column: string; message: string };
const located = (list: Located[]) => list.map((e) => [e.row, e.column, e.message]);

/**
 * A department's or unit's student list spanning many schools (docs/adr/province-scale-imports.md, decision 6): each
 * row under the school its "Mã trường" names, within the uploader's scope, all or nothing per file.
 */
describe('student list of many schools, imported by a unit', () => {
  let t: TestApp;
  let unitId: string;
  let unitToken: string;
  const schools: { id: string; code: string }[] = [];
  let outside: { id: string; code: string };
  let own: { schoolId: string; token: string };

  beforeAll(async () => {
    t = await startTestApp();
    const code = `U-${process.pid}-${Date.now() % 100000}`.slice(0, 20);
    const [unit] = await t.owner.query(
      `insert into org_unit (parent_id, kind, code, name)
       select id, 'UNIT', $1, $2 from org_unit where kind = 'DEPARTMENT' and parent_id is null returning id`,
      [code, `Phòng GD&ĐT Thử ${code}`],
    );
    unitId = unit.id;
    t.app.get(OrgTreeService).invalidate();
    schools.push(await createSchool(t, code), await createSchool(t, code));
    outside = await createSchool(t, 'PGD-KC');
    own = await schoolWithAdmin(t);
    await openYearWithClasses(t, 2077, [...schools.map((s) => s.id), outside.id, own.schoolId], ['8A', '8B']);
    unitToken = await t.login(await createUser(t, 'UNIT_OFFICER', code));
  });
  afterAll(() => t.close());

  const upload = (token: string, file: Buffer) =>
    t
      .http()
      .post(`/api/units/${unitId}/imports/students`)
      .set(bearer(token))
      .attach('file', file, { filename: 'ds-nhieu-truong.xlsx', contentType: XLSX_TYPE });
  const importMany = async (file: Buffer) => {
    const res = await upload(unitToken, file);
    expect(res.status).toBe(202);
    return waitForJob(t, unitToken, unitId, res.body.id);
  };
  const count = async (table: string, schoolId: string) =>
    (await t.owner.query(`select count(*)::int as n from ${table} where school_id = $1`, [schoolId]))[0].n as number;

  it('puts each row under the school its code names, in one job, audited in each school', async () => {
    const [a, b] = schools;
    const rows = [
      unitRow(0, a.code, '8A'),
      unitRow(1, b.code, '8B'),
      unitRow(2, a.code.toLowerCase(), '8b'),
      unitRow(3, b.code, '8A'),
      unitRow(4, ` ${a.code} `, '8A'),
    ];
    const job = await importMany(await workbook(HEADERS, rows));
    expect(job).toMatchObject({ status: 'DONE', created: 5, updated: 0, unchanged: 0, totalRows: 5, errors: [] });

    const placed = await t.owner.query(
      `select s.personal_id, s.school_id, c.name from student s
         join enrolment e on e.school_id = s.school_id and e.student_id = s.id and e.to_date is null
         join class c on c.school_id = e.school_id and c.id = e.class_id
        where s.personal_id = any($1::text[]) order by s.personal_id`,
      [rows.map((r) => r[H('Mã định danh')])],
    );
    const where = Object.fromEntries(
      placed.map((p: { personal_id: string; school_id: string; name: string }) => [
        p.personal_id,
        [p.school_id, p.name],
      ]),
    );
    expect(rows.map((r) => where[r[H('Mã định danh')] as string])).toEqual([
      [a.id, '8A'],
      [b.id, '8B'],
      [a.id, '8B'],
      [b.id, '8A'],
      [a.id, '8A'],
    ]);
    expect(await count('guardian', a.id)).toBe(6);
    expect(await count('guardian', b.id)).toBe(4);
    // Each school's chain holds its own pupils' entries; the unit's, the job's.
    for (const [school, n] of [
      [a.id, 3],
      [b.id, 2],
    ] as const) {
      expect(
        await t.owner.query(
          `select entity, action, count(*)::int as n from audit_log where school_id = $1 group by 1, 2`,
          [school],
        ),
      ).toEqual([{ entity: 'student', action: 'CREATE', n }]);
      expect(await t.owner.query(`select broken_at from audit_verify($1)`, [school])).toEqual([{ broken_at: null }]);
    }
    const [summary] = await t.owner.query(
      `select after from audit_log where school_id = $1 and entity = 'import_job' and entity_id = $2`,
      [unitId, job.id],
    );
    expect(summary.after).toMatchObject({ kind: 'STUDENTS', schools: 'column', rows: 5, created: 5 });

    // Row-level security, read back as each school's own administrator: each sees its pupils and not the other's.
    const admins = [await adminOf(t, a.code), await adminOf(t, b.code)];
    for (const [i, s] of [a, b].entries()) {
      const list = await t.http().get(`/api/schools/${s.id}/students?pageSize=50`).set(bearer(admins[i]));
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(i === 0 ? 3 : 2);
      const other = [a, b][1 - i];
      const ids = await t.owner.query(`select id from student where school_id = $1`, [other.id]);
      for (const { id } of ids)
        expect((await t.http().get(`/api/schools/${s.id}/students/${id}`).set(bearer(admins[i]))).status).toBe(404);
    }
  });

  it('refuses, on their cells, a code outside the unit, an unknown code and a missing one, and writes nothing', async () => {
    const [a, b] = schools;
    const before = [await count('student', a.id), await count('student', b.id), await count('student', outside.id)];
    const rows = [
      unitRow(10, a.code, '8A'),
      unitRow(11, outside.code, '8A'),
      unitRow(12, 'KHONG-CO-TRUONG-NAY', '8A'),
      unitRow(13, null as unknown as string, '8A'),
      unitRow(14, b.code, '8C'),
    ];
    const job = await importMany(await workbook(HEADERS, rows));
    expect(job.status).toBe('FAILED');
    expect(located(job.errors)).toEqual([
      [3, 'B', 'Trường này không thuộc phạm vi quản lý của tài khoản'],
      [4, 'B', 'Không có trường nào mang mã này'],
      [5, 'B', 'Bắt buộc nhập'],
      [6, 'M', 'Không có lớp này trong năm học đang mở của trường'],
    ]);
    expect([await count('student', a.id), await count('student', b.id), await count('student', outside.id)]).toEqual(
      before,
    );
  });

  it("is the unit's own: a school administrator may not upload a unit's file, nor a unit file outside one's scope", async () => {
    const school = await schoolWithAdmin(t);
    const file = await workbook(HEADERS, [unitRow(20, schools[0].code, '8A')]);
    expect((await upload(school.token, file)).status).toBe(403);
    const otherUnit = await t.unitId('PGD-KC');
    const res = await t
      .http()
      .post(`/api/units/${otherUnit}/imports/students`)
      .set(bearer(unitToken))
      .attach('file', file, { filename: 'ds.xlsx', contentType: XLSX_TYPE });
    expect(res.status).toBe(404);
  });

  it("refuses a school's own list whose school code names another school", async () => {
    const [{ code }] = await t.owner.query(`select code from org_unit where id = $1`, [own.schoolId]);
    const headers = [...STUDENT_HEADERS, 'Mã trường'];
    const rows = [
      [...studentRow(30, '8A'), code],
      [...studentRow(31, '8A'), schools[0].code],
      [...studentRow(32, '8A'), null],
    ];
    const job = await importFile(t, own.token, own.schoolId, 'students', await workbook(headers, rows));
    expect(job.status).toBe('FAILED');
    expect(located(job.errors)).toEqual([
      [3, 'S', 'Mã trường không phải của trường đang nhập; hãy để trống hoặc ghi đúng mã trường'],
    ]);
  });
});
