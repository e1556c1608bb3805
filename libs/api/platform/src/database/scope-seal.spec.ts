import { createHmac } from 'node:crypto';
import { validateConfig } from '../config/app-config';
import { SCOPE_KEY_CHECK_LABEL, SCOPE_SEAL_TTL_SECONDS, ScopeSealer, scopePayload } from './scope-seal';

const KEY = 'k'.repeat(32);
const NOW = Date.UTC(2026, 11, 5, 23, 0, 0);
const A = '0b8f8c1e-1d2a-4c55-9e7b-1f3c5a7d9e01';
const B = '5c2d4e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';

describe('ScopeSealer', () => {
  const sealer = new ScopeSealer(KEY, () => NOW);

  it('signs the fields emis_scope_payload joins, and expires SCOPE_SEAL_TTL_SECONDS from now', () => {
    const signed = sealer.sign({ rootId: A, all: false, orgUnitIds: [A, B], closedIds: [B] }, 'u-1');
    const expiresAt = NOW / 1000 + SCOPE_SEAL_TTL_SECONDS;
    expect(signed).toEqual({
      schoolIds: `${A},${B}`,
      all: false,
      closedIds: B,
      userId: 'u-1',
      expiresAt,
      mac: expect.any(String),
    });
    expect(scopePayload(signed)).toBe(`emis-scope/1|${A},${B}|off|${B}|u-1|${expiresAt}`);
    expect(signed.mac).toBe(createHmac('sha256', KEY).update(scopePayload(signed)).digest('hex'));
  });

  it("signs the department's scope as the flag alone, whatever ids the scope lists", () => {
    const signed = sealer.sign({ rootId: A, all: true, orgUnitIds: [A] }, '');
    expect([signed.schoolIds, signed.all, signed.closedIds]).toEqual(['', true, '']);
    expect(scopePayload(signed)).toMatch(/^emis-scope\/1\|\|on\|\|\|\d+$/);
  });

  it('makes a different MAC for another scope, another user, another expiry or another key', () => {
    const base = sealer.sign({ rootId: A, all: false, orgUnitIds: [A] }, 'u-1').mac;
    const others = [
      sealer.sign({ rootId: B, all: false, orgUnitIds: [B] }, 'u-1').mac,
      sealer.sign({ rootId: A, all: false, orgUnitIds: [A] }, 'u-2').mac,
      new ScopeSealer(KEY, () => NOW + 1000).sign({ rootId: A, all: false, orgUnitIds: [A] }, 'u-1').mac,
      new ScopeSealer('x'.repeat(32), () => NOW).sign({ rootId: A, all: false, orgUnitIds: [A] }, 'u-1').mac,
    ];
    expect(new Set([base, ...others]).size).toBe(5);
  });
});

describe('SCOPE_KEY', () => {
  const base = {
    DATABASE_APP_URL: 'postgres://emis_app:p@h/emis',
    DATABASE_JOBS_URL: 'postgres://emis_jobs:p@h/emis',
    JWT_SECRET: 'j'.repeat(32),
  };

  it('is required, and at least 32 characters long', () => {
    expect(() => validateConfig(base)).toThrow(/SCOPE_KEY/);
    expect(() => validateConfig({ ...base, SCOPE_KEY: 'short' })).toThrow(/SCOPE_KEY/);
    expect(validateConfig({ ...base, SCOPE_KEY: KEY }).SCOPE_KEY).toBe(KEY);
  });
});

describe('ScopeSealer.keyCheck (the start-up check, docs/security/scope.md)', () => {
  it('is the MAC of the fixed label under the key, the same for every call and another for another key', () => {
    const check = new ScopeSealer(KEY).keyCheck();
    expect(check).toBe(createHmac('sha256', KEY).update(SCOPE_KEY_CHECK_LABEL).digest('hex'));
    expect(new ScopeSealer(KEY).keyCheck()).toBe(check);
    expect(new ScopeSealer('j'.repeat(32)).keyCheck()).not.toBe(check);
    expect(check).not.toContain(KEY);
  });

  it('signs a label that is no scope payload, so it can never stand in for a scope', () => {
    expect(SCOPE_KEY_CHECK_LABEL.startsWith('emis-scope/1|')).toBe(false);
    const signed = new ScopeSealer(KEY, () => NOW).sign({ rootId: '', all: true, orgUnitIds: [] }, '');
    expect(new ScopeSealer(KEY).keyCheck()).not.toBe(signed.mac);
  });
});
