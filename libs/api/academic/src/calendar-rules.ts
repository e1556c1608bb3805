import type { SchoolYearInput, SemesterDates } from '@emis/contracts';
import { isRealDate, isSchoolYearCode, nonSchoolDay, SchoolSemesters } from '@emis/domain';
import type { RawFieldError } from '@emis/api/platform';
import { displayDate } from '@emis/api/staff';

export interface YearBounds {
  startsOn: string;
  endsOn: string;
}

const SEMESTER_FIELDS = ['semester1Start', 'semester1End', 'semester2Start', 'semester2End'] as const;

/**
 * A province's school year: the code names two consecutive years; the year starts between July and October of the
 * first (opening day is early September, Ministry's annual time-frame decision) and ends between April and August of
 * the second; its semesters follow the rules of `semesterErrors`.
 */
export function schoolYearErrors(input: SchoolYearInput): RawFieldError[] {
  if (!isSchoolYearCode(input.code)) return [{ field: 'code', rule: 'schoolYearCode', args: [] }];
  const first = Number(input.code.slice(0, 4));
  const errors = [
    ...rangeError('startsOn', input.startsOn, `${first}-07-01`, `${first}-10-31`),
    ...rangeError('endsOn', input.endsOn, `${first + 1}-04-01`, `${first + 1}-08-31`),
  ];
  return errors.length ? errors : semesterErrors(input, input);
}

/** Semester I runs before semester II, each starts before it ends, and both lie inside the school year. */
export function semesterErrors(d: SemesterDates, year: YearBounds): RawFieldError[] {
  const invalid = SEMESTER_FIELDS.filter((f) => !isRealDate(d[f]));
  if (invalid.length) return invalid.map((field) => ({ field, rule: 'isRealDate', args: [] }));
  const errors: RawFieldError[] = [
    ...rangeError('semester1Start', d.semester1Start, year.startsOn, year.endsOn),
    ...rangeError('semester2End', d.semester2End, year.startsOn, year.endsOn),
  ];
  for (let i = 1; i < SEMESTER_FIELDS.length; i++) {
    const [earlier, later] = [SEMESTER_FIELDS[i - 1], SEMESTER_FIELDS[i]];
    if (d[later] <= d[earlier]) errors.push({ field: later, rule: 'dateAfter', args: [displayDate(d[earlier])] });
  }
  return errors;
}

/** Attendance is kept for school days of the class's year, never ahead of today (Vietnam time). */
export function attendanceDateErrors(date: string, year: YearBounds, today: string): RawFieldError[] {
  if (!isRealDate(date)) return [{ field: 'date', rule: 'isRealDate', args: [] }];
  if (date > today) return [{ field: 'date', rule: 'notInFuture', args: [] }];
  return rangeError('date', date, year.startsOn, year.endsOn);
}

/**
 * Attendance is kept only for the school's school days: inside a semester of the school's calendar (its own dates or
 * the province's), never a Sunday or a fixed public holiday (docs/domain/calendar.md, "School days").
 */
export function schoolDayErrors(date: string, calendar: SchoolSemesters): RawFieldError[] {
  const reason = nonSchoolDay(date, calendar);
  if (reason === 'outsideSemesters') {
    const semesters = `${displayDate(calendar.semester1Start)} – ${displayDate(calendar.semester1End)}`;
    const second = `${displayDate(calendar.semester2Start)} – ${displayDate(calendar.semester2End)}`;
    return [{ field: 'date', rule: 'outsideSemesters', args: [semesters, second] }];
  }
  return reason ? [{ field: 'date', rule: reason === 'sunday' ? 'sundayNoSchool' : 'publicHoliday', args: [] }] : [];
}

function rangeError(field: string, value: string, from: string, to: string): RawFieldError[] {
  if (!isRealDate(value)) return [{ field, rule: 'isRealDate', args: [] }];
  return value < from || value > to ? [{ field, rule: 'inRange', args: [displayDate(from), displayDate(to)] }] : [];
}
