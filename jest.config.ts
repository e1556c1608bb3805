import type { Config } from 'jest';
import { preset } from './jest.preset';

/** Unit tests: `*.spec.ts` beside the code; no database. */
const config: Config = {
  ...preset,
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
  // A hang guard, not Jest's 5-second budget: a property test on a busy machine is slower, never wrong.
  testTimeout: 10 * 60_000,
};

export default config;
