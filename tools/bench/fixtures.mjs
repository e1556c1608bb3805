// What several scenarios arrange as the schema owner: a school administrator who can sign in (TOTP answered),
// resident-set sampling of the API process, and timing of one operation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
// The built API's sealing of MFA secrets, loaded on first use: run.mjs builds the API after importing this module,
// so on a fresh clone there is no dist/ yet when the import happens.
let SecretBox;
const sealTotp = (key) => {
  SecretBox ??= require(path.join(root, 'dist/apps/api/libs/api/identity/src/mfa.js')).SecretBox;
  return new SecretBox(key).seal(TOTP_SECRET);
};
const { authenticator } = require('otplib');
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** A school administrator of `schoolId` with a known authenticator, signed in: answers the access token. */
export function schoolAdminToken(ctx, schoolId, username) {
  return adminToken(ctx, schoolId, username, 'SCHOOL_ADMIN');
}

/** An administrator (`role`) of the org unit `unitId` with a known authenticator, signed in: the access token. */
export async function adminToken(ctx, unitId, username, role) {
  const { owner, jwtSecret } = ctx;
  const [{ password_hash: hash }] = (
    await owner.query(`select password_hash from app_user where role = 'TEACHER' limit 1`)
  ).rows;
  await owner.query(
    `insert into app_user (username, password_hash, full_name, role, org_unit_id, mfa_secret, mfa_enabled) values ($1, $2, 'Quản Trị Đo', $5, $3, $4, true)`,
    [username, hash, unitId, sealTotp(jwtSecret), role],
  );
  const first = await post(ctx, '/api/auth/login', { username, password: 'Emis@2026' });
  const verified = await post(ctx, '/api/auth/mfa/verify', {
    mfaToken: first.mfaToken,
    code: authenticator.generate(TOTP_SECRET),
  });
  if (!verified.accessToken) throw new Error(`sign-in of ${username}: ${JSON.stringify(verified)}`);
  return verified.accessToken;
}

async function post(ctx, url, body) {
  const res = await fetch(`${ctx.baseUrl}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

/** Samples a process's resident set every 20 ms while `work` runs: answers the work's result, seconds and peak MB. */
export async function measured(pid, work) {
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  let peak = rss();
  const before = peak;
  const timer = setInterval(() => {
    peak = Math.max(peak, rss());
  }, 20);
  const started = performance.now();
  try {
    const result = await work();
    return {
      result,
      seconds: (performance.now() - started) / 1000,
      peakMb: Math.round(peak),
      growthMb: Math.round(peak - before),
    };
  } finally {
    clearInterval(timer);
  }
}

/** A single timed operation summarised like the load generator's runs (one sample: p50 = p95 = p99). */
export function single(seconds, operations, extra = {}) {
  const ms = Math.round(seconds * 100000) / 100;
  return {
    operations,
    errors: 0,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round((operations / seconds) * 100) / 100,
    p50: ms,
    p95: ms,
    p99: ms,
    ...extra,
  };
}
