import type { OrgUnitAdminItem } from '@emis/contracts';
import { bearer, startTestApp, TestApp } from './harness';

/**
 * Two API instances on one database (docs/domain/organisation.md): each holds the org-unit tree in memory for a few
 * seconds, and an import of the school list runs on whichever instance's worker takes the job. The administration's
 * list of a unit's schools reads the tree as it is now, so a school another instance has just created shows at once.
 */
describe('the organisation tree across API instances (real PostgreSQL)', () => {
  let t: TestApp;
  let other: TestApp | undefined;
  let dept: string;
  let deptId: string;

  beforeAll(async () => {
    t = await startTestApp();
    dept = await t.login('admin.so');
    deptId = await t.unitId('SGDDT-HY');
  });
  afterAll(async () => {
    await other?.close();
    await t.close();
  });

  const code = (prefix: string) => `${prefix}-${process.pid % 10000}-${Date.now() % 1000000}`.slice(0, 20);

  it('lists at once a school another instance has just created under a unit', async () => {
    const unit = await t
      .http()
      .post('/api/org-admin/units')
      .set(bearer(dept))
      .send({ kind: 'UNIT', code: code('OT'), name: 'Ủy ban hai máy chủ', parentId: deptId });
    expect(unit.status).toBe(201);
    // This instance reads the unit's subtree (and caches the tree) before the other instance adds a school.
    const before = await t.http().get(`/api/org-admin/units?parentId=${unit.body.id}`).set(bearer(dept));
    expect(before.body.items).toEqual([]);

    other = await startTestApp({ EVENT_WORKER: 'off', IMPORT_WORKER: 'off' });
    const created = await other
      .http()
      .post('/api/org-admin/units')
      .set(bearer(await other.login('admin.so')))
      .send({
        kind: 'SCHOOL',
        code: code('OS'),
        name: 'Trường THCS Máy Chủ Khác',
        parentId: unit.body.id,
        levels: ['LOWER_SECONDARY'],
        ownership: 'PUBLIC',
        address: 'Thôn Thử',
        commune: 'Phường Thử',
      });
    expect(created.status).toBe(201);

    const after = await t.http().get(`/api/org-admin/units?parentId=${unit.body.id}`).set(bearer(dept));
    expect(after.status).toBe(200);
    expect(after.body.items.map((u: OrgUnitAdminItem) => u.id)).toEqual([created.body.id]);
  });
});
