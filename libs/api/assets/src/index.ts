export * from './assets.module';
export { ASSETS_MESSAGES } from './messages';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateAssets1764600000000 } from './migrations/1764600000000-CreateAssets';
export { AddInventorySurplusAndImport1764600000400 } from './migrations/1764600000400-AddInventorySurplusAndImport';
