import { INestApplication } from '@nestjs/common';
import {
  APP_ROLE,
  AppConfig,
  jobQueueSchemaInstalled,
  JOBS_ROLE,
  prepareJobQueueSchema,
  runtimeRoleUrl,
  validateConfig,
} from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import * as argon2 from 'argon2';
import type { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp, CreateAppOptions } from '../src/create-app';
import { DEMO_PASSWORD } from '../src/seed/demo-province.data';
import { workerQueueSchema } from './queue-schemas';
import { appLogFile, readTestEnv } from './test-env';
import { enrolUser, issueRecoveryCode } from './totp';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  /** A connection as the schema owner, for arranging data and inspecting what the API wrote. */
  owner: DataSource;
  http: () => ReturnType<typeof request>;
  /** Signs in (the second step with a fresh recovery code, for roles that require one) and returns the access token. */
  login: (username: string, password?: string) => Promise<string>;
  unitId: (code: string) => Promise<string>;
  close: () => Promise<void>;
}

/**
 * The API exactly as production builds it (createApp), on the integration run's PostgreSQL, connected as the runtime
 * roles only: the owner's URL is the harness's, for `owner`, never the app's. `DATABASE_URL` among the overrides names
 * another database under test by its owner's URL (a copy, a server of the spec's own); APP_DB_PASSWORD and
 * JOBS_DB_PASSWORD, the runtime roles' passwords there when they differ from the run's.
 *
 * Its pg-boss works the Jest worker's own queue schema (workerQueueSchema), and its warnings and errors go to the
 * spec file's log, printed by apps/api/test/app-log-reporter.mjs when the file fails (docs/testing.md). A spec that
 * reads the log itself passes `logStream` (and gets no Nest logger, as before).
 */
export async function startTestApp(
  overrides: Record<string, string> = {},
  options: CreateAppOptions = {},
): Promise<TestApp> {
  const env = readTestEnv();
  const { DATABASE_URL: ownerUrl = env.ownerUrl, APP_DB_PASSWORD, JOBS_DB_PASSWORD, ...settings } = overrides;
  const config = validateConfig({
    DATABASE_APP_URL: runtimeRoleUrl(ownerUrl, APP_ROLE, APP_DB_PASSWORD ?? env.appPassword),
    DATABASE_JOBS_URL: runtimeRoleUrl(ownerUrl, JOBS_ROLE, JOBS_DB_PASSWORD ?? env.jobsPassword),
    JWT_SECRET: env.jwtSecret,
    SCOPE_KEY: env.scopeKey,
    // Warnings and errors only, to the spec file's log (specLog): a passing run prints nothing of them.
    LOG_LEVEL: 'warn',
    DB_POOL_SIZE: '5',
    // The two spec files Jest runs at once never share a queue: an application started with a fault, a small limit or
    // another receiver must not run the other file's jobs (it did: docs/testing.md). Apps of one file share theirs.
    JOB_QUEUE_SCHEMA: workerQueueSchema(),
    // An application may be running a job when its spec ends (its own, or one the spec file before it on this worker
    // left): it waits for it at most this long (the job is then failed, and retried by the next one on this worker).
    JOB_SHUTDOWN_TIMEOUT_MS: '20000',
    // Every spec signs in from the loopback address: one spec's deliberate failures must not throttle the others'
    // sign-ins (specs about the ceiling set it, and send X-Forwarded-For addresses of their own: freshAddress).
    ADDRESS_FAILURE_LIMIT: '1000000',
    // The fuzzer and the access sweep read the operations from /api/docs-json unsigned (as in development).
    API_DOCS: 'public',
    ...settings,
  });
  const owner = new DataSource({ type: 'postgres', url: ownerUrl, extra: { max: 3 } });
  await owner.initialize();
  let app: INestApplication;
  try {
    await queueSchemaIn(owner, ownerUrl, config.JOB_QUEUE_SCHEMA);
    const appOptions: CreateAppOptions = {
      logger: !options.logStream,
      logStream: options.logStream ?? specLog(),
      ...options,
    };
    app = await createApp(config, appOptions);
    await app.init();
    // Nest keeps its log lines in a buffer (createApp's bufferLogs) until the server listens; a test's application
    // never listens (supertest calls it directly), so without this every line, a job's failure too, stayed there.
    if (appOptions.logger !== false) app.flushLogs();
  } catch (error) {
    await owner.destroy();
    throw error;
  }
  const server = app.getHttpServer();
  const http = () => request(server);
  const login = async (username: string, password = DEMO_PASSWORD) => {
    const res = await http().post('/api/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.status === 'ok') return res.body.accessToken as string;
    if (res.body.status !== 'mfa_required') throw new Error(`login ${username}: ${JSON.stringify(res.body)}`);
    const recoveryCode = await issueRecoveryCode(owner, username);
    const verified = await http().post('/api/auth/mfa/verify').send({ mfaToken: res.body.mfaToken, recoveryCode });
    if (verified.status !== 200)
      throw new Error(`mfa ${username}: ${verified.status} ${JSON.stringify(verified.body)}`);
    return verified.body.accessToken as string;
  };
  const unitId = async (code: string) => {
    const [row] = await owner.query(`select id from org_unit where code = $1`, [code]);
    if (!row) throw new Error(`no org unit ${code}`);
    return row.id as string;
  };
  return {
    app,
    config,
    owner,
    http,
    login,
    unitId,
    close: async () => {
      await owner.destroy();
      await app.close();
    },
  };
}

/** Schemas checked by this spec file, per database: two apps started at once install a missing one once. */
const queueSchemas = new Map<string, Promise<void>>();

/**
 * The global setup installed the workers' schemas (prepareWorkerQueueSchemas); a database made without them (a server
 * of a spec's own) or another schema a spec names gets it here, as the migrate step installs pgboss.
 */
function queueSchemaIn(owner: DataSource, ownerUrl: string, schema: string): Promise<void> {
  const key = `${ownerUrl} ${schema}`;
  let prepared = queueSchemas.get(key);
  if (!prepared) {
    prepared = (async () => {
      if (!(await jobQueueSchemaInstalled(owner, schema))) await prepareJobQueueSchema(owner, schema);
    })();
    prepared.catch(() => queueSchemas.delete(key));
    queueSchemas.set(key, prepared);
  }
  return prepared;
}

let log: Writable | undefined;
/**
 * The spec file's application log (JSON lines of pino, the API's logger: warnings and errors with their stacks), one
 * file per spec file under the run's folder, shared by the file's applications. Written synchronously, so every line
 * is on disk when Jest reports the file; never closed (a file descriptor, no handle), so an application closed late
 * never writes to a closed stream.
 */
function specLog(): Writable {
  // pino's own destination (sonic-boom): what the API's logger writes to; a stream to pino-http, typed as one here.
  log ??= pino.destination({
    dest: appLogFile(readTestEnv(), expect.getState().testPath),
    sync: true,
    mkdir: true,
  }) as unknown as Writable;
  return log;
}

export { queueSchemasOf, workerQueueSchema } from './queue-schemas';

let counter = 0;
/** A fresh user, so tests that lock, throttle or enrol do not disturb each other. */
export async function createUser(
  t: TestApp,
  role: string,
  unitCode: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const username = `test.${role.toLowerCase()}.${process.pid}.${++counter}.${Date.now() % 100000}`;
  await t.owner.query(
    `insert into app_user (username, password_hash, full_name, role, org_unit_id) values ($1, $2, $3, $4, $5)`,
    [
      username,
      await argon2.hash(password, { type: argon2.argon2id }),
      'Người Dùng Thử',
      role,
      await t.unitId(unitCode),
    ],
  );
  // Officers must use a second factor (docs/domain/sign-in.md): like the seeded ones, they come enrolled, so `login`
  // signs them in. Administrators stay unenrolled, as before (specs enrol them when they need to).
  if (role === 'DEPARTMENT_OFFICER' || role === 'UNIT_OFFICER')
    await enrolUser(t.owner, username, t.config.MFA_ENCRYPTION_KEY ?? t.config.JWT_SECRET);
  return username;
}

/** A fresh school under `parentCode`, with a profile, known to the API's org tree at once. */
export async function createSchool(t: TestApp, parentCode: string): Promise<{ id: string; code: string }> {
  const code = `T-${process.pid}-${++counter}-${Date.now() % 100000}`.slice(0, 20);
  const [row] = await t.owner.query(
    `insert into org_unit (parent_id, kind, code, name, levels, ownership) values ($1, 'SCHOOL', $2, $3, '{LOWER_SECONDARY}', 'PUBLIC') returning id`,
    [await t.unitId(parentCode), code, `Trường THCS Thử ${code}`],
  );
  await t.owner.query(`insert into school_profile (school_id, address, updated_at) values ($1, 'Xã Thử', now())`, [
    row.id,
  ]);
  t.app.get(OrgTreeService).invalidate();
  return { id: row.id, code };
}

let addresses = 0;
/**
 * A client address of the test's own (IPv6 documentation range), sent as X-Forwarded-For (the API trusts the loopback
 * proxy): failed sign-ins are counted per address, and a spec's failures must not throttle the others' sign-ins.
 */
export function freshAddress(): { 'X-Forwarded-For': string } {
  const pid = process.pid;
  return { 'X-Forwarded-For': `2001:db8:${(pid >> 16).toString(16)}:${(pid & 0xffff).toString(16)}::${++addresses}` };
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}
