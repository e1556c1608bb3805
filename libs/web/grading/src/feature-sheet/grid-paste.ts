/**
 * A displayed column as paste sees it: the kind of input it takes, or null when it takes none (the student's own
 * columns, the computed averages).
 */
export interface PasteColumn {
  key: string;
  label: string;
  takes: 'grade' | 'comment' | null;
}

export interface PasteWrite {
  rowIndex: number;
  key: string;
  raw: string;
}

/** Where a paste went and what it refused, for the live-region report. */
export interface PastePlan {
  writes: PasteWrite[];
  /** Labels of the first and last column written. */
  columns: [string, string] | null;
  /** Displayed row indexes of the first and last row written. */
  rows: [number, number] | null;
  /** Clipboard cells with no column of the same kind left to their right (a wide block, a score toward the comment). */
  pastLastColumn: number;
  /** Clipboard cells below the last student. */
  pastLastRow: number;
}

export type PasteRefusal = 'notEditable';

/**
 * Plans a paste of a block copied from Excel at the focused cell. The block aligns to the column under the cursor and
 * its columns map onto the following columns of the same kind only — score columns for a score, the comment for the
 * comment — so the name, date of birth and averages are skipped rather than written over, and a block wider than the
 * scores never spills a number into the comment. A paste on a column that takes no input is refused as a whole.
 * Every value still goes through the domain's parseCell when written (see the grid).
 */
export function planPaste(
  block: readonly (readonly string[])[],
  columns: readonly PasteColumn[],
  focus: { rowIndex: number; colId: string },
  rowCount: number,
): PastePlan | PasteRefusal {
  const start = columns.find((c) => c.key === focus.colId);
  if (!start?.takes) return 'notEditable';
  const targets = columns.filter((c) => c.takes === start.takes);
  const first = targets.indexOf(start);
  const plan: PastePlan = { writes: [], columns: null, rows: null, pastLastColumn: 0, pastLastRow: 0 };
  let lastColumn = first;
  block.forEach((values, r) => {
    const rowIndex = focus.rowIndex + r;
    if (rowIndex >= rowCount) {
      plan.pastLastRow += values.length;
      return;
    }
    values.forEach((raw, c) => {
      const target = targets[first + c];
      if (!target) {
        plan.pastLastColumn += 1;
        return;
      }
      plan.writes.push({ rowIndex, key: target.key, raw: raw.trim() });
      lastColumn = Math.max(lastColumn, first + c);
    });
  });
  if (plan.writes.length > 0) {
    plan.columns = [targets[first].label, targets[lastColumn].label];
    plan.rows = [focus.rowIndex, plan.writes[plan.writes.length - 1].rowIndex];
  }
  return plan;
}

/**
 * What the live region says after a paste: "Đã dán 24 ô vào TX1–TX3, hàng 1–8. Từ chối 3 ô (…). 2 ô không hợp lệ
 * (tô đỏ), chưa lưu." Rows are named by STT (`ordinal`), texts by `t` (keys under grading.grid).
 */
export function pasteReport(
  plan: PastePlan,
  invalid: number,
  t: (key: string, params?: Record<string, unknown>) => string,
  ordinal: (rowIndex: number) => number,
): string {
  const span = (first: string | number, last: string | number) => (first === last ? `${first}` : `${first}–${last}`);
  const parts: string[] = [];
  if (plan.columns && plan.rows) {
    const [firstRow, lastRow] = plan.rows.map(ordinal);
    parts.push(
      t('pasted', { cells: plan.writes.length, columns: span(...plan.columns), rows: span(firstRow, lastRow) }),
    );
  } else parts.push(t('pastedNothing'));
  const reasons: string[] = [];
  if (plan.pastLastColumn) reasons.push(t('pastLastColumn', { count: plan.pastLastColumn }));
  if (plan.pastLastRow) reasons.push(t('pastLastRow', { count: plan.pastLastRow }));
  if (reasons.length)
    parts.push(t('refused', { count: plan.pastLastColumn + plan.pastLastRow, reasons: reasons.join('; ') }));
  if (invalid) parts.push(t('pastedInvalid', { count: invalid }));
  return parts.join(' ');
}
