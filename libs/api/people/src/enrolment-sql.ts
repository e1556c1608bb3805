/**
 * The enrolment interval in SQL, for every query of any context that asks who sits in a class: the same rule as
 * isEnrolledOn and overlaps of @emis/domain. from_date and to_date are both inclusive; a null to_date means the
 * pupil is still in the class (the enrolment-interval ADR in docs/adr).
 *
 * Each function takes the alias of the enrolment row and SQL expressions of type date (a bind parameter such as
 * `$3::date`, or a column), and answers a parenthesised condition to AND into a WHERE or a JOIN.
 */

/** The enrolment row `e` covers the day `day`. */
export function enrolledOnSql(e: string, day: string): string {
  return `(${e}.from_date <= ${day} and (${e}.to_date is null or ${e}.to_date >= ${day}))`;
}

/** The enrolment row `e` covers at least one day of the period `from`..`to`, both ends included. */
export function enrolledDuringSql(e: string, from: string, to: string): string {
  return `(${e}.from_date <= ${to} and (${e}.to_date is null or ${e}.to_date >= ${from}))`;
}

/**
 * The enrolment row `e` has no last day yet: the class the pupil is in now, or has been placed in from a later
 * day. Class lists, sizes, grade sheets and promotion cohorts read this, so a pupil placed before the year starts
 * is on the new class's list already; one row at most per pupil and year (index enrolment_open_idx).
 */
export function openEnrolmentSql(e: string): string {
  return `${e}.to_date is null`;
}

/**
 * The day a year's reporting figures count the pupils enrolled on (class sizes, headcounts): today while the year
 * runs, its last day once it has ended, its first day before it starts — so a closed year keeps the figures it ended
 * with and next year's classes show the pupils already placed. `today`, `startsOn`, `endsOn`: SQL dates.
 */
export function censusDaySql(today: string, startsOn: string, endsOn: string): string {
  return `least(greatest(${today}, ${startsOn}), ${endsOn})`;
}
