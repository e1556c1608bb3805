import type { Config } from 'jest';
import { preset } from './jest.preset';

/**
 * Unit tests: `*.spec.ts` beside the code; no database. Two projects in one run: the API and shared libraries, and
 * the web libraries, whose Angular packages ship as ES modules (`.mjs`, partially compiled): ts-jest turns them into
 * CommonJS like our own files, and the JIT compiler is loaded first to finish their declarations. No DOM is needed:
 * web specs test logic, not templates.
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
        '^.+\\.m?js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', isolatedModules: true } }],
      },
      transformIgnorePatterns: ['/node_modules/(?!(@angular|@jsverse)/)'],
      setupFiles: ['<rootDir>/jest.web-setup.ts'],
    },
  ],
};

export default config;
