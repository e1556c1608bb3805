import { isRealDate, todayInVietnam } from '@emis/domain';
import { DateRange } from '../data-access/money.api';

/** From the first of the month to today: the range an accountant checks the books over most days. */
export function monthToDate(today: string = todayInVietnam()): DateRange {
  return { from: `${today.slice(0, 7)}-01`, to: today };
}

/** From 1 January to today: the fiscal year so far (the State Budget Law's year is the calendar year). */
export function yearToDate(today: string = todayInVietnam()): DateRange {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** Why a typed range cannot be asked for: a date missing or not a real day, or the end before the start. */
export function rangeError(range: DateRange): 'missing' | 'order' | null {
  if (!isRealDate(range.from) || !isRealDate(range.to)) return 'missing';
  return range.from > range.to ? 'order' : null;
}
