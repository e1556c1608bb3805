import { SecurityEventKind, SecurityEventQuery } from '@emis/contracts';

/** The page's filters as the form holds them: dates as yyyy-MM-dd (the date inputs), flags as booleans. */
export interface SecurityFilters {
  kind: SecurityEventKind | '';
  userId: string;
  fromDate: string;
  toDate: string;
  alerts: boolean;
  open: boolean;
}

export const NO_FILTERS: SecurityFilters = {
  kind: '',
  userId: '',
  fromDate: '',
  toDate: '',
  alerts: false,
  open: false,
};

/**
 * The query the filters ask: a day in Vietnam's time (UTC+7, no daylight saving) from its first instant; "to" is
 * inclusive on the page, so the query's exclusive end is the next day's first instant.
 */
export function queryOf(f: SecurityFilters): SecurityEventQuery {
  return {
    kind: f.kind || undefined,
    userId: f.userId || undefined,
    from: f.fromDate ? startOfDayInVietnam(f.fromDate, 0) : undefined,
    to: f.toDate ? startOfDayInVietnam(f.toDate, 1) : undefined,
    alerts: f.alerts || undefined,
    open: f.open || undefined,
  };
}

function startOfDayInVietnam(date: string, plusDays: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + plusDays, -7)).toISOString();
}
