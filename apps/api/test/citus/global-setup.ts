import { readFileSync } from 'node:fs';
import path from 'node:path';
import { register } from 'tsconfig-paths';

/** As apps/api/test/global-setup.ts: the monorepo's path aliases first, then the cluster (prepare-citus-db.ts). */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const root = path.resolve(__dirname, '../../../..');
  const { compilerOptions } = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
  register({ baseUrl: root, paths: compilerOptions.paths });
  const { prepareCitusDb } = await import('./prepare-citus-db');
  await prepareCitusDb(globalConfig.maxWorkers);
}
