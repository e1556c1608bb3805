import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig, dataSourceOptions, reportingDatabaseUrl, ScopedDb, ScopeSealer } from '@emis/api/platform';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';

/** How reporting connections name themselves in pg_stat_activity (and on a replica's). */
export const REPORTING_APPLICATION_NAME = 'emis-reporting';

/**
 * The reports' own connection pool (REPORTING_DATABASE_URL, by default the application role's own URL), so a
 * deployment can point province reports at a read replica. Its transactions are scoped exactly as TenantDb's
 * (ScopedDb: the caller's sealed scope, then RLS) — only what it reads is elsewhere. It only reads:
 * report jobs are written through TenantDb, on the primary.
 */
@Injectable()
export class ReportingDb extends ScopedDb implements OnModuleInit, OnApplicationShutdown {
  constructor(config: AppConfig, cls: ClsService, sealer: ScopeSealer) {
    super(
      new DataSource(
        dataSourceOptions(reportingDatabaseUrl(config), {
          extra: {
            // Reports are few and heavy; a quarter of the API's pool is plenty and keeps them from crowding it out.
            max: Math.max(2, Math.ceil(config.DB_POOL_SIZE / 4)),
            connectionTimeoutMillis: config.DB_POOL_ACQUIRE_TIMEOUT_MS,
            application_name: REPORTING_APPLICATION_NAME,
          },
        }),
      ),
      cls,
      sealer,
      'reportingEntityManager',
    );
  }

  async onModuleInit(): Promise<void> {
    await this.dataSource.initialize();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
