export * from './assets.module';
export { ASSETS_MESSAGES } from './messages';
/** For reporting: the school's asset totals (the read model's port). */
export { AssetsFacts } from './assets-facts';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateAssets1764600000000 } from './migrations/1764600000000-CreateAssets';
