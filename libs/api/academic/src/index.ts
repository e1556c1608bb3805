export * from './academic.module';
