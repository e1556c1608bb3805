import { DataSource, DataSourceOptions } from 'typeorm';
import { checkAppliedMigrations, MigrationSet, recordChecksums } from './migration-ledger';

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
 * Applies the app's pending migrations as the schema owner and gives the application role its login. Refuses
 * (MigrationRefused, one line) when an applied migration's text changed or the database knows one this build lacks.
 */
export async function prepareDatabase(ownerUrl: string, set: MigrationSet, appPassword?: string): Promise<string[]> {
  const owner = new DataSource(dataSourceOptions(ownerUrl, { logging: ['error'], migrations: [...set.migrations] }));
  await owner.initialize();
  try {
    await owner.transaction((db) => checkAppliedMigrations(db, MIGRATIONS_TABLE, set));
    const applied = (await owner.runMigrations({ transaction: 'each' })).map((m) => m.name);
    await recordChecksums(owner.manager, MIGRATIONS_TABLE, set, applied);
    if (appPassword) {
      // A role password cannot be a bind parameter; quote it as a literal with PostgreSQL's own quoting.
      const [{ literal }] = await owner.query(`select quote_literal($1::text) as literal`, [appPassword]);
      await owner.query(`alter role emis_app login password ${literal}`);
    }
    return applied;
  } finally {
    await owner.destroy();
  }
}
