import { readFileSync } from 'node:fs';
import path from 'node:path';
import { register } from 'tsconfig-paths';

/**
 * Jest runs the global setup outside its module mapper, so the monorepo's path aliases are registered here
 * before the setup (which imports the API libraries) is loaded.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const { compilerOptions } = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
  register({ baseUrl: root, paths: compilerOptions.paths });
  const { prepareTestDb } = await import('./prepare-test-db');
  await prepareTestDb(globalConfig.maxWorkers);
}
