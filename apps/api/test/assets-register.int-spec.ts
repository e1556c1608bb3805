import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { bearer, startTestApp, TestApp } from './harness';
import { auditRows, schoolWithAdmin, SchoolFixture } from './academic-fixtures';

const laptop = (extra: Record<string, unknown> = {}) => ({
  name: 'Máy tính xách tay Dell Latitude 5440',
  categoryCode: 'OFFICE_EQUIPMENT',
  quantity: 1,
  unit: 'chiếc',
  unitCost: 18_500_000,
  fundingSource: 'STATE_BUDGET',
  inUseOn: '2024-09-05',
  documentNumber: 'HĐ 0001234',
  documentDate: '2024-09-01',
  ...extra,
});
const desks = (extra: Record<string, unknown> = {}) => ({
  name: 'Bộ bàn ghế học sinh',
  categoryCode: 'TEACHING_EQUIPMENT',
  quantity: 20,
  unit: 'bộ',
  unitCost: 9_900_000,
  fundingSource: 'TUITION',
  inUseOn: '2023-08-20',
  ...extra,
});
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

interface FieldErrorBody {
  errors: { field: string; code: string; message: string }[];
}

describe('the asset register', () => {
  let t: TestApp;
  let school: SchoolFixture;
  let other: SchoolFixture;
  let dept: string;
  const assets = (s: SchoolFixture = school) => `/api/schools/${s.id}/assets`;
  const create = (body: Record<string, unknown>, s: SchoolFixture = school) =>
    t.http().post(assets(s)).set(bearer(s.admin)).send(body);
  /** Field errors of a refused request, `field → "code: message"`, in `lang`. */
  const fieldErrors = (res: { status: number; body: FieldErrorBody }) => {
    expect(res.status).toBe(400);
    return Object.fromEntries(res.body.errors.map((e) => [e.field, `${e.code}: ${e.message}`]));
  };
  /** What the school holds in the context's tables and its outbox: a refused request must leave it as it was. */
  const footprint = async (schoolId: string) =>
    (
      await t.owner.query(
        `select (select count(*) from asset where school_id = $1)::int as assets,
                (select count(*) from asset_event where school_id = $1)::int as events,
                (select count(*) from asset_attachment where school_id = $1)::int as attachments,
                (select count(*) from asset_location where school_id = $1)::int as locations,
                (select md5(coalesce(string_agg(a::text, '' order by a.id), '')) from asset a where school_id = $1) as rows,
                (select count(*) from outbox where school_id = $1 and type = 'assets.changed')::int as events_out`,
        [schoolId],
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
    dept = await t.login('admin.so');
    school = await schoolWithAdmin(t);
    other = await schoolWithAdmin(t);
  });
  afterAll(() => t.close());

  it('registers a fixed asset and a lot of tools: the kind follows the unit cost and the threshold, codes are proposed per kind', async () => {
    const fixed = await create(laptop());
    expect(fixed.status).toBe(201);
    expect(fixed.body).toMatchObject({
      code: 'TS-0001',
      kind: 'FIXED',
      assetClass: 'MACHINERY',
      cost: 18_500_000,
      originalCost: 18_500_000,
      accumulatedWear: 0,
      remainingValue: 18_500_000,
      // The category's default (office equipment, 20 %, 5 years) as the next wear will use it.
      rateBasisPoints: 2000,
      lifeYears: 5,
      status: 'IN_USE',
      condition: 'GOOD',
      version: 1,
      openLoan: null,
      pendingTransfer: null,
      attachments: [],
      wear: [],
      history: [{ kind: 'REGISTERED', effectiveOn: '2024-09-05' }],
    });
    // 9,900,000 đ a set is below the threshold of Art. 3.2: a lot of tools, kept by quantity and never worn.
    const tools = await create(desks());
    expect(tools.body).toMatchObject({ code: 'CC-0001', kind: 'TOOL', cost: 198_000_000, rateBasisPoints: null });
    // Exactly the threshold is a fixed asset.
    const atThreshold = await create(laptop({ name: 'Máy chiếu', unitCost: 10_000_000 }));
    expect(atThreshold.body).toMatchObject({ code: 'TS-0002', kind: 'FIXED' });
    expect((await create(laptop({ code: 'TS-0010', name: 'Máy in' }))).body.code).toBe('TS-0010');
    expect((await create(laptop({ name: 'Máy quét' }))).body.code).toBe('TS-0011');

    expect((await auditRows(t, school.id, 'asset')).filter((r) => r.action === 'CREATE')).toHaveLength(5);
    const [audit] = await auditRows(t, school.id, 'asset');
    expect(audit.after).toMatchObject({ code: 'TS-0001', cost: 18_500_000 });
    const [{ n }] = await t.owner.query(
      `select count(*)::int as n from outbox where school_id = $1 and type = 'assets.changed' and aggregate_id = $2`,
      [school.id, fixed.body.id],
    );
    expect(n).toBe(1);
  });

  it('classifies against the province threshold as configured (Art. 3.3)', async () => {
    await t.owner.query(`update asset_policy set fixed_asset_threshold = 20000000`);
    try {
      expect((await create(laptop({ name: 'Máy tính bảng' }))).body).toMatchObject({ kind: 'TOOL' });
    } finally {
      await t.owner.query(`update asset_policy set fixed_asset_threshold = 10000000`);
    }
  });

  it('searches code and name with accents ignored, filters, sorts and pages, and exports the filtered list', async () => {
    const list = (query: Record<string, string | number>) => t.http().get(assets()).query(query).set(bearer(dept));
    const searched = await list({ q: 'may chieu' });
    expect(searched.body.items.map((a: { name: string }) => a.name)).toEqual(['Máy chiếu']);
    expect((await list({ q: 'cc-0001' })).body.items.map((a: { code: string }) => a.code)).toEqual(['CC-0001']);
    // The desks, and the tablet registered while the threshold was 20,000,000 đ.
    expect((await list({ kind: 'TOOL' })).body.total).toBe(2);
    expect((await list({ fundingSource: 'TUITION' })).body.items.map((a: { code: string }) => a.code)).toEqual([
      'CC-0001',
    ]);
    const sorted = await list({ sort: '-cost', pageSize: 2, page: 1, assetClass: 'MACHINERY' });
    expect(sorted.body).toMatchObject({ total: 6, page: 1, pageSize: 2 });
    expect(sorted.body.items.map((a: { cost: number }) => a.cost)).toEqual([198_000_000, 18_500_000]);
    expect((await list({ status: 'DISPOSED' })).body.total).toBe(0);

    const file = await t
      .http()
      .get(`${assets()}/export.xlsx`)
      .query({ kind: 'FIXED', sort: 'code' })
      .set(bearer(school.admin))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã tài sản');
    const codes = sheet.getColumn(1).values.slice(2);
    // The four assets, a blank row, then the signature block (preparer at the left, the principal at the right).
    expect(codes.slice(0, 5)).toEqual(['TS-0001', 'TS-0002', 'TS-0010', 'TS-0011', undefined]);
    expect(codes).toContain('NGƯỜI LẬP BIỂU');
    expect(sheet.getSheetValues().flat()).toContain('HIỆU TRƯỞNG');
    // An official list: the governing body, the school and the title in every printed page's header.
    expect(sheet.headerFooter.oddHeader).toMatch(/TRƯỜNG/);
    expect(sheet.headerFooter.oddHeader).toContain('DANH SÁCH TÀI SẢN');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    expect(sheet.getRow(2).getCell(8).value).toBe(18_500_000);
    expect(sheet.getRow(2).getCell(12).value).toBe('05/09/2024');
  });

  it('answers bad input with field errors in Vietnamese and English, and writes nothing', async () => {
    const before = await footprint(school.id);
    const vi = fieldErrors(
      await create(
        laptop({
          quantity: 2,
          categoryCode: 'NO_SUCH',
          inUseOn: '2024-02-30',
          documentDate: '2999-01-01',
          code: 'TS-0001',
        }),
      ),
    );
    expect(vi).toEqual({
      quantity: 'fixedAssetQuantity: Tài sản cố định được ghi sổ từng chiếc: Số lượng phải là 1',
      categoryCode: 'unknownAssetCategory: Danh mục tài sản không có trong danh mục tài sản của tỉnh',
      inUseOn: 'isRealDate: Ngày đưa vào sử dụng phải là một ngày có thật (yyyy-MM-dd)',
      documentDate: 'notInFuture: Ngày chứng từ không được ở tương lai',
      code: 'assetCodeTaken: Mã tài sản TS-0001 đã được dùng cho tài sản khác của trường',
    });
    const en = fieldErrors(
      await create(laptop({ openingWear: 20_000_000, code: 'TS 01', unitCost: -1 })).set('Accept-Language', 'en'),
    );
    expect(en).toEqual({
      code: 'assetCodeFormat: The asset code may hold letters, digits and . - / only, up to 30 characters',
      unitCost: 'min: Unit cost must be at least 0',
    });
    const wear = fieldErrors(
      await create(laptop({ openingWear: 20_000_000, openingWearYear: 2020 })).set('Accept-Language', 'en'),
    );
    expect(wear).toEqual({
      openingWear: 'openingWearAboveCost: Opening wear cannot exceed the original cost (18.500.000 đ)',
      openingWearYear: 'inRange: Year of the opening wear must be between 2024 and 2026',
    });
    expect(fieldErrors(await create(desks({ openingWear: 1, openingWearYear: 2024 })))).toEqual({
      openingWear: 'openingWearNotWorn: Công cụ, dụng cụ và tài sản không tính hao mòn không có Hao mòn lũy kế đầu kỳ',
    });
    expect(fieldErrors(await create(laptop({ locationId: randomUUID() })))).toEqual({
      locationId: 'unknownAssetLocation: Vị trí không phải là phòng của trường',
    });
    expect(await footprint(school.id)).toEqual(before);
  });

  it('edits with the version read: history lines for the edit, the move and the status, 409 on a stale version', async () => {
    const { body: room } = await t
      .http()
      .post(`/api/schools/${school.id}/asset-locations`)
      .set(bearer(school.admin))
      .send({ building: 'Nhà B', room: 'Phòng Tin học 2' });
    const { body: asset } = await create(laptop({ name: 'Máy tính giáo viên' }));
    const patch = (body: Record<string, unknown>) =>
      t.http().patch(`${assets()}/${asset.id}`).set(bearer(school.admin)).send(body);
    const edited = await patch({ name: 'Máy tính phòng Tin', locationId: room.id, status: 'UNDER_REPAIR', version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: 'Máy tính phòng Tin',
      location: { id: room.id, building: 'Nhà B', room: 'Phòng Tin học 2' },
      status: 'UNDER_REPAIR',
      version: 2,
      cost: 18_500_000,
    });
    expect(edited.body.history.map((h: { kind: string }) => h.kind)).toEqual([
      'REGISTERED',
      'UPDATED',
      'MOVED',
      'STATUS_CHANGED',
    ]);
    expect(edited.body.history[1].details).toEqual({ changed: ['name', 'locationId', 'status'] });
    expect(edited.body.history[1].recordedBy).toEqual(expect.any(String));
    const update = (await auditRows(t, school.id, 'asset')).find(
      (r) => r.entity_id === asset.id && r.action === 'UPDATE',
    );
    expect(update?.before).toMatchObject({ name: 'Máy tính giáo viên', version: 1 });
    expect(update?.after).toMatchObject({ name: 'Máy tính phòng Tin', version: 2 });

    const stale = await patch({ name: 'Cũ', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(fieldErrors(await patch({ code: 'TS-0001', version: 2 }))).toEqual({
      code: 'assetCodeTaken: Mã tài sản TS-0001 đã được dùng cho tài sản khác của trường',
    });
    expect(fieldErrors(await patch({ status: 'DISPOSED', version: 2 }))).toEqual({
      status: expect.stringMatching(/^isIn: /),
    });
    expect((await t.http().get(`${assets()}/${asset.id}`).set(bearer(school.admin))).body.version).toBe(2);
  });

  it('changes the cost: raises, lowers and sets it by kind, with a COST_CHANGED line carrying the cost after', async () => {
    const { body: asset } = await create(laptop({ name: 'Máy chủ', unitCost: 50_000_000, inUseOn: '2022-03-01' }));
    const change = (body: Record<string, unknown>, lang = 'vi') =>
      t
        .http()
        .post(`${assets()}/${asset.id}/cost-changes`)
        .set(bearer(school.admin))
        .set('Accept-Language', lang)
        .send({ documentNumber: '15/QĐ-THCS', ...body });
    const upgraded = await change({ kind: 'UPGRADE', effectiveOn: '2025-06-30', newCost: 60_000_001, version: 1 });
    expect(upgraded.status).toBe(201);
    expect(upgraded.body).toMatchObject({ cost: 60_000_001, originalCost: 50_000_000, version: 2 });
    expect(upgraded.body.history.at(-1)).toMatchObject({
      kind: 'COST_CHANGED',
      effectiveOn: '2025-06-30',
      details: { kind: 'UPGRADE', costBefore: 50_000_000, documentNumber: '15/QĐ-THCS' },
    });
    const [row] = await t.owner.query(
      `select cost_after::text from asset_event where school_id = $1 and asset_id = $2 and kind = 'COST_CHANGED'`,
      [school.id, asset.id],
    );
    expect(row.cost_after).toBe('60000001');

    const before = await footprint(school.id);
    expect(
      fieldErrors(await change({ kind: 'REPAIR', effectiveOn: '2021-01-01', newCost: 1_000, version: 2 }, 'en')),
    ).toEqual({
      newCost: 'costChangeMustRaise: An upgrade or repair raises the cost: New cost must be more than 60.000.001 đ',
      effectiveOn:
        'costChangeDateRange: The date of the cost change must be between the day the asset was put into use and today',
    });
    expect(fieldErrors(await change({ kind: 'MOVE', effectiveOn: 'yesterday', newCost: 1, version: 2 }))).toEqual({
      kind: expect.stringMatching(/^costChangeKind: Loại thay đổi nguyên giá/),
      effectiveOn: expect.stringMatching(/^costChangeDate: Ngày thay đổi nguyên giá/),
    });
    expect((await change({ kind: 'REVALUATION', effectiveOn: '2025-07-01', newCost: 1, version: 1 })).status).toBe(409);
    expect(await footprint(school.id)).toEqual(before);

    const lowered = await change({
      kind: 'PARTIAL_REMOVAL',
      effectiveOn: '2025-08-01',
      newCost: 55_000_000,
      version: 2,
    });
    expect(lowered.body.cost).toBe(55_000_000);
    const revalued = await change({ kind: 'REVALUATION', effectiveOn: '2025-09-01', newCost: 58_000_000, version: 3 });
    expect(revalued.body).toMatchObject({ cost: 58_000_000, remainingValue: 58_000_000, version: 4 });

    // Off the books: no cost change, no edit.
    await t.owner.query(`update asset set status = 'DISPOSED' where school_id = $1 and id = $2`, [school.id, asset.id]);
    const refused = await change({ kind: 'REVALUATION', effectiveOn: '2025-10-01', newCost: 1, version: 4 });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('asset_off_the_books');
    await t.owner.query(`update asset set status = 'TRANSFERRED' where school_id = $1 and id = $2`, [
      school.id,
      asset.id,
    ]);
    expect((await change({ kind: 'UPGRADE', effectiveOn: '2025-10-01', newCost: 70_000_000, version: 4 })).status).toBe(
      409,
    );
  });

  it('shows the open loan and the pending transfer, and refuses to edit an asset on its way to another school', async () => {
    const { body: asset } = await create(laptop({ name: 'Máy ảnh' }));
    const detail = async () => (await t.http().get(`${assets()}/${asset.id}`).set(bearer(school.admin))).body;
    await t.owner.query(
      `insert into asset_loan (school_id, asset_id, borrower, lent_on, due_on) values ($1, $2, 'Tổ Văn', '2025-11-03', '2025-11-30')`,
      [school.id, asset.id],
    );
    expect((await detail()).openLoan).toMatchObject({ borrower: 'Tổ Văn', lentOn: '2025-11-03', returnedOn: null });
    await t.owner.query(
      `insert into asset_transfer (school_id, id, asset_id, direction, other_school_id, effective_on, decision_number, snapshot)
       values ($1, gen_random_uuid(), $2, 'OUT', $3, '2025-12-01', '99/QĐ-SGD', $4)`,
      [
        school.id,
        asset.id,
        other.id,
        JSON.stringify({
          code: asset.code,
          name: 'Máy ảnh',
          categoryCode: 'OFFICE_EQUIPMENT',
          cost: 1,
          accumulatedWear: 0,
        }),
      ],
    );
    expect((await detail()).pendingTransfer).toMatchObject({
      direction: 'OUT',
      status: 'PENDING',
      otherSchool: { id: other.id, name: expect.stringContaining('Trường THCS Thử') },
      decisionNumber: '99/QĐ-SGD',
    });
    const refused = await t.http().patch(`${assets()}/${asset.id}`).set(bearer(school.admin)).send({ version: 1 });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('asset_transfer_pending');
  });

  it('keeps rooms unique per building, letter case aside, with a field error', async () => {
    const locations = `/api/schools/${school.id}/asset-locations`;
    const add = (body: Record<string, unknown>, lang = 'vi') =>
      t.http().post(locations).set(bearer(school.admin)).set('Accept-Language', lang).send(body);
    const a = await add({ building: 'Nhà A', room: 'Phòng Hóa học' });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ building: 'Nhà A', room: 'Phòng Hóa học', assetCount: 0 });
    expect(fieldErrors(await add({ building: 'nhà a', room: 'phòng hóa học' }))).toEqual({
      room: 'assetLocationTaken: Phòng phòng hóa học ở nhà a đã có trong danh sách',
    });
    expect(fieldErrors(await add({ building: 'Nhà A', room: '  ' }, 'en'))).toEqual({
      room: 'assetRoomRequired: The room name is required',
    });
    const b = await add({ building: 'Nhà A', room: 'Phòng Sinh học' });
    const renamed = await t
      .http()
      .patch(`${locations}/${b.body.id}`)
      .set(bearer(school.admin))
      .send({ building: 'Nhà A', room: 'Phòng Hóa học' });
    expect(fieldErrors(renamed)).toEqual({ room: expect.stringMatching(/^assetLocationTaken: /) });
    const ok = await t
      .http()
      .patch(`${locations}/${b.body.id}`)
      .set(bearer(school.admin))
      .send({ building: 'Nhà A', room: 'Phòng Sinh học 1' });
    expect(ok.body).toMatchObject({ id: b.body.id, room: 'Phòng Sinh học 1' });
    await create(laptop({ name: 'Kính hiển vi', locationId: b.body.id }));
    const listed = (await t.http().get(locations).set(bearer(dept))).body as { id: string; assetCount: number }[];
    expect(listed.find((l) => l.id === b.body.id)?.assetCount).toBe(1);
    expect((await auditRows(t, school.id, 'asset_location')).map((r) => r.action)).toEqual(
      expect.arrayContaining(['CREATE', 'UPDATE']),
    );
  });

  it('keeps attachments checked by their content and size, downloads them as stored, and records both ends in the history', async () => {
    const { body: asset } = await create(laptop({ name: 'Máy photocopy' }));
    const base = `${assets()}/${asset.id}/attachments`;
    const upload = (content: Buffer, name: string, type: string, kind = 'INVOICE', lang = 'vi') =>
      t
        .http()
        .post(base)
        .set(bearer(school.admin))
        .set('Accept-Language', lang)
        .field('kind', kind)
        .attach('file', content, { filename: name, contentType: type });
    const invoice = await upload(PDF, 'Hoá đơn "số 12".pdf', 'application/pdf');
    expect(invoice.status).toBe(201);
    expect(invoice.body).toMatchObject({
      kind: 'INVOICE',
      fileName: 'Hoá đơn "số 12".pdf',
      contentType: 'application/pdf',
      size: PDF.length,
    });
    const got = await t.http().get(`${base}/${invoice.body.id}`).set(bearer(dept)).buffer(true);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="Hoa_don__so_12_.pdf"; filename*=UTF-8''Ho%C3%A1%20%C4%91%C6%A1n%20%22s%E1%BB%91%2012%22.pdf`,
    );
    expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);

    const before = await footprint(school.id);
    // A text file dressed as a PNG, a PNG declared as a JPEG, a file over 5 MB: refused by what they contain.
    expect(fieldErrors(await upload(Buffer.from('<script>alert(1)</script>'), 'anh.png', 'image/png'))).toEqual({
      file: 'attachmentType: Tệp phải là PDF, JPEG, PNG hoặc WebP',
    });
    expect(fieldErrors(await upload(PNG, 'anh.jpg', 'image/jpeg', 'PHOTO', 'en'))).toEqual({
      file: 'attachmentType: File must be a PDF, JPEG, PNG or WebP file',
    });
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    expect(fieldErrors(await upload(big, 'lon.pdf', 'application/pdf', 'INVOICE', 'en'))).toEqual({
      file: 'attachmentTooLarge: File is too large: at most 5 MB',
    });
    expect(fieldErrors(await upload(big, 'lon.pdf', 'application/pdf'))).toEqual({
      file: 'attachmentTooLarge: Tệp quá lớn: tối đa 5 MB',
    });
    expect(fieldErrors(await upload(PDF, 'a.pdf', 'application/pdf', 'SELFIE'))).toEqual({
      kind: expect.stringMatching(/^attachmentKind: Loại tệp đính kèm/),
    });
    expect(await footprint(school.id)).toEqual(before);

    const photo = await upload(PNG, 'ảnh máy.png', 'image/png', 'PHOTO');
    expect(photo.body.contentType).toBe('image/png');
    expect((await t.http().delete(`${base}/${invoice.body.id}`).set(bearer(school.admin))).status).toBe(204);
    expect((await t.http().get(`${base}/${invoice.body.id}`).set(bearer(school.admin))).status).toBe(404);
    const detail = (await t.http().get(`${assets()}/${asset.id}`).set(bearer(school.admin))).body;
    expect(detail.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['ảnh máy.png']);
    expect(detail.history.map((h: { kind: string }) => h.kind)).toEqual([
      'REGISTERED',
      'ATTACHMENT_ADDED',
      'ATTACHMENT_ADDED',
      'ATTACHMENT_REMOVED',
    ]);
    expect((await auditRows(t, school.id, 'asset_attachment')).map((r) => r.action)).toEqual([
      'CREATE',
      'CREATE',
      'DELETE',
    ]);
    // The registration, two uploads and the removal, each with its event.
    const [{ n }] = await t.owner.query(
      `select count(*)::int as n from outbox where school_id = $1 and type = 'assets.changed' and aggregate_id = $2`,
      [school.id, asset.id],
    );
    expect(n).toBe(4);
  });

  it("never lets another school's administrator read or write the register", async () => {
    const { body: asset } = await create(laptop({ name: 'Bảng tương tác' }));
    const { body: room } = await t
      .http()
      .post(`/api/schools/${school.id}/asset-locations`)
      .set(bearer(school.admin))
      .send({ building: 'Nhà C', room: 'Phòng họp' });
    const { body: file } = await t
      .http()
      .post(`${assets()}/${asset.id}/attachments`)
      .set(bearer(school.admin))
      .field('kind', 'PHOTO')
      .attach('file', PNG, { filename: 'bang.png', contentType: 'image/png' });
    const before = await footprint(school.id);
    const intruder = other.admin;
    const statuses = [
      await t.http().get(assets()).set(bearer(intruder)),
      await t.http().get(`${assets()}/export.xlsx`).set(bearer(intruder)),
      await t.http().get(`${assets()}/${asset.id}`).set(bearer(intruder)),
      await t.http().post(assets()).set(bearer(intruder)).send(laptop()),
      await t.http().patch(`${assets()}/${asset.id}`).set(bearer(intruder)).send({ name: 'Của tôi', version: 1 }),
      await t
        .http()
        .post(`${assets()}/${asset.id}/cost-changes`)
        .set(bearer(intruder))
        .send({ kind: 'UPGRADE', effectiveOn: '2025-01-02', newCost: 99_000_000, documentNumber: 'x', version: 1 }),
      await t.http().get(`${assets()}/${asset.id}/attachments/${file.id}`).set(bearer(intruder)),
      await t.http().delete(`${assets()}/${asset.id}/attachments/${file.id}`).set(bearer(intruder)),
      await t
        .http()
        .post(`${assets()}/${asset.id}/attachments`)
        .set(bearer(intruder))
        .field('kind', 'PHOTO')
        .attach('file', PNG, { filename: 'x.png', contentType: 'image/png' }),
      await t.http().get(`/api/schools/${school.id}/asset-locations`).set(bearer(intruder)),
      await t
        .http()
        .patch(`/api/schools/${school.id}/asset-locations/${room.id}`)
        .set(bearer(intruder))
        .send({ building: 'X', room: 'Y' }),
      // Its own school in the path, this school's asset in it: still nothing.
      await t
        .http()
        .get(`${assets(other)}/${asset.id}`)
        .set(bearer(intruder)),
      await t
        .http()
        .patch(`${assets(other)}/${asset.id}`)
        .set(bearer(intruder))
        .send({ name: 'Của tôi', version: 1 }),
      await t
        .http()
        .get(`${assets(other)}/${asset.id}/attachments/${file.id}`)
        .set(bearer(intruder)),
      await t
        .http()
        .patch(`/api/schools/${other.id}/asset-locations/${room.id}`)
        .set(bearer(intruder))
        .send({ building: 'X', room: 'Y' }),
    ].map((r) => r.status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404]);
    expect(await footprint(school.id)).toEqual(before);
    const teacher = await t.login('giaovien.nhuquynh');
    expect((await t.http().get(assets()).set(bearer(teacher))).status).toBe(403);
  });
});
