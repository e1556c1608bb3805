export * from './grading.module';
export { GRADING_MESSAGES } from './messages';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateGradebook1764300000000 } from './migrations/1764300000000-CreateGradebook';
