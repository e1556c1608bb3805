import type { Config } from 'jest';
import { preset } from './jest.preset';

/** API integration tests: `*.int-spec.ts`, against a real PostgreSQL started once per run (apps/api/test/global-setup.ts). */
const config: Config = {
  ...preset,
  displayName: 'integration',
  testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
  globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
  // A hang guard, not a budget: no test may fail for being slow on a busy machine (the waits inside tests give up
  // earlier, after HANG_GUARD_MS in apps/api/test/test-env.ts, saying what they waited for).
  testTimeout: 15 * 60_000,
  maxWorkers: 2,
  // A failed spec file's application log (warnings and errors, with stacks) after Jest's own report of it.
  reporters: ['default', '<rootDir>/apps/api/test/app-log-reporter.mjs'],
};

export default config;
