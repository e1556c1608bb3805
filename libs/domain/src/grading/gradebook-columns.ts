import { GradeLevel } from '../calendar/grades';
import { regularPeriodicColumns } from './c22/c22-columns';
import { c27Columns } from './c27/c27-columns';
import { coefficientColumns } from './c58/c58-columns';
import { GradeColumn, GradingSubject, Semester } from './grade-column';
import { c58Layout, Scheme } from './scheme';

/**
 * The columns of one subject's semester sheet.
 * `yearCode` matters only for Circular 58, whose sheet changed with Circular 26/2020 (see `c58Layout`): without it a
 * C58 sheet is the pre-2020 coefficient sheet, the one historical gradebooks hold.
 */
export function gradebookColumns(
  scheme: Scheme,
  subject: GradingSubject,
  grade: GradeLevel,
  semester: Semester,
  yearCode?: string,
): GradeColumn[] {
  switch (scheme) {
    case 'C22':
      return regularPeriodicColumns(subject);
    case 'C58':
      return yearCode && c58Layout(yearCode) === 'REGULAR_PERIODIC'
        ? regularPeriodicColumns(subject)
        : coefficientColumns(subject);
    case 'C27':
      return c27Columns(subject, grade, semester);
  }
}
