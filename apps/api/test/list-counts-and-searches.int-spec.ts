import { paymentListStatements } from '@emis/api/finance';
import { COUNT_CAP } from '@emis/contracts';
import { personalId, schoolWithAdmin, SchoolFixture } from './academic-fixtures';
import { bearer, createUser, startTestApp, TestApp } from './harness';
import { planAsApp, rowsRead } from './plan-fixtures';
import { connectAsApp } from './scope-fixtures';
import { createClass, createYear } from './students-fixtures';

/**
 * The long lists' totals and the search box of the remaining lists (docs/conventions.md, "Counts" and "Search"):
 * a total above COUNT_CAP is answered as the cap with `totalCapped`, below it exactly; the class, account, school and
 * asset lists find a record whatever the order of the words typed, their spacing, case and diacritics.
 */
describe('list counts and searches', () => {
  let t: TestApp;
  let school: SchoolFixture;
  const tag = `Zq${process.pid % 1000}`;

  beforeAll(async () => {
    t = await startTestApp();
    school = await schoolWithAdmin(t);
  });
  afterAll(() => t.close());

  const get = (path: string, query: Record<string, string | number>) =>
    t.http().get(path).query(query).set(bearer(school.admin));

  it('finds a class by the words of its name in any order and spacing', async () => {
    const year = await createYear(t, 2078);
    await createClass(t, school.id, year.id, `6A Chuyên Toán ${tag}`, '6');
    await createClass(t, school.id, year.id, `6B Chuyên Văn ${tag}`, '6');
    const names = async (q: string) =>
      (await get(`/api/schools/${school.id}/classes`, { yearId: year.id, q })).body.items.map(
        (c: { name: string }) => c.name,
      );
    expect(await names(`toan  ${tag.toLowerCase()} CHUYEN`)).toEqual([`6A Chuyên Toán ${tag}`]);
    expect(await names(`chuyên ${tag}`)).toEqual([`6A Chuyên Toán ${tag}`, `6B Chuyên Văn ${tag}`]);
    expect(await names(`toan van ${tag}`)).toEqual([]);
  });

  it('finds the school by words of its name or code in any order', async () => {
    await t.owner.query(`update org_unit set name = $2 where id = $1`, [school.id, `Trường THCS Lê Văn Hưu ${tag}`]);
    const ids = async (q: string) =>
      (await get('/api/schools', { q })).body.items.map((s: { id: string }) => s.id) as string[];
    expect(await ids(`huu  le ${tag.toLowerCase()}`)).toEqual([school.id]);
    expect(await ids(`${school.code.toLowerCase()} hưu`)).toEqual([school.id]);
    expect(await ids(`huu tran ${tag}`)).toEqual([]);
  });

  it("finds an account by its holder's name or user name in any order", async () => {
    const username = await createUser(t, 'TEACHER', school.code);
    await t.owner.query(`update app_user set full_name = $2 where username = $1`, [username, `Đỗ Thị Thanh Xuân`]);
    const found = async (q: string) =>
      (await get('/api/accounts', { q, unitId: school.id })).body.items.map(
        (a: { username: string }) => a.username,
      ) as string[];
    expect(await found('xuan   do thanh')).toEqual([username]);
    expect(await found('XUÂN ĐỖ')).toEqual([username]);
    expect(await found(`${username.split('.').slice(-2).join('.')} xuan`)).toEqual([username]);
    expect(await found('xuan nguyen')).toEqual([]);
  });

  it('finds an asset by words of its name or code in any order, and caps the total above 10,000 assets', async () => {
    await t.owner.query(
      `insert into asset (school_id, code, name, category_code, kind, quantity, unit, unit_cost, original_cost, cost,
         funding_source, in_use_on)
       select $1, 'BAN-' || lpad(i::text, 5, '0'), 'Bàn học sinh hai chỗ ' || i, 'OFFICE_EQUIPMENT', 'TOOL', 1, 'cái',
              900000, 900000, 900000, 'STATE_BUDGET', date '2023-03-01'
         from generate_series(1, $2::int) i`,
      [school.id, COUNT_CAP + 50],
    );
    await t.owner.query(
      `insert into asset (school_id, code, name, category_code, kind, quantity, unit, unit_cost, original_cost, cost,
         funding_source, in_use_on)
       values ($1, 'MT-0001', 'Máy tính xách tay Dell Latitude', 'OFFICE_EQUIPMENT', 'FIXED', 1, 'cái', 18500000,
               18500000, 18500000, 'STATE_BUDGET', date '2023-03-01')`,
      [school.id],
    );
    const all = await get(`/api/schools/${school.id}/assets`, { pageSize: 1 });
    expect(all.status).toBe(200);
    expect({ total: all.body.total, capped: all.body.totalCapped }).toEqual({ total: COUNT_CAP, capped: true });
    const codes = async (q: string) => {
      const res = await get(`/api/schools/${school.id}/assets`, { q, pageSize: 5 });
      return {
        total: res.body.total,
        capped: res.body.totalCapped,
        codes: res.body.items.map((a: { code: string }) => a.code),
      };
    };
    expect(await codes('latitude  may DELL')).toEqual({ total: 1, capped: undefined, codes: ['MT-0001'] });
    expect(await codes('mt-0001 tính')).toEqual({ total: 1, capped: undefined, codes: ['MT-0001'] });
    expect(await codes('hai ban 10049')).toEqual({ total: 1, capped: undefined, codes: ['BAN-10049'] });
  });

  it("caps the payments' total above 10,000 and counts a filtered page exactly", async () => {
    const [pupil] = await t.owner.query(
      `insert into student (school_id, personal_id, full_name, date_of_birth, gender, created_at, updated_at)
       values ($1, $2, 'Phan Văn Trị', '2014-04-04', 'MALE', now(), now()) returning id`,
      [school.id, personalId(2014, 'MALE')],
    );
    await t.owner.query(
      `insert into finance_payment (school_id, kind, doc_series, doc_year, doc_number, student_id, paid_on, method, amount)
       select $1, 'PAYMENT', 'RECEIPT', 2078, i, $2, date '2078-10-01' + (i % 60), 'CASH', 1000
         from generate_series(1, $3::int) i`,
      [school.id, pupil.id, COUNT_CAP + 20],
    );
    await t.owner.query(`analyze finance_payment`);
    const all = await get(`/api/schools/${school.id}/payments`, { pageSize: 20 });
    expect(all.status).toBe(200);
    expect({ total: all.body.total, capped: all.body.totalCapped, shown: all.body.items.length }).toEqual({
      total: COUNT_CAP,
      capped: true,
      shown: 20,
    });
    // Newest first: the page starts on the last day paid.
    expect(all.body.items[0].paidOn).toBe('2078-11-29');
    const oneDay = await get(`/api/schools/${school.id}/payments`, { from: '2078-10-01', to: '2078-10-01' });
    expect({ total: oneDay.body.total, capped: oneDay.body.totalCapped }).toEqual({
      total: Math.floor((COUNT_CAP + 20) / 60),
      capped: undefined,
    });
    // The plans as run by the application role under RLS: the first page reads the newest day's payments through the
    // date index, not the school's; the count stops after COUNT_CAP + 1 rows.
    const app = await connectAsApp();
    try {
      const { sql, countSql, params } = paymentListStatements(school.id, {}, { limit: 20, offset: 0 });
      const page = rowsRead(await planAsApp(app, school.id, sql, params));
      expect(page['finance_payment']).toBeLessThanOrEqual(2 * Math.ceil((COUNT_CAP + 20) / 60) + 40);
      const count = rowsRead(await planAsApp(app, school.id, countSql, params));
      expect(count['finance_payment']).toBeLessThanOrEqual(COUNT_CAP + 1);
    } finally {
      await app.end();
    }
  });
});
