import { trustedProxies, validateConfig } from './app-config';

const REQUIRED = {
  DATABASE_APP_URL: 'postgres://emis_app:secret@localhost/emis',
  DATABASE_JOBS_URL: 'postgres://emis_jobs:secret@localhost/emis',
  JWT_SECRET: 'x'.repeat(32),
  SCOPE_KEY: 'k'.repeat(32),
};

describe('TRUSTED_PROXIES', () => {
  it('trusts the loopback only when unset', () => {
    expect(trustedProxies(validateConfig(REQUIRED))).toEqual(['loopback']);
  });

  it('reads addresses, CIDR ranges and named ranges, comma-separated; empty trusts none', () => {
    const config = validateConfig({ ...REQUIRED, TRUSTED_PROXIES: ' 172.30.80.0/24, 2001:db8::1 ,loopback' });
    expect(trustedProxies(config)).toEqual(['172.30.80.0/24', '2001:db8::1', 'loopback']);
    expect(trustedProxies(validateConfig({ ...REQUIRED, TRUSTED_PROXIES: '' }))).toEqual([]);
  });

  it.each(['proxy.example.com', '10.0.0.0/33', '2001:db8::/129', '1.2.3', '10.0.0.1/8/8', 'private'])(
    'refuses to start on %s',
    (value) => {
      expect(() => validateConfig({ ...REQUIRED, TRUSTED_PROXIES: value })).toThrow(/TRUSTED_PROXIES/);
    },
  );
});

describe('API_DOCS', () => {
  it('keeps the API description for signed-in users unless told otherwise', () => {
    expect(validateConfig(REQUIRED).API_DOCS).toBe('signed-in');
    expect(validateConfig({ ...REQUIRED, API_DOCS: 'public' }).API_DOCS).toBe('public');
    expect(() => validateConfig({ ...REQUIRED, API_DOCS: 'open' })).toThrow(/API_DOCS/);
  });
});

describe('JOB_QUEUE_SCHEMA', () => {
  it("is production's pgboss unless told otherwise (the integration tests give each Jest worker its own)", () => {
    expect(validateConfig(REQUIRED).JOB_QUEUE_SCHEMA).toBe('pgboss');
    expect(validateConfig({ ...REQUIRED, JOB_QUEUE_SCHEMA: 'pgboss_w2' }).JOB_QUEUE_SCHEMA).toBe('pgboss_w2');
  });

  it.each(['PgBoss', 'pgboss; drop schema public', '2pgboss', '', 'a'.repeat(64)])(
    'refuses to start on %p',
    (value) => {
      expect(() => validateConfig({ ...REQUIRED, JOB_QUEUE_SCHEMA: value })).toThrow(/JOB_QUEUE_SCHEMA/);
    },
  );
});
