// The database a benchmark run measures. By default a fresh embedded PostgreSQL in tmp/bench/db that the API seeds
// with the demo province. With --scale-dir (a folder `npm run seed:scale` filled) or --database-url (a server holding
// such a province), a copy of that database instead (CREATE DATABASE … TEMPLATE, file copy), dropped at the end:
// every run starts from the same full-scale state, and the scenarios' own fixtures never accumulate in the original.
// A Citus coordinator's database is the exception (docs/scaling.md, "Benchmark on the cluster"): it cannot be copied
// that way (the copy would hold the shard metadata but none of the shards, which live in the workers' database of the
// original's name), so the run measures the given database itself and leaves its fixtures there: give it a cluster
// made for the measurement (migrations, seed:scale, distribute.sql), never one whose data matters. `--in-place` does
// the same with any database (a disk without room for a copy).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDb } from '../embedded-db.mjs';

/**
 * @returns {Promise<{ ownerUrl: string, appPassword: string, jobsPassword: string, jwtSecret: string, scopeKey: string, seedDemo: boolean, label: string, stop: () => Promise<void> }>}
 */
export async function openBenchDatabase(root, { scaleDir, databaseUrl, settings, inPlace = false }) {
  if (!scaleDir && !databaseUrl) {
    const dir = path.join(root, 'tmp/bench/db');
    rmSync(dir, { recursive: true, force: true });
    const db = await startEmbeddedDb({ dir, settings });
    return { ...db, seedDemo: true, label: 'fresh demo province' };
  }
  const server = scaleDir ? await startEmbeddedDb({ dir: path.resolve(root, scaleDir), settings }) : null;
  const sourceUrl = server ? server.ownerUrl : databaseUrl;
  // A server of one's own keeps the runtime roles' passwords in APP_DB_PASSWORD and JOBS_DB_PASSWORD: the migrate step
  // (run by tools/start.mjs before the API) sets them.
  const appPassword = server?.appPassword ?? process.env.APP_DB_PASSWORD ?? randomBytes(18).toString('base64url');
  const jobsPassword = server?.jobsPassword ?? process.env.JOBS_DB_PASSWORD ?? randomBytes(18).toString('base64url');
  const jwtSecret = server?.jwtSecret ?? process.env.JWT_SECRET ?? randomBytes(48).toString('base64url');
  // The API's migrate step installs it in the copy, so a given database's own key need not be known.
  const scopeKey = server?.scopeKey ?? process.env.SCOPE_KEY ?? randomBytes(48).toString('base64url');
  const distributed = !server && (await isDistributed(sourceUrl));
  if (inPlace || distributed) {
    return inPlaceDatabase(sourceUrl, server, { appPassword, jobsPassword, jwtSecret, scopeKey }, distributed);
  }
  const source = new URL(sourceUrl);
  const name = decodeURIComponent(source.pathname.slice(1));
  const copy = `${name}_bench`;
  const started = performance.now();
  await maintenance(sourceUrl, async (c) => {
    await c.query(`drop database if exists ${ident(copy)} with (force)`);
    await c.query(`create database ${ident(copy)} template ${ident(name)} strategy file_copy`);
  });
  console.error(`Copied ${name} to ${copy} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const copyUrl = new URL(sourceUrl);
  copyUrl.pathname = `/${encodeURIComponent(copy)}`;
  return {
    ownerUrl: copyUrl.toString(),
    appPassword,
    jobsPassword,
    jwtSecret,
    scopeKey,
    seedDemo: false,
    label: `copy of ${scaleDir ? path.relative(root, path.resolve(root, scaleDir)) : 'the given database'}`,
    stop: async () => {
      await maintenance(sourceUrl, (c) => c.query(`drop database if exists ${ident(copy)} with (force)`)).catch(
        (error) => console.error(`Dropping ${copy}: ${error.message}`),
      );
      if (server) await server.stop();
    },
  };
}

/** Whether the database at `url` is a Citus coordinator's with distributed or reference tables. */
async function isDistributed(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`select exists (select from pg_extension where extname = 'citus') as citus`);
    if (!rows[0].citus) return false;
    const { rows: tables } = await client.query(`select count(*)::int as n from pg_dist_partition`);
    return tables[0].n > 0;
  } finally {
    await client.end();
  }
}

/**
 * The given database itself, measured in place: a Citus coordinator's always, any other with --in-place (no room on
 * the disk for a copy, or a database made for this one run). On a cluster the runtime roles' passwords must be the
 * cluster's own (APP_DB_PASSWORD, JOBS_DB_PASSWORD): the API's migrate step sets them, and the coordinator reaches the
 * workers as those roles with the passwords of its password file, so made-up ones would lock the API out of every
 * shard; likewise SCOPE_KEY must be the installed one (a new key would be written into the cluster's scope_key). The
 * fixtures of grade-save and of the report scenarios are numbered so a second run in place does not collide with the
 * first's; a scenario with fixed fixture names (login, session-check, the imports…) fails on a second run in place.
 */
async function inPlaceDatabase(url, server, secrets, distributed) {
  const missing = ['APP_DB_PASSWORD', 'JOBS_DB_PASSWORD', 'SCOPE_KEY', 'JWT_SECRET'].filter((n) => !process.env[n]);
  if (distributed && missing.length)
    throw new Error(
      `${missing.join(', ')} not set: on a Citus coordinator the benchmark runs on the given database itself and needs the cluster's own secrets (tools/citus/cluster.mjs writes them to <dir>/secrets.json)`,
    );
  console.error(
    `${distributed ? 'A Citus coordinator: m' : 'M'}easuring the database itself (no copy); the scenarios' fixtures stay in it`,
  );
  return {
    ownerUrl: url,
    ...secrets,
    seedDemo: false,
    label: distributed ? 'the given Citus coordinator (measured in place)' : 'the given database (measured in place)',
    stop: async () => {
      if (server) await server.stop();
    },
  };
}

/** Runs `work` connected to the server's maintenance database (a database cannot be copied or dropped from itself). */
async function maintenance(url, work) {
  const u = new URL(url);
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function ident(name) {
  return `"${name.replace(/"/g, '""')}"`;
}
