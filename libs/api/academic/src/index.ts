export * from './academic.module';
/** For other contexts: the closed-year guard (assertWritable, assertClassWritable) and who may teach what (canTeach…). */
export { SchoolYearsService } from './school-years.service';
export { AssignmentsService } from './assignments.service';
