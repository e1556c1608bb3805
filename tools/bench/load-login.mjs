// Load generator of the login scenario (its own process, like load.mjs): closed loops for `seconds`.
import argon2 from 'argon2';
import { randomBytes, createHash } from 'node:crypto';
import { driveLoad } from './stats.mjs';
import { presentScope } from './scope.mjs';

const config = JSON.parse(process.argv[2]);
const PASSWORD = 'Emis@2026';

async function httpWorker(w, deadline, out) {
  while (Date.now() < deadline) {
    const started = performance.now();
    const res = await fetch(`${config.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: w.username, password: PASSWORD }),
    });
    const body = await res.json();
    if (res.status !== 200 || !body.accessToken) {
      out.errors += 1;
      if (out.errors <= 3) console.error(`HTTP ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      continue;
    }
    out.latencies.push(performance.now() - started);
  }
}

async function sqlWorker(w, pool, deadline, out) {
  const client = await pool.connect();
  try {
    while (Date.now() < deadline) {
      const started = performance.now();
      const {
        rows: [user],
      } = await client.query(`select id, password_hash from app_user where username = $1 and active`, [w.username]);
      if (!(await argon2.verify(user.password_hash, PASSWORD))) throw new Error('wrong password');
      const at = new Date();
      await client.query('begin');
      await presentScope(client, { schoolIds: [w.schoolId] });
      const {
        rows: [session],
      } = await client.query(
        `insert into user_session (id, user_id, expires_at, user_agent, address)
         values (gen_random_uuid(), $1, now() + interval '12 hours', 'bench', '127.0.0.1') returning id, expires_at`,
        [user.id],
      );
      await client.query(
        `insert into refresh_token (user_id, family_id, token_hash, expires_at) values ($1, $2, $3, $4)`,
        [user.id, session.id, createHash('sha256').update(randomBytes(32)).digest('hex'), session.expires_at],
      );
      await client.query(`select audit_append($1, $2, $3, 'bench', $1, 'session', $4, 'LOGIN', null, null, null)`, [
        w.schoolId,
        at,
        user.id,
        user.id,
      ]);
      await client.query('commit');
      out.latencies.push(performance.now() - started);
    }
  } finally {
    client.release();
  }
}

await driveLoad(config, httpWorker, sqlWorker);
