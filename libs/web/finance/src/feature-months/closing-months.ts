import { FinanceMonth } from '@emis/contracts';
import { todayInVietnam } from '@emis/domain';
import { DateRange } from '../data-access/money.api';

/**
 * The one month that may be closed now: months close in order (the API refuses a month while an earlier one is open)
 * and only once they have ended, so it is the earliest open month before the current one, or none.
 */
export function nextClosable(months: readonly FinanceMonth[], today: string = todayInVietnam()): string | null {
  const current = today.slice(0, 7);
  const open = months
    .filter((m) => m.closedAt === null && m.month < current)
    .map((m) => m.month)
    .sort();
  return open[0] ?? null;
}

/** The month's first and last day, to reconcile it before closing. */
export function monthRange(month: string): DateRange {
  const [year, m] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
}
