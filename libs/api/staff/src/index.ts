export * from './staff.module';
export * from './staff-directory';
export { displayDate } from './staff-rules';
export * from './staff-events';
