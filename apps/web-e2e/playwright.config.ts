import { defineConfig } from '@playwright/test';
import path from 'node:path';

const port = Number(process.env['E2E_PORT'] ?? 4310);
const root = path.resolve(__dirname, '../..');
// Overridable so that two runs on one machine (developers working in parallel) do not share a database or results.
const dataDir = path.resolve(root, process.env['E2E_DATA_DIR'] ?? 'tmp/e2e-db');
const outputDir = path.resolve(root, process.env['E2E_OUTPUT_DIR'] ?? 'tmp/e2e-results');

/**
 * End-to-end tests in Debian's Chromium (never a downloaded browser) against the built system: `tools/start.mjs`
 * serves API and web on one port over a fresh embedded PostgreSQL seeded with the demo province.
 */
export default defineConfig({
  testDir: './src',
  outputDir,
  // Hang guards, not budgets: a busy machine is slower, never wrong. A test or a wait for the page (a save, an import
  // job) fails only when it is stuck, so no test sets a shorter timeout of its own.
  timeout: 10 * 60_000,
  expect: { timeout: 2 * 60_000 },
  // One worker: the demo administrators enrol their authenticator once per run, in order.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `rm -rf ${dataDir} && node tools/start.mjs --no-build`,
    cwd: root,
    url: `http://localhost:${port}/api/health`,
    // Migrations and the demo province's seed on a fresh database: minutes on a busy machine.
    timeout: 15 * 60_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { PORT: String(port), EMIS_DATA_DIR: dataDir, LOG_LEVEL: 'warn', AUTH_THROTTLE_LIMIT: '50' },
  },
});
