
/** What the global setup started, handed to the test workers (separate processes). */
export interface TestEnv {
  ownerUrl: string;
  appPassword: string;
  jwtSecret: string;
  dataDir: string;
}

/** A copy of the seeded database for tests that write freely (the access sweep). */
export const SWEEP_DATABASE = 'emis_sweep';

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
