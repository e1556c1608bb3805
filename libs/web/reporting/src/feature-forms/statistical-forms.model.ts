import { SchoolYear, StatisticalReport, StatisticalReportStatus, SubmissionStatusRow } from '@emis/contracts';
import { FACILITY_LINES, STATISTICAL_REPORT_KINDS, StatisticalFormKind } from '@emis/domain';

export const REPORT_STATUSES: readonly StatisticalReportStatus[] = ['NOT_STARTED', 'DRAFT', 'SUBMITTED', 'REOPENED'];

/** The open school year, else the latest one; null when the province has none. */
export function defaultYearId(years: readonly SchoolYear[]): string | null {
  const open = years.find((y) => y.status === 'OPEN');
  if (open) return open.id;
  return [...years].sort((a, b) => b.code.localeCompare(a.code))[0]?.id ?? null;
}

export function isReportKind(value: string | undefined): value is StatisticalFormKind {
  return (STATISTICAL_REPORT_KINDS as readonly string[]).includes(value ?? '');
}

/** How many schools are in each status, for the status list's summary line. */
export function statusCounts(rows: readonly SubmissionStatusRow[]): Record<StatisticalReportStatus, number> {
  const counts = Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<StatisticalReportStatus, number>;
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/** The typed-in figures of a report, one entry per facility line (null when not typed in). */
export function manualOf(report: StatisticalReport): Record<string, number | null> {
  return Object.fromEntries(FACILITY_LINES.map((line) => [line, report.manual[line] ?? null]));
}

/**
 * A typed figure: a whole number from 0 up (thousands dots or spaces allowed, as Vietnamese write them), null when
 * left empty, undefined when it is not a whole number.
 */
export function parseFigure(text: string): number | null | undefined {
  const compact = text.replace(/[.\s]/g, '');
  if (compact === '') return null;
  return /^\d{1,6}$/.test(compact) ? Number(compact) : undefined;
}

/** The school may change its figures and submit while the report is not submitted. */
export function isEditable(report: StatisticalReport): boolean {
  return report.status !== 'SUBMITTED';
}
