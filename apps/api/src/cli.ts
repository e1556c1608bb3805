import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  AnchorFile,
  AnchorRepository,
  anchorSettings,
  AuditRepository,
  checkChains,
  withAnchor,
} from '@emis/api/audit';
import type { ChainVerification } from '@emis/contracts';
import { APP_ROLE, JOBS_ROLE, runtimeRoleUrl, validateConfig } from '@emis/api/platform';
import { FactsRefresher } from '@emis/api/reporting';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { migrateDatabase } from './migrations';
import { bootstrapProvince, resetPassword } from './provision';
import { seedDemoProvince } from './seed/seed-demo';

/**
 * Operator commands, run with the schema owner's DATABASE_URL (not subject to RLS: an operator checks every chain).
 * The API itself never gets that URL (docs/security/roles.md): `prepare` is the step that runs before it.
 *   cli.js prepare                                          migrate, then seed the demo province when SEED_DEMO=true
 *   cli.js migrate                                          apply pending migrations
 *   cli.js audit:verify [orgUnitId…]                        verify one audit chain, or all of them (with the anchors
 *                                                           when ANCHOR_DIR and ANCHOR_PUBLIC_KEY are set)
 *   cli.js bootstrap <deptCode> <deptName> <adminUser> <adminName>   set up a real province's root and first admin
 *   cli.js reset-password <username>                        new temporary password, lockout lifted
 *   cli.js reporting:rebuild [--school <id>]                recompute the reporting facts of every school, or of one
 * (cli.js is dist/apps/api/apps/api/src/cli.js after the build.)
 */
async function run(command: string | undefined, args: string[]): Promise<number> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is required');
  if (command === 'migrate' || command === 'prepare') {
    // The runtime roles get their logins here (APP_DB_PASSWORD, JOBS_DB_PASSWORD), set again at every run; the scope
    // key (SCOPE_KEY) is installed or rotated.
    const applied = await migrateDatabase(url, {
      appPassword: process.env['APP_DB_PASSWORD'],
      jobsPassword: process.env['JOBS_DB_PASSWORD'],
      scopeKey: process.env['SCOPE_KEY'],
    });
    console.log(applied.length ? `Migrations applied: ${applied.join(', ')}` : 'No migration to apply.');
    if (command === 'prepare' && process.env['SEED_DEMO'] === 'true' && (await seedDemoProvince(url)))
      console.log('Demo province seeded.');
    return 0;
  }
  if (command === 'audit:verify') return verifyAudit(url, args);
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
    'Usage: cli.js prepare | migrate | audit:verify [orgUnitId…] | bootstrap … | reset-password <username> | reporting:rebuild [--school <id>]',
  );
  return 64;
}

/**
 * Recomputes the audit chains named (or every chain), and compares each with its latest anchor when the anchors are
 * configured (ANCHOR_DIR, and ANCHOR_PUBLIC_KEY or ANCHOR_SIGNING_KEY): without a list, every chain in the database and
 * every chain an anchor ever named, so a chain deleted with its head is still found. Exit code 2 when anything fails.
 */
async function verifyAudit(url: string, ids: string[]): Promise<number> {
  const anchors = anchorSettings(process.env);
  const ds = new DataSource({ type: 'postgres', url });
  await ds.initialize();
  try {
    const repo = new AuditRepository();
    const ledger = anchors ? await new AnchorFile(anchors.dir, anchors.keys).refresh() : null;
    const chains = ids.length
      ? ids
      : [...new Set([...(await repo.chainIds(ds.manager)), ...(ledger?.chains.keys() ?? [])])].sort();
    const checks = ledger ? await checkChains(ds.manager, new AnchorRepository(), ledger, chains) : null;
    let broken = 0;
    for (const id of chains) {
      const result = withAnchor(await repo.verify(ds.manager, id), checks?.get(id));
      if (!result.valid) broken++;
      console.log(describeChain(result));
    }
    if (ledger) {
      console.log(`Anchor file ${anchors?.dir}: ${ledger.lines} anchor(s), the last at ${ledger.lastAt ?? '-'}.`);
      for (const p of ledger.problems) console.log(`  anchor file line ${p.line}: ${p.problem}`);
    } else console.log('No anchors configured (ANCHOR_DIR, ANCHOR_PUBLIC_KEY): chains checked on their own.');
    console.log(`${chains.length} chain(s) checked, ${broken} broken.`);
    return broken || ledger?.problems.length ? 2 : 0;
  } finally {
    await ds.destroy();
  }
}

function describeChain(r: ChainVerification): string {
  const chain = r.brokenAtSeq === null ? 'OK' : `BROKEN at seq ${r.brokenAtSeq}`;
  const anchor = r.anchor
    ? `  anchor ${r.anchor.status}${r.anchor.anchoredSeq ? ` (seq ${r.anchor.anchoredSeq})` : ''}`
    : '';
  return `${r.schoolId}  rows=${r.rows}  ${chain}${anchor}`;
}

/**
 * The reporting facts recomputed from the owners' data, one transaction per school, with progress. Runs the API's
 * modules without serving HTTP and without the event and import workers; it needs the application role
 * (APP_DB_PASSWORD or DATABASE_APP_URL), since the facts are written under each school's scope like the refresh job does,
 * and the job queue's (JOBS_DB_PASSWORD or DATABASE_JOBS_URL).
 */
async function rebuildFacts(args: string[]): Promise<number> {
  const at = args.indexOf('--school');
  if (at >= 0 && !args[at + 1]) throw new Error('Usage: cli.js reporting:rebuild [--school <id>]');
  const { DATABASE_URL: ownerUrl, ...env } = process.env as Record<string, string>;
  const config = validateConfig({
    ...env,
    // The facts are written as the application role, like the refresh job does; this command is given the owner's URL,
    // which the API's configuration refuses, so the role's URL is derived from it unless given.
    DATABASE_APP_URL: env['DATABASE_APP_URL'] ?? runtimeRoleUrl(ownerUrl, APP_ROLE, env['APP_DB_PASSWORD'] ?? ''),
    // Starting the modules may start pg-boss even with the workers off, so the job queue's role needs its password too.
    DATABASE_JOBS_URL: env['DATABASE_JOBS_URL'] ?? runtimeRoleUrl(ownerUrl, JOBS_ROLE, env['JOBS_DB_PASSWORD'] ?? ''),
    // No token is issued or checked by this process; the configuration still asks for a secret.
    JWT_SECRET: process.env['JWT_SECRET'] ?? randomBytes(32).toString('hex'),
    EVENT_WORKER: 'off',
    IMPORT_WORKER: 'off',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const started = Date.now();
    const count = await app
      .get(FactsRefresher)
      .rebuildSchools(at >= 0 ? [args[at + 1]] : undefined, (p) =>
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
