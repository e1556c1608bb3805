import { signal } from '@angular/core';
import { Column, GridApi } from 'ag-grid-community';
import { CellPosition, CellRange, extendBy, inRange, isSingleCell, rangeBetween, toTsv } from './grid-selection';
import { GridRow } from './sheet-model';

/** The selected block as the grid shows it: its rectangle and its displayed columns. */
export interface SelectedBlock {
  range: CellRange;
  columns: Column[];
}

/**
 * The grade grid's block selection on AG Grid Community (which has no range selection): the anchor is the last cell
 * reached without Shift; Shift+arrows and Shift+click extend the block from it. The grid paints the block through a
 * cellClassRule reading `contains`, copies it with `tsv` and clears it with `block`.
 */
export class SheetSelection {
  readonly range = signal<CellRange | null>(null);
  private anchor: CellPosition | null = null;
  /** The cell a Shift move or Shift+click focuses: its focus events extend the block instead of restarting it. */
  private extendingTo: { row: number; colId: string } | null = null;
  /** The cell the last focus event named. */
  private current: { row: number; colId: string } | null = null;

  constructor(private readonly api: () => GridApi<GridRow> | null) {}

  /** AG Grid's cellFocused. It may fire more than once for a click: the Shift target holds until another cell. */
  focused(rowIndex: number | null, colId: string | null): void {
    if (rowIndex === null || colId === null) return;
    // AG Grid announces the focused cell again when cells are re-rendered (the block's repaint): not a move.
    if (this.current?.row === rowIndex && this.current.colId === colId) return;
    this.current = { row: rowIndex, colId };
    const col = this.columnIndex(colId);
    const extending = this.extendingTo?.row === rowIndex && this.extendingTo.colId === colId;
    if (!extending) this.extendingTo = null;
    if (extending && this.anchor) {
      this.select(rangeBetween(this.anchor, { row: rowIndex, col }));
      return;
    }
    this.anchor = { row: rowIndex, col };
    if (this.range()) this.select(null);
  }

  /** Any key or click without Shift ends the extension. */
  forgetTarget(): void {
    this.extendingTo = null;
  }

  contains(rowIndex: number | null, colId: string): boolean {
    const range = this.range();
    return rowIndex !== null && !!range && inRange(range, rowIndex, this.columnIndex(colId));
  }

  /** Shift+arrow: the focus moves one cell and the block follows it. */
  extend(key: string): void {
    const api = this.api();
    const focused = api?.getFocusedCell();
    if (!api || !focused) return;
    const columns = api.getAllDisplayedColumns();
    const from = { row: focused.rowIndex, col: this.columnIndex(focused.column.getColId()) };
    const to = extendBy(from, key, { rows: api.getDisplayedRowCount(), cols: columns.length });
    if (!to) return;
    const colId = columns[to.col].getColId();
    this.anchor ??= from;
    this.extendingTo = { row: to.row, colId };
    api.ensureIndexVisible(to.row);
    api.ensureColumnVisible(colId);
    api.setFocusedCell(to.row, colId);
  }

  /** Shift+click on a cell (capture-phase mousedown): the block from the anchor to that cell. */
  shiftClick(event: MouseEvent): void {
    if (!event.shiftKey) {
      // A plain click starts a new selection even on the cell that already has the focus.
      this.forgetTarget();
      this.current = null;
      return;
    }
    if (!this.anchor || !(event.target instanceof Element)) return;
    const cell = event.target.closest('.ag-cell');
    const rowIndex = cell?.closest('.ag-row')?.getAttribute('row-index');
    const colId = cell?.getAttribute('col-id');
    if (!rowIndex || !colId) return;
    event.preventDefault();
    this.extendingTo = { row: Number(rowIndex), colId };
    this.api()?.setFocusedCell(Number(rowIndex), colId);
  }

  /** The selected block, or the focused cell alone. */
  block(): SelectedBlock | null {
    const api = this.api();
    const focused = api?.getFocusedCell();
    if (!api || !focused) return null;
    const col = this.columnIndex(focused.column.getColId());
    const range = this.range() ?? { top: focused.rowIndex, bottom: focused.rowIndex, left: col, right: col };
    return { range, columns: api.getAllDisplayedColumns().slice(range.left, range.right + 1) };
  }

  /** The block as the cells show it, for the clipboard. */
  tsv(): { text: string; rows: number; cols: number } | null {
    const api = this.api();
    const block = this.block();
    if (!api || !block) return null;
    const cells: string[][] = [];
    for (let r = block.range.top; r <= block.range.bottom; r++) {
      const rowNode = api.getDisplayedRowAtIndex(r);
      if (rowNode)
        cells.push(block.columns.map((column) => String(api.getCellValue({ rowNode, colKey: column }) ?? '')));
    }
    return { text: toTsv(cells), rows: cells.length, cols: block.columns.length };
  }

  private select(range: CellRange | null): void {
    this.range.set(range && !isSingleCell(range) ? range : null);
    this.api()?.refreshCells({ force: true });
  }

  private columnIndex(colId: string): number {
    return (
      this.api()
        ?.getAllDisplayedColumns()
        .findIndex((c) => c.getColId() === colId) ?? -1
    );
  }
}
