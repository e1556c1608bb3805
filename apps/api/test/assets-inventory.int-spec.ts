import ExcelJS from 'exceljs';
import { auditRows } from './academic-fixtures';
import { get, historyKinds, post, schoolWithRooms, seedAsset } from './assets-ops-fixtures';
import { download } from './grading-fixtures';
import { bearer, createUser, startTestApp, TestApp } from './harness';
import { JobBody, readWorkbook, waitForJob, XLSX_TYPE } from './imports-fixtures';
import { pdfPages } from './pdf-text';

/**
 * The annual inventory against real PostgreSQL: opened with a line per asset on the books, counted on screen, by
 * scanning and from the checklist workbook, closed by the committee, and approved — the only step that changes the
 * register: exactly one loss disposal for the fixed asset not found, a smaller lot of tools, one new asset for the
 * surplus.
 */
describe('annual asset inventory: open, count, checklist, close, approve, report', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof schoolWithRooms>>;
  let inventoryId: string;
  const ids: Record<string, string> = {};
  const path = (rest = '') => `/api/schools/${s.id}/asset-inventories${inventoryId ? `/${inventoryId}` : ''}${rest}`;
  const lineOf = async (code: string) => {
    const res = await get(t, s.admin, path());
    return res.body.lines.find((l: { code: string | null }) => l.code === code);
  };
  const asset = async (code: string) =>
    (await t.owner.query(`select * from asset where school_id = $1 and code = $2`, [s.id, code]))[0];

  beforeAll(async () => {
    t = await startTestApp();
    s = await schoolWithRooms(t, ['P.101', 'P.102']);
    ids.laptop = await seedAsset(t, s.id, {
      code: 'TS-0001',
      name: 'Máy tính xách tay',
      unitCost: 18_500_000,
      locationId: s.rooms[0],
    });
    ids.projector = await seedAsset(t, s.id, {
      code: 'TS-0002',
      name: 'Máy chiếu',
      unitCost: 15_000_000,
      locationId: s.rooms[0],
    });
    ids.chairs = await seedAsset(t, s.id, {
      code: 'CC-0001',
      name: 'Ghế học sinh',
      categoryCode: 'OTHER_TANGIBLE',
      quantity: 40,
      unitCost: 600_000,
      locationId: s.rooms[1],
    });
    ids.tables = await seedAsset(t, s.id, {
      code: 'CC-0003',
      name: 'Bàn học sinh',
      categoryCode: 'OTHER_TANGIBLE',
      quantity: 20,
      unitCost: 1_200_000,
      locationId: s.rooms[0],
    });
    ids.gone = await seedAsset(t, s.id, { code: 'TS-0009', name: 'Máy in cũ', unitCost: 11_000_000 });
    await t.owner.query(
      `update asset set status = 'DISPOSED', disposed_on = '2025-06-01' where school_id = $1 and id = $2`,
      [s.id, ids.gone],
    );
  });
  afterAll(() => t.close());

  it('opens with a line for every asset on the books, with its quantity and cost; a second open inventory is refused', async () => {
    const res = await post(t, s.admin, path(), { year: 2026, title: 'Kiểm kê cuối năm 2026', countDate: '2026-12-20' });
    expect(res.status).toBe(201);
    inventoryId = res.body.id;
    expect(res.body).toMatchObject({
      status: 'OPEN',
      lineCount: 4,
      countedCount: 0,
      shortfallCount: 0,
      surplusCount: 0,
    });
    const detail = await get(t, s.admin, path());
    expect(
      detail.body.lines.map((l: { code: string; bookQuantity: number; bookValue: number }) => [
        l.code,
        l.bookQuantity,
        l.bookValue,
      ]),
    ).toEqual([
      ['CC-0003', 20, 24_000_000],
      ['TS-0001', 1, 18_500_000],
      ['TS-0002', 1, 15_000_000],
      ['CC-0001', 40, 24_000_000],
    ]);
    const again = await t
      .http()
      .post(`/api/schools/${s.id}/asset-inventories`)
      .set(bearer(s.admin))
      .send({ year: 2026, title: 'Lần hai', countDate: '2026-12-21' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('inventory_already_open');
  });

  it('filters the lines by room', async () => {
    const room = await get(t, s.admin, path(), { locationId: s.rooms[1] });
    expect(room.body.lines.map((l: { code: string }) => l.code)).toEqual(['CC-0001']);
  });

  it('counts by scanning a code or a label URL (+1), refuses a fixed asset counted twice, and counts a line on screen', async () => {
    const scanned = await post(t, s.admin, path('/scan'), { code: 'TS-0002' });
    expect(scanned.status).toBe(200);
    expect(scanned.body).toMatchObject({ code: 'TS-0002', countedQuantity: 1, difference: 0 });
    const twice = await post(t, s.admin, path('/scan'), { code: `https://emis.example/assets/${ids.projector}` });
    expect(twice.body.code).toBe('inventory_already_counted');
    expect((await post(t, s.admin, path('/scan'), { code: 'KHONG-CO' })).status).toBe(404);
    const laptop = await lineOf('TS-0001');
    const two = await t
      .http()
      .put(path(`/lines/${laptop.id}`))
      .set(bearer(s.admin))
      .send({ countedQuantity: 2 });
    expect(two.status).toBe(400);
    expect(two.body.errors[0]).toMatchObject({ field: 'countedQuantity' });
    const missing = await t
      .http()
      .put(path(`/lines/${laptop.id}`))
      .set(bearer(s.admin))
      .send({ countedQuantity: 0, note: 'Không tìm thấy' });
    expect(missing.status).toBe(200);
    expect(missing.body).toMatchObject({ countedQuantity: 0, difference: -1, note: 'Không tìm thấy' });
    const tables = await lineOf('CC-0003');
    const more = await t
      .http()
      .put(path(`/lines/${tables.id}`))
      .set(bearer(s.admin))
      .send({ countedQuantity: 22 });
    expect(more.body).toMatchObject({ countedQuantity: 22, difference: 2 });
  });

  it('records a surplus found on no record', async () => {
    const res = await post(t, s.admin, path('/surplus'), {
      description: 'Quạt treo tường',
      quantity: 2,
      locationId: s.rooms[1],
      unitCost: 450_000,
      categoryCode: 'OTHER_MACHINERY',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      assetId: null,
      name: 'Quạt treo tường',
      bookQuantity: 0,
      countedQuantity: 2,
      difference: 2,
    });
    const fixed = await post(t, s.admin, path('/surplus'), {
      description: 'Máy tính để bàn',
      quantity: 2,
      unitCost: 12_000_000,
    });
    expect(fixed.status).toBe(400);
  });

  it('hands out the checklist per room as Excel and PDF', async () => {
    const xlsx = await download(
      t.http().get(path('/checklist.xlsx')).query({ locationId: s.rooms[1] }).set(bearer(s.admin)),
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain(XLSX_TYPE);
    const ws = (await readWorkbook(xlsx.body)).worksheets[0];
    expect(ws.getRow(7).values).toEqual(
      expect.arrayContaining(['STT', 'Mã dòng', 'Mã tài sản', 'Tên tài sản', 'SL thực tế', 'Tình trạng', 'Ghi chú']),
    );
    expect([ws.getCell('C8').text, ws.getCell('D8').text, ws.getCell('F8').value]).toEqual([
      'CC-0001',
      'Ghế học sinh',
      40,
    ]);
    expect(ws.getCell('D9').text).toBe('Quạt treo tường');
    const pdf = await download(t.http().get(path('/checklist.pdf')).set(bearer(s.admin)));
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = pdfPages(pdf.body).join(' ');
    expect(text).toContain('PHIẾU KIỂM KÊ TÀI SẢN');
    expect(text).toContain('Ghế học sinh');
  });

  describe('importing the filled-in checklist back', () => {
    const upload = async (file: Buffer): Promise<JobBody> => {
      const res = await t
        .http()
        .post(path('/import'))
        .set(bearer(s.admin))
        .attach('file', file, { filename: 'phieu-kiem-ke.xlsx', contentType: XLSX_TYPE });
      expect(res.status).toBe(202);
      return waitForJob(t, s.admin, s.id, res.body.id);
    };
    const filled = async (fill: (ws: ExcelJS.Worksheet) => void) => {
      const xlsx = await download(
        t.http().get(path('/checklist.xlsx')).query({ locationId: s.rooms[1] }).set(bearer(s.admin)),
      );
      const wb = await readWorkbook(xlsx.body);
      fill(wb.worksheets[0]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };

    it('refuses a file with any bad cell, naming row and column, and writes nothing', async () => {
      const job = await upload(
        await filled((ws) => {
          ws.getCell('H8').value = 'ba mươi bảy';
          ws.getCell('I9').value = 'Rất tốt';
        }),
      );
      expect(job.status).toBe('FAILED');
      expect(job.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
        [8, 'H'],
        [9, 'I'],
      ]);
      expect((await lineOf('CC-0001')).countedQuantity).toBeNull();
    });

    it('saves the counts of a correct file; the same file again changes nothing', async () => {
      const file = await filled((ws) => {
        ws.getCell('H8').value = 37;
        ws.getCell('I8').value = 'Khá';
        ws.getCell('J8').value = 'Gãy 3 chiếc';
      });
      const job = await upload(file);
      expect(job).toMatchObject({ status: 'DONE', updated: 1 });
      expect(await lineOf('CC-0001')).toMatchObject({
        countedQuantity: 37,
        difference: -3,
        condition: 'FAIR',
        note: 'Gãy 3 chiếc',
      });
      expect(await upload(file)).toMatchObject({ status: 'DONE', updated: 0 });
    });
  });

  it('closes with the committee; a closed inventory refuses counting and the accountant may not approve it', async () => {
    const res = await post(t, s.admin, path('/close'), { committee: ['Nguyễn Văn An', 'Trần Thị Bình'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'CLOSED',
      committee: ['Nguyễn Văn An', 'Trần Thị Bình'],
      shortfallCount: 2,
      surplusCount: 2,
    });
    const scan = await post(t, s.admin, path('/scan'), { code: 'TS-0001' });
    expect(scan.status).toBe(409);
    expect(scan.body.code).toBe('inventory_not_open');
    const line = await lineOf('TS-0001');
    expect(
      (
        await t
          .http()
          .put(path(`/lines/${line.id}`))
          .set(bearer(s.admin))
          .send({ countedQuantity: 1 })
      ).body.code,
    ).toBe('inventory_not_open');
    const accountant = await t.login(await createUser(t, 'ACCOUNTANT', s.code));
    expect((await post(t, accountant, path('/approve'), { decisionNumber: '45/QĐ' })).status).toBe(403);
  });

  it('approves in one transaction: a loss for the fixed asset, a smaller lot with its write-off, new records for what was found', async () => {
    const disposalsBefore = Number(
      (await t.owner.query(`select count(*) from asset_disposal where school_id = $1`, [s.id]))[0].count,
    );
    const assetsBefore = Number(
      (await t.owner.query(`select count(*) from asset where school_id = $1`, [s.id]))[0].count,
    );
    const res = await post(t, s.admin, path('/approve'), { decisionNumber: '45/QĐ-THCS' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'APPROVED', decisionNumber: '45/QĐ-THCS' });

    const disposals = await t.owner.query(
      `select asset_id, method, decision_number, cost, accumulated_wear, quantity, disposed_on::text as disposed_on
         from asset_disposal where school_id = $1 order by cost desc`,
      [s.id],
    );
    expect(disposals.length - disposalsBefore).toBe(2);
    const loss = { method: 'LOSS', decision_number: '45/QĐ-THCS', accumulated_wear: '0', disposed_on: '2026-12-20' };
    expect(disposals).toEqual([
      { ...loss, asset_id: ids.laptop, cost: '18500000', quantity: 1 },
      { ...loss, asset_id: ids.chairs, cost: '1800000', quantity: 3 },
    ]);
    expect(await asset('TS-0001')).toMatchObject({ status: 'DISPOSED' });
    expect(await historyKinds(t, s.id, ids.laptop)).toEqual(['REGISTERED', 'DISPOSED']);

    expect(await asset('CC-0001')).toMatchObject({ quantity: 37, cost: '22200000', condition: 'FAIR' });
    expect(await historyKinds(t, s.id, ids.chairs)).toEqual(['REGISTERED', 'INVENTORY_ADJUSTED', 'INVENTORY_ADJUSTED']);

    expect(await asset('TS-0002')).toMatchObject({ status: 'IN_USE', quantity: 1 });
    expect(await asset('CC-0003')).toMatchObject({ status: 'IN_USE', quantity: 20, cost: '24000000' });
    const all = await t.owner.query(`select * from asset where school_id = $1 order by code`, [s.id]);
    expect(all.length - assetsBefore).toBe(2);
    const [extraTables, found] = all.filter((a: { code: string }) => ['CC-0004', 'CC-0005'].includes(a.code));
    expect(extraTables).toMatchObject({
      name: 'Bàn học sinh',
      kind: 'TOOL',
      category_code: 'OTHER_TANGIBLE',
      quantity: 2,
      unit_cost: '1200000',
      cost: '2400000',
      location_id: s.rooms[0],
      document_number: '45/QĐ-THCS',
    });
    expect(found).toMatchObject({
      code: 'CC-0005',
      name: 'Quạt treo tường',
      kind: 'TOOL',
      category_code: 'OTHER_MACHINERY',
      quantity: 2,
      unit_cost: '450000',
      cost: '900000',
      funding_source: 'OTHER',
      location_id: s.rooms[1],
      document_number: '45/QĐ-THCS',
    });
    const [registered] = await t.owner.query(
      `select kind, details from asset_event where school_id = $1 and asset_id = $2`,
      [s.id, found.id],
    );
    expect(registered).toMatchObject({ kind: 'REGISTERED', details: { inventoryId, document: 'INVENTORY' } });
    expect((await auditRows(t, s.id, 'asset_inventory')).at(-1)).toMatchObject({
      after: expect.objectContaining({
        status: 'APPROVED',
        disposed: ['TS-0001'],
        adjusted: ['CC-0001'],
        registered: ['CC-0004', 'CC-0005'],
      }),
    });
    expect((await post(t, s.admin, path('/approve'), { decisionNumber: '46/QĐ' })).body.code).toBe(
      'inventory_not_closed',
    );
  });

  it('reports book against count, surplus and shortfall with their value, and the committee, as Excel and PDF', async () => {
    const xlsx = await download(t.http().get(path('/report.xlsx')).set(bearer(s.admin)));
    expect(xlsx.status).toBe(200);
    const ws = (await readWorkbook(xlsx.body)).worksheets[0];
    const rows = [8, 9, 10, 11, 12].map((r) => [2, 5, 6, 7, 8, 9, 10, 11, 12].map((c) => ws.getCell(r, c).value));
    expect(rows).toEqual([
      ['CC-0003', 20, 24_000_000, 22, 26_400_000, 2, 2_400_000, null, null],
      ['TS-0001', 1, 18_500_000, 0, 0, null, null, 1, 18_500_000],
      ['TS-0002', 1, 15_000_000, 1, 15_000_000, null, null, null, null],
      ['CC-0001', 40, 24_000_000, 37, 22_200_000, null, null, 3, 1_800_000],
      ['CC-0005', 0, 0, 2, 900_000, 2, 900_000, null, null],
    ]);
    expect([6, 10, 12].map((c) => ws.getCell(13, c).value)).toEqual([81_500_000, 3_300_000, 20_300_000]);
    expect(ws.getCell(13, 3).value).toBe('Cộng');
    const pdf = await download(t.http().get(path('/report.pdf')).set(bearer(s.admin)));
    const text = pdfPages(pdf.body).join(' ');
    expect(text).toContain('BIÊN BẢN KIỂM KÊ TÀI SẢN');
    expect(text).toContain('Trần Thị Bình');
    expect(text).toContain('20.300.000');
  });
});
