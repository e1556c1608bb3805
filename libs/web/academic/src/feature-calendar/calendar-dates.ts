import { SemesterDates } from '@emis/contracts';

/** The rule an ordering check failed, keyed by the field that shows it (a translation key under academic.dates.errors). */
export type DateOrderErrors = Partial<
  Record<keyof SemesterDates | 'endsOn', 'afterStart' | 'beforeYear' | 'afterYear' | 'overlap'>
>;

/**
 * Semester I lies before semester II and both inside the school year (ISO yyyy-MM-dd strings compare as dates).
 * The same order the API checks, so the form flags the field before the round trip.
 */
export function semesterOrderErrors(dates: SemesterDates, year: { startsOn: string; endsOn: string }): DateOrderErrors {
  const errors: DateOrderErrors = {};
  const { semester1Start: s1, semester1End: e1, semester2Start: s2, semester2End: e2 } = dates;
  if (year.startsOn && year.endsOn && year.endsOn <= year.startsOn) errors.endsOn = 'afterStart';
  if (s1 && year.startsOn && s1 < year.startsOn) errors.semester1Start = 'beforeYear';
  if (s1 && e1 && e1 <= s1) errors.semester1End = 'afterStart';
  if (e1 && s2 && s2 <= e1) errors.semester2Start = 'overlap';
  if (s2 && e2 && e2 <= s2) errors.semester2End = 'afterStart';
  else if (e2 && year.endsOn && e2 > year.endsOn) errors.semester2End = 'afterYear';
  return errors;
}

/** Formats yyyy-MM-dd as dd/MM/yyyy without a Date (no zone shifts). */
export function isoToVn(value: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}
