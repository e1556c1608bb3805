/**
 * When a pupil sits in a class. Both ends are calendar days written yyyy-MM-dd and both are inclusive:
 * `fromDate` is the first day in the class, `toDate` the last one, and a null `toDate` means the pupil is
 * still in the class. A move, a transfer or a drop-out dated d takes effect on d, so the class the pupil
 * leaves keeps them up to and including the day before (the enrolment-interval ADR in docs/adr).
 */
export interface EnrolmentInterval {
  fromDate: string;
  toDate: string | null;
}

/** A span of school days, both ends included (an attendance month, a semester). */
export interface DatePeriod {
  from: string;
  to: string;
}

/** Whether the pupil sits in the class on `date`. yyyy-MM-dd strings order as the days they name. */
export function isEnrolledOn(interval: EnrolmentInterval, date: string): boolean {
  return interval.fromDate <= date && (interval.toDate === null || date <= interval.toDate);
}

/** Whether the pupil sits in the class on at least one day of `period`. */
export function overlaps(interval: EnrolmentInterval, period: DatePeriod): boolean {
  return interval.fromDate <= period.to && (interval.toDate === null || period.from <= interval.toDate);
}

/** The last day in the class a pupil leaves when the move, transfer or drop-out takes effect on `effectiveOn`. */
export function lastDayBefore(effectiveOn: string): string {
  const d = new Date(`${effectiveOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
