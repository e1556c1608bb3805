import { Scope, TenantDb } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { ClsService } from 'nestjs-cls';
import { Client } from 'pg';
import { bearer, startTestApp, TestApp } from './harness';
import { readTestEnv } from './test-env';

describe('tenant isolation', () => {
  let t: TestApp;
  let schoolA: string;
  let schoolB: string;
  let tokenA: string;

  beforeAll(async () => {
    t = await startTestApp();
    schoolA = await t.unitId('THCS-NQ');
    schoolB = await t.unitId('THCS-LH');
    tokenA = await t.login('hieutruong.nhuquynh');
  });
  afterAll(() => t.close());

  describe("a school admin of school A reaching school B's resources", () => {
    it('gets 404 for the school detail', async () => {
      const res = await t.http().get(`/api/schools/${schoolB}`).set(bearer(tokenA));
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it('gets 404 for a profile update and changes nothing', async () => {
      const [before] = await t.owner.query(`select version, phone from school_profile where school_id = $1`, [schoolB]);
      const res = await t
        .http()
        .patch(`/api/schools/${schoolB}/profile`)
        .set(bearer(tokenA))
        .send({ phone: '0912345678', version: before.version });
      expect(res.status).toBe(404);
      const [after] = await t.owner.query(`select version, phone from school_profile where school_id = $1`, [schoolB]);
      expect(after).toEqual(before);
    });

    it("gets 404 for B's audit log and chain verification", async () => {
      expect((await t.http().get(`/api/audit?schoolId=${schoolB}`).set(bearer(tokenA))).status).toBe(404);
      expect((await t.http().get(`/api/audit/verify?schoolId=${schoolB}`).set(bearer(tokenA))).status).toBe(404);
    });

    it('gets 404 when filtering the school list by B, and 403 when switching the view to B', async () => {
      expect((await t.http().get(`/api/schools?unitId=${schoolB}`).set(bearer(tokenA))).status).toBe(404);
      expect((await t.http().get(`/api/schools`).set(bearer(tokenA)).set('X-Org-Unit', schoolB)).status).toBe(403);
    });

    it('sees only school A in lists, the tree and the audit log', async () => {
      const list = await t.http().get('/api/schools?pageSize=200').set(bearer(tokenA));
      expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([schoolA]);
      const tree = await t.http().get('/api/org-units/tree').set(bearer(tokenA));
      expect(tree.body.map((n: { id: string }) => n.id)).toEqual([schoolA]);
      const audit = await t.http().get('/api/audit?pageSize=200').set(bearer(tokenA));
      expect(audit.status).toBe(200);
      expect(audit.body.items.length).toBeGreaterThan(0);
      expect(new Set(audit.body.items.map((e: { schoolId: string }) => e.schoolId))).toEqual(new Set([schoolA]));
    });
  });

  it("a unit officer sees exactly the unit's schools; the department sees all", async () => {
    const unitToken = await t.login('chuyenvien.vanlam');
    const unitList = await t.http().get('/api/schools?pageSize=200').set(bearer(unitToken));
    const [{ n: unitSchools }] = await t.owner.query(
      `select count(*)::int as n from org_unit s join org_unit p on p.id = s.parent_id where p.code = 'PGD-VL' and s.kind = 'SCHOOL' and s.active`,
    );
    expect(unitList.body.total).toBe(unitSchools);
    expect(unitList.body.items.map((s: { id: string }) => s.id)).toContain(schoolB);
    const khoaiChau = await t.unitId('THCS-KC');
    expect((await t.http().get(`/api/schools/${khoaiChau}`).set(bearer(unitToken))).status).toBe(404);

    const deptToken = await t.login('chuyenvien.so');
    const all = await t.http().get('/api/schools?pageSize=200').set(bearer(deptToken));
    const [{ n: allSchools }] = await t.owner.query(
      `select count(*)::int as n from org_unit where kind = 'SCHOOL' and active`,
    );
    expect(all.body.total).toBe(allSchools);
    const narrowed = await t
      .http()
      .get('/api/schools?pageSize=200')
      .set(bearer(deptToken))
      .set('X-Org-Unit', await t.unitId('PGD-VL'));
    expect(narrowed.body.total).toBe(unitSchools);
  });

  describe('row-level security in PostgreSQL', () => {
    const scopeOf = async (id: string): Promise<Scope> => t.app.get(OrgTreeService).scopeFor(id);
    const inScope = <T>(scope: Scope, work: Parameters<TenantDb['runWithScope']>[1]) =>
      t.app.get(ClsService).run(() => t.app.get(TenantDb).runWithScope(scope, work)) as Promise<T>;

    it("a raw query under school A's scope returns none of school B's rows", async () => {
      const scopeA = await scopeOf(schoolA);
      const rows = await inScope<unknown[]>(scopeA, (em) =>
        em.query(`select * from school_profile where school_id = $1`, [schoolB]),
      );
      expect(rows).toEqual([]);
      const audit = await inScope<{ n: number }[]>(scopeA, (em) =>
        em.query(`select count(*)::int as n from audit_log where school_id = $1`, [schoolB]),
      );
      expect(audit[0].n).toBe(0);
      const own = await inScope<unknown[]>(scopeA, (em) =>
        em.query(`select * from school_profile where school_id = $1`, [schoolA]),
      );
      expect(own).toHaveLength(1);
    });

    it("refuses a write into school B under A's scope", async () => {
      const scopeA = await scopeOf(schoolA);
      const updated = await inScope<[unknown[], number]>(scopeA, (em) =>
        em.query(`update school_profile set phone = '0900000000' where school_id = $1`, [schoolB]),
      );
      expect(updated[1]).toBe(0);
      await expect(
        inScope(scopeA, (em) =>
          em.query(`select audit_append($1, now(), null, 'x', null, 'x', 'x', 'UPDATE', null, null, null)`, [schoolB]),
        ),
      ).rejects.toMatchObject({ code: '42501' });
    });

    it("acts in another school only through TenantDb.inOtherSchool, one school's scope at a time, and always comes back", async () => {
      const db = t.app.get(TenantDb);
      const scopeA = await scopeOf(schoolA);
      const scopeB = await scopeOf(schoolB);
      const seen = await inScope<string[]>(scopeA, async (em) => {
        const visible = async () =>
          ((await em.query(`select school_id from school_profile order by school_id`)) as { school_id: string }[])
            .map((r) => r.school_id)
            .join(',');
        const before = await visible();
        const inside = await db.inOtherSchool(em, scopeA, scopeB, visible);
        const failed = await db
          .inOtherSchool(em, scopeA, scopeB, async () => {
            throw new Error('work failed');
          })
          .catch((e: Error) => e.message);
        return [before, inside, failed, await visible()];
      });
      expect(seen).toEqual([schoolA, schoolB, 'work failed', schoolA]);
      const province = { rootId: 'x', all: true, orgUnitIds: [] };
      await expect(inScope(scopeA, (em) => db.inOtherSchool(em, scopeA, province, async () => 1))).rejects.toThrow(
        /one school/,
      );
    });

    it('returns no rows at all to the application role when no scope is set', async () => {
      const { ownerUrl, appPassword } = readTestEnv();
      const url = new URL(ownerUrl);
      url.username = 'emis_app';
      url.password = appPassword;
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        for (const table of ['school_profile', 'audit_log', 'audit_chain_head']) {
          const { rows } = await client.query(`select count(*)::int as n from ${table}`);
          expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
        }
        const [{ n }] = (await t.owner.query(`select count(*)::int as n from school_profile`)) as { n: number }[];
        expect(n).toBeGreaterThan(0);
        await expect(client.query(`delete from audit_log`)).rejects.toMatchObject({ code: '42501' });
      } finally {
        await client.end();
      }
    });

    it('has RLS enabled and forced on every table with a school_id column', async () => {
      const rows: { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }[] = await t.owner.query(`
        select c.relname, c.relrowsecurity, c.relforcerowsecurity
          from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'school_id' and not a.attisdropped
         where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')`);
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const r of rows)
        expect({ table: r.relname, enabled: r.relrowsecurity, forced: r.relforcerowsecurity }).toEqual({
          table: r.relname,
          enabled: true,
          forced: true,
        });
    });

    it('keeps school_id in the primary key, unique keys and foreign keys of every school-owned table', async () => {
      // A foreign key to another school-owned table must carry school_id on both sides (Citus co-location);
      // one to a reference table (org_unit, school_year, subject) need not, as Citus allows distributed → reference.
      const rows: {
        table: string;
        name: string;
        type: string;
        has_school: boolean;
        references_school_owned: boolean;
      }[] = await t.owner.query(`
        select c.relname as table, con.conname as name, con.contype as type,
               exists (select 1 from unnest(con.conkey) k join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k where a.attname = 'school_id') as has_school,
               con.contype = 'f' and exists (select 1 from pg_attribute a where a.attrelid = con.confrelid and a.attname = 'school_id') as references_school_owned
          from pg_constraint con join pg_class c on c.oid = con.conrelid
         where c.relnamespace = 'public'::regnamespace and con.contype in ('p', 'u', 'f')
           and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'school_id')`);
      expect(rows.length).toBeGreaterThan(20);
      const missing = rows.filter((r) => (r.type !== 'f' || r.references_school_owned) && !r.has_school);
      expect(missing).toEqual([]);
      const uniqueIndexes: { index: string }[] = await t.owner.query(`
        select i.relname as index
          from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
         where c.relnamespace = 'public'::regnamespace and x.indisunique
           and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'school_id')
           and not exists (select 1 from unnest(x.indkey) k join pg_attribute a on a.attrelid = c.oid and a.attnum = k where a.attname = 'school_id')`);
      expect(uniqueIndexes).toEqual([]);
    });
  });
});
