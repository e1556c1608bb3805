import { ReportMeasures, ReportRow } from '@emis/contracts';
import { compareClassNames } from '@emis/domain';

/** The columns a table of units, schools or classes can show; each reads one measure of a row. */
export const REPORT_COLUMNS = {
  schools: (m: ReportMeasures) => m.schools,
  classes: (m: ReportMeasures) => m.classes,
  pupils: (m: ReportMeasures) => m.pupils,
  female: (m: ReportMeasures) => m.female,
  staff: (m: ReportMeasures) => m.staff,
  teachers: (m: ReportMeasures) => m.teachers,
  classSizeBreaches: (m: ReportMeasures) => m.classSizeBreaches,
  attendanceRate: (m: ReportMeasures) => m.attendanceRate,
  droppedOut: (m: ReportMeasures) => m.droppedOut,
  resultsMissing: (m: ReportMeasures) => m.resultsMissing,
} as const;

export type ReportColumn = keyof typeof REPORT_COLUMNS;
export type SortKey = 'name' | 'grade' | ReportColumn;
export interface SortState {
  key: SortKey;
  descending: boolean;
}

/** Shares are shown with a % sign. */
export const PERCENT_COLUMNS: readonly ReportColumn[] = ['attendanceRate'];

/**
 * Rows sorted by a column; withheld or missing values always last (whatever the direction), ties by name in
 * Vietnamese order, so "Trường THCS Ă…" sorts after "Trường THCS A…".
 */
export function sortRows(rows: readonly ReportRow[], sort: SortState): ReportRow[] {
  // Natural order (docs/conventions.md, "Sorting"): class 10A2 before 10A10, school "số 2" before "số 10".
  const byName = (a: ReportRow, b: ReportRow) => compareClassNames(a.name, b.name);
  const value = (row: ReportRow): string | number | null => {
    if (sort.key === 'name') return row.name;
    if (sort.key === 'grade') return row.grade ?? null;
    return REPORT_COLUMNS[sort.key](row.measures);
  };
  const direction = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    const order =
      typeof va === 'number' && typeof vb === 'number'
        ? va - vb
        : String(va).localeCompare(String(vb), 'vi', { numeric: true });
    return order * direction || byName(a, b);
  });
}

/** Clicking the sorted column flips its direction; another column starts descending for figures, ascending for names. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: key !== 'name' && key !== 'grade' };
}
