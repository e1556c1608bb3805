export * from './tenancy.module';
export * from './org-tree.service';
export * from './schools.service';
export * from './department.repository';
export { TENANCY_MESSAGES } from './messages';
// The port identity implements so the organisation pages can count each unit's accounts.
export { UnitAccounts } from './org-admin/unit-accounts';
export type { UnitAccountCount } from './org-admin/unit-accounts';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateOrgUnits1764100000020 } from './migrations/1764100000020-CreateOrgUnits';
export { CreateTenancyViews1764400000500 } from './migrations/1764400000500-CreateTenancyViews';
export { ExtendTenancyViews1764400000900 } from './migrations/1764400000900-ExtendTenancyViews';
export { CreateTenancyHistoryView1764500000300 } from './migrations/1764500000300-CreateTenancyHistoryView';
export { AdministerOrganisation1764800000100 } from './migrations/1764800000100-AdministerOrganisation';
