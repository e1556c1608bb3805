import 'reflect-metadata';
import { MigrationRefused, validateConfig } from '@emis/api/platform';
import { FactsRefresher } from '@emis/api/reporting';
import { createApp } from './create-app';
import { migrateDatabase } from './migrations';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-province.data';
import { seedDemoProvince } from './seed/seed-demo';

/** Start-up: validate configuration, migrate, seed the demo province when asked and empty, then serve. */
export async function main(): Promise<void> {
  const config = validateConfig(process.env);
  const applied = await migrateDatabase(
    config.DATABASE_URL,
    config.DATABASE_APP_URL ? undefined : config.APP_DB_PASSWORD,
  );
  if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);
  const seeded = config.SEED_DEMO && (await seedDemoProvince(config.DATABASE_URL));
  if (seeded) console.log('Demo province seeded.');
  const app = await createApp(config);
  if (config.SEED_DEMO) {
    // The seed writes every context's tables directly, so no event tells reporting: the demo's facts are built here,
    // after a fresh seed or on the first start of a demo seeded before the reporting context existed.
    await app.init();
    const facts = app.get(FactsRefresher);
    if (seeded || !(await facts.hasFacts())) {
      const started = Date.now();
      const schools = await facts.rebuildSchools();
      console.log(`Reporting facts built for ${schools} schools in ${Date.now() - started} ms.`);
    }
  }
  await app.listen(config.PORT, process.env['HOST'] ?? '0.0.0.0');
  const url = `http://localhost:${config.PORT}`;
  const lines = [
    '',
    `Emis is running at ${url}  (API docs: ${url}/api/docs)`,
    ...(config.SEED_DEMO
      ? [
          `Demo accounts (password ${DEMO_PASSWORD}; administrators enrol a TOTP authenticator at first sign-in):`,
          ...DEMO_USERS.map((u) => `  ${u.username.padEnd(22)} ${u.role}`),
        ]
      : []),
    '',
  ];
  console.log(lines.join('\n'));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof MigrationRefused ? error.message : error);
    process.exit(1);
  });
}
