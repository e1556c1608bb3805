import * as argon2 from 'argon2';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createUser, startTestApp, TestApp } from './harness';
import { readTestEnv } from './test-env';

const CLI = path.resolve(__dirname, '../../../dist/apps/api/apps/api/src/cli.js');
const run = promisify(execFile);

function cli(url: string, args: string[]) {
  if (!existsSync(CLI)) throw new Error(`Build the API first (npx nx build api): ${CLI} is missing`);
  return run('node', [CLI, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      APP_DB_PASSWORD: readTestEnv().appPassword,
      JOBS_DB_PASSWORD: readTestEnv().jobsPassword,
      SCOPE_KEY: readTestEnv().scopeKey,
    },
  });
}

describe('operator command line', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sets up an empty database: migrations, the department and its first administrator, audited; then refuses a second root', async () => {
    const name = `emis_bootstrap_${process.pid}`;
    await t.owner.query(`create database ${name}`);
    const url = new URL(readTestEnv().ownerUrl);
    url.pathname = `/${name}`;
    const migrated = await cli(url.toString(), ['migrate']);
    expect(migrated.stdout).toContain('CreateAppRoleAndScope1764100000010');
    const boot = await cli(url.toString(), [
      'bootstrap',
      'SGDDT-TN',
      'Sở Giáo dục và Đào tạo tỉnh Thái Nguyên',
      'admin.tn',
      'Hoàng Thị Thu',
    ]);
    const password = /temporary password: (\S+)/.exec(boot.stdout)?.[1];
    expect(password).toBeDefined();
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const {
        rows: [user],
      } = await client.query(
        `select u.password_hash, u.role, o.code from app_user u join org_unit o on o.id = u.org_unit_id where username = 'admin.tn'`,
      );
      expect(user).toMatchObject({ role: 'DEPARTMENT_ADMIN', code: 'SGDDT-TN' });
      expect(await argon2.verify(user.password_hash, password!)).toBe(true);
      const { rows: audit } = await client.query(`select entity, action from audit_log order by seq`);
      expect(audit).toEqual([
        { entity: 'org_unit', action: 'CREATE' },
        { entity: 'app_user', action: 'CREATE' },
      ]);
      await expect(cli(url.toString(), ['bootstrap', 'X-1', 'X', 'x.admin', 'X'])).rejects.toMatchObject({ code: 1 });
      const {
        rows: [{ n }],
      } = await client.query(`select count(*)::int as n from app_user`);
      expect(n).toBe(1);
    } finally {
      await client.end();
      await t.owner.query(`drop database ${name} with (force)`);
    }
  });

  it('refuses to migrate, in one line and without a stack trace, a database where an applied migration has changed', async () => {
    const name = `emis_changed_${process.pid}`;
    await t.owner.query(`create database ${name}`);
    const url = new URL(readTestEnv().ownerUrl);
    url.pathname = `/${name}`;
    const client = new Client({ connectionString: url.toString() });
    try {
      await cli(url.toString(), ['migrate']);
      await client.connect();
      await client.query(
        `update schema_migration set checksum = repeat('0', 64) where name = 'CreateStudents1764200000030'`,
      );
      const refused = await cli(url.toString(), ['migrate']).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(refused?.code).toBe(1);
      expect(refused?.stderr.trim()).toMatch(
        /^Migration CreateStudents1764200000030 was changed after it was applied to this database [^\n]*$/,
      );
    } finally {
      await client.end();
      await t.owner.query(`drop database ${name} with (force)`);
    }
  });

  it('resets a locked-out user to a temporary password that signs in', async () => {
    const user = await createUser(t, 'TEACHER', 'THCS-NQ');
    await t.owner.query(`update app_user set soft_locked_at = now() where username = $1`, [user]);
    const out = await cli(readTestEnv().ownerUrl, ['reset-password', user]);
    const password = /: (\S+)$/m.exec(out.stdout)?.[1];
    const res = await t.http().post('/api/auth/login').send({ username: user, password });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it("rebuilds one school's reporting facts under its scope, with progress, each run a new version", async () => {
    const schoolId = await t.unitId('THCS-NQ');
    const version = async () =>
      Number(
        (await t.owner.query(`select version from reporting.school_state where school_id = $1`, [schoolId]))[0]
          ?.version ?? 0,
      );
    const before = await version();
    const run = await cli(readTestEnv().ownerUrl, ['reporting:rebuild', '--school', schoolId]);
    expect(run.stdout).toMatch(new RegExp(`1/1  ${schoolId}  version ${before + 1}  \\d+ ms`));
    expect(run.stdout).toContain('Reporting facts rebuilt for 1 school(s)');
    expect(await version()).toBe(before + 1);
    const [{ n }] = await t.owner.query(`select count(*)::int as n from reporting.class_size where school_id = $1`, [
      schoolId,
    ]);
    expect(n).toBeGreaterThan(0);
    await expect(cli(readTestEnv().ownerUrl, ['reporting:rebuild', '--school'])).rejects.toMatchObject({ code: 1 });
  });
});
