import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AuditRepository } from '@emis/api/audit';
import { validateConfig } from '@emis/api/platform';
import { FactsRefresher } from '@emis/api/reporting';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { migrateDatabase } from './migrations';
import { bootstrapProvince, resetPassword } from './provision';

/**
 * Operator commands, run with the schema owner's DATABASE_URL (not subject to RLS: an operator checks every chain).
 *   cli.js migrate                                          apply pending migrations
 *   cli.js audit:verify [orgUnitId…]                        verify one audit chain, or all of them
 *   cli.js bootstrap <deptCode> <deptName> <adminUser> <adminName>   set up a real province's root and first admin
 *   cli.js reset-password <username>                        new temporary password, lockout lifted
 *   cli.js reporting:rebuild [--school <id>]                recompute the reporting facts of every school, or of one
 * (cli.js is dist/apps/api/apps/api/src/cli.js after the build.)
 */
async function run(command: string | undefined, args: string[]): Promise<number> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is required');
  if (command === 'migrate') {
    const applied = await migrateDatabase(url, process.env['APP_DB_PASSWORD']);
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
  if (command === 'bootstrap' || command === 'reset-password') {
    const ds = new DataSource({ type: 'postgres', url });
    await ds.initialize();
    try {
      if (command === 'reset-password') {
        if (args.length !== 1) throw new Error('Usage: cli.js reset-password <username>');
        console.log(`Temporary password for ${args[0]}: ${await resetPassword(ds, args[0])}`);
        return 0;
      }
      const [departmentCode, departmentName, adminUsername, adminName] = args;
      if (!adminName) throw new Error('Usage: cli.js bootstrap <deptCode> <deptName> <adminUser> <adminName>');
      const result = await bootstrapProvince(ds, { departmentCode, departmentName, adminUsername, adminName });
      console.log(`Department ${departmentCode} created (${result.departmentId}).`);
      console.log(`Administrator ${adminUsername}, temporary password: ${result.password}`);
      console.log(
        'Sign in, enrol an authenticator (required for administrators), then change the password on the account page.',
      );
      return 0;
    } finally {
      await ds.destroy();
    }
  }
  if (command === 'reporting:rebuild') return rebuildFacts(args);
  console.error(
    'Usage: cli.js migrate | audit:verify [orgUnitId…] | bootstrap … | reset-password <username> | reporting:rebuild [--school <id>]',
  );
  return 64;
}

/**
 * The reporting facts recomputed from the owners' data, one transaction per school, with progress. Runs the API's
 * modules without serving HTTP and without the event and import workers; it needs the application role
 * (APP_DB_PASSWORD or DATABASE_APP_URL), since the facts are written under each school's scope like the refresh job does.
 */
async function rebuildFacts(args: string[]): Promise<number> {
  const at = args.indexOf('--school');
  if (at >= 0 && !args[at + 1]) throw new Error('Usage: cli.js reporting:rebuild [--school <id>]');
  const config = validateConfig({
    ...process.env,
    // No token is issued or checked by this process; the configuration still asks for a secret.
    JWT_SECRET: process.env['JWT_SECRET'] ?? randomBytes(32).toString('hex'),
    EVENT_WORKER: 'off',
    IMPORT_WORKER: 'off',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const started = Date.now();
    const count = await app.get(FactsRefresher).rebuildSchools(at >= 0 ? [args[at + 1]] : undefined, (p) =>
      console.log(`${p.done}/${p.total}  ${p.schoolId}  version ${p.version}  ${p.ms} ms`),
    );
    console.log(`Reporting facts rebuilt for ${count} school(s) in ${Date.now() - started} ms.`);
    return 0;
  } finally {
    await app.close();
  }
}

run(process.argv[2], process.argv.slice(3)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
