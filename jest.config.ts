import type { Config } from 'jest';
import { preset } from './jest.preset';

/**
 * Unit tests: `*.spec.ts` beside the code; no database. Two projects in one run: the API and shared libraries, and
 * the web libraries, whose Angular packages ship as ES modules (`.mjs`): ts-jest turns them into CommonJS like our
 * own files. No DOM is needed: web specs test logic, not templates. A spec that loads a partially compiled Angular
 * package (forms, common/http — Angular's error says so) imports '@angular/compiler' first; the others skip its cost.
 */
const config: Config = {
  projects: [
    {
      ...preset,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
    },
    {
      ...preset,
      displayName: 'web',
      testMatch: ['<rootDir>/libs/web/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
      moduleFileExtensions: ['ts', 'mjs', 'js', 'json'],
      transform: {
        ...preset.transform,
        '^.+\\.m?js$': [
          'ts-jest',
          { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', isolatedModules: true } },
        ],
      },
      transformIgnorePatterns: ['/node_modules/(?!(@angular|@jsverse)/)'],
    },
  ],
  // A hang guard, not Jest's 5-second budget: a property test on a busy machine is slower, never wrong.
  testTimeout: 10 * 60_000,
};

export default config;
