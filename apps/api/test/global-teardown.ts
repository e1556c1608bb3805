import { rmSync } from 'node:fs';
import { readTestEnv } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as Record<string, unknown>)['__EMIS_DB__'] as { destroy: () => Promise<void> } | undefined;
  // Stops the server and deletes its folder, and the data folder it was given elsewhere if postgres could not enter this one.
  await db?.destroy();
  rmSync(readTestEnv().dataDir, { recursive: true, force: true });
}
