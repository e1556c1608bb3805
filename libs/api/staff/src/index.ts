export * from './staff.module';
export * from './staff-directory';
/** The reporting read model's port: staff in post by position, qualification, contract, gender and age band. */
export { StaffFacts } from './staff-facts';
export { displayDate } from './staff-rules';
export * from './staff-events';
export { STAFF_MESSAGES } from './messages';
// Its migrations, collected in order by the app (apps/api/src/migrations.ts).
export { CreateStaff1764200000010 } from './migrations/1764200000010-CreateStaff';
export { CreateStaffViews1764400000300 } from './migrations/1764400000300-CreateStaffViews';
