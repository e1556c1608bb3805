import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { bearer, createSchool, startTestApp, TestApp } from './harness';
import { readTestEnv } from './test-env';

describe('school profile, validation and the audit chain', () => {
  let t: TestApp;
  let deptAdmin: string;
  beforeAll(async () => {
    t = await startTestApp();
    deptAdmin = await t.login('admin.so');
  });
  afterAll(() => t.close());

  const profileOf = async (id: string) =>
    (await t.owner.query(`select * from school_profile where school_id = $1`, [id]))[0];
  const auditCount = async (id: string) =>
    (await t.owner.query(`select count(*)::int as n from audit_log where school_id = $1`, [id]))[0].n as number;

  it('updates a profile and writes one audit row with actor, before, after and request id, in the same chain', async () => {
    const school = await createSchool(t, 'PGD-KC');
    const before = await profileOf(school.id);
    const res = await t
      .http()
      .patch(`/api/schools/${school.id}/profile`)
      .set(bearer(deptAdmin))
      .set('X-Request-Id', 'req-test-0001')
      .send({ phone: '0221 3910 999', principalName: 'Nguyễn Thị Thử', version: before.version });
    expect(res.status).toBe(200);
    expect(res.body.profile).toMatchObject({
      phone: '02213910999',
      principalName: 'Nguyễn Thị Thử',
      version: before.version + 1,
    });
    // Fields the request did not name keep their values.
    expect(res.body.profile.address).toBe('Xã Thử');
    const rows = await t.owner.query(`select * from audit_log where school_id = $1 order by seq`, [school.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      seq: '1',
      entity: 'school_profile',
      action: 'UPDATE',
      actor_name: 'Nguyễn Văn Hùng',
      request_id: 'req-test-0001',
    });
    expect(rows[0].before).toMatchObject({ phone: null, address: 'Xã Thử' });
    expect(rows[0].after).toMatchObject({ phone: '02213910999', principalName: 'Nguyễn Thị Thử' });
    const verify = await t.http().get(`/api/audit/verify?schoolId=${school.id}`).set(bearer(deptAdmin));
    expect(verify.body).toEqual({ schoolId: school.id, rows: 1, valid: true, brokenAtSeq: null });
  });

  it('answers bad input with 400, a localized message per field, and writes nothing', async () => {
    const school = await createSchool(t, 'PGD-KC');
    const before = await profileOf(school.id);
    const res = await t.http().patch(`/api/schools/${school.id}/profile`).set(bearer(deptAdmin)).send({
      phone: '12345',
      email: 'không-phải-email',
      foundedYear: 1800,
      website: 'ftp://x',
      color: 'red',
      version: before.version,
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const byField = Object.fromEntries(
      res.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(byField['phone']).toBe(
      'Số điện thoại phải là số điện thoại Việt Nam (di động 10 số, cố định 11 số bắt đầu bằng 02)',
    );
    expect(byField['email']).toBe('Email không đúng định dạng email');
    expect(byField['foundedYear']).toBe('Năm thành lập phải lớn hơn hoặc bằng 1900');
    expect(byField['website']).toBeDefined();
    expect(byField['color']).toBe('Trường color không được phép');
    expect(await profileOf(school.id)).toEqual(before);
    expect(await auditCount(school.id)).toBe(0);

    const en = await t
      .http()
      .patch(`/api/schools/${school.id}/profile`)
      .set(bearer(deptAdmin))
      .set('Accept-Language', 'en')
      .send({ foundedYear: 1800, version: before.version });
    expect(en.body.errors[0].message).toBe('Year founded must be at least 1900');
  });

  it('refuses an edit based on a stale version with 409 and the current values, and writes nothing', async () => {
    const school = await createSchool(t, 'PGD-KC');
    const v1 = (await profileOf(school.id)).version;
    expect(
      (
        await t
          .http()
          .patch(`/api/schools/${school.id}/profile`)
          .set(bearer(deptAdmin))
          .send({ address: 'Địa chỉ mới', version: v1 })
      ).status,
    ).toBe(200);
    const stale = await t
      .http()
      .patch(`/api/schools/${school.id}/profile`)
      .set(bearer(deptAdmin))
      .send({ address: 'Ghi đè', version: v1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current.address).toBe('Địa chỉ mới');
    expect((await profileOf(school.id)).address).toBe('Địa chỉ mới');
    expect(await auditCount(school.id)).toBe(1);
  });

  it('forbids roles without the permission: a teacher cannot edit even their own school', async () => {
    const teacher = await t.login('giaovien.nhuquynh');
    const own = await t.unitId('THCS-NQ');
    const res = await t
      .http()
      .patch(`/api/schools/${own}/profile`)
      .set(bearer(teacher))
      .send({ address: 'x', version: 1 });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
    expect((await t.http().get('/api/audit').set(bearer(teacher))).status).toBe(403);
  });

  describe('a tampered audit row', () => {
    let schoolId: string;
    beforeAll(async () => {
      schoolId = (await createSchool(t, 'PGD-TB')).id;
      for (const phone of ['0912000001', '0912000002', '0912000003']) {
        const version = (await profileOf(schoolId)).version;
        expect(
          (await t.http().patch(`/api/schools/${schoolId}/profile`).set(bearer(deptAdmin)).send({ phone, version }))
            .status,
        ).toBe(200);
      }
      // Someone with database superuser rights rewrites history, bypassing the append-only trigger.
      await t.owner.transaction(async (em) => {
        await em.query(`set local session_replication_role = replica`);
        await em.query(
          `update audit_log set after = jsonb_set(after, '{phone}', '"0999999999"') where school_id = $1 and seq = 2`,
          [schoolId],
        );
      });
    });

    it('is found by the verification endpoint at the row that was changed', async () => {
      const res = await t.http().get(`/api/audit/verify?schoolId=${schoolId}`).set(bearer(deptAdmin));
      expect(res.body).toEqual({ schoolId, rows: 3, valid: false, brokenAtSeq: 2 });
    });

    it('is found by the CLI, which exits non-zero', async () => {
      const cli = path.resolve(__dirname, '../../../dist/apps/api/apps/api/src/cli.js');
      if (!existsSync(cli)) throw new Error(`Build the API first (npx nx build api): ${cli} is missing`);
      const run = promisify(execFile);
      const env = { ...process.env, DATABASE_URL: readTestEnv().ownerUrl };
      const bad = await run('node', [cli, 'audit:verify', schoolId], { env }).then(
        () => undefined,
        (e: { code: number; stdout: string }) => e,
      );
      expect(bad?.code).toBe(2);
      expect(bad?.stdout).toContain('BROKEN at seq 2');
      const good = await t.unitId('THCS-NQ');
      const ok = await run('node', [cli, 'audit:verify', good], { env });
      expect(ok.stdout).toContain('OK');
    });

    it('cannot be changed or deleted by the application role', async () => {
      const { ownerUrl, appPassword } = readTestEnv();
      const url = new URL(ownerUrl);
      url.username = 'emis_app';
      url.password = appPassword;
      const { Client } = await import('pg');
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        await client.query('begin');
        await client.query(`select set_config('app.all_schools', 'on', true)`);
        await expect(
          client.query(`update audit_log set action = 'X' where school_id = $1`, [schoolId]),
        ).rejects.toMatchObject({ code: '42501' });
        await client.query('rollback');
      } finally {
        await client.end();
      }
    });

    it('detects rows cut from the end of a chain', async () => {
      const other = (await createSchool(t, 'PGD-TB')).id;
      for (const phone of ['0912000011', '0912000012']) {
        const version = (await profileOf(other)).version;
        await t.http().patch(`/api/schools/${other}/profile`).set(bearer(deptAdmin)).send({ phone, version });
      }
      await t.owner.transaction(async (em) => {
        await em.query(`set local session_replication_role = replica`);
        await em.query(`delete from audit_log where school_id = $1 and seq = 2`, [other]);
      });
      const res = await t.http().get(`/api/audit/verify?schoolId=${other}`).set(bearer(deptAdmin));
      expect(res.body).toMatchObject({ valid: false, brokenAtSeq: 2 });
    });
  });
});

describe('API conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports health with the database check', async () => {
    const res = await t.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.info.database.status).toBe('up');
  });

  it('publishes the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/schools', '/api/auth/login', '/api/audit/verify']),
    );
  });

  it('sends security headers and a request id', async () => {
    const res = await t.http().get('/api/health');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('pages, sorts and searches without diacritics', async () => {
    const token = await t.login('chuyenvien.so');
    const page1 = await t.http().get('/api/schools?page=1&pageSize=5&sort=-code').set(bearer(token));
    expect(page1.body).toMatchObject({ page: 1, pageSize: 5 });
    expect(page1.body.items).toHaveLength(5);
    const codes = page1.body.items.map((s: { code: string }) => s.code);
    expect([...codes].sort().reverse()).toEqual(codes);
    const page2 = await t.http().get('/api/schools?page=2&pageSize=5&sort=-code').set(bearer(token));
    expect(page2.body.items[0].code < codes[4]).toBe(true);
    const byName = await t.http().get('/api/schools?pageSize=200&sort=name').set(bearer(token));
    const names: string[] = byName.body.items.map((s: { name: string }) => s.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    const search = await t.http().get('/api/schools?q=nhu%20quynh').set(bearer(token));
    expect(search.body.items.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['Trường Mầm non Như Quỳnh', 'Trường Tiểu học Như Quỳnh A', 'Trường THCS Như Quỳnh']),
    );
    expect(search.body.items.every((s: { name: string }) => s.name.includes('Như Quỳnh'))).toBe(true);
    const wildcard = await t.http().get('/api/schools?q=%25').set(bearer(token));
    expect(wildcard.body.total).toBe(0);
    const bad = await t.http().get('/api/schools?pageSize=1000&sort=drop;table').set(bearer(token));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['pageSize', 'sort']),
    );
  });
});
