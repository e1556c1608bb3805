export * from './assets.module';
export { ASSETS_MESSAGES } from './messages';
/** The event other contexts may subscribe to (the reporting read model's asset totals). */
export { ASSETS_CHANGED } from './assets-events';
/** For reporting: the school's asset totals (the read model's port). */
export { AssetsFacts } from './assets-facts';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateAssets1764600000000 } from './migrations/1764600000000-CreateAssets';
export { AllowAssetImports1764600000300 } from './migrations/1764600000300-AllowAssetImports';
export { AddInventorySurplusAndImport1764600000400 } from './migrations/1764600000400-AddInventorySurplusAndImport';
