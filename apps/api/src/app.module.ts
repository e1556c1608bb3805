import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AcademicModule } from '@emis/api/academic';
import { AssetsModule } from '@emis/api/assets';
import { AuditModule } from '@emis/api/audit';
import { FinanceModule } from '@emis/api/finance';
import { GradingModule } from '@emis/api/grading';
import { IdentityModule } from '@emis/api/identity';
import { PeopleModule } from '@emis/api/people';
import {
  AppConfig,
  AppConfigModule,
  appDatabaseUrl,
  CTX,
  DatabaseModule,
  dataSourceOptions,
  EventsModule,
  localeFrom,
  ProblemFilter,
} from '@emis/api/platform';
import { ReportingModule } from '@emis/api/reporting';
import { StaffModule } from '@emis/api/staff';
import { TenancyModule } from '@emis/api/tenancy';
import { SpreadsheetsModule } from '@emis/api/spreadsheets';
import type { Request } from 'express';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import type { Writable } from 'node:stream';
import { HealthController } from './health.controller';
import { accessLog } from './http/access-log';

/** Wires the context libraries together; no business logic lives here. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: { logStream?: Writable } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({
          // Express 5 route syntax; the library's default '*' is the old one and logs a warning.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: accessLog(config, options.logStream),
        }),
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            setup: (cls, req: Request & { id?: string }) => {
              cls.set(CTX.requestId, req.id);
              cls.set(CTX.locale, localeFrom(req.headers['accept-language']));
            },
          },
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(appDatabaseUrl(config)),
          extra: {
            max: config.DB_POOL_SIZE,
            connectionTimeoutMillis: config.DB_POOL_ACQUIRE_TIMEOUT_MS,
            application_name: 'emis-api',
            // Prepared statements (docs/adr/sql-by-hand.md) keep their parse and rewrite but are planned for their
            // parameters each time, as unnamed ones are: a generic plan, which PostgreSQL may settle on after five runs
            // whatever the school, could suit a class of 45 and not a school of 50,000 rows.
            options: '-c plan_cache_mode=force_custom_plan',
          },
        }),
        TerminusModule,
        DatabaseModule,
        EventsModule,
        AuditModule,
        TenancyModule,
        IdentityModule,
        AcademicModule,
        GradingModule,
        StaffModule,
        PeopleModule,
        SpreadsheetsModule,
        ReportingModule,
        AssetsModule,
        FinanceModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
