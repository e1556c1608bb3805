export * from './people.module';
