import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from 'jest';
import { preset } from './jest.preset';

/**
 * The integration tests on a Citus cluster (`npm run test:citus`, tools/citus/test.mjs): the global setup starts a
 * coordinator and two workers, migrates, seeds and distributes (apps/api/test/citus/prepare-citus-db.ts); the specs
 * are every apps/api/test/citus/*.citus-spec.ts and the integration specs listed in apps/api/test/citus/suite.json,
 * all booting the API against the coordinator exactly as the integration run boots it against the embedded database.
 */
const suite = JSON.parse(readFileSync(path.join(__dirname, 'apps/api/test/citus/suite.json'), 'utf8')) as {
  specs: string[];
};

const config: Config = {
  ...preset,
  displayName: 'citus',
  testMatch: [
    '<rootDir>/apps/api/test/citus/*.citus-spec.ts',
    ...suite.specs.map((name) => `<rootDir>/apps/api/test/${name}.int-spec.ts`),
  ],
  globalSetup: '<rootDir>/apps/api/test/citus/global-setup.ts',
  globalTeardown: '<rootDir>/apps/api/test/citus/global-teardown.ts',
  // A hang guard, not a budget (as jest.int.config.ts).
  testTimeout: 15 * 60_000,
  maxWorkers: 2,
  // A failed spec file's application log (warnings and errors, with stacks) after Jest's own report of it.
  reporters: ['default', '<rootDir>/apps/api/test/app-log-reporter.mjs'],
};

export default config;
