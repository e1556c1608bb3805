import type { WearRun, WearTable } from '@emis/contracts';
import { todayInVietnam } from '@emis/domain';
import ExcelJS from 'exceljs';
import { schoolWithAdmin, SchoolFixture } from './academic-fixtures';
import { bearer, startTestApp, TestApp } from './harness';
import { pdfPages } from './pdf-text';
import { createUnit } from './reports-fixtures';

/**
 * The yearly wear run against real PostgreSQL (docs/domain/assets.md): the worked examples' figures to the đồng, a
 * rerun that posts nothing, the province's run over every school, progress, and each school kept to its own rows.
 */
describe('asset wear runs', () => {
  let t: TestApp;
  let dept: string;
  let school: SchoolFixture;
  let other: SchoolFixture;
  let unit: { id: string; code: string };
  const assets: Record<string, string> = {};

  /** A register row written as the register would (the wear reads the register; it does not keep it). */
  async function insertAsset(
    s: SchoolFixture,
    code: string,
    fields: {
      name: string;
      category: string;
      kind: 'FIXED' | 'TOOL';
      cost: number;
      inUseOn: string;
      quantity?: number;
    },
  ): Promise<string> {
    const quantity = fields.quantity ?? 1;
    const [row] = await t.owner.query(
      `insert into asset (school_id, code, name, category_code, kind, quantity, unit, unit_cost, original_cost, cost,
                          funding_source, in_use_on)
       values ($1, $2, $3, $4, $5, $6, 'cái', $7, $8, $8, 'STATE_BUDGET', $9) returning id`,
      [
        s.id,
        code,
        fields.name,
        fields.category,
        fields.kind,
        quantity,
        fields.cost / quantity,
        fields.cost,
        fields.inUseOn,
      ],
    );
    return row.id;
  }

  async function untilFinished(path: string, token: string): Promise<{ run: WearRun; seen: number[] }> {
    const seen: number[] = [];
    for (let i = 0; i < 300; i++) {
      const res = await t.http().get(path).set(bearer(token));
      expect(res.status).toBe(200);
      const run = res.body as WearRun;
      seen.push(run.done);
      if (run.status === 'DONE' || run.status === 'FAILED') return { run, seen };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`run ${path} did not finish`);
  }

  async function runYear(s: SchoolFixture, year: number): Promise<WearRun> {
    const started = await t.http().post(`/api/schools/${s.id}/asset-wear/runs`).set(bearer(s.admin)).send({ year });
    expect(started.status).toBe(202);
    return (await untilFinished(`/api/schools/${s.id}/asset-wear/runs/${started.body.id}`, s.admin)).run;
  }

  const download = (path: string, token: string) =>
    t
      .http()
      .get(path)
      .set(bearer(token))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  const wearRows = (assetId: string) =>
    t.owner.query(
      `select year, cost_basis::int8::text as "costBasis", amount::text, accumulated_after::text as "accumulatedAfter"
         from asset_wear where asset_id = $1 order by year`,
      [assetId],
    ) as Promise<{ year: number; costBasis: string; amount: string; accumulatedAfter: string }[]>;

  beforeAll(async () => {
    t = await startTestApp();
    dept = await t.login('admin.so');
    unit = await createUnit(t);
    school = await schoolWithAdmin(t, unit.code);
    other = await schoolWithAdmin(t, unit.code);
    assets['laptop'] = await insertAsset(school, 'TS-0001', {
      name: 'Máy tính xách tay',
      category: 'OFFICE_EQUIPMENT',
      kind: 'FIXED',
      cost: 18_500_000,
      inUseOn: '2020-03-15',
    });
    assets['building'] = await insertAsset(school, 'TS-0002', {
      name: 'Nhà học 3 tầng',
      category: 'SCHOOL_BUILDING',
      kind: 'FIXED',
      cost: 2_345_678_901,
      inUseOn: '1976-08-20',
    });
    assets['desks'] = await insertAsset(school, 'CC-0001', {
      name: 'Bộ bàn ghế giáo viên',
      category: 'OTHER_TANGIBLE',
      kind: 'TOOL',
      cost: 9_900_000,
      inUseOn: '2024-09-01',
    });
    assets['otherLaptop'] = await insertAsset(other, 'TS-0001', {
      name: 'Máy tính xách tay',
      category: 'OFFICE_EQUIPMENT',
      kind: 'FIXED',
      cost: 20_000_000,
      inUseOn: '2024-01-10',
    });
  });
  afterAll(() => t.close());

  it('previews the year before the run with the figures a run would post', async () => {
    const res = await t.http().get(`/api/schools/${school.id}/asset-wear?year=2025`).set(bearer(school.admin));
    expect(res.status).toBe(200);
    const table = res.body as WearTable;
    expect(table.posted).toBe(false);
    const byCode = Object.fromEntries(table.rows.map((r) => [r.code, r]));
    expect(byCode['TS-0002']).toMatchObject({ amount: 46_913_530, accumulatedAfter: 2_345_678_901, remainingValue: 0 });
    // The laptop's five years (2020–2024) are not posted yet: the run catches them up, and 2025 has nothing left.
    expect(byCode['TS-0001']).toMatchObject({ amount: 0, accumulatedAfter: 18_500_000, skipped: 'FULLY_WORN' });
    expect(byCode['CC-0001']).toBeUndefined();
  });

  it("posts the worked examples' figures to the đồng, with history, register totals and the assets.changed event", async () => {
    const run = await runYear(school, 2025);
    expect(run).toMatchObject({ status: 'DONE', scope: 'SCHOOL', year: 2025, total: 2, done: 2, postedRows: 55 });
    const building = await wearRows(assets['building']);
    expect(building).toHaveLength(50);
    expect(building.slice(0, 49).every((r) => r.amount === '46913579')).toBe(true);
    expect(building[48]).toMatchObject({ year: 2024, accumulatedAfter: '2298765371' });
    expect(building[49]).toEqual({
      year: 2025,
      costBasis: '2345678901',
      amount: '46913530',
      accumulatedAfter: '2345678901',
    });
    const laptop = await wearRows(assets['laptop']);
    expect(laptop.map((r) => [r.year, r.amount])).toEqual([
      [2020, '3700000'],
      [2021, '3700000'],
      [2022, '3700000'],
      [2023, '3700000'],
      [2024, '3700000'],
    ]);
    expect(await wearRows(assets['desks'])).toEqual([]);
    expect(run.postedAmount).toBe(2_345_678_901 + 18_500_000);
    const [register] = await t.owner.query(`select posted_wear::text from asset where id = $1`, [assets['building']]);
    expect(register.posted_wear).toBe('2345678901');
    const history = await t.owner.query(
      `select kind, effective_on::text, details from asset_event where asset_id = $1`,
      [assets['laptop']],
    );
    expect(history).toEqual([
      expect.objectContaining({
        kind: 'WEAR_POSTED',
        effective_on: '2024-12-31',
        details: expect.objectContaining({ accumulatedAfter: 18_500_000 }),
      }),
    ]);
    const [events] = await t.owner.query(
      `select count(*)::int as n from outbox where school_id = $1 and type = 'assets.changed'`,
      [school.id],
    );
    expect(events.n).toBeGreaterThan(0);
    const table = (await t.http().get(`/api/schools/${school.id}/asset-wear?year=2025`).set(bearer(school.admin)))
      .body as WearTable;
    expect(table.posted).toBe(true);
    expect(table.rows.find((r) => r.code === 'TS-0001')).toMatchObject({
      amount: 0,
      skipped: 'FULLY_WORN',
      remainingValue: 0,
    });
    expect(table.total.amount).toBe(46_913_530);
  });

  it('posts nothing twice: a rerun of the year finds every row written', async () => {
    const before = await t.owner.query(`select count(*)::int as n from asset_wear where school_id = $1`, [school.id]);
    const rerun = await runYear(school, 2025);
    expect(rerun).toMatchObject({ status: 'DONE', postedRows: 0, postedAmount: 0, done: 2 });
    const after = await t.owner.query(`select count(*)::int as n from asset_wear where school_id = $1`, [school.id]);
    expect(after[0].n).toBe(before[0].n);
    const [register] = await t.owner.query(`select posted_wear::text from asset where id = $1`, [assets['laptop']]);
    expect(register.posted_wear).toBe('18500000');
  });

  it('refuses a year still to come', async () => {
    const year = Number(todayInVietnam().slice(0, 4)) + 1;
    const res = await t
      .http()
      .post(`/api/schools/${school.id}/asset-wear/runs`)
      .set(bearer(school.admin))
      .send({ year });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('wear_year_in_future');
  });

  it("keeps a school to its own: another school's administrator neither sees nor runs this school's wear", async () => {
    const run = await runYear(school, 2025);
    expect(
      (await t.http().get(`/api/schools/${school.id}/asset-wear/runs/${run.id}`).set(bearer(other.admin))).status,
    ).toBe(404);
    expect(
      (await t.http().get(`/api/schools/${other.id}/asset-wear/runs/${run.id}`).set(bearer(other.admin))).status,
    ).toBe(404);
    expect((await t.http().get(`/api/schools/${school.id}/asset-wear?year=2025`).set(bearer(other.admin))).status).toBe(
      404,
    );
    const started = await t
      .http()
      .post(`/api/schools/${school.id}/asset-wear/runs`)
      .set(bearer(other.admin))
      .send({ year: 2025 });
    expect(started.status).toBe(404);
    // This school's runs wrote nothing for the other school's asset.
    expect(await wearRows(assets['otherLaptop'])).toEqual([]);
  });

  it("runs the department's year over every school in view, one school run each, its progress counting schools", async () => {
    // The department narrows the run to this spec's unit (X-Org-Unit): a run over the whole province would post wear
    // for the schools of other spec files running at the same time on the shared database. The service is the same.
    const started = await t
      .http()
      .post('/api/asset-wear/runs')
      .set(bearer(dept))
      .set('X-Org-Unit', unit.id)
      .send({ year: 2025 });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ scope: 'PROVINCE', year: 2025 });
    const { run, seen } = await untilFinished(`/api/asset-wear/runs/${started.body.id}`, dept);
    expect(run).toMatchObject({ status: 'DONE', total: 2, done: 2 });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const children = await t.owner.query(`select school_id, status from asset_wear_run where parent_id = $1`, [
      started.body.id,
    ]);
    expect(children.map((c: { school_id: string }) => c.school_id).sort()).toEqual([school.id, other.id].sort());
    expect(children.every((c: { status: string }) => c.status === 'DONE')).toBe(true);
    // The other school's laptop (20,000,000 đ at 20 %, in use since 2024) got 2024 and 2025.
    expect((await wearRows(assets['otherLaptop'])).map((r) => [r.year, r.amount])).toEqual([
      [2024, '4000000'],
      [2025, '4000000'],
    ]);
    expect(run.postedRows).toBeGreaterThanOrEqual(2);
    // The province's run belongs to the department: a school's administrator cannot read it.
    expect((await t.http().get(`/api/asset-wear/runs/${run.id}`).set(bearer(school.admin))).status).toBe(403);
  });

  it('exports the year as the wear table in Excel and PDF', async () => {
    const xlsx = await download(`/api/schools/${school.id}/asset-wear/2025/export.xlsx`, school.admin);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = book.worksheets[0];
    const lines = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const building = lines.find((l) => l.includes('TS-0002'));
    expect(building).toEqual(expect.arrayContaining([2_345_678_901, 2_298_765_371, 46_913_530, 0]));
    expect(sheet.headerFooter.oddHeader).toMatch(/TRƯỜNG/);
    expect(sheet.headerFooter.oddHeader).toContain('BẢNG TÍNH HAO MÒN TÀI SẢN CỐ ĐỊNH NĂM 2025');
    expect(lines.flat()).toEqual(expect.arrayContaining(['NGƯỜI LẬP BIỂU', 'HIỆU TRƯỞNG']));
    const pdf = await download(`/api/schools/${school.id}/asset-wear/2025/export.pdf`, school.admin);
    expect(pdf.status).toBe(200);
    const text = pdfPages(pdf.body as Buffer).join(' ');
    expect(text).toContain('BẢNG TÍNH HAO MÒN TÀI SẢN CỐ ĐỊNH');
    expect(text).toContain('46.913.530');
  });

  it("lets the department move a category's rate within ±20 % and refuses beyond, audited", async () => {
    const refused = await t
      .http()
      .put('/api/assets-config/categories/OFFICE_EQUIPMENT')
      .set(bearer(dept))
      .send({ rateBasisPoints: 2500 });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'rateBasisPoints' });
    const set = await t
      .http()
      .put('/api/assets-config/categories/OFFICE_EQUIPMENT')
      .set(bearer(dept))
      .send({ rateBasisPoints: 2400 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ code: 'OFFICE_EQUIPMENT', rateBasisPoints: 2400, defaultRateBasisPoints: 2000 });
    const reset = await t
      .http()
      .put('/api/assets-config/categories/OFFICE_EQUIPMENT')
      .set(bearer(dept))
      .send({ rateBasisPoints: null });
    expect(reset.body.rateBasisPoints).toBeNull();
    const software = await t
      .http()
      .put('/api/assets-config/categories/SOFTWARE')
      .set(bearer(dept))
      .send({ lifeYears: 3 });
    expect(software.status).toBe(400);
    const land = await t
      .http()
      .put('/api/assets-config/categories/LAND_USE_RIGHT')
      .set(bearer(dept))
      .send({ lifeYears: 10 });
    expect(land.status).toBe(400);
    expect(
      (
        await t
          .http()
          .put('/api/assets-config/categories/OFFICE_EQUIPMENT')
          .set(bearer(school.admin))
          .send({ rateBasisPoints: 2400 })
      ).status,
    ).toBe(403);
    const categories = await t.http().get('/api/assets-config/categories').set(bearer(school.admin));
    expect(categories.body).toContainEqual(expect.objectContaining({ code: 'LAND_USE_RIGHT', worn: false }));
    const audits = await t.owner.query(
      `select action from audit_log where entity = 'asset_category' and entity_id = 'OFFICE_EQUIPMENT'`,
    );
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the threshold of a fixed asset as the province sets it', async () => {
    expect((await t.http().get('/api/assets-config/policy').set(bearer(school.admin))).body).toEqual({
      fixedAssetThreshold: 10_000_000,
    });
    const set = await t
      .http()
      .put('/api/assets-config/policy')
      .set(bearer(dept))
      .send({ fixedAssetThreshold: 30_000_000 });
    expect(set.body).toEqual({ fixedAssetThreshold: 30_000_000 });
    await t.http().put('/api/assets-config/policy').set(bearer(dept)).send({ fixedAssetThreshold: 10_000_000 });
    expect(
      (await t.http().put('/api/assets-config/policy').set(bearer(school.admin)).send({ fixedAssetThreshold: 1 }))
        .status,
    ).toBe(403);
  });
});
