import { COMPARE_MEASURES, CompareMeasure, CompareQuery, ReportFilterQuery, ReportPeriod } from '@emis/contracts';
import { SCHOOL_LEVELS, SCHOOL_OWNERSHIPS, SchoolLevel, SchoolOwnership } from '@emis/domain';

/**
 * The report filter as it sits in the page's URL (?year=…&period=…&level=…&ownership=…&asOf=…), so a drill-down link
 * keeps it and a URL can be shared. Values the API would refuse are dropped here, so a hand-edited URL falls back to
 * the API's defaults instead of an error page.
 */
export const REPORT_PERIODS: readonly ReportPeriod[] = ['HK1', 'HK2', 'CN'];

/** The URL's query keys of the filter, and of the comparison's own choices. */
export const FILTER_KEYS = ['year', 'period', 'level', 'ownership', 'asOf'] as const;
export const COMPARE_KEYS = ['unit', 'measure', 'subject', 'grade'] as const;

type QueryValues = Record<string, string | readonly string[] | null | undefined>;

function single(values: QueryValues, key: string): string | undefined {
  const value = values[key];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Ids are UUIDs; anything else in the URL is ignored rather than sent. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuid(value: string | undefined): string | undefined {
  return value !== undefined && UUID.test(value) ? value : undefined;
}

export function filterFromQuery(values: QueryValues): ReportFilterQuery {
  const asOf = single(values, 'asOf');
  const filter: ReportFilterQuery = {
    yearId: uuid(single(values, 'year')),
    period: oneOf(REPORT_PERIODS, single(values, 'period')),
    level: oneOf<SchoolLevel>(SCHOOL_LEVELS, single(values, 'level')),
    ownership: oneOf<SchoolOwnership>(SCHOOL_OWNERSHIPS, single(values, 'ownership')),
    asOf: asOf !== undefined && isIsoDay(asOf) ? asOf : undefined,
  };
  return withoutEmpty(filter);
}

/** Query params for router navigation: a cleared value is null, which removes the key from the URL. */
export function filterToQuery(filter: ReportFilterQuery): Record<string, string | null> {
  return {
    year: filter.yearId ?? null,
    period: filter.period ?? null,
    level: filter.level ?? null,
    ownership: filter.ownership ?? null,
    asOf: filter.asOf ?? null,
  };
}

/** The comparison's choices from the URL; the measure defaults to the share of pupils at the top learning levels. */
export function compareFromQuery(values: QueryValues): CompareQuery {
  const measure = oneOf<CompareMeasure>(COMPARE_MEASURES, single(values, 'measure')) ?? 'learningTopShare';
  const query: CompareQuery = {
    ...filterFromQuery(values),
    orgUnitId: uuid(single(values, 'unit')),
    measure,
  };
  if (measure === 'subjectMean') {
    const subject = single(values, 'subject');
    const grade = single(values, 'grade');
    if (subject !== undefined && /^[A-Z0-9_]{1,20}$/.test(subject)) query.subjectCode = subject;
    if (grade !== undefined && /^\d{1,2}$/.test(grade)) query.grade = grade;
  }
  return withoutEmpty(query);
}

function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Which filter fields each endpoint accepts: the API refuses unknown query parameters (400). */
export const UNIT_FILTER_FIELDS = ['yearId', 'period', 'level', 'ownership', 'asOf'] as const;
export const SCHOOL_FILTER_FIELDS = ['yearId', 'period', 'asOf'] as const;
export const CLASS_FILTER_FIELDS = ['yearId', 'period'] as const;
/** The public assets' report: the register as it stands now, so no year or period. */
export const ASSETS_FILTER_FIELDS = ['level', 'ownership', 'asOf'] as const;
/** The finance report: the school year of the dues (its fiscal year travels beside the filter). */
export const FINANCE_FILTER_FIELDS = ['yearId', 'level', 'ownership', 'asOf'] as const;
export const COMPARE_FIELDS = [
  'orgUnitId',
  'yearId',
  'period',
  'level',
  'ownership',
  'asOf',
  'measure',
  'subjectCode',
  'grade',
] as const;

export function pickFields<T extends object>(
  value: T,
  fields: readonly (keyof T & string)[],
): Record<string, string | undefined> {
  const picked: Record<string, string | undefined> = {};
  for (const field of fields) {
    const v = value[field];
    if (typeof v === 'string') picked[field] = v;
  }
  return picked;
}
