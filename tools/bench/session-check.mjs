// Scenario "session-check": the cost of checking, on every request, that the access token's session is still open
// (docs/domain/sign-in.md, "Sessions"). 16 signed-in teachers call GET /api/auth/me, the lightest authenticated
// route, in closed loops. Baseline: the same reads without the API — the session check and the user's row — from the
// load process; side "check": the session check alone, one statement by primary keys.
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
    const username = `bench.session${String(i).padStart(2, '0')}`;
    const {
      rows: [user],
    } = await ctx.owner.query(
      `insert into app_user (username, password_hash, full_name, role, org_unit_id) values ($1, $2, 'Giáo Viên Đo', 'TEACHER', $3) returning id`,
      [username, hash, schoolId],
    );
    const token = await ctx.login(username);
    const sessionId = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid;
    workers.push({ index: i, userId: user.id, sessionId, token });
  }
  const drive = (mode, s, checkOnly = false) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [
          path.join(here, 'load-session-check.mjs'),
          JSON.stringify({ mode, checkOnly, baseUrl: ctx.baseUrl, appUrl: ctx.appUrl, workers, seconds: s }),
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
    scenario: 'session-check',
    description: `${USERS} signed-in users calling GET /api/auth/me (the session checked on every request), ${seconds} s`,
    unit: 'requests/s',
    ours: drive('http', seconds),
    baseline: drive('sql', seconds),
    check: drive('sql', seconds, true),
  };
}
