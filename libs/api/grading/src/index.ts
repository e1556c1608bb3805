export * from './grading.module';
