export * from './staff.module';
export * from './staff-directory';
export { displayDate } from './staff-rules';
export * from './staff-events';
export { STAFF_MESSAGES } from './messages';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateStaff1764200000010 } from './migrations/1764200000010-CreateStaff';
export { CreateStaffViews1764400000300 } from './migrations/1764400000300-CreateStaffViews';
