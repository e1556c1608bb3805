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
