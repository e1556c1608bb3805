export * from './config/app-config';
export * from './config/config.module';
export * from './context/request-context';
export * from './context/scope-check';
export * from './database/data-source';
export * from './database/migration-ledger';
export * from './database/tenant-db';
export * from './database/database.module';
export * from './http/messages';
export * from './http/problem';
export * from './http/problem.filter';
export * from './http/validation';
export * from './http/paging';
export * from './access/access.decorators';
export * from './access/permission.guard';
export * from './excel/xlsx-export';
export * from './database/sql';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateAppRoleAndScope1764100000010 } from './migrations/1764100000010-CreateAppRoleAndScope';
