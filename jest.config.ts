import type { Config } from 'jest';
import { preset } from './jest.preset';

/** Unit tests: `*.spec.ts` beside the code; no database. */
const config: Config = {
  ...preset,
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
};

export default config;
