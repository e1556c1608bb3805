import type { Config } from 'jest';
import { preset } from './jest.preset';

/** API integration tests: `*.int-spec.ts`, against a real PostgreSQL started once per run (apps/api/test/global-setup.ts). */
const config: Config = {
  ...preset,
  displayName: 'integration',
  testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
  globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};

export default config;
