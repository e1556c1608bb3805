import { GradeColumnsLocked, ProblemDetails } from '@emis/contracts';
import { GridRow, recompute, SheetContext } from './sheet-model';

/** An assessment column the principal locked, with the reason they gave (docs/domain/gradebook.md, "Locks"). */
export type LockedColumn = GradeColumnsLocked['lockedColumns'][number];

/**
 * The principal's lock of a column as both views show it (🔒, read-only, the reason): the lock the sheet was loaded
 * with, else one a 423 answer named since; undefined for an open column.
 */
export function columnLock(
  loaded: readonly LockedColumn[] | undefined,
  later: readonly LockedColumn[],
  key: string,
): LockedColumn | undefined {
  return loaded?.find((c) => c.key === key) ?? later.find((c) => c.key === key);
}

/**
 * The columns a 423 answer names (`gradebook_column_locked`: a save changed a column locked since the sheet was
 * loaded); undefined for any other answer — a 423 `gradebook_locked` is the whole sheet.
 */
export function lockedColumnsOf(problem: ProblemDetails): LockedColumn[] | undefined {
  if (problem.status !== 423 || problem.code !== 'gradebook_column_locked') return undefined;
  const columns = (problem as ProblemDetails & Partial<GradeColumnsLocked>).lockedColumns;
  return Array.isArray(columns) && columns.length ? columns : undefined;
}

/** What becomes of a save refused for locked columns. */
export interface ColumnLockOutcome {
  /** Cells of the locked columns put back to their saved values. */
  reverted: number;
  /** The locked columns the refused save touched, in the sheet's order. */
  revertedKeys: string[];
  /** The save's other cells: not written either (the save is refused whole), so they are sent again. */
  resend: [studentId: string, key: string][];
}

/**
 * A save refused with 423 because it changed locked columns wrote nothing. Its cells in those columns go back to the
 * values last saved (the lock wins; the teacher asks for a correction to change them), the rows' averages follow,
 * and every other cell it carried is to be sent again.
 */
export function applyColumnLocks(
  context: SheetContext,
  rows: ReadonlyMap<string, GridRow>,
  sent: ReadonlyMap<string, readonly string[]>,
  locked: ReadonlySet<string>,
): ColumnLockOutcome {
  let reverted = 0;
  const touched = new Set<string>();
  const resend: [string, string][] = [];
  for (const [studentId, keys] of sent) {
    const row = rows.get(studentId);
    if (!row) continue;
    let changed = false;
    for (const key of keys) {
      if (!locked.has(key)) {
        resend.push([studentId, key]);
        continue;
      }
      row.values[key] = row.saved[key] ?? null;
      delete row.errors[key];
      delete row.invalidText[key];
      delete row.conflicts[key];
      touched.add(key);
      reverted++;
      changed = true;
    }
    if (changed) recompute(context, row);
  }
  const order = context.columns.map((c) => c.key).filter((key) => touched.has(key));
  return { reverted, revertedKeys: order, resend };
}
