export * from './staff.module';
export * from './staff-directory';
export { todayInVietnam } from './staff.service';
export { displayDate, isIsoDate } from './staff-rules';
