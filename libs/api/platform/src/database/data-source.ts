import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../migrations';

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
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    entities: [],
    ...extra,
  } as DataSourceOptions;
}

/** Applies pending migrations as the schema owner and gives the application role its login. */
export async function prepareDatabase(ownerUrl: string, appPassword?: string): Promise<string[]> {
  const owner = new DataSource(dataSourceOptions(ownerUrl, { logging: ['error'] }));
  await owner.initialize();
  try {
    const applied = await owner.runMigrations({ transaction: 'each' });
    if (appPassword) {
      // A role password cannot be a bind parameter; quote it as a literal with PostgreSQL's own quoting.
      const [{ literal }] = await owner.query(`select quote_literal($1::text) as literal`, [appPassword]);
      await owner.query(`alter role emis_app login password ${literal}`);
    }
    return applied.map((m) => m.name);
  } finally {
    await owner.destroy();
  }
}
