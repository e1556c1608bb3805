import { DataSource, DataSourceOptions } from 'typeorm';
import { prepareJobQueueSchema } from './job-queue-schema';
import { checkAppliedMigrations, MigrationSet, recordChecksums } from './migration-ledger';
import { APP_ROLE, JOBS_ROLE } from './runtime-roles';

const MIGRATIONS_TABLE = 'schema_migration';

/**
 * One definition of the connection, used by Nest (as the emis_app role) and by the migration step
 * (as the schema owner). Emis writes SQL by hand in repositories, so no entities are registered:
 * the school_id predicates that RLS and Citus routing depend on stay visible in every query.
 */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: MIGRATIONS_TABLE,
    entities: [],
    ...extra,
  } as DataSourceOptions;
}

/**
 * Applies the app's pending migrations as the schema owner, installs or upgrades the job queue's schema and hands it
 * to emis_jobs, gives the runtime roles their logins (docs/security/roles.md) and installs the scope key (SCOPE_KEY,
 * the secret the API signs its scopes with: docs/adr/sealed-scope.md). Refuses (MigrationRefused, one line) when an
 * applied migration's text changed or the database knows one this build lacks.
 */
/** What the migrate step hands the database: the runtime roles' passwords and the scope key, each when given. */
export interface RuntimeSecrets {
  appPassword?: string;
  jobsPassword?: string;
  scopeKey?: string;
}

export async function prepareDatabase(
  ownerUrl: string,
  set: MigrationSet,
  secrets: RuntimeSecrets = {},
): Promise<string[]> {
  const owner = new DataSource(dataSourceOptions(ownerUrl, { logging: ['error'], migrations: [...set.migrations] }));
  await owner.initialize();
  try {
    await owner.transaction((db) => checkAppliedMigrations(db, MIGRATIONS_TABLE, set));
    const applied = (await owner.runMigrations({ transaction: 'each' })).map((m) => m.name);
    await recordChecksums(owner.manager, MIGRATIONS_TABLE, set, applied);
    // emis_jobs exists once CreateJobsRole1764900000950 ran here or in another database of the cluster.
    if (await roleExists(owner, JOBS_ROLE)) await prepareJobQueueSchema(owner);
    if (secrets.appPassword) await setLogin(owner, APP_ROLE, secrets.appPassword);
    if (secrets.jobsPassword) await setLogin(owner, JOBS_ROLE, secrets.jobsPassword);
    if (secrets.scopeKey) await installScopeKey(owner, secrets.scopeKey);
    return applied;
  } finally {
    await owner.destroy();
  }
}

/** Writes the deployment's scope key into the owner-only scope_key table (its one row), replacing a rotated one. */
async function installScopeKey(owner: DataSource, scopeKey: string): Promise<void> {
  await owner.query(
    `insert into scope_key (id, key) values (true, $1) on conflict (id) do update set key = excluded.key
      where scope_key.key is distinct from excluded.key`,
    [scopeKey],
  );
}

async function roleExists(owner: DataSource, role: string): Promise<boolean> {
  const rows = await owner.query(`select 1 from pg_roles where rolname = $1`, [role]);
  return rows.length > 0;
}

async function setLogin(owner: DataSource, role: string, password: string): Promise<void> {
  // A role password cannot be a bind parameter; quote it as a literal with PostgreSQL's own quoting.
  const [{ literal }] = await owner.query(`select quote_literal($1::text) as literal`, [password]);
  await owner.query(`alter role ${role} login password ${literal}`);
}
