// The baselines run as the application role under row-level security, so they hand PostgreSQL a scope exactly as
// the API does (TenantDb): signed with the run's SCOPE_KEY by the API's own ScopeSealer (from the build in dist/) and
// verified by emis_set_scope (docs/adr/sealed-scope.md). A baseline thereby pays what the API pays for its scope.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
/** Loaded on first use: run.mjs imports the scenarios before it builds the API. */
const sealing = () => require(path.join(root, 'dist/apps/api/libs/api/platform/src/database/scope-seal.js'));

/**
 * Presents the scope of `schoolIds` (or the department's, `all`) on `client`, inside its open transaction. The key is
 * SCOPE_KEY from the environment: run.mjs sets it for the API and every scenario's process alike.
 * @param {{ query: Function }} client
 * @param {{ schoolIds?: string[], all?: boolean, userId?: string }} scope
 */
export function presentScope(client, { schoolIds = [], all = false, userId = '' }) {
  const key = process.env.SCOPE_KEY;
  if (!key) throw new Error('SCOPE_KEY is not set: run the benchmark through npm run bench');
  const { ScopeSealer, SET_SCOPE_SQL, setScopeParams } = sealing();
  const signed = new ScopeSealer(key).sign({ rootId: schoolIds[0] ?? '', all, orgUnitIds: schoolIds }, userId);
  return client.query(SET_SCOPE_SQL, setScopeParams(signed));
}
