export * from './people.module';
export * from './enrolment-sql';
