import { GridApi, IRowNode } from 'ag-grid-community';
import { GridRow, parseClipboardBlock } from './sheet-model';

export interface PasteOutcome {
  rows: number;
  cols: number;
  cells: number;
  invalid: number;
  nodes: IRowNode<GridRow>[];
}

/**
 * Pastes a block copied from Excel at the focused cell, left to right over the displayed columns and down the
 * displayed rows, as Excel does. AG Grid Community has no clipboard (it is an Enterprise module), so the page
 * reads the paste event itself. Cells falling on a column that takes no input (name, average…) or past the last
 * student are skipped; each value goes through `apply` (the domain's parseCell per target column).
 */
export function pasteBlock(
  api: GridApi<GridRow>,
  text: string,
  accepts: (key: string) => boolean,
  apply: (row: GridRow, key: string, raw: string) => boolean,
): PasteOutcome | null {
  const focused = api.getFocusedCell();
  if (!focused) return null;
  const block = parseClipboardBlock(text);
  const columns = api.getAllDisplayedColumns();
  const start = columns.findIndex((c) => c.getColId() === focused.column.getColId());
  if (start < 0) return null;
  const outcome: PasteOutcome = {
    rows: block.length,
    cols: Math.max(...block.map((r) => r.length)),
    cells: 0,
    invalid: 0,
    nodes: [],
  };
  block.forEach((values, r) => {
    const node = api.getDisplayedRowAtIndex(focused.rowIndex + r);
    if (!node?.data) return;
    values.forEach((raw, c) => {
      const key = columns[start + c]?.getColId();
      if (!key || !accepts(key)) return;
      outcome.cells += 1;
      if (!apply(node.data!, key, raw.trim())) outcome.invalid += 1;
    });
    outcome.nodes.push(node);
  });
  return outcome;
}
