import { rmSync } from 'node:fs';
import { readTestEnv } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as Record<string, unknown>)['__EMIS_DB__'] as { stop: () => Promise<void> } | undefined;
  await db?.stop();
  rmSync(readTestEnv().dataDir, { recursive: true, force: true });
}
