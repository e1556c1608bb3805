import path from 'node:path';

/** What the global setup started, handed to the test workers (separate processes). */
export interface TestEnv {
  ownerUrl: string;
  appPassword: string;
  /** emis_jobs's login, set by the migrate step: pg-boss's role (docs/security/roles.md). */
  jobsPassword: string;
  jwtSecret: string;
  /** SCOPE_KEY of the run: installed by the migrate step, signs the API's scopes (docs/adr/sealed-scope.md). */
  scopeKey: string;
  dataDir: string;
}

/**
 * How long a wait may last before a test calls it a hang. A guard, never a budget: work that takes longer on a busy
 * machine is still correct, so it is far above any honest duration (jest.int.config.ts's testTimeout is above it, so
 * a wait that gives up says what it was waiting for).
 */
export const HANG_GUARD_MS = 10 * 60_000;

/** Copies of the seeded database for tests that write freely: one per access sweep, so the two run side by side. */
export const SWEEP_DATABASES = { bothLayers: 'emis_sweep', apiAlone: 'emis_sweep_api' } as const;

/**
 * Handed over in an environment variable: the global setup runs in Jest's parent process before the workers are
 * started, and workers inherit its environment. (A file would be shared by concurrent runs on one machine.)
 */
const VARIABLE = 'EMIS_INT_TEST_ENV';

export function writeTestEnv(env: TestEnv): void {
  process.env[VARIABLE] = JSON.stringify(env);
}

export function readTestEnv(): TestEnv {
  const value = process.env[VARIABLE];
  if (!value) throw new Error(`${VARIABLE} is not set: run integration tests with jest -c jest.int.config.ts`);
  return JSON.parse(value) as TestEnv;
}

/**
 * The application log of a spec file (apps/api/test/harness.ts writes it, apps/api/test/app-log-reporter.mjs prints
 * it when the file fails, naming it the same way): `<dataDir>/app-logs/<the file's path from the repository root,
 * with / as __>.log`.
 */
export function appLogFile(env: Pick<TestEnv, 'dataDir'>, testPath: string | undefined): string {
  const name = testPath
    ? path.relative(path.resolve(__dirname, '../../..'), testPath).split(path.sep).join('__')
    : `process-${process.pid}`;
  return path.join(env.dataDir, 'app-logs', `${name}.log`);
}
