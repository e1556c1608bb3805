import { GridApi, IRowNode } from 'ag-grid-community';
import { PasteColumn, pasteReport, planPaste } from './grid-paste';
import { SheetSelection } from './sheet-selection';
import { CellWrite, SheetSession } from './sheet-session';
import { COMMENT_KEY, GridRow, parseClipboardBlock, SheetContext } from './sheet-model';

/** What the block actions need of the grid component. */
export interface GridBlockHost {
  api(): GridApi<GridRow> | null;
  editable(): boolean;
  context(): SheetContext;
  /** A column the principal locked (issue 16): it takes no paste or clear, like the read-only columns. */
  locked(key: string): boolean;
  readonly selection: SheetSelection;
  readonly session: SheetSession;
  /** A text under grading.grid. */
  text(key: string, params?: Record<string, unknown>): string;
  /** These rows changed: repaint them. */
  refresh(nodes: IRowNode<GridRow>[]): void;
}

/**
 * Ctrl+C, Ctrl+V and Delete on the selected block (or the focused cell), which AG Grid Community leaves to the page
 * (its clipboard is Enterprise): copy as Excel does, a paste planned by grid-paste, a block clear. Writes go through
 * the sheet session (parsing, autosave, one undo step each); this class knows only the grid's rows and columns.
 */
export class GridBlock {
  /** The text of the last Ctrl+C, for the copy event that follows it. */
  private copied: string | null = null;

  constructor(private readonly host: GridBlockHost) {}

  /** Ctrl+C: the block (or the focused cell) as the text shown, tabs and CRLF between, for Excel or another sheet. */
  copy(): void {
    const copied = this.host.selection.tsv();
    if (!copied) return;
    this.copied = copied.text;
    // The copy event, when the browser sends one, follows this keydown at once; a stale block must not take over a
    // later copy of text elsewhere on the page.
    setTimeout(() => (this.copied = null));
    // The copy event that follows Ctrl+C carries the text (see onCopy); the async API also covers browsers that
    // send no copy event without a text selection.
    navigator.clipboard?.writeText(copied.text).catch(() => undefined);
    this.host.session.tell(this.host.text('copied', { rows: copied.rows, cols: copied.cols }), 'info');
  }

  /** The document's copy event right after Ctrl+C: it carries the block instead of the page's text selection. */
  onCopy(event: ClipboardEvent): void {
    if (this.copied === null || !event.clipboardData) return;
    event.clipboardData.setData('text/plain', this.copied);
    event.preventDefault();
    this.copied = null;
  }

  /** Ctrl+V: the block lands on the column under the cursor and the columns of its kind that follow (grid-paste). */
  paste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const api = this.host.api();
    if (!api || !this.host.editable() || !text) return;
    // A single value pasted into an open editor is the editor's business.
    if (api.getEditingCells().length > 0 && !/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    event.preventDefault();
    api.stopEditing(true);
    const focused = api.getFocusedCell();
    if (!focused) return;
    const plan = planPaste(
      parseClipboardBlock(text),
      this.pasteColumns(api),
      { rowIndex: focused.rowIndex, colId: focused.column.getColId() },
      api.getDisplayedRowCount(),
    );
    if (plan === 'notEditable') {
      this.host.session.tell(this.host.text('pasteNotEditable'), 'error');
      return;
    }
    const writes: CellWrite[] = [];
    const nodes: IRowNode<GridRow>[] = [];
    for (const write of plan.writes) {
      const node = api.getDisplayedRowAtIndex(write.rowIndex);
      if (!node?.data) continue;
      writes.push({ row: node.data, key: write.key, raw: write.raw });
      if (!nodes.includes(node)) nodes.push(node);
    }
    const invalid = this.host.session.writeAll(writes);
    this.host.refresh(nodes);
    const report = pasteReport(
      plan,
      invalid,
      (key, params) => this.host.text(key, params),
      (index) => api.getDisplayedRowAtIndex(index)?.data?.ordinal ?? index + 1,
    );
    this.host.session.tell(report, invalid ? 'error' : 'info');
  }

  /** Delete on a block clears every cell of it that takes input, as one undo step. */
  clear(): void {
    const api = this.host.api();
    const block = this.host.selection.block();
    if (!api || !block) return;
    const { range } = block;
    const keys = block.columns.map((c) => c.getColId()).filter((key) => this.takesInput(key));
    const writes: CellWrite[] = [];
    const nodes: IRowNode<GridRow>[] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const node = api.getDisplayedRowAtIndex(r);
      if (!node?.data) continue;
      for (const key of keys) writes.push({ row: node.data, key, raw: '' });
      nodes.push(node);
    }
    this.host.session.writeAll(writes);
    this.host.refresh(nodes);
  }

  private pasteColumns(api: GridApi<GridRow>): PasteColumn[] {
    return api.getAllDisplayedColumns().map((column) => {
      const key = column.getColId();
      const takes = key === COMMENT_KEY ? 'comment' : this.isGradeKey(key) ? 'grade' : null;
      return { key, label: column.getColDef().headerName ?? key, takes };
    });
  }

  private takesInput(key: string): boolean {
    return key === COMMENT_KEY || this.isGradeKey(key);
  }

  private isGradeKey(key: string): boolean {
    return this.host.context().columns.some((c) => c.key === key) && !this.host.locked(key);
  }
}
