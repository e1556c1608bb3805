export * from './audit.module';
export * from './audit.service';
export * from './audit.repository';
export { AUDIT_MESSAGES } from './messages';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateAuditChain1764100000040 } from './migrations/1764100000040-CreateAuditChain';
export { AddImportDetails1764200000400 } from './migrations/1764200000400-AddImportDetails';
export { CreateSecurityEvents1764900000050 } from './migrations/1764900000050-CreateSecurityEvents';
export { CreatePersonalDataLedger1764900000400 } from './migrations/1764900000400-CreatePersonalDataLedger';
export { PlanAuditVerifyInPlpgsql1765000001110 } from './migrations/1765000001110-PlanAuditVerifyInPlpgsql';
export { StreamAuditBatch1765000001300 } from './migrations/1765000001300-StreamAuditBatch';
export { InsertAuditBatchAtOnce1765000002200 } from './migrations/1765000002200-InsertAuditBatchAtOnce';
export * from './security-events.service';
// The anchors of the audit chains (docs/security/anchor.md): written by the API, checked by it and by the CLI.
export { AuditAnchors, type AnchorRun } from './anchor/audit-anchors.service';
export { AnchorFile } from './anchor/anchor-file';
export { anchorSettings } from './anchor/anchor-keys';
export { AnchorRepository } from './anchor/anchor.repository';
export { checkChains, isMismatch, withAnchor } from './anchor/anchor-check';
export { PersonalDataGuard } from './privacy/personal-data-guard.service';
export type { PersonalDataExport, ListRelease, RecordRelease } from './privacy/personal-data-guard.service';
export { ExportReasonDto } from './privacy/export-reason.dto';
