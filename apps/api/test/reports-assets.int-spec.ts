import type { AssetsReport, AssetTotals } from '@emis/contracts';
import { FactsRefresher } from '@emis/api/reporting';
import type { AssetKind, FundingSource } from '@emis/domain';
import ExcelJS from 'exceljs';
import { bearer, createUser, startTestApp, TestApp } from './harness';
import { createReportSchool, createUnit, moveSchool, settleReadModel, Unit } from './reports-fixtures';

/** An asset as the test registers it: the figures the totals are worked out from here, independently of the code. */
interface TestAsset {
  category: string;
  kind: AssetKind;
  source: FundingSource;
  quantity: number;
  cost: number;
  openingWear?: number;
  postedWear?: number;
  status?: 'IN_USE' | 'LENT' | 'DISPOSED' | 'TRANSFERRED';
}

let serial = 0;

/** Registers an asset in the school's register as the schema owner (the register's own API is another part's). */
async function registerAsset(t: TestApp, schoolId: string, a: TestAsset): Promise<void> {
  const code = `TS-${++serial}`;
  await t.owner.query(
    `insert into asset (school_id, code, name, category_code, kind, quantity, unit, unit_cost, original_cost, cost,
                        funding_source, in_use_on, opening_wear, opening_wear_year, posted_wear, status, disposed_on)
     values ($1, $2, $3, $4, $5, $6, 'cái', $7, $8, $8, $9, '2020-09-05', $10, $11, $12, $13, $14)`,
    [
      schoolId,
      code,
      `Tài sản thử ${code}`,
      a.category,
      a.kind,
      a.quantity,
      Math.ceil(a.cost / a.quantity),
      a.cost,
      a.source,
      a.openingWear ?? 0,
      a.openingWear ? 2022 : null,
      a.postedWear ?? 0,
      a.status ?? 'IN_USE',
      a.status === 'DISPOSED' ? '2025-06-30' : null,
    ],
  );
}

/** The totals of a list of assets on the books, worked out from the registered figures. */
function expected(assets: TestAsset[]): AssetTotals {
  const onBooks = assets.filter((a) => a.status !== 'DISPOSED' && a.status !== 'TRANSFERRED');
  const wear = (a: TestAsset) => (a.openingWear ?? 0) + (a.postedWear ?? 0);
  return {
    assets: onBooks.length,
    quantity: onBooks.reduce((n, a) => n + a.quantity, 0),
    cost: onBooks.reduce((n, a) => n + a.cost, 0),
    accumulatedWear: onBooks.reduce((n, a) => n + wear(a), 0),
    remainingValue: onBooks.reduce((n, a) => n + a.cost - wear(a), 0),
  };
}

function figures(t: AssetTotals): AssetTotals {
  return {
    assets: t.assets,
    quantity: t.quantity,
    cost: t.cost,
    accumulatedWear: t.accumulatedWear,
    remainingValue: t.remainingValue,
  };
}

function sum(rows: AssetTotals[]): AssetTotals {
  return rows.reduce(
    (s, r) => ({
      assets: s.assets + r.assets,
      quantity: s.quantity + r.quantity,
      cost: s.cost + r.cost,
      accumulatedWear: s.accumulatedWear + r.accumulatedWear,
      remainingValue: s.remainingValue + r.remainingValue,
    }),
    { assets: 0, quantity: 0, cost: 0, accumulatedWear: 0, remainingValue: 0 },
  );
}

// School 1: a school building of §6's worked example with ten years of wear posted, laptops partly worn, desks
// (tools, not worn) from tuition, and a disposed photocopier that has left the books.
const S1_ASSETS: TestAsset[] = [
  {
    category: 'SCHOOL_BUILDING',
    kind: 'FIXED',
    source: 'STATE_BUDGET',
    quantity: 1,
    cost: 2_345_678_901,
    postedWear: 469_135_790,
  },
  {
    category: 'OFFICE_EQUIPMENT',
    kind: 'FIXED',
    source: 'STATE_BUDGET',
    quantity: 1,
    cost: 18_500_000,
    openingWear: 7_400_000,
    postedWear: 3_700_000,
  },
  { category: 'OFFICE_EQUIPMENT', kind: 'FIXED', source: 'AID', quantity: 1, cost: 18_500_000, postedWear: 18_500_000 },
  { category: 'TEACHING_EQUIPMENT', kind: 'TOOL', source: 'TUITION', quantity: 45, cost: 445_500_000 },
  {
    category: 'OFFICE_EQUIPMENT',
    kind: 'FIXED',
    source: 'STATE_BUDGET',
    quantity: 1,
    cost: 52_000_000,
    postedWear: 41_600_000,
    status: 'DISPOSED',
  },
];
// School 2: a car lent to another school (still on its books), a donated air conditioner, a transferred-away one.
const S2_ASSETS: TestAsset[] = [
  {
    category: 'CAR',
    kind: 'FIXED',
    source: 'STATE_BUDGET',
    quantity: 1,
    cost: 789_000_001,
    postedWear: 236_700_001,
    status: 'LENT',
  },
  {
    category: 'AIR_CONDITIONER',
    kind: 'FIXED',
    source: 'DONATION',
    quantity: 1,
    cost: 12_345_679,
    postedWear: 1_543_210,
  },
  {
    category: 'AIR_CONDITIONER',
    kind: 'FIXED',
    source: 'DONATION',
    quantity: 1,
    cost: 14_000_000,
    status: 'TRANSFERRED',
  },
];

/**
 * The public assets' report over the reporting read model (real PostgreSQL, real pg-boss): a school's asset facts
 * are its register's assets on the books; the unit's and the province's figures are the sum of their schools' to the
 * đồng; an asset registered or disposed of through the register's API reaches the report through the assets.changed
 * event and the refresh, and the rebuild agrees with it; a school administrator sees their own school only; the
 * workbook carries the same figures; schools roll up through the org tree of the report's date.
 */
describe("the public assets' report (real PostgreSQL)", () => {
  let t: TestApp;
  let dept: string;
  let unit: Unit, other: Unit, s1: Unit, s2: Unit;
  const s1Assets = [...S1_ASSETS];
  /** The administrator of school 1, and the asset they register through the API. */
  let s1Admin: string;
  let computer: { id: string; version: number };

  const report = async (token: string, id: string, query = ''): Promise<AssetsReport> => {
    const res = await t.http().get(`/api/reports/assets/${id}${query}`).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body;
  };

  const facts = (schoolIds: string[]) =>
    t.owner.query(
      `select x.* from reporting.asset_total x where x.school_id = any($1::uuid[]) order by row_to_json(x)::text`,
      [schoolIds],
    );

  beforeAll(async () => {
    t = await startTestApp();
    dept = await t.login('admin.so');
    unit = await createUnit(t);
    other = await createUnit(t);
    s1 = await createReportSchool(t, unit);
    s2 = await createReportSchool(t, unit);
    const adminName = await createUser(t, 'SCHOOL_ADMIN', s1.code);
    await t.owner.query(
      `update app_user set mfa_enabled = true, mfa_secret = (select mfa_secret from app_user where username = 'admin.so') where username = $1`,
      [adminName],
    );
    s1Admin = await t.login(adminName);
    for (const a of S1_ASSETS) await registerAsset(t, s1.id, a);
    for (const a of S2_ASSETS) await registerAsset(t, s2.id, a);
    // Registered as the schema owner, without the register's event: both schools start from a rebuild.
    await settleReadModel(t);
    for (const school of [s1, s2]) await t.app.get(FactsRefresher).rebuildSchool(school.id);
  });
  afterAll(() => t.close());

  it("writes each school's assets on the books, by class, kind and source, into its facts", async () => {
    const rows = await t.owner.query(
      `select asset_class, kind, funding_source, assets, quantity::int, cost::bigint::text as cost,
              accumulated_wear::text, remaining_value::text
         from reporting.asset_total where school_id = $1 order by asset_class, kind, funding_source`,
      [s1.id],
    );
    expect(rows).toEqual([
      {
        asset_class: 'BUILDING',
        kind: 'FIXED',
        funding_source: 'STATE_BUDGET',
        assets: 1,
        quantity: 1,
        cost: '2345678901',
        accumulated_wear: '469135790',
        remaining_value: '1876543111',
      },
      {
        asset_class: 'MACHINERY',
        kind: 'FIXED',
        funding_source: 'AID',
        assets: 1,
        quantity: 1,
        cost: '18500000',
        accumulated_wear: '18500000',
        remaining_value: '0',
      },
      {
        asset_class: 'MACHINERY',
        kind: 'FIXED',
        funding_source: 'STATE_BUDGET',
        assets: 1,
        quantity: 1,
        cost: '18500000',
        accumulated_wear: '11100000',
        remaining_value: '7400000',
      },
      {
        asset_class: 'MACHINERY',
        kind: 'TOOL',
        funding_source: 'TUITION',
        assets: 1,
        quantity: 45,
        cost: '445500000',
        accumulated_wear: '0',
        remaining_value: '445500000',
      },
    ]);
  });

  it("gives the unit the sum of its schools' figures to the đồng, by class, by source and per school", async () => {
    const r = await report(dept, unit.id);
    const bySchool = new Map(r.schools.map((s) => [s.id, figures(s)]));
    expect(bySchool.get(s1.id)).toEqual(expected(S1_ASSETS));
    expect(bySchool.get(s2.id)).toEqual(expected(S2_ASSETS));
    expect(figures(r.totals)).toEqual(sum([expected(S1_ASSETS), expected(S2_ASSETS)]));
    expect(r.totals.schools).toBe(2);
    expect(figures(r.totals)).toEqual(sum(r.byClass));
    expect(figures(r.totals)).toEqual(sum(r.bySource));
    expect(r.byClass.map((c) => `${c.assetClass}/${c.kind}`)).toEqual([
      'BUILDING/FIXED',
      'CAR/FIXED',
      'MACHINERY/FIXED',
      'MACHINERY/TOOL',
    ]);
    expect(r.bySource.find((s) => s.fundingSource === 'DONATION')).toMatchObject({
      kind: 'FIXED',
      assets: 1,
      cost: 12_345_679,
      remainingValue: 12_345_679 - 1_543_210,
    });
    expect(r.children.map((c) => [c.id, c.kind])).toEqual(
      expect.arrayContaining([
        [s1.id, 'SCHOOL'],
        [s2.id, 'SCHOOL'],
      ]),
    );
  });

  it("gives the province the sum of every school's figures, with the unit as one of its rows", async () => {
    const province = await report(dept, await t.unitId('SGDDT-HY'));
    expect(figures(province.totals)).toEqual(sum(province.schools));
    expect(figures(province.totals)).toEqual(sum(province.children));
    expect(figures(province.totals)).toEqual(sum(province.byClass));
    expect(figures(province.totals)).toEqual(sum(province.bySource));
    expect(province.totals.schools).toBe(province.schools.length);
    const row = province.children.find((c) => c.id === unit.id);
    expect(row && { ...figures(row), schools: row.schools }).toEqual({
      ...sum([expected(S1_ASSETS), expected(S2_ASSETS)]),
      schools: 2,
    });
  });

  it('shows an asset registered through the API after the refresh its event starts, and a rebuild then changes nothing', async () => {
    const res = await t.http().post(`/api/schools/${s1.id}/assets`).set(bearer(s1Admin)).send({
      name: 'Máy tính xách tay phòng hiệu trưởng',
      categoryCode: 'OFFICE_EQUIPMENT',
      quantity: 1,
      unit: 'cái',
      unitCost: 23_456_789,
      fundingSource: 'OTHER',
      inUseOn: '2024-09-05',
      openingWear: 4_691_358,
      openingWearYear: 2024,
    });
    expect(res.status).toBe(201);
    computer = res.body;
    s1Assets.push({
      category: 'OFFICE_EQUIPMENT',
      kind: 'FIXED',
      source: 'OTHER',
      quantity: 1,
      cost: 23_456_789,
      openingWear: 4_691_358,
    });
    await settleReadModel(t);
    const r = await report(dept, unit.id);
    expect(figures(r.schools.find((s) => s.id === s1.id)!)).toEqual(expected(s1Assets));
    expect(figures(r.totals)).toEqual(sum([expected(s1Assets), expected(S2_ASSETS)]));

    const incremental = await facts([s1.id, s2.id]);
    for (const school of [s1, s2]) await t.app.get(FactsRefresher).rebuildSchool(school.id);
    expect(await facts([s1.id, s2.id])).toEqual(incremental);
  });

  it('takes an asset disposed of through the API off the totals after the refresh', async () => {
    const res = await t.http().post(`/api/schools/${s1.id}/assets/${computer.id}/disposal`).set(bearer(s1Admin)).send({
      method: 'LOSS',
      decisionNumber: '12/QĐ-THCS',
      decisionDate: '2026-06-20',
      disposedOn: '2026-06-30',
      version: computer.version,
    });
    expect(res.status).toBe(200);
    s1Assets.pop();
    await settleReadModel(t);
    const r = await report(dept, unit.id);
    expect(figures(r.schools.find((s) => s.id === s1.id)!)).toEqual(expected(S1_ASSETS));
    expect(figures(r.totals)).toEqual(sum([expected(S1_ASSETS), expected(S2_ASSETS)]));
  });

  it('lets a school administrator see their own school only', async () => {
    const admin = s1Admin;
    const own = await report(admin, s1.id);
    expect(own.schools.map((s) => s.id)).toEqual([s1.id]);
    expect(own.children).toEqual([]);
    expect(figures(own.totals)).toEqual(expected(s1Assets));
    for (const id of [s2.id, unit.id, await t.unitId('SGDDT-HY')]) {
      const res = await t.http().get(`/api/reports/assets/${id}`).set(bearer(admin));
      expect(res.status).toBe(403);
    }
  });

  it('downloads the same figures as a workbook', async () => {
    const res = await t
      .http()
      .get(`/api/reports/assets/${unit.id}/export.xlsx`)
      .set(bearer(dept))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.getWorksheet('Trường')!;
    const row = (code: string) =>
      sheet.getSheetValues().find((r) => Array.isArray(r) && r.includes(code)) as (string | number)[] | undefined;
    // Code, name, under, schools, assets, quantity, cost, wear, remaining (ExcelJS rows start at index 1).
    const e = expected(s1Assets);
    expect(row(s1.code)?.slice(5, 10)).toEqual([e.assets, e.quantity, e.cost, e.accumulatedWear, e.remainingValue]);
    const totals = book.getWorksheet('Tổng hợp')!.getRow(3).values as (string | number)[];
    expect(totals.slice(4, 9)).toEqual(Object.values(sum([expected(s1Assets), expected(S2_ASSETS)])));
  });

  it('rolls schools up through the org tree as it was on the report date', async () => {
    await moveSchool(t, s2, other, '2025-09-01');
    const before = await report(dept, unit.id, '?asOf=2025-08-01');
    const after = await report(dept, unit.id);
    expect(before.schools.map((s) => s.id).sort()).toEqual([s1.id, s2.id].sort());
    expect(after.schools.map((s) => s.id)).toEqual([s1.id]);
    expect(figures(after.totals)).toEqual(expected(s1Assets));
    expect(figures((await report(dept, other.id)).totals)).toEqual(expected(S2_ASSETS));
  });
});
