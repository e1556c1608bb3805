// `npm start`: builds the API and the web app (Nx caches both), starts an embedded PostgreSQL unless DATABASE_URL
// is set, migrates, seeds the demo province on first start and serves everything on one URL.
//   --no-build      skip the build (the e2e tests build once before)
//   EMIS_DATA_DIR   where the embedded database and its generated secrets live (default .data)
//   PORT            HTTP port (default 3000)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { startEmbeddedDb } from './embedded-db.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const started = Date.now();

if (!process.argv.includes('--no-build')) {
  execFileSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
  });
}

let db;
if (!process.env.DATABASE_URL) {
  const dir = path.resolve(root, process.env.EMIS_DATA_DIR ?? '.data');
  db = await startEmbeddedDb({ dir, port: process.env.EMIS_PG_PORT ? Number(process.env.EMIS_PG_PORT) : undefined });
  console.log(`Embedded PostgreSQL 18 on port ${db.port}, data in ${dir}`);
  process.env.DATABASE_URL = db.ownerUrl;
  process.env.APP_DB_PASSWORD ??= db.appPassword;
  process.env.JWT_SECRET ??= db.jwtSecret;
  process.env.SEED_DEMO ??= 'true';
}
process.env.WEB_DIST_DIR ??= path.join(root, 'dist/apps/web/browser');
if (!existsSync(process.env.WEB_DIST_DIR)) console.warn(`No web build at ${process.env.WEB_DIST_DIR}: only the API is served.`);

const shutdown = async (code) => {
  if (db) await db.stop().catch((error) => console.error('Stopping PostgreSQL failed:', error));
  process.exit(code);
};
process.once('SIGINT', () => shutdown(0));
process.once('SIGTERM', () => shutdown(0));

try {
  const { main } = require(path.join(root, 'dist/apps/api/apps/api/src/main.js'));
  await main();
  console.log(`Started in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(error);
  await shutdown(1);
}
