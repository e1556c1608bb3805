import { CellPosition as AgCellPosition, GridApi, TabToNextCellParams } from 'ag-grid-community';
import { nextTabStop } from './grid-selection';
import { GridBlock } from './grid-block';
import { SheetSelection } from './sheet-selection';
import { GridRow } from './sheet-model';

/** What the keyboard needs of the grid component. */
export interface GridKeysHost {
  api(): GridApi<GridRow> | null;
  editable(): boolean;
  /** The columns that take input, in order (the score columns, then the comment); none when read-only. */
  tabStops(): string[];
  readonly selection: SheetSelection;
  readonly block: GridBlock;
  /** Alt+H. */
  history(): void;
  /** Ctrl+Z, Ctrl+Y. */
  replay(direction: 'undo' | 'redo'): void;
}

/**
 * The grid's keys beyond AG Grid's own navigation (docs/web/grade-grid.md, the keyboard map): Alt+G into the grid, Tab
 * over the cells that take input and out at the end, Alt+H, undo and redo, Shift+arrows and Shift+click for a block,
 * Ctrl+C and Delete on it. The listeners go on in `listen` and come off with the function it returns.
 */
export class GridKeys {
  constructor(private readonly host: GridKeysHost) {}

  /**
   * The page's keys (Alt+G, the copy event) at once; the grid box's in the capture phase, once it is drawn, so the
   * sheet sees its keys (Delete, Alt+H, Ctrl+Z, Ctrl+C, Shift+arrows) before AG Grid does.
   */
  listenOnPage(): () => void {
    const onPageKeydown = (event: KeyboardEvent) => this.onPageKeydown(event);
    const onCopy = (event: ClipboardEvent) => this.host.block.onCopy(event);
    document.addEventListener('keydown', onPageKeydown);
    document.addEventListener('copy', onCopy);
    return () => {
      document.removeEventListener('keydown', onPageKeydown);
      document.removeEventListener('copy', onCopy);
    };
  }

  listenOnGrid(box: HTMLElement): () => void {
    const onKeydown = (event: KeyboardEvent) => this.onKeydown(event);
    const onMousedown = (event: MouseEvent) => this.host.selection.shiftClick(event);
    box.addEventListener('keydown', onKeydown, true);
    box.addEventListener('mousedown', onMousedown, true);
    return () => {
      box.removeEventListener('keydown', onKeydown, true);
      box.removeEventListener('mousedown', onMousedown, true);
    };
  }

  /** AG Grid's tabToNextCell: Tab walks the cells that take input and leaves the grid after the last one (Shift+Tab:
   *  before the first). */
  tabToNextCell(params: TabToNextCellParams<GridRow>): AgCellPosition | boolean {
    const from = params.previousCellPosition;
    const next = nextTabStop(
      { row: from.rowIndex, colId: from.column.getColId() },
      this.host.tabStops(),
      params.api.getDisplayedRowCount(),
      params.backwards,
    );
    const column = next ? params.api.getColumn(next.colId) : null;
    return next && column ? { rowIndex: next.row, column, rowPinned: null } : false;
  }

  /** Alt+G, and Tab into the grid from above: the first cell that takes input (the first name when read-only). */
  focusFirstCell(): boolean {
    const api = this.host.api();
    if (!api || api.getDisplayedRowCount() === 0) return false;
    const colId = this.host.tabStops()[0] ?? 'fullName';
    api.ensureIndexVisible(0);
    api.ensureColumnVisible(colId);
    api.setFocusedCell(0, colId);
    return true;
  }

  /** Alt+G from anywhere on the page. */
  private onPageKeydown(event: KeyboardEvent): void {
    if (event.altKey && !event.ctrlKey && event.code === 'KeyG') {
      event.preventDefault();
      this.focusFirstCell();
    }
  }

  /**
   * Alt+H history; Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z undo and redo (an open editor keeps its own text undo); Ctrl+C
   * copies the selected block; Shift+arrows extend it; Delete/Backspace clear the focused cell or the block.
   */
  private onKeydown(event: KeyboardEvent): void {
    const api = this.host.api();
    if (event.altKey && (event.key === 'h' || event.key === 'H')) {
      event.preventDefault();
      this.host.history();
      return;
    }
    if (!api || api.getEditingCells().length > 0) return;
    if (!event.shiftKey) this.host.selection.forgetTarget();
    const ctrl = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (ctrl && key === 'c') {
      this.host.block.copy();
      return;
    }
    if (ctrl && (key === 'z' || key === 'y') && this.host.editable()) {
      event.preventDefault();
      event.stopPropagation();
      this.host.replay(key === 'y' || event.shiftKey ? 'redo' : 'undo');
      return;
    }
    if (event.shiftKey && !ctrl && !event.altKey && event.key.startsWith('Arrow')) {
      event.preventDefault();
      event.stopPropagation();
      this.host.selection.extend(event.key);
      return;
    }
    if ((event.key === 'Delete' || event.key === 'Backspace') && this.host.editable()) {
      event.preventDefault();
      this.host.block.clear();
    }
  }
}
