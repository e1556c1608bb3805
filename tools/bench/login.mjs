// Scenario "login": 16 teachers signing in again and again (the morning rush). Ours: POST /api/auth/login
// (throttling, argon2id, the session and its refresh token, the audit entry). Baseline: the same work without the
// API — read the hash, argon2id verify, insert the session and its refresh token, append the audit entry — from the
// load process.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const USERS = 16;

export async function run(ctx, { seconds }) {
  const [{ password_hash: hash, org_unit_id: schoolId }] = (
    await ctx.owner.query(
      `select password_hash, org_unit_id from app_user where role = 'TEACHER' order by username limit 1`,
    )
  ).rows;
  const workers = [];
  for (let i = 0; i < USERS; i += 1) {
    const username = `bench.login${String(i).padStart(2, '0')}`;
    const {
      rows: [user],
    } = await ctx.owner.query(
      `insert into app_user (username, password_hash, full_name, role, org_unit_id) values ($1, $2, 'Giáo Viên Đo', 'TEACHER', $3) returning id`,
      [username, hash, schoolId],
    );
    workers.push({ index: i, username, userId: user.id, schoolId });
  }
  const drive = (mode, s) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [
          path.join(here, 'load-login.mjs'),
          JSON.stringify({ mode, baseUrl: ctx.baseUrl, appUrl: ctx.appUrl, workers, seconds: s }),
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      )
        .trim()
        .split('\n')
        .pop(),
    );
  drive('http', 2);
  drive('sql', 2);
  return {
    scenario: 'login',
    description: `${USERS} users signing in with their password (argon2id), ${seconds} s`,
    unit: 'logins/s',
    ours: drive('http', seconds),
    baseline: drive('sql', seconds),
  };
}
