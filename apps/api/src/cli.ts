import 'reflect-metadata';
import { AuditRepository } from '@emis/api/audit';
import { prepareDatabase } from '@emis/api/platform';
import { DataSource } from 'typeorm';

/**
 * Operator commands, run with the schema owner's DATABASE_URL (not subject to RLS: an operator checks every chain).
 *   node dist/apps/api/apps/api/src/cli.js audit:verify [orgUnitId]   verify one audit chain, or all of them
 *   node dist/apps/api/apps/api/src/cli.js migrate                    apply pending migrations
 */
async function run(command: string | undefined, args: string[]): Promise<number> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is required');
  if (command === 'migrate') {
    const applied = await prepareDatabase(url, process.env['APP_DB_PASSWORD']);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply.');
    return 0;
  }
  if (command === 'audit:verify') {
    const ds = new DataSource({ type: 'postgres', url });
    await ds.initialize();
    try {
      const repo = new AuditRepository();
      const ids = args.length ? args : await repo.chainIds(ds.manager);
      let broken = 0;
      for (const id of ids) {
        const result = await repo.verify(ds.manager, id);
        if (!result.valid) broken++;
        console.log(`${id}  rows=${result.rows}  ${result.valid ? 'OK' : `BROKEN at seq ${result.brokenAtSeq}`}`);
      }
      console.log(`${ids.length} chain(s) checked, ${broken} broken.`);
      return broken ? 2 : 0;
    } finally {
      await ds.destroy();
    }
  }
  console.error('Usage: cli.js audit:verify [orgUnitId…] | migrate');
  return 64;
}

run(process.argv[2], process.argv.slice(3)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
