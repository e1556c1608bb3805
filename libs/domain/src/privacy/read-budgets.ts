import { Role } from '../identity/roles';

/**
 * Budgets on personal-data reads (Decree 356/2025/NĐ-CP: a controller limits processing to what the purpose needs and
 * can show who saw whose data; docs/security/guard.md gives the numbers' reasons). A user's budget counts the
 * distinct pupils or staff whose identifying data (name with an ID number or a date of birth) the API returned to them,
 * in a rolling hour and a rolling day. Re-reading someone already counted costs nothing: a school administrator paging
 * back and forth through their own school spends the school's size once a day, however often they look.
 */
export type PersonalDataKind = 'STUDENT' | 'STAFF';

export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = ['STUDENT', 'STAFF'];

export interface ReadBudget {
  /** Distinct people first read in the last hour. */
  perHour: number;
  /** Distinct people read in the last 24 hours. */
  perDay: number;
}

export interface RoleReadBudgets {
  STUDENT: ReadBudget;
  STAFF: ReadBudget;
  /** Exports of personal data (student, staff and whole-school grade workbooks) in the last 24 hours. */
  exportsPerDay: number;
}

/**
 * Per role, from how each role works (docs/security/guard.md, "Budgets"):
 * - a school administrator manages one school (300–1,500 pupils; the largest upper-secondary schools near 2,500),
 *   so the hour covers their whole school, the day twice it (a school year's changes, transfers in);
 * - the accountant works with every pupil's fees, so the school once a day;
 * - a teacher teaches at most ~14 classes of 45;
 * - a district (unit) officer follows a few schools' cases, not their pupils one by one;
 * - the department reads statistics (the reporting read model, no names) and looks up individual cases: a department
 *   officer's loop over every school's pupils stops within the first few hundred.
 */
export const READ_BUDGETS: Readonly<Record<Role, RoleReadBudgets>> = {
  DEPARTMENT_ADMIN: {
    STUDENT: { perHour: 400, perDay: 1_000 },
    STAFF: { perHour: 200, perDay: 500 },
    exportsPerDay: 5,
  },
  DEPARTMENT_OFFICER: {
    STUDENT: { perHour: 400, perDay: 1_000 },
    STAFF: { perHour: 200, perDay: 500 },
    exportsPerDay: 5,
  },
  UNIT_OFFICER: { STUDENT: { perHour: 600, perDay: 1_500 }, STAFF: { perHour: 300, perDay: 600 }, exportsPerDay: 10 },
  SCHOOL_ADMIN: {
    STUDENT: { perHour: 2_500, perDay: 5_000 },
    STAFF: { perHour: 300, perDay: 600 },
    exportsPerDay: 20,
  },
  ACCOUNTANT: { STUDENT: { perHour: 2_500, perDay: 3_000 }, STAFF: { perHour: 300, perDay: 300 }, exportsPerDay: 10 },
  TEACHER: { STUDENT: { perHour: 700, perDay: 1_000 }, STAFF: { perHour: 100, perDay: 200 }, exportsPerDay: 5 },
};

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export type BudgetWindow = 'HOUR' | 'DAY';

/** What a user's ledger holds for one kind of person: counts and the oldest first read inside each window. */
export interface ReadTally {
  hour: number;
  day: number;
  oldestInHour: Date | null;
  oldestInDay: Date | null;
}

export type BudgetVerdict = { allowed: true } | { allowed: false; window: BudgetWindow; limit: number; freesAt: Date };

/**
 * Whether `fresh` people not yet counted may be returned on top of `tally`. A request is charged whole or refused
 * whole: a page is never cut short silently. Past the budget, the window frees up when its oldest read leaves it.
 */
export function judgeRead(budget: ReadBudget, tally: ReadTally, fresh: number, now: Date): BudgetVerdict {
  if (fresh === 0) return { allowed: true };
  if (tally.day + fresh > budget.perDay)
    return { allowed: false, window: 'DAY', limit: budget.perDay, freesAt: freesAt(tally.oldestInDay, DAY_MS, now) };
  if (tally.hour + fresh > budget.perHour)
    return {
      allowed: false,
      window: 'HOUR',
      limit: budget.perHour,
      freesAt: freesAt(tally.oldestInHour, HOUR_MS, now),
    };
  return { allowed: true };
}

/** A request larger than the whole budget waits a whole window; otherwise until the oldest read leaves it. */
function freesAt(oldest: Date | null, windowMs: number, now: Date): Date {
  return new Date((oldest ?? now).getTime() + windowMs);
}

/** Whether one more export fits the role's daily limit, given the exports of the last 24 hours (oldest first). */
export function judgeExport(role: Role, exportsInDay: number, oldestInDay: Date | null, now: Date): BudgetVerdict {
  const limit = READ_BUDGETS[role].exportsPerDay;
  if (exportsInDay < limit) return { allowed: true };
  return { allowed: false, window: 'DAY', limit, freesAt: freesAt(oldestInDay, DAY_MS, now) };
}

/** A stated reason for an export: long enough to say something, short enough for the audit row. */
export const EXPORT_REASON_LENGTH = { min: 10, max: 500 } as const;
