import { Scope, ScopeSealer, SET_SCOPE_SQL, setScopeParams, SignedScope } from '@emis/api/platform';
import { Client } from 'pg';
import { readTestEnv } from './test-env';

/** The scope of exactly these schools (or units), as OrgTreeService would build it for one of them. */
export function schoolsScope(...ids: string[]): Scope {
  return { rootId: ids[0], all: false, orgUnitIds: ids };
}

/** What the API would sign for `scope`, with the run's SCOPE_KEY (or another key, for a forgery). */
export function signScope(scope: Scope, userId = '', key = readTestEnv().scopeKey, nowMs = Date.now()): SignedScope {
  return new ScopeSealer(key, () => nowMs).sign(scope, userId);
}

/** Hands a signed scope to PostgreSQL on a raw connection, exactly as TenantDb does at the start of a transaction. */
export async function presentScope(client: Client, signed: SignedScope): Promise<void> {
  await client.query(SET_SCOPE_SQL, setScopeParams(signed));
}

/** A connection as the application role (emis_app) to the run's database, or to `database` on the same server. */
export async function connectAsApp(database?: string): Promise<Client> {
  const { ownerUrl, appPassword } = readTestEnv();
  const url = new URL(ownerUrl);
  url.username = 'emis_app';
  url.password = appPassword;
  if (database) url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}
