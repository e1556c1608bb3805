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
            // No plan_cache_mode here: PostgreSQL's own (auto). Forcing custom plans also re-planned every foreign-key
            // check of every inserted row and every statement inside PL/pgSQL (audit_append): a grade save planned its
            // 270 history rows' checks one by one, and PostgreSQL spent 15.6 ms of CPU per save instead of 9.9
            // (docs/benchmarks.md, "grade-save at the baseline's cost"). Prepared statements are kept to key lookups
            // whose best plan does not depend on the school's size (docs/adr/sql-by-hand.md).
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
