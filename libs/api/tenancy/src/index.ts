export * from './tenancy.module';
export * from './org-tree.service';
export * from './schools.service';
export * from './department.repository';
export { TENANCY_MESSAGES } from './messages';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateOrgUnits1764100000020 } from './migrations/1764100000020-CreateOrgUnits';
export { CreateTenancyViews1764400000500 } from './migrations/1764400000500-CreateTenancyViews';
export { ExtendTenancyViews1764400000900 } from './migrations/1764400000900-ExtendTenancyViews';
export { CreateTenancyHistoryView1764500000300 } from './migrations/1764500000300-CreateTenancyHistoryView';
