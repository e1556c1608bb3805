// Load generator of the session-check scenario (its own process, like load.mjs): closed loops for `seconds`.
import { driveLoad } from './stats.mjs';

const config = JSON.parse(process.argv[2]);

/** The statement JwtStrategy runs on every request (SessionsRepository.gate). */
const SESSION_CHECK = `select s.ended_at is not null as ended, s.expires_at <= now() as expired, u.active as user_active
  from user_session s join app_user u on u.id = s.user_id where s.id = $1 and s.user_id = $2`;

async function httpWorker(w, deadline, out) {
  while (Date.now() < deadline) {
    const started = performance.now();
    const res = await fetch(`${config.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${w.token}` } });
    const body = await res.json();
    if (res.status !== 200) {
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
        rows: [gate],
      } = await client.query(SESSION_CHECK, [w.sessionId, w.userId]);
      if (!gate || gate.ended || gate.expired || !gate.user_active) throw new Error('the session is not open');
      if (!config.checkOnly) await client.query(`select * from app_user where id = $1`, [w.userId]);
      out.latencies.push(performance.now() - started);
    }
  } finally {
    client.release();
  }
}

await driveLoad(config, httpWorker, sqlWorker);
