export * from './paging';
export * from './problem';
export * from './auth';
export * from './org';
export * from './audit';
