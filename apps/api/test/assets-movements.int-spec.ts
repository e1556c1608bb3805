import { wearDue } from '@emis/domain';
import { auditRows } from './academic-fixtures';
import { get, historyKinds, post, schoolWithRooms, seedAsset, versionOf } from './assets-ops-fixtures';
import { createUser, startTestApp, TestApp } from './harness';

/**
 * An asset's movements against real PostgreSQL: rooms, loans, disposal, and the two-sided transfer between schools
 * (each school sees its own side; the receiver continues the sender's cost and wear).
 */
describe('asset movements: rooms, loans, disposal, transfers between schools', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof schoolWithRooms>>;
  let b: Awaited<ReturnType<typeof schoolWithRooms>>;
  const base = (schoolId: string) => `/api/schools/${schoolId}`;
  const events = async (schoolId: string, assetId: string) =>
    Number(
      (
        await t.owner.query(
          `select count(*)::int as n from outbox where school_id = $1 and type = 'assets.changed' and aggregate_id = $2`,
          [schoolId, assetId],
        )
      )[0].n,
    );
  const row = async (schoolId: string, assetId: string) =>
    (await t.owner.query(`select * from asset where school_id = $1 and id = $2`, [schoolId, assetId]))[0];

  beforeAll(async () => {
    t = await startTestApp();
    a = await schoolWithRooms(t, ['P.101', 'P.102']);
    b = await schoolWithRooms(t, ['P.201']);
  });
  afterAll(() => t.close());

  describe('between rooms', () => {
    let assetId: string;
    beforeAll(async () => {
      assetId = await seedAsset(t, a.id, {
        code: 'TS-0001',
        name: 'Máy chiếu Epson',
        unitCost: 18_500_000,
        locationId: a.rooms[0],
      });
    });

    it('moves the asset to another room: history MOVED, audit before and after, version moved on, assets.changed', async () => {
      const version = await versionOf(t, a.id, assetId);
      const res = await post(t, a.admin, `${base(a.id)}/assets/${assetId}/move`, {
        locationId: a.rooms[1],
        effectiveOn: '2026-09-05',
        responsible: 'Nguyễn Văn Bảo',
        version,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: assetId,
        location: { id: a.rooms[1], room: 'P.102' },
        responsible: 'Nguyễn Văn Bảo',
        version: version + 1,
      });
      expect(res.body.history.map((h: { kind: string }) => h.kind)).toEqual(['REGISTERED', 'MOVED']);
      const audit = (await auditRows(t, a.id, 'asset')).filter((r) => r.entity_id === assetId);
      expect(audit.at(-1)).toMatchObject({
        action: 'UPDATE',
        before: expect.objectContaining({ location: expect.objectContaining({ id: a.rooms[0] }) }),
        after: expect.objectContaining({ movement: 'MOVED', toLocationId: a.rooms[1] }),
      });
      expect(await events(a.id, assetId)).toBe(1);
    });

    it('refuses a stale version (409), a room of another school (400), and a date before the asset was put into use', async () => {
      const stale = await post(t, a.admin, `${base(a.id)}/assets/${assetId}/move`, {
        locationId: a.rooms[0],
        effectiveOn: '2026-09-06',
        version: 1,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('version_conflict');
      const version = await versionOf(t, a.id, assetId);
      const foreign = await post(t, a.admin, `${base(a.id)}/assets/${assetId}/move`, {
        locationId: b.rooms[0],
        effectiveOn: '2026-09-06',
        version,
      });
      expect(foreign.status).toBe(400);
      const early = await post(t, a.admin, `${base(a.id)}/assets/${assetId}/move`, {
        locationId: a.rooms[0],
        effectiveOn: '2020-01-01',
        version,
      });
      expect(early.status).toBe(400);
      expect(await historyKinds(t, a.id, assetId)).toEqual(['REGISTERED', 'MOVED']);
    });
  });

  describe('loans', () => {
    let assetId: string;
    let loanId: string;
    beforeAll(async () => {
      assetId = await seedAsset(t, a.id, { code: 'TS-0002', name: 'Loa kéo di động', unitCost: 12_000_000 });
    });

    it('lends the asset: LENT while out, a second loan refused, a disposal refused until it is back', async () => {
      const res = await post(t, a.admin, `${base(a.id)}/assets/${assetId}/loans`, {
        borrower: 'Trường Tiểu học Như Quỳnh',
        lentOn: '2026-10-01',
        dueOn: '2026-10-15',
        version: await versionOf(t, a.id, assetId),
      });
      expect(res.status).toBe(201);
      loanId = res.body.id;
      expect(res.body).toMatchObject({ borrower: 'Trường Tiểu học Như Quỳnh', lentOn: '2026-10-01', returnedOn: null });
      expect((await row(a.id, assetId)).status).toBe('LENT');
      const again = await post(t, a.admin, `${base(a.id)}/assets/${assetId}/loans`, {
        borrower: 'Ai đó',
        lentOn: '2026-10-02',
        version: await versionOf(t, a.id, assetId),
      });
      expect(again.body.code).toBe('asset_not_lendable');
      const dispose = await post(t, a.admin, `${base(a.id)}/assets/${assetId}/disposal`, {
        method: 'SALE',
        decisionNumber: '1/QĐ',
        decisionDate: '2026-10-03',
        disposedOn: '2026-10-03',
        version: await versionOf(t, a.id, assetId),
      });
      expect(dispose.body.code).toBe('asset_lent');
    });

    it('takes the asset back in the condition found: in use again, RETURNED in the history; a second return refused', async () => {
      const path = `${base(a.id)}/assets/${assetId}/loans/${loanId}/return`;
      expect((await post(t, a.admin, path, { returnedOn: '2026-09-30' })).status).toBe(400);
      const res = await post(t, a.admin, path, { returnedOn: '2026-10-14', condition: 'FAIR' });
      expect(res.status).toBe(200);
      expect(res.body.returnedOn).toBe('2026-10-14');
      expect(await row(a.id, assetId)).toMatchObject({ status: 'IN_USE', condition: 'FAIR' });
      expect(await historyKinds(t, a.id, assetId)).toEqual(['REGISTERED', 'LENT', 'RETURNED']);
      expect((await post(t, a.admin, path, { returnedOn: '2026-10-15' })).body.code).toBe('asset_loan_returned');
    });
  });

  describe('disposal', () => {
    let assetId: string;
    beforeAll(async () => {
      assetId = await seedAsset(t, a.id, {
        code: 'TS-0003',
        name: 'Máy photocopy Ricoh',
        unitCost: 45_000_000,
        inUseOn: '2021-05-01',
        wear: [
          { year: 2021, amount: 9_000_000 },
          { year: 2022, amount: 9_000_000 },
        ],
      });
    });

    it('is a decision of the head: the accountant may not dispose of an asset (403)', async () => {
      const accountant = await t.login(await createUser(t, 'ACCOUNTANT', a.code));
      const res = await post(t, accountant, `${base(a.id)}/assets/${assetId}/disposal`, {
        method: 'SALE',
        decisionNumber: '1/QĐ',
        decisionDate: '2026-11-20',
        disposedOn: '2026-11-25',
        version: await versionOf(t, a.id, assetId),
      });
      expect(res.status).toBe(403);
    });

    it('refuses proceeds for a loss and a disposal before its decision', async () => {
      const version = await versionOf(t, a.id, assetId);
      const body = { decisionNumber: '25/QĐ-THCS', decisionDate: '2026-11-20', disposedOn: '2026-11-25', version };
      const loss = await post(t, a.admin, `${base(a.id)}/assets/${assetId}/disposal`, {
        ...body,
        method: 'LOSS',
        proceeds: 1_000_000,
      });
      expect(loss.status).toBe(400);
      expect(loss.body.errors.map((e: { field: string }) => e.field)).toEqual(['proceeds']);
      const early = await post(t, a.admin, `${base(a.id)}/assets/${assetId}/disposal`, {
        ...body,
        method: 'SALE',
        disposedOn: '2026-11-19',
      });
      expect(early.status).toBe(400);
      expect((await row(a.id, assetId)).status).toBe('IN_USE');
    });

    it('sells the asset: the disposal keeps the book values as it left, the asset is DISPOSED and no longer changes', async () => {
      const res = await post(t, a.admin, `${base(a.id)}/assets/${assetId}/disposal`, {
        method: 'SALE',
        decisionNumber: '25/QĐ-THCS',
        decisionDate: '2026-11-20',
        disposedOn: '2026-11-25',
        proceeds: 15_000_000,
        costs: 500_000,
        note: 'Bán đấu giá',
        version: await versionOf(t, a.id, assetId),
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'DISPOSED', cost: 45_000_000, accumulatedWear: 18_000_000 });
      const [disposal] = await t.owner.query(`select * from asset_disposal where school_id = $1 and asset_id = $2`, [
        a.id,
        assetId,
      ]);
      expect(disposal).toMatchObject({
        method: 'SALE',
        decision_number: '25/QĐ-THCS',
        proceeds: '15000000',
        costs: '500000',
        cost: '45000000',
        accumulated_wear: '18000000',
        quantity: 1,
      });
      expect((await row(a.id, assetId)).disposed_on).toBeTruthy();
      expect(await historyKinds(t, a.id, assetId)).toEqual(['REGISTERED', 'DISPOSED']);
      expect(await events(a.id, assetId)).toBe(1);
      const later = await post(t, a.admin, `${base(a.id)}/assets/${assetId}/move`, {
        locationId: a.rooms[0],
        effectiveOn: '2026-12-01',
        version: await versionOf(t, a.id, assetId),
      });
      expect(later.body.code).toBe('asset_off_the_books');
    });
  });

  describe('transfer between two schools', () => {
    let assetId: string;
    let transferId: string;
    const wear = [
      { year: 2023, amount: 4_000_000 },
      { year: 2024, amount: 4_000_000 },
      { year: 2025, amount: 4_000_000 },
    ];
    beforeAll(async () => {
      assetId = await seedAsset(t, a.id, {
        code: 'TS-0010',
        name: 'Máy tính xách tay Dell',
        unitCost: 20_000_000,
        categoryCode: 'OFFICE_EQUIPMENT',
        fundingSource: 'AID',
        inUseOn: '2023-02-10',
        locationId: a.rooms[0],
        wear,
      });
    });
    const release = (body: object) => post(t, a.admin, `${base(a.id)}/assets/${assetId}/transfers`, body);
    const act = (schoolId: string, token: string, id: string, action: string, body: object = {}) =>
      post(t, token, `${base(schoolId)}/asset-transfers/${id}/${action}`, body);

    it('refuses the own school and an unknown one as the receiver', async () => {
      const version = await versionOf(t, a.id, assetId);
      const own = await release({ toSchoolId: a.id, effectiveOn: '2026-11-03', decisionNumber: '112/QĐ', version });
      expect(own.status).toBe(400);
      const unit = await t.unitId('PGD-KC');
      expect(
        (await release({ toSchoolId: unit, effectiveOn: '2026-11-03', decisionNumber: '112/QĐ', version })).status,
      ).toBe(400);
    });

    it('the sender releases: an OUT row at the sender, an IN row at the receiver, the asset frozen while pending', async () => {
      const res = await release({
        toSchoolId: b.id,
        effectiveOn: '2026-11-03',
        decisionNumber: '112/QĐ-SGDĐT',
        version: await versionOf(t, a.id, assetId),
      });
      expect(res.status).toBe(201);
      transferId = res.body.id;
      expect(res.body).toMatchObject({
        direction: 'OUT',
        assetId,
        status: 'PENDING',
        otherSchool: { id: b.id },
        asset: { code: 'TS-0010', cost: 20_000_000, accumulatedWear: 12_000_000, categoryCode: 'OFFICE_EQUIPMENT' },
      });
      const sides = await t.owner.query(
        `select school_id, direction, status from asset_transfer where id = $1 order by direction`,
        [transferId],
      );
      expect(sides).toEqual([
        { school_id: b.id, direction: 'IN', status: 'PENDING' },
        { school_id: a.id, direction: 'OUT', status: 'PENDING' },
      ]);
      const frozen = await post(t, a.admin, `${base(a.id)}/assets/${assetId}/move`, {
        locationId: a.rooms[1],
        effectiveOn: '2026-11-04',
        version: await versionOf(t, a.id, assetId),
      });
      expect(frozen.body.code).toBe('asset_transfer_pending');
    });

    it('each school sees only its own side, a third school nothing; the sender cannot accept its own release', async () => {
      const incoming = await get(t, b.admin, `${base(b.id)}/asset-transfers`, { direction: 'IN', status: 'PENDING' });
      expect(incoming.body).toEqual([
        expect.objectContaining({
          id: transferId,
          direction: 'IN',
          otherSchool: { id: a.id, name: expect.any(String) },
        }),
      ]);
      expect((await get(t, a.admin, `${base(a.id)}/asset-transfers`, { direction: 'IN' })).body).toEqual([]);
      const third = await schoolWithRooms(t, []);
      expect((await get(t, third.admin, `${base(third.id)}/asset-transfers`)).body).toEqual([]);
      expect((await get(t, third.admin, `${base(b.id)}/asset-transfers`)).status).toBe(404);
      expect((await act(third.id, third.admin, transferId, 'accept')).status).toBe(404);
      expect((await act(a.id, a.admin, transferId, 'accept')).body.code).toBe('asset_transfer_wrong_side');
      expect((await act(b.id, b.admin, transferId, 'cancel')).body.code).toBe('asset_transfer_wrong_side');
      expect((await get(t, b.admin, `${base(b.id)}/assets/${assetId}`)).status).toBe(404);
    });

    it('the receiver accepts: the same asset continues there with its cost and wear; the sender keeps it TRANSFERRED', async () => {
      const res = await act(b.id, b.admin, transferId, 'accept', { locationId: b.rooms[0] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ACCEPTED', direction: 'IN' });
      const arrived = await row(b.id, assetId);
      expect(arrived).toMatchObject({
        id: assetId,
        code: 'TS-0010',
        category_code: 'OFFICE_EQUIPMENT',
        kind: 'FIXED',
        cost: '20000000',
        original_cost: '20000000',
        funding_source: 'AID',
        location_id: b.rooms[0],
        status: 'IN_USE',
        opening_wear: '12000000',
        opening_wear_year: 2025,
        posted_wear: '0',
        document_number: '112/QĐ-SGDĐT',
      });
      const dates = async (schoolId: string) =>
        (
          await t.owner.query(
            `select in_use_on::text as in_use_on, disposed_on::text as disposed_on from asset where school_id = $1 and id = $2`,
            [schoolId, assetId],
          )
        )[0];
      expect(await dates(b.id)).toEqual({ in_use_on: '2023-02-10', disposed_on: null });
      expect(await dates(a.id)).toEqual({ in_use_on: '2023-02-10', disposed_on: '2026-11-03' });
      expect(await row(a.id, assetId)).toMatchObject({ status: 'TRANSFERRED' });
      // The year of the transfer is worn by the receiver, on the cost and wear it received (Art. 12.1.c, 14.2.b).
      const worn = {
        kind: 'FIXED' as const,
        rate: { lifeYears: 5, rateBasisPoints: 2000 },
        inUseOn: '2023-02-10',
        cost: Number(arrived.cost),
        originalCost: Number(arrived.original_cost),
        costChanges: [],
        openingWear: Number(arrived.opening_wear),
        openingWearYear: arrived.opening_wear_year,
        posted: [],
        condition: arrived.condition,
        status: arrived.status,
        disposedOn: null,
      };
      expect(wearDue(worn, 2026)).toEqual([
        { year: 2026, costBasis: 20_000_000, amount: 4_000_000, accumulatedAfter: 16_000_000 },
      ]);
      const atSender = { ...worn, openingWear: 0, openingWearYear: null, posted: wear, status: 'TRANSFERRED' as const };
      expect(wearDue({ ...atSender, disposedOn: '2026-11-03' }, 2026)).toEqual([]);
      expect(await historyKinds(t, a.id, assetId)).toEqual(['REGISTERED', 'TRANSFER_OUT']);
      expect(await historyKinds(t, b.id, assetId)).toEqual(['TRANSFER_IN']);
      const detail = await get(t, b.admin, `${base(b.id)}/assets/${assetId}`);
      expect(detail.body).toMatchObject({ cost: 20_000_000, accumulatedWear: 12_000_000, remainingValue: 8_000_000 });
      const sides = await t.owner.query(`select status from asset_transfer where id = $1`, [transferId]);
      expect(sides.map((s: { status: string }) => s.status)).toEqual(['ACCEPTED', 'ACCEPTED']);
      expect(await events(a.id, assetId)).toBe(1);
      expect(await events(b.id, assetId)).toBe(1);
      expect((await auditRows(t, a.id, 'asset_transfer')).map((r) => r.action)).toEqual(['CREATE', 'UPDATE']);
      expect((await auditRows(t, b.id, 'asset_transfer')).map((r) => r.action)).toEqual(['CREATE', 'UPDATE']);
      expect((await act(b.id, b.admin, transferId, 'accept')).body.code).toBe('asset_transfer_not_pending');
    });

    it('a rejected release leaves the asset with the sender, unfrozen, the reason kept on both sides; a cancelled one too', async () => {
      const other = await seedAsset(t, a.id, { code: 'TS-0011', name: 'Máy in laser', unitCost: 11_000_000 });
      const first = await post(t, a.admin, `${base(a.id)}/assets/${other}/transfers`, {
        toSchoolId: b.id,
        effectiveOn: '2026-11-10',
        decisionNumber: '113/QĐ',
        version: await versionOf(t, a.id, other),
      });
      expect((await act(b.id, b.admin, first.body.id, 'reject', { reason: 'Không có nhu cầu' })).body).toMatchObject({
        status: 'REJECTED',
        reason: 'Không có nhu cầu',
      });
      const [out] = await t.owner.query(`select status, reason from asset_transfer where school_id = $1 and id = $2`, [
        a.id,
        first.body.id,
      ]);
      expect(out).toEqual({ status: 'REJECTED', reason: 'Không có nhu cầu' });
      const second = await post(t, a.admin, `${base(a.id)}/assets/${other}/transfers`, {
        toSchoolId: b.id,
        effectiveOn: '2026-11-12',
        decisionNumber: '114/QĐ',
        version: await versionOf(t, a.id, other),
      });
      expect((await act(a.id, a.admin, second.body.id, 'cancel')).body.status).toBe('CANCELLED');
      expect((await row(a.id, other)).status).toBe('IN_USE');
      expect((await row(b.id, other)) ?? null).toBeNull();
      const outgoing = await get(t, a.admin, `${base(a.id)}/asset-transfers`, { direction: 'OUT' });
      expect(outgoing.body.map((x: { status: string }) => x.status).sort()).toEqual([
        'ACCEPTED',
        'CANCELLED',
        'REJECTED',
      ]);
    });
  });
});
