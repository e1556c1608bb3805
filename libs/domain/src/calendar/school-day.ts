/**
 * Schools date their records by the day in Vietnam (UTC+7), whatever zone the server or the browser runs in:
 * taken in UTC, a record entered before 07:00 would carry yesterday's date.
 */
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Vietnam as yyyy-MM-dd. */
export function todayInVietnam(now: Date = new Date()): string {
  return VIETNAM_DAY.format(now);
}

/** A calendar date written yyyy-MM-dd that exists (2013-02-29 and 2013-04-31 do not). */
export function isRealDate(value: unknown): value is string {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Ages a pupil of a general-education school or a continuing-education centre can plausibly have. */
export const SCHOOL_AGE = { min: 2, max: 25 } as const;

/** Whole years between a birth date and `on` (both yyyy-MM-dd); a 29 February birthday counts from 1 March. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The four semester dates of a school's calendar for a year (the school's own, or the province's). */
export interface SchoolSemesters {
  semester1Start: string;
  semester1End: string;
  semester2Start: string;
  semester2End: string;
}

/**
 * Public holidays on fixed solar dates (Labour Code 2019, Art. 112.1): New Year's Day, Reunification Day, Labour Day
 * and National Day. The lunar holidays (Tết, the Hùng Kings' day) and the extra day next to 2 September move every
 * year and are not in this list (docs/domain/calendar.md, "School days").
 */
export const FIXED_PUBLIC_HOLIDAYS = ['01-01', '04-30', '05-01', '09-02'] as const;

export type NonSchoolDay = 'sunday' | 'publicHoliday' | 'outsideSemesters';

/**
 * Why a real yyyy-MM-dd date is not a school day of the calendar, or null when it is one (docs/domain/calendar.md,
 * "School days"): Sundays, the fixed public holidays, and the days outside both semesters (before semester I, the
 * break between the semesters, after semester II). Saturdays are school days: many schools teach on them.
 */
export function nonSchoolDay(date: string, calendar: SchoolSemesters): NonSchoolDay | null {
  const inSemester =
    (date >= calendar.semester1Start && date <= calendar.semester1End) ||
    (date >= calendar.semester2Start && date <= calendar.semester2End);
  if (!inSemester) return 'outsideSemesters';
  if (new Date(`${date}T00:00:00Z`).getUTCDay() === 0) return 'sunday';
  if ((FIXED_PUBLIC_HOLIDAYS as readonly string[]).includes(date.slice(5))) return 'publicHoliday';
  return null;
}

/** The last school day on or before `date`, or null when the calendar has none by then. */
export function lastSchoolDayOnOrBefore(date: string, calendar: SchoolSemesters): string | null {
  let day = date > calendar.semester2End ? calendar.semester2End : date;
  while (day >= calendar.semester1Start) {
    if (!nonSchoolDay(day, calendar)) return day;
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    day = d.toISOString().slice(0, 10);
  }
  return null;
}
