import type { Response } from 'supertest';
import { assetIdByCode, ASSET_HEADERS, assetRow, changeCost, dispose, postWear } from './assets-books-fixtures';
import { bearer, startTestApp, TestApp } from './harness';
import { Cell, importFile, readWorkbook, schoolWithAdmin, workbook } from './imports-fixtures';
import { pdfPages } from './pdf-text';

const OFFICE = 'Máy vi tính, máy in, máy photocopy, thiết bị văn phòng';
const BUILDINGS = 'Nhà học, nhà làm việc, nhà trẻ, mẫu giáo';
const TEACHING = 'Thiết bị dạy học chuyên dùng';
const BUDGET = 'Ngân sách nhà nước';

/** A school's paper register: a school building and a laptop with wear from the paper books, two lots of tools. */
const PAPER_REGISTER: Cell[][] = [
  assetRow({
    'Mã tài sản': 'TS-0001',
    'Tên tài sản': 'Nhà học 3 tầng 12 phòng',
    'Loại tài sản': BUILDINGS,
    'Số lượng': 1,
    'Đơn vị tính': 'Căn',
    'Đơn giá (đồng)': 2_345_678_901,
    'Nguồn kinh phí': BUDGET,
    'Ngày đưa vào sử dụng': '01/09/2015',
    'Số chứng từ': '45/BB-NT',
    'Ngày chứng từ': '25/08/2015',
    'Hao mòn lũy kế đã ghi sổ (đồng)': 375_308_632,
    'Hao mòn tính đến năm': 2022,
  }),
  assetRow({
    'Tên tài sản': 'Máy tính xách tay Dell Latitude',
    'Loại tài sản': OFFICE,
    'Số lượng': 1,
    'Đơn vị tính': 'Chiếc',
    'Đơn giá (đồng)': 18_500_000,
    'Nguồn kinh phí': BUDGET,
    'Ngày đưa vào sử dụng': '15/08/2022',
    'Số chứng từ': '0001234',
    'Ngày chứng từ': '10/08/2022',
    'Nhà / khu': 'Nhà A',
    Phòng: 'Phòng Tin học 1',
    'Người sử dụng, quản lý': 'Tổ Tin học',
    'Tình trạng': 'Tốt',
    'Hao mòn lũy kế đã ghi sổ (đồng)': 3_700_000,
    'Hao mòn tính đến năm': 2022,
  }),
  assetRow({
    'Tên tài sản': 'Bàn ghế học sinh 2 chỗ',
    'Loại tài sản': TEACHING,
    'Số lượng': 40,
    'Đơn vị tính': 'Bộ',
    'Đơn giá (đồng)': 9_900_000,
    'Nguồn kinh phí': 'Tài trợ, biếu tặng',
    'Ngày đưa vào sử dụng': '20/08/2023',
    'Nhà / khu': 'Nhà A',
    Phòng: 'Phòng 101',
  }),
  assetRow({
    'Tên tài sản': 'Quạt trần',
    'Loại tài sản': TEACHING,
    'Số lượng': 6,
    'Đơn vị tính': 'Chiếc',
    'Đơn giá (đồng)': 850_000,
    'Nguồn kinh phí': BUDGET,
    'Ngày đưa vào sử dụng': '10/05/2021',
    'Nhà / khu': 'Nhà A',
    Phòng: 'Phòng 101',
    'Tình trạng': 'Khá',
  }),
];

describe('asset list import, labels and books', () => {
  let t: TestApp;
  let schoolId: string;
  let schoolName: string;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ schoolId, token } = await schoolWithAdmin(t));
    [{ name: schoolName }] = await t.owner.query(`select name from org_unit where id = $1`, [schoolId]);
  });
  afterAll(() => t.close());

  const count = async (table: string) =>
    (await t.owner.query(`select count(*)::int as n from ${table} where school_id = $1`, [schoolId]))[0].n as number;

  const download = (path: string, query: Record<string, string> = {}) =>
    t
      .http()
      .get(`/api/schools/${schoolId}${path}`)
      .query(query)
      .set(bearer(token))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });

  const pdfText = async (res: Response) => {
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((res.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return pdfPages(res.body as Buffer).join('');
  };

  /** A book's sheet: the data rows (below the headings and the column numbers) by their code, with the total. */
  const bookRows = async (path: string, year: number) => {
    const res = await download(path, { year: String(year) });
    expect(res.status).toBe(200);
    const sheet = (await readWorkbook(res.body as Buffer)).worksheets[0];
    const rows: unknown[][] = [];
    sheet.eachRow(
      (row, n) => n > 8 && rows.push(Array.from({ length: 17 }, (_, i) => row.getCell(i + 1).value ?? null)),
    );
    return { sheet, rows };
  };

  it('offers a template with Vietnamese headers and the category, funding source and condition dropdowns', async () => {
    const res = await download('/imports/templates/assets.xlsx');
    expect(res.status).toBe(200);
    const wb = await readWorkbook(res.body as Buffer);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(ASSET_HEADERS);
    const lists = wb.getWorksheet('Danh mục')!;
    expect((lists.getRow(1).values as unknown[]).slice(1)).toEqual(['Loại tài sản', 'Nguồn kinh phí', 'Tình trạng']);
    const column = (c: number) => lists.getColumn(c).values.slice(2);
    expect(column(1)).toEqual(expect.arrayContaining([BUILDINGS, OFFICE, 'Quyền sử dụng đất']));
    expect(column(2)).toEqual([BUDGET, 'Học phí', 'Viện trợ', 'Tài trợ, biếu tặng', 'Nguồn khác']);
    expect(column(3)).toEqual(['Tốt', 'Khá', 'Kém', 'Hỏng']);
  });

  it('registers the paper register — kinds from the threshold, codes proposed, rooms created, history and audit; the same file again changes nothing', async () => {
    const file = await workbook(ASSET_HEADERS, PAPER_REGISTER);
    const job = await importFile(t, token, schoolId, 'assets', file);
    expect(job).toMatchObject({ status: 'DONE', kind: 'ASSETS', created: 4, updated: 0, unchanged: 0 });
    expect(
      await t.owner.query(
        `select a.code, a.kind, a.quantity, a.cost::text, a.opening_wear::text, a.opening_wear_year, a.condition, l.room
           from asset a left join asset_location l on l.school_id = a.school_id and l.id = a.location_id
          where a.school_id = $1 order by a.code`,
        [schoolId],
      ),
    ).toEqual([
      {
        code: 'CC-0001',
        kind: 'TOOL',
        quantity: 40,
        cost: '396000000',
        opening_wear: '0',
        opening_wear_year: null,
        condition: 'GOOD',
        room: 'Phòng 101',
      },
      {
        code: 'CC-0002',
        kind: 'TOOL',
        quantity: 6,
        cost: '5100000',
        opening_wear: '0',
        opening_wear_year: null,
        condition: 'FAIR',
        room: 'Phòng 101',
      },
      {
        code: 'TS-0001',
        kind: 'FIXED',
        quantity: 1,
        cost: '2345678901',
        opening_wear: '375308632',
        opening_wear_year: 2022,
        condition: 'GOOD',
        room: null,
      },
      {
        code: 'TS-0002',
        kind: 'FIXED',
        quantity: 1,
        cost: '18500000',
        opening_wear: '3700000',
        opening_wear_year: 2022,
        condition: 'GOOD',
        room: 'Phòng Tin học 1',
      },
    ]);
    expect(await count('asset_location')).toBe(2);
    expect(
      await t.owner.query(`select kind, count(*)::int as n from asset_event where school_id = $1 group by kind`, [
        schoolId,
      ]),
    ).toEqual([{ kind: 'REGISTERED', n: 4 }]);
    const [audit] = await t.owner.query(
      `select count(*)::int as n from audit_log where school_id = $1 and entity = 'asset' and action = 'CREATE'`,
      [schoolId],
    );
    expect(audit.n).toBe(4);

    const again = await importFile(t, token, schoolId, 'assets', file);
    expect(again).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 4 });
    expect(await count('asset')).toBe(4);
    expect(await count('asset_event')).toBe(4);
  });

  it('updates what describes an asset on a re-import, with an UPDATED history line', async () => {
    const rows = PAPER_REGISTER.map((r) => [...r]);
    rows[0][ASSET_HEADERS.indexOf('Người sử dụng, quản lý')] = 'Ban giám hiệu';
    const job = await importFile(t, token, schoolId, 'assets', await workbook(ASSET_HEADERS, rows));
    expect(job).toMatchObject({ status: 'DONE', created: 0, updated: 1, unchanged: 3 });
    const [event] = await t.owner.query(
      `select e.details from asset_event e join asset a on a.school_id = e.school_id and a.id = e.asset_id
        where e.school_id = $1 and e.kind = 'UPDATED' and a.code = 'TS-0001'`,
      [schoolId],
    );
    expect(event.details).toMatchObject({ source: 'IMPORT', fields: ['responsible'] });
  });

  it('checks every row first and reports errors by row and column, writing nothing', async () => {
    const before = {
      assets: await count('asset'),
      events: await count('asset_event'),
      rooms: await count('asset_location'),
    };
    const fixed = (code: string, overrides: Record<string, Cell> = {}) =>
      assetRow({
        'Mã tài sản': code,
        'Tên tài sản': 'Máy chiếu Epson',
        'Loại tài sản': OFFICE,
        'Số lượng': 1,
        'Đơn vị tính': 'Chiếc',
        'Đơn giá (đồng)': 15_000_000,
        'Nguồn kinh phí': BUDGET,
        'Ngày đưa vào sử dụng': '01/09/2023',
        'Nhà / khu': 'Nhà B',
        Phòng: 'Phòng 201',
        ...overrides,
      });
    const rows = [
      fixed('TS-0400', { 'Loại tài sản': 'Máy bay' }),
      fixed('TS-0500', { 'Số lượng': 2 }),
      fixed('TS-0600', { 'Đơn giá (đồng)': 'mười triệu' }),
      fixed('CC-0600', {
        'Đơn giá (đồng)': 500_000,
        'Hao mòn lũy kế đã ghi sổ (đồng)': 100_000,
        'Hao mòn tính đến năm': 2023,
      }),
      fixed('TS-0700', { 'Hao mòn lũy kế đã ghi sổ (đồng)': 1_000_000 }),
      [...PAPER_REGISTER[0]].map((v, i) => (i === ASSET_HEADERS.indexOf('Đơn giá (đồng)') ? 2_345_678_000 : v)),
      fixed('TS-0800', { 'Nhà / khu': null }),
      fixed('TS-0500'),
    ];
    const job = await importFile(t, token, schoolId, 'assets', await workbook(ASSET_HEADERS, rows));
    expect(job.status).toBe('FAILED');
    expect(
      job.errors.map((e: { row: number; column: string; message: string }) => [e.row, e.column, e.message]),
    ).toEqual([
      [2, 'C', 'Không có trong danh mục loại tài sản của Sở'],
      [3, 'D', 'Tài sản cố định ghi mỗi tài sản một dòng, số lượng 1'],
      [4, 'F', 'Phải là số'],
      [5, 'O', 'Công cụ, dụng cụ (đơn giá dưới 10.000.000 đ) không tính hao mòn'],
      [6, 'P', 'Bắt buộc nhập khi có hao mòn lũy kế'],
      [
        7,
        'F',
        'Khác với tài sản mã TS-0001 đã có trên sổ; nguyên giá, số lượng, loại, nguồn, ngày sử dụng và hao mòn đầu kỳ không sửa bằng nhập Excel',
      ],
      [8, 'K', 'Nhập nhà / khu cùng với phòng'],
      [9, 'A', 'Trùng mã tài sản với dòng 3'],
    ]);
    expect({
      assets: await count('asset'),
      events: await count('asset_event'),
      rooms: await count('asset_location'),
    }).toEqual(before);
    const errors = await download(`/imports/${job.id}/errors.xlsx`);
    expect(errors.status).toBe(200);
    const marked = (await readWorkbook(errors.body as Buffer)).worksheets[0];
    expect(String(marked.getCell('C2').note ?? '')).toContain('Không có trong danh mục loại tài sản của Sở');
  });

  describe('books', () => {
    let building: string;
    let laptop: string;

    beforeAll(async () => {
      building = await assetIdByCode(t, schoolId, 'TS-0001');
      laptop = await assetIdByCode(t, schoolId, 'TS-0002');
      await changeCost(t, schoolId, building, '2024-06-01', 2_445_678_901);
      await postWear(t, schoolId, building, [
        { year: 2023, costBasis: 2_345_678_901, amount: 46_913_579, accumulatedAfter: 422_222_211 },
        { year: 2024, costBasis: 2_445_678_901, amount: 48_913_579, accumulatedAfter: 471_135_790 },
      ]);
      await postWear(t, schoolId, laptop, [
        { year: 2023, costBasis: 18_500_000, amount: 3_700_000, accumulatedAfter: 7_400_000 },
        { year: 2024, costBasis: 18_500_000, amount: 3_700_000, accumulatedAfter: 11_100_000 },
      ]);
      await dispose(t, schoolId, laptop, {
        method: 'LIQUIDATION',
        decisionNumber: '05/QĐ-THCS',
        decisionDate: '2025-02-20',
        disposedOn: '2025-03-01',
        quantity: 1,
        whole: true,
      });
      await dispose(t, schoolId, await assetIdByCode(t, schoolId, 'CC-0002'), {
        method: 'LIQUIDATION',
        decisionNumber: '12/QĐ-THCS',
        decisionDate: '2024-05-05',
        disposedOn: '2024-05-10',
        quantity: 2,
        whole: false,
      });
    });

    it('writes the fixed-asset book of a year: cost after its changes, rate, the year’s wear, accumulated wear, remaining value, totals', async () => {
      const { sheet, rows } = await bookRows('/asset-books/fixed-assets.xlsx', 2024);
      // The governing body above the unit (docs/domain/records.md, "Official papers").
      const [{ parent }] = await t.owner.query(
        `select p.name as parent from org_unit s join org_unit p on p.id = s.parent_id where s.id = $1`,
        [schoolId],
      );
      expect(sheet.getCell('A1').value).toBe(String(parent).toUpperCase());
      expect(sheet.getCell('A2').value).toBe(`Đơn vị: ${schoolName}`);
      expect(String(sheet.getRow(1).values)).toContain('Mẫu số S24-H');
      expect(sheet.getCell('A3').value).toBe('SỔ TÀI SẢN CỐ ĐỊNH');
      expect(sheet.getCell('A4').value).toBe('Năm 2024');
      const byCode = (code: string) => rows.find((r) => r[3] === code)!;
      expect(byCode('TS-0001').slice(7, 12)).toEqual([2_445_678_901, 2, 48_913_579, 471_135_790, 1_974_543_111]);
      expect(byCode('TS-0002').slice(7, 12)).toEqual([18_500_000, 20, 3_700_000, 11_100_000, 7_400_000]);
      expect(byCode('TS-0002')[5]).toBe('Máy móc, thiết bị');
      const total = rows.find((r) => r[4] === 'Cộng')!;
      expect([total[7], total[9], total[10], total[11]]).toEqual([
        2_464_178_901, 52_613_579, 482_235_790, 1_981_943_111,
      ]);
      const signatures = rows.flat().filter((v) => typeof v === 'string');
      expect(signatures).toEqual(expect.arrayContaining(['Người lập', 'Kế toán trưởng', 'Thủ trưởng đơn vị']));
    });

    it('shows a disposal as the decrease of its year, and leaves the asset out of the books of later and earlier years', async () => {
      const { rows } = await bookRows('/asset-books/fixed-assets.xlsx', 2025);
      const line = rows.find((r) => r[3] === 'TS-0002')!;
      expect(line[9]).toBe(0);
      expect([line[12], (line[13] as Date).toISOString().slice(0, 10), line[14]]).toEqual([
        '05/QĐ-THCS',
        '2025-02-20',
        'Thanh lý',
      ]);
      expect((await bookRows('/asset-books/fixed-assets.xlsx', 2026)).rows.some((r) => r[3] === 'TS-0002')).toBe(false);
      const early = await bookRows('/asset-books/fixed-assets.xlsx', 2021);
      expect(
        early.rows.filter((r) => typeof r[3] === 'string' && /^TS-/.test(r[3] as string)).map((r) => r[3]),
      ).toEqual(['TS-0001']);
    });

    it('writes the tools book room by room: opening, increases, decreases with their document, closing', async () => {
      const { rows } = await bookRows('/asset-books/tools.xlsx', 2024);
      expect(rows[0][0]).toBe('Nhà A — Phòng 101');
      const lot = (code: string) => rows.find((r) => r[3] === code)!.slice(7, 17);
      expect(lot('CC-0001')).toEqual([9_900_000, 40, 396_000_000, 0, 0, 0, 0, null, 40, 396_000_000]);
      expect(lot('CC-0002')).toEqual([
        850_000,
        6,
        5_100_000,
        0,
        0,
        2,
        1_700_000,
        '12/QĐ-THCS 05/05/2024 Thanh lý',
        4,
        3_400_000,
      ]);
      const subtotal = rows.find((r) => r[4] === 'Cộng Nhà A — Phòng 101')!;
      expect([subtotal[9], subtotal[11], subtotal[13], subtotal[16]]).toEqual([401_100_000, 0, 1_700_000, 399_400_000]);
      const increases = (await bookRows('/asset-books/tools.xlsx', 2023)).rows.find((r) => r[3] === 'CC-0001')!;
      expect(increases.slice(8, 12)).toEqual([0, 0, 40, 396_000_000]);
    });

    it('prints the same books as PDF with the title block, figures and signatures in Vietnamese', async () => {
      const fixed = await pdfText(await download('/asset-books/fixed-assets.pdf', { year: '2024' }));
      for (const text of [
        'SỔ TÀI SẢN CỐ ĐỊNH',
        'Mẫu số S24-H',
        schoolName,
        '2.445.678.901',
        '1.974.543.111',
        'Thủ trưởng đơn vị',
      ])
        expect(fixed).toContain(text);
      const tools = await pdfText(await download('/asset-books/tools.pdf', { year: '2024' }));
      for (const text of ['SỔ THEO DÕI CÔNG CỤ, DỤNG CỤ', 'Quạt trần', '399.400.000', 'Kế toán trưởng'])
        expect(tools).toContain(text);
    });

    it('refuses a book without a year', async () => {
      expect((await download('/asset-books/tools.xlsx')).status).toBe(400);
    });
  });

  describe('labels', () => {
    it('prints one asset’s label with its code, name, school and year put into use', async () => {
      const id = await assetIdByCode(t, schoolId, 'TS-0001');
      const text = await pdfText(await download(`/assets/${id}/label.pdf`));
      for (const part of ['TS-0001', 'Nhà học 3 tầng 12 phòng', schoolName, 'Năm sử dụng: 2015'])
        expect(text).toContain(part);
    });

    it('prints a sheet of labels for the ids asked, and refuses an id that is not an asset of the school', async () => {
      const ids = await Promise.all(['CC-0001', 'CC-0002', 'TS-0001'].map((c) => assetIdByCode(t, schoolId, c)));
      const text = await pdfText(await download('/assets/labels.pdf', { ids: ids.join(',') }));
      for (const code of ['CC-0001', 'CC-0002', 'TS-0001']) expect(text).toContain(code);
      const stranger = await download('/assets/labels.pdf', {
        ids: [...ids, '0b8f5c43-3d2b-4c6e-9a51-6f1f3c1e2d77'].join(','),
      });
      expect(stranger.status).toBe(404);
    });
  });
});
