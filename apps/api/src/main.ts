import 'reflect-metadata';
import { validateConfig } from '@emis/api/platform';
import { FactsRefresher } from '@emis/api/reporting';
import { createApp } from './create-app';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-province.data';

/**
 * Start-up: validate configuration, build the demo's reporting facts when they are missing, then serve. The process
 * holds only the application and job-queue roles' connections: migrations and the demo seed are the migrate step's,
 * run before it as the schema owner (`cli.js prepare`; docs/security/roles.md).
 */
export async function main(): Promise<void> {
  const config = validateConfig(process.env);
  const app = await createApp(config);
  if (config.SEED_DEMO) {
    // The seed writes every context's tables directly, so no event tells reporting: the demo's facts are built here,
    // after a fresh seed or on the first start of a demo seeded before the reporting context existed.
    await app.init();
    const facts = app.get(FactsRefresher);
    if (!(await facts.hasFacts())) {
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
    console.error(error);
    process.exit(1);
  });
}
