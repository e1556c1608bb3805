import {
  APP_ROLE,
  JOBS_ROLE,
  runtimeRoleUrl,
  SCOPE_KEY_MISMATCH,
  SCOPE_KEY_MISSING,
  ScopeSealer,
  validateConfig,
} from '@emis/api/platform';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createApp } from '../src/create-app';
import { startTestApp } from './harness';
import { connectAsApp } from './scope-fixtures';
import { readTestEnv } from './test-env';

/**
 * The start-up check (docs/security/scope.md, "Start-up check"): the API refuses to start when its SCOPE_KEY is not
 * the one the migrate step installed, with a message that says what to do and shows neither key; the function it
 * asks answers only yes or no.
 */
describe('start-up check: SCOPE_KEY must be the database’s', () => {
  const env = readTestEnv();

  function configWith(scopeKey: string) {
    return validateConfig({
      DATABASE_APP_URL: runtimeRoleUrl(env.ownerUrl, APP_ROLE, env.appPassword),
      DATABASE_JOBS_URL: runtimeRoleUrl(env.ownerUrl, JOBS_ROLE, env.jobsPassword),
      JWT_SECRET: env.jwtSecret,
      SCOPE_KEY: scopeKey,
      LOG_LEVEL: 'silent',
      DB_POOL_SIZE: '2',
    });
  }

  it('starts with the key the migrate step installed', async () => {
    const t = await startTestApp();
    try {
      expect((await t.http().get('/api/health')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('refuses to start with another key, saying what to do and revealing neither key', async () => {
    const wrongKey = randomBytes(48).toString('base64url');
    const app = await createApp(configWith(wrongKey), { logger: false });
    let refusal: unknown;
    try {
      await app.init();
    } catch (error) {
      refusal = error;
    } finally {
      await app.close().catch(() => undefined);
    }
    expect(refusal).toBeInstanceOf(Error);
    const message = (refusal as Error).message;
    expect(message).toBe(SCOPE_KEY_MISMATCH);
    expect(message).toMatch(/SCOPE_KEY does not match the scope key installed in the database/);
    expect(message).not.toContain(wrongKey);
    expect(message).not.toContain(env.scopeKey);
  });

  describe('emis_scope_key_matches, as the application role', () => {
    let app: Client;
    beforeAll(async () => {
      app = await connectAsApp();
    });
    afterAll(() => app.end());

    const ask = async (client: Client, check: string | null): Promise<boolean | null> =>
      (await client.query(`select emis_scope_key_matches($1) as matches`, [check])).rows[0].matches;

    it('answers true for the MAC of the label under the installed key and false for anything else', async () => {
      expect(await ask(app, new ScopeSealer(env.scopeKey).keyCheck())).toBe(true);
      expect(await ask(app, new ScopeSealer(`${env.scopeKey}x`).keyCheck())).toBe(false);
      expect(await ask(app, '')).toBe(false);
      expect(await ask(app, null)).toBe(false);
      // A scope's MAC is not the check's: the label is not a scope payload.
      expect(
        await ask(app, new ScopeSealer(env.scopeKey).sign({ rootId: '', all: true, orgUnitIds: [] }, '').mac),
      ).toBe(false);
    });

    it('is no way to the key: the application role still cannot read scope_key', async () => {
      await expect(app.query(`select key from scope_key`)).rejects.toMatchObject({ code: '42501' });
    });

    it('answers null when no key is installed, which the API reports as a missing key', async () => {
      const owner = new Client({ connectionString: env.ownerUrl });
      await owner.connect();
      try {
        await owner.query('begin');
        await owner.query('delete from scope_key');
        expect(await ask(owner, new ScopeSealer(env.scopeKey).keyCheck())).toBeNull();
      } finally {
        await owner.query('rollback');
        await owner.end();
      }
      expect(SCOPE_KEY_MISSING).toMatch(/run the migrate step \(cli\.js prepare\) with SCOPE_KEY/);
    });
  });
});
