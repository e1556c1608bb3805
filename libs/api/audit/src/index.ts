export * from './audit.module';
export * from './audit.service';
export * from './audit.repository';
export { AUDIT_MESSAGES } from './messages';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateAuditChain1764100000040 } from './migrations/1764100000040-CreateAuditChain';
export { AddImportDetails1764200000400 } from './migrations/1764200000400-AddImportDetails';
