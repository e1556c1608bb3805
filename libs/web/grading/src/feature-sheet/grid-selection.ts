/** A cell by displayed row index and displayed column index. */
export interface CellPosition {
  row: number;
  col: number;
}

/** A rectangle of cells, inclusive on every side. */
export interface CellRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The block between the anchor (where the selection started: the last cell reached without Shift) and the cell the
 * selection was extended to with Shift+arrows or Shift+click. AG Grid Community has no range selection (an Enterprise
 * module), so the sheet keeps its own.
 */
export function rangeBetween(anchor: CellPosition, focus: CellPosition): CellRange {
  return {
    top: Math.min(anchor.row, focus.row),
    bottom: Math.max(anchor.row, focus.row),
    left: Math.min(anchor.col, focus.col),
    right: Math.max(anchor.col, focus.col),
  };
}

export function inRange(range: CellRange | null, row: number, col: number): boolean {
  return !!range && row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

export function isSingleCell(range: CellRange): boolean {
  return range.top === range.bottom && range.left === range.right;
}

/** Shift+arrow: the focus moves one cell, kept inside the grid. */
export function extendBy(focus: CellPosition, key: string, size: { rows: number; cols: number }): CellPosition | null {
  const step: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  const delta = step[key];
  if (!delta) return null;
  return {
    row: Math.min(Math.max(focus.row + delta[0], 0), size.rows - 1),
    col: Math.min(Math.max(focus.col + delta[1], 0), size.cols - 1),
  };
}

/**
 * Cells as Excel puts them on the clipboard: tabs between cells, CRLF between rows; a cell holding a tab, a line
 * break or a quote is quoted with its quotes doubled (what parseClipboardBlock reads back).
 */
export function toTsv(cells: readonly (readonly string[])[]): string {
  return cells.map((row) => row.map(tsvCell).join('\t')).join('\r\n');
}

function tsvCell(text: string): string {
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Tab and Shift+Tab walk the cells that take input only (the student's name, averages are skipped), row after row;
 * past the last one (or before the first) the answer is null: the focus leaves the grid, as the browser's Tab would.
 */
export function nextTabStop(
  from: { row: number; colId: string },
  editable: readonly string[],
  rowCount: number,
  backwards: boolean,
): { row: number; colId: string } | null {
  if (editable.length === 0 || rowCount === 0) return null;
  const at = editable.indexOf(from.colId);
  let row = from.row;
  let index: number;
  if (at < 0) {
    // From a read-only column: the first editable cell to its side in the same row.
    index = backwards ? editable.length - 1 : 0;
    if (backwards) row -= 1;
  } else {
    index = at + (backwards ? -1 : 1);
    if (index >= editable.length) {
      index = 0;
      row += 1;
    } else if (index < 0) {
      index = editable.length - 1;
      row -= 1;
    }
  }
  return row < 0 || row >= rowCount ? null : { row, colId: editable[index] };
}
