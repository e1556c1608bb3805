import { bearer, createUser, startTestApp, TestApp } from '../harness';

/**
 * The province's schools list on a Citus cluster (docs/scaling.md, "Writing queries that distribute"): the page comes
 * from the org tree (reference tables) and the addresses from school_profile by school id. The outer join of org_unit,
 * org_unit and school_profile it replaced, prepared and under RLS, crashed the coordinator of a Citus 13.2 cluster.
 */
describe('the province schools list on a Citus cluster', () => {
  let t: TestApp;
  let officer: string;

  beforeAll(async () => {
    t = await startTestApp({ EVENT_WORKER: 'off' });
    officer = await t.login(await createUser(t, 'DEPARTMENT_OFFICER', 'SGDDT-HY'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every page of schools with their addresses, as often as a prepared plan is reused', async () => {
    const [{ schools }] = await t.owner.query(
      `select count(*)::int as schools from org_unit where kind = 'SCHOOL' and active`,
    );
    const addresses = new Map<string, string | null>(
      (await t.owner.query(`select school_id, address from school_profile`)).map(
        (r: { school_id: string; address: string | null }) => [r.school_id, r.address],
      ),
    );
    for (let round = 0; round < 7; round++) {
      const res = await t.http().get('/api/schools?pageSize=20').set(bearer(officer));
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(schools);
      for (const s of res.body.items as { id: string; address: string | null }[])
        expect(s.address).toBe(addresses.get(s.id) ?? null);
    }
  });
});
