import { ValidationProblem } from '@emis/api/platform';

/** The longest range a book or a reconciliation covers at once: two fiscal years (one year and its carry-over). */
export const MAX_RANGE_DAYS = 731;

/** Refuses `to` before `from`, or a range longer than MAX_RANGE_DAYS (rule financeRange). */
export function assertDateRange(from: string, to: string): void {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days < 1 || days > MAX_RANGE_DAYS) {
    throw new ValidationProblem([{ field: 'to', rule: 'financeRange', args: [MAX_RANGE_DAYS] }]);
  }
}
