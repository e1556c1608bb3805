// The built API's own modules, loaded from dist/: the migrations (migrateDatabase, as `npm start` applies them),
// the grading rules of libs/domain (so every stored average is the one the API would compute) and the demo seed's
// people generators (names, personal ids, staff and pupils), asset registers and school finance, so the full-scale
// province and the demo look alike.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist/apps/api');
const require = createRequire(import.meta.url);

/** Builds the API when dist/ is missing (or when asked): Nx caches the build, so this is quick when nothing changed. */
export function ensureBuilt(force) {
  if (!force && existsSync(path.join(dist, 'apps/api/src/main.js'))) return;
  execFileSync('npx', ['nx', 'build', 'api', '--output-style=static'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
  });
}

/** The modules, after ensureBuilt(). */
export function loadBuilt() {
  const seed = (name) => require(path.join(dist, 'apps/api/src/seed', name));
  return {
    domain: require(path.join(dist, 'libs/domain/src/index.js')),
    migrations: require(path.join(dist, 'apps/api/src/migrations.js')),
    SeededRandom: seed('seeded-random.js').SeededRandom,
    names: seed('names.js'),
    buildStaff: seed('seed-staff.js').buildStaff,
    buildClassStudents: seed('seed-students.js').buildClassStudents,
    assets: { ...seed('seed-assets.js'), ...seed('asset-rows.js') },
    finance: { ...seed('seed-finance.js'), ...seed('finance-rows.js') },
  };
}

/** argon2 is a dependency of the API; one hash serves every account of the scale province (same demo password). */
export async function passwordHash(password) {
  const argon2 = require('argon2');
  return argon2.hash(password, { type: argon2.argon2id });
}

/** pg-copy-streams when installed (COPY FROM STDIN), else null and the loader falls back to INSERT … unnest. */
export function copyStreams() {
  try {
    return require('pg-copy-streams');
  } catch {
    return null;
  }
}
