import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What the global setup started, handed to the test workers through a file (workers are separate processes). */
export interface TestEnv {
  ownerUrl: string;
  appPassword: string;
  jwtSecret: string;
  dataDir: string;
}

/** A copy of the seeded database for tests that write freely (the access sweep). */
export const SWEEP_DATABASE = 'emis_sweep';

const FILE = path.resolve(__dirname, '../../../tmp/int-test-env.json');

export function writeTestEnv(env: TestEnv): void {
  mkdirSync(path.dirname(FILE), { recursive: true });
  writeFileSync(FILE, JSON.stringify(env));
}

export function readTestEnv(): TestEnv {
  return JSON.parse(readFileSync(FILE, 'utf8')) as TestEnv;
}
