import {
  afterNextRender,
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
  ViewEncapsulation,
} from '@angular/core';
import { GradeConflict, GradeSaveResult, GradeSheet, ProblemDetails } from '@emis/contracts';
import { formatCell } from '@emis/domain';
import { formatEmisDate } from '@emis/web/ui';
import { PendingChanges } from '@emis/web/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AgGridAngular } from 'ag-grid-angular';
import {
  CellApiModule,
  CellFocusedEvent,
  CellPosition as AgCellPosition,
  CellStyleModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  GridApi,
  GridOptions,
  GridReadyEvent,
  IRowNode,
  ModuleRegistry,
  RenderApiModule,
  RowApiModule,
  ScrollApiModule,
  TabToNextCellParams,
  TextEditorModule,
  themeQuartz,
  TooltipModule,
  ValueSetterParams,
} from 'ag-grid-community';
import { GradingApi } from '../data-access/grading.api';
import { PasteColumn, pasteReport, planPaste } from './grid-paste';
import { gridColumns } from './grid-columns';
import { nextTabStop } from './grid-selection';
import { CellChange, UndoHistory } from './grid-undo';
import { SheetSelection } from './sheet-selection';
import { SheetPrintTableComponent } from './sheet-print-table.component';
import { applyColumnLocks, LockedColumn, lockedColumnsOf } from './sheet-locks';
import { AutosaveHandlers, SaveBatch, SaveStatus, SheetAutosave } from './sheet-autosave';
import {
  acceptSaved,
  applyConflict,
  applyInput,
  CellConflict,
  COMMENT_KEY,
  GridRow,
  cellText,
  isDomainError,
  parseClipboardBlock,
  SheetContext,
  takeTheirs,
  toGridRow,
} from './sheet-model';

// Only what the sheet uses: AG Grid 33+ ships every feature as a module, and the clipboard is Enterprise (see grid-paste).
ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  TextEditorModule,
  TooltipModule,
  CellStyleModule,
  CellApiModule,
  RenderApiModule,
  RowApiModule,
  ColumnApiModule,
  ScrollApiModule,
]);

/** The house look on AG Grid's theming API: the app's font, blue accent and borders. */
const GRID_THEME = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 14,
  accentColor: '#0b57a4',
  borderColor: '#dde3ec',
  headerBackgroundColor: '#f1f4f8',
  headerFontWeight: 600,
  wrapperBorderRadius: 8,
  cellHorizontalPadding: 10,
});

/** The focused cell, for the history and correction actions. */
export interface FocusedCell {
  studentId: string;
  fullName: string;
  key: string;
  label: string;
  value: string;
}

/**
 * The spreadsheet of one subject's semester sheet. Keyboard as in Excel (AG Grid's navigation with Enter moving down,
 * typing starts editing, Delete clears), paste of a block copied from Excel, validation and averages by the domain's
 * functions while typing, autosave with a visible status, and the conflict panel when someone else saved first.
 * What AG Grid Community lacks (range selection, clipboard and a paste-aware undo are Enterprise) is built on its
 * events here, with the pure parts in grid-selection, grid-paste and grid-undo (keyboard map: docs/web/grade-grid.md).
 */
/** The performance mark of a sheet become usable (tools/bench/grid-open.mjs waits for it). */
export const GRID_READY_MARK = 'emis:grid-ready';

@Component({
  selector: 'emis-grade-grid',
  imports: [AgGridAngular, TranslocoPipe, SheetPrintTableComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  templateUrl: './grade-grid.component.html',
  styleUrl: './grade-grid.component.css',
})
export class GradeGridComponent {
  private readonly api = inject(GradingApi);
  private readonly transloco = inject(TranslocoService);
  private readonly changeDetector = inject(ChangeDetectorRef);

  readonly schoolId = input.required<string>();
  readonly sheet = input.required<GradeSheet>();
  readonly context = input.required<SheetContext>();
  readonly editable = input.required<boolean>();
  /** The grid's accessible name: subject, class and semester. */
  readonly gridLabel = input('');
  /** The server refused a save with 423: the semester was locked meanwhile. */
  readonly lockedMeanwhile = output<void>();
  readonly historyRequested = output<void>();

  protected readonly theme = GRID_THEME;
  protected readonly rows = computed(() => this.sheet().rows.map((row) => toGridRow(this.context(), row)));
  private readonly rowsById = computed(() => new Map(this.rows().map((row) => [row.studentId, row])));
  protected readonly columnDefs = computed(() =>
    gridColumns(this.context(), {
      editable: () => this.editable(),
      edit: (params, key) => this.edit(params, key),
      errorText: (row, key) => this.errorText(row, key),
      pending: (row, key) => this.autosave.pendingKeys(row.studentId).has(key),
      label: (key) => this.transloco.translate(`grading.sheet.columns.${key}`),
      lockedColumn: (key) => this.lockOf(key),
      selected: (rowIndex, key) => this.selection.contains(rowIndex, key),
    }),
  );
  protected readonly gridOptions: GridOptions<GridRow> = {
    getRowId: (p) => p.data.studentId,
    enterNavigatesVertically: true,
    enterNavigatesVerticallyAfterEdit: true,
    stopEditingWhenCellsLoseFocus: true,
    rowHeight: 36,
    headerHeight: 40,
    tooltipShowDelay: 200,
    suppressMovableColumns: true,
    tabToNextCell: (params) => this.tabToNextCell(params),
    focusGridInnerElement: (params) => !params.fromBottom && this.focusFirstCell(),
    defaultColDef: { sortable: false, resizable: true, suppressHeaderMenuButton: true },
  };

  /** While printing: the print table is drawn in place of the grid. */
  protected readonly printing = signal(false);
  /** Columns a 423 answer said the principal locked after the sheet was loaded. */
  private readonly lockedLater = signal<LockedColumn[]>([]);
  protected readonly message = signal<string>('');
  protected readonly messageTone = signal<'info' | 'error'>('info');
  protected readonly conflicts = signal<CellConflict[]>([]);
  readonly focused = signal<FocusedCell | null>(null);
  readonly autosave = new SheetAutosave(this.handlers());
  protected readonly status = this.autosave.status;
  /** Cells holding text that failed validation: never sent, so counted in the save status and at leaving. */
  protected readonly invalidCells = signal(0);
  private readonly history = new UndoHistory();
  private gridApi: GridApi<GridRow> | null = null;
  private readonly selection = new SheetSelection(() => this.gridApi);
  private copied: string | null = null;
  private readonly gridBox = viewChild.required<ElementRef<HTMLElement>>('gridBox');

  constructor() {
    // Capture phase: the page sees its keys (Delete, Alt+H, Ctrl+Z, Ctrl+C, Shift+arrows) before AG Grid does.
    const onKeydown = (event: KeyboardEvent) => this.onKeydown(event);
    const onMousedown = (event: MouseEvent) => this.selection.shiftClick(event);
    const onCopy = (event: ClipboardEvent) => this.onCopy(event);
    // Alt+G from anywhere on the page: into the grid, on the first cell that takes input.
    const onPageKeydown = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && event.code === 'KeyG') {
        event.preventDefault();
        this.focusFirstCell();
      }
    };
    afterNextRender(() => {
      const box = this.gridBox().nativeElement;
      box.addEventListener('keydown', onKeydown, true);
      box.addEventListener('mousedown', onMousedown, true);
    });
    document.addEventListener('keydown', onPageKeydown);
    document.addEventListener('copy', onCopy);
    effect(() => this.nameGrid(this.gridLabel()));
    // Paper gets a plain table of every row instead of the grid (sheet-print-table): drawn on the browser's print
    // events, and on the print media query for a print preview or a PDF made by a headless browser.
    const printing = window.matchMedia('print');
    const onPrintMedia = (event: MediaQueryListEvent) => this.showForPrint(event.matches);
    const beforePrint = () => this.showForPrint(true);
    const afterPrint = () => this.showForPrint(false);
    printing.addEventListener('change', onPrintMedia);
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    inject(DestroyRef).onDestroy(() => {
      printing.removeEventListener('change', onPrintMedia);
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
      this.gridBox().nativeElement.removeEventListener('keydown', onKeydown, true);
      this.gridBox().nativeElement.removeEventListener('mousedown', onMousedown, true);
      document.removeEventListener('keydown', onPageKeydown);
      document.removeEventListener('copy', onCopy);
      this.autosave.destroy();
    });
  }

  /** For the leave guard: a cell still being edited counts as a change on its way. */
  pendingChanges(): PendingChanges {
    const editing = (this.gridApi?.getEditingCells().length ?? 0) > 0;
    return {
      saving: this.autosave.unsavedCount() + (editing ? 1 : 0),
      invalid: this.countInvalid(),
      dirty: this.conflicts().length > 0,
    };
  }

  /** Commits the open editor (its value goes through the valueSetter like Enter), then sends and awaits every save. */
  flush(): Promise<boolean> {
    this.gridApi?.stopEditing(false);
    return this.autosave.flushAll();
  }

  protected onGridReady(event: GridReadyEvent<GridRow>): void {
    this.gridApi = event.api;
    this.nameGrid(this.gridLabel());
  }

  /**
   * The rows are drawn and the first editable cell can take the focus: the moment the sheet is usable, marked for the
   * browser's performance timeline (the benchmark's grid-open scenario reads it: docs/benchmarks.md).
   */
  protected onFirstDataRendered(): void {
    performance.mark(GRID_READY_MARK);
  }

  /**
   * The print table is drawn at once (not at the next change detection): the browser lays the page out for paper
   * right after its beforeprint handlers return.
   */
  private showForPrint(print: boolean): void {
    if (print) this.gridApi?.stopEditing(false);
    this.printing.set(print);
    this.changeDetector.detectChanges();
  }

  protected onCellFocused(event: CellFocusedEvent<GridRow>): void {
    const column = typeof event.column === 'object' && event.column ? event.column.getColId() : null;
    this.selection.focused(event.rowIndex ?? null, column);
    const row =
      event.rowIndex === null || event.rowIndex === undefined
        ? null
        : this.gridApi?.getDisplayedRowAtIndex(event.rowIndex)?.data;
    const gradeColumn = this.context().columns.find((c) => c.key === column);
    if (!row || !column || (!gradeColumn && column !== COMMENT_KEY)) {
      this.focused.set(null);
      return;
    }
    const label: string = gradeColumn?.label ?? this.transloco.translate<string>('grading.sheet.columns.comment') ?? '';
    const value = column === COMMENT_KEY ? row.comment : formatCell(row.values[column]);
    this.focused.set({ studentId: row.studentId, fullName: row.fullName, key: column, label, value });
  }

  /**
   * Alt+H history; Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z undo and redo (an open editor keeps its own text undo); Ctrl+C
   * copies the selected block; Shift+arrows extend it; Delete/Backspace clear the focused cell or the block.
   */
  private onKeydown(event: KeyboardEvent): void {
    const api = this.gridApi;
    if (event.altKey && (event.key === 'h' || event.key === 'H')) {
      event.preventDefault();
      this.historyRequested.emit();
      return;
    }
    if (!api || api.getEditingCells().length > 0) return;
    if (!event.shiftKey) this.selection.forgetTarget();
    const ctrl = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (ctrl && key === 'c') {
      this.copySelection();
      return;
    }
    if (ctrl && (key === 'z' || key === 'y') && this.editable()) {
      event.preventDefault();
      event.stopPropagation();
      this.replay(key === 'y' || event.shiftKey ? 'redo' : 'undo');
      return;
    }
    if (event.shiftKey && !ctrl && !event.altKey && event.key.startsWith('Arrow')) {
      event.preventDefault();
      event.stopPropagation();
      this.selection.extend(event.key);
      return;
    }
    if ((event.key === 'Delete' || event.key === 'Backspace') && this.editable()) {
      event.preventDefault();
      this.clearSelection();
    }
  }

  /** Ctrl+V: the block lands on the column under the cursor and the columns of its kind that follow (grid-paste). */
  protected onPaste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const api = this.gridApi;
    if (!api || !this.editable() || !text) return;
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
      this.setMessage(this.transloco.translate('grading.grid.pasteNotEditable'), 'error');
      return;
    }
    const step: CellChange[] = [];
    let invalid = 0;
    const nodes: IRowNode<GridRow>[] = [];
    for (const write of plan.writes) {
      const node = api.getDisplayedRowAtIndex(write.rowIndex);
      if (!node?.data) continue;
      if (!this.write(node.data, write.key, write.raw, step)) invalid += 1;
      if (!nodes.includes(node)) nodes.push(node);
    }
    this.history.record(step);
    this.refresh(nodes);
    const report = pasteReport(
      plan,
      invalid,
      (key, params) => this.transloco.translate(`grading.grid.${key}`, params),
      (index) => api.getDisplayedRowAtIndex(index)?.data?.ordinal ?? index + 1,
    );
    this.setMessage(report, invalid ? 'error' : 'info');
  }

  protected retry(): void {
    this.autosave.flush();
  }

  protected keepMine(conflict: CellConflict): void {
    const row = this.rowsById().get(conflict.studentId);
    if (!row) return;
    delete row.conflicts[conflict.key];
    this.autosave.markDirty(row.studentId, conflict.key);
    this.dropConflict(conflict);
    this.refreshRow(row.studentId);
  }

  protected useTheirs(conflict: CellConflict): void {
    const row = this.rowsById().get(conflict.studentId);
    if (!row) return;
    takeTheirs(this.context(), row, conflict.key);
    this.dropConflict(conflict);
    this.refreshRow(row.studentId);
  }

  protected resolveAll(mine: boolean): void {
    for (const conflict of this.conflicts()) {
      if (mine) this.keepMine(conflict);
      else this.useTheirs(conflict);
    }
  }

  protected conflictText(conflict: CellConflict): string {
    return this.transloco.translate('grading.sheet.conflict.item', {
      name: conflict.fullName,
      column: conflict.label,
      mine: show(conflict.mine),
      theirs: show(conflict.theirs),
      by: conflict.byName ?? this.transloco.translate('grading.sheet.conflict.someone'),
      // Vietnam time like every other time on screen (docs/conventions.md, "Times"), not the browser's zone.
      at: formatEmisDate(conflict.at, 'time'),
    });
  }

  /** Tab walks the cells that take input and leaves the grid after the last one (Shift+Tab: before the first). */
  private tabToNextCell(params: TabToNextCellParams<GridRow>): AgCellPosition | boolean {
    const from = params.previousCellPosition;
    const next = nextTabStop(
      { row: from.rowIndex, colId: from.column.getColId() },
      this.tabStops(),
      params.api.getDisplayedRowCount(),
      params.backwards,
    );
    const column = next ? params.api.getColumn(next.colId) : null;
    return next && column ? { rowIndex: next.row, column, rowPinned: null } : false;
  }

  private tabStops(): string[] {
    return this.editable() ? [...this.context().columns.map((c) => c.key), COMMENT_KEY] : [];
  }

  /** Alt+G, and Tab into the grid from above: the first cell that takes input (the first name when read-only). */
  private focusFirstCell(): boolean {
    const api = this.gridApi;
    if (!api || api.getDisplayedRowCount() === 0) return false;
    const colId = this.tabStops()[0] ?? 'fullName';
    api.ensureIndexVisible(0);
    api.ensureColumnVisible(colId);
    api.setFocusedCell(0, colId);
    return true;
  }

  /** AG Grid gives its grid element no name: subject, class and semester, for screen readers. */
  private nameGrid(label: string): void {
    const grid = this.gridApi ? this.gridBox().nativeElement.querySelector('[role="grid"], [role="treegrid"]') : null;
    if (!grid) return;
    if (label) grid.setAttribute('aria-label', label);
    grid.setAttribute('aria-describedby', 'grade-grid-help');
  }

  /** The block (or the focused cell) as the text shown, tabs and CRLF between, for Excel or another sheet. */
  private copySelection(): void {
    const copied = this.selection.tsv();
    if (!copied) return;
    this.copied = copied.text;
    // The copy event, when the browser sends one, follows this keydown at once; a stale block must not take over a
    // later copy of text elsewhere on the page.
    setTimeout(() => (this.copied = null));
    // The copy event that follows Ctrl+C carries the text (see onCopy); the async API also covers browsers that
    // send no copy event without a text selection.
    navigator.clipboard?.writeText(copied.text).catch(() => undefined);
    this.setMessage(this.transloco.translate('grading.grid.copied', { rows: copied.rows, cols: copied.cols }), 'info');
  }

  private onCopy(event: ClipboardEvent): void {
    if (this.copied === null || !event.clipboardData) return;
    event.clipboardData.setData('text/plain', this.copied);
    event.preventDefault();
    this.copied = null;
  }

  /** Delete on a block clears every cell of it that takes input, as one undo step. */
  private clearSelection(): void {
    const api = this.gridApi;
    const block = this.selection.block();
    if (!api || !block) return;
    const { range } = block;
    const keys = block.columns.map((c) => c.getColId()).filter((key) => this.isEditableKey(key));
    const step: CellChange[] = [];
    const nodes: IRowNode<GridRow>[] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const node = api.getDisplayedRowAtIndex(r);
      if (!node?.data) continue;
      for (const key of keys) this.write(node.data, key, '', step);
      nodes.push(node);
    }
    this.history.record(step);
    this.refresh(nodes);
  }

  /** Undo or redo one step: the texts go back through parseCell and the autosave, like typing. */
  private replay(direction: 'undo' | 'redo'): void {
    const changes = direction === 'undo' ? this.history.undo() : this.history.redo();
    if (!changes) {
      this.setMessage(this.transloco.translate(`grading.grid.nothingTo.${direction}`), 'info');
      return;
    }
    const nodes: IRowNode<GridRow>[] = [];
    for (const change of changes) {
      const row = this.rowsById().get(change.studentId);
      const node = this.gridApi?.getRowNode(change.studentId);
      if (!row || !node) continue;
      this.applyAndTrack(row, change.key, change.after);
      if (!nodes.includes(node)) nodes.push(node);
    }
    this.refresh(nodes);
    const first = changes[0];
    const node = this.gridApi?.getRowNode(first.studentId);
    if (node?.rowIndex !== null && node?.rowIndex !== undefined) this.gridApi?.setFocusedCell(node.rowIndex, first.key);
    this.setMessage(this.transloco.translate(`grading.grid.${direction}Done`, { cells: changes.length }), 'info');
  }

  /** A column the principal locked (issue 16) takes no paste: it is skipped like the read-only columns. */
  private pasteColumns(api: GridApi<GridRow>): PasteColumn[] {
    return api.getAllDisplayedColumns().map((column) => {
      const key = column.getColId();
      const takes = key === COMMENT_KEY ? 'comment' : this.isEditableKey(key) ? 'grade' : null;
      return { key, label: column.getColDef().headerName ?? key, takes };
    });
  }

  private isEditableKey(key: string): boolean {
    return key === COMMENT_KEY || (this.context().columns.some((c) => c.key === key) && !this.lockOf(key));
  }

  /** The principal's lock of a column: as the sheet was loaded, or as a 423 answer named it since. */
  private lockOf(key: string): { reason: string | null } | undefined {
    return this.sheet().lockedColumns?.find((c) => c.key === key) ?? this.lockedLater().find((c) => c.key === key);
  }

  /** AG Grid's valueSetter: the text goes through the domain's parseCell; only a valid change is queued for saving. */
  private edit(params: ValueSetterParams<GridRow>, key: string): boolean {
    const row = params.data;
    const node = params.node;
    const step: CellChange[] = [];
    this.write(row, key, params.newValue ?? '', step);
    this.history.record(step);
    // The result columns of the row depend on the cell just set: repaint the whole row once AG Grid is done.
    if (node) queueMicrotask(() => this.refresh([node]));
    return true;
  }

  /** One cell written by a paste, an undo or a block clear, with its before/after text for the undo history. */
  private write(row: GridRow, key: string, raw: string, step: CellChange[]): boolean {
    const before = textOf(row, key);
    const valid = this.applyAndTrack(row, key, raw);
    step.push({ studentId: row.studentId, key, before, after: textOf(row, key) });
    return valid;
  }

  private applyAndTrack(row: GridRow, key: string, raw: unknown): boolean {
    const wasConflict = key in row.conflicts;
    const { changed } = applyInput(this.context(), row, key, raw);
    if (wasConflict)
      this.conflicts.update((list) => list.filter((c) => c.studentId !== row.studentId || c.key !== key));
    const error = row.errors[key];
    if (error)
      this.setMessage(
        this.transloco.translate('grading.sheet.invalidCell', {
          name: row.fullName,
          column: this.labelOf(key),
          value: raw,
          reason: this.reason(error),
        }),
        'error',
      );
    else if (changed) this.autosave.markDirty(row.studentId, key);
    return !error;
  }

  private errorText(row: GridRow, key: string): string | undefined {
    const error = row.errors[key];
    if (error) return this.reason(error);
    if (key in row.conflicts) return this.transloco.translate('grading.sheet.conflict.cellHint');
    return undefined;
  }

  private reason(error: string): string {
    return isDomainError(error) ? this.transloco.translate(`grading.sheet.cellErrors.${error}`) : error;
  }

  private labelOf(key: string): string {
    return this.context().columns.find((c) => c.key === key)?.label ?? key;
  }

  private refresh(nodes: IRowNode<GridRow>[]): void {
    this.gridApi?.refreshCells({ rowNodes: nodes, force: true });
    this.invalidCells.set(this.countInvalid());
  }

  private countInvalid(): number {
    return this.rows().reduce((count, row) => count + Object.keys(row.errors).length, 0);
  }

  private refreshRow(studentId: string): void {
    const node = this.gridApi?.getRowNode(studentId);
    if (node) this.refresh([node]);
  }

  private dropConflict(conflict: CellConflict): void {
    this.conflicts.update((list) => list.filter((c) => c !== conflict));
    if (this.conflicts().length === 0) this.autosave.settle('saved');
  }

  private setMessage(text: string, tone: 'info' | 'error'): void {
    this.message.set(text);
    this.messageTone.set(tone);
  }

  private handlers(): AutosaveHandlers {
    return {
      send: (body) =>
        this.api.saveSheet(
          this.schoolId(),
          this.sheet().classId,
          this.sheet().semester,
          this.sheet().subjectCode,
          body,
        ),
      row: (studentId) => this.rowsById().get(studentId),
      saved: (result, batch) => this.onSaved(result, batch),
      refused: (problem, batch) => this.onRefused(problem, batch),
    };
  }

  private onSaved(result: GradeSaveResult, batch: SaveBatch): void {
    for (const saved of result.rows) {
      const row = this.rowsById().get(saved.studentId);
      if (row) acceptSaved(this.context(), row, saved, this.autosave.pendingKeys(saved.studentId));
    }
    this.refresh(this.nodesOf([...batch.keys.keys()]));
  }

  private onRefused(problem: ProblemDetails, batch: SaveBatch): SaveStatus {
    if (problem.status === 409 && problem.code === 'grade_conflict') {
      this.onConflict(problem, batch);
      return this.conflicts().length ? 'conflict' : 'pending';
    }
    const columns = lockedColumnsOf(problem);
    if (columns) return this.onColumnsLocked(columns, batch);
    if (problem.status === 423) this.lockedMeanwhile.emit();
    if (problem.status === 400) this.markFieldErrors(problem, batch);
    this.setMessage(
      this.transloco.translate('grading.sheet.refused', { reason: problem.detail ?? problem.title }),
      'error',
    );
    return 'error';
  }

  /**
   * The principal locked columns since the sheet was loaded (423 naming them): just those turn read-only, their cells
   * of the refused save go back to the saved values, and the batch's other cells are sent again — the rest of the
   * sheet stays editable.
   */
  private onColumnsLocked(columns: LockedColumn[], batch: SaveBatch): SaveStatus {
    this.lockedLater.set(columns);
    const outcome = applyColumnLocks(this.context(), this.rowsById(), batch.keys, new Set(columns.map((c) => c.key)));
    for (const [studentId, key] of outcome.resend) this.autosave.markDirty(studentId, key);
    this.refresh(this.nodesOf([...batch.keys.keys()]));
    const labels = outcome.revertedKeys.map((key) => this.context().columns.find((c) => c.key === key)?.label ?? key);
    this.setMessage(
      this.transloco.translate('grading.grid.columnsLockedMeanwhile', {
        columns: labels.join(', '),
        count: outcome.reverted,
      }),
      'error',
    );
    // Nothing else waiting: the sheet equals what the server holds again (the refused cells went back).
    return outcome.resend.length ? 'pending' : 'saved';
  }

  private onConflict(problem: ProblemDetails, batch: SaveBatch): void {
    const found: CellConflict[] = [];
    const refused = new Set(batch.keys.keys());
    for (const conflict of (problem as { conflicts?: GradeConflict[] }).conflicts ?? []) {
      const row = this.rowsById().get(conflict.studentId);
      if (!row) continue;
      refused.delete(conflict.studentId);
      const outcome = applyConflict(this.context(), row, conflict, batch.keys.get(conflict.studentId) ?? []);
      found.push(...outcome.conflicts);
      for (const key of outcome.resend) this.autosave.markDirty(row.studentId, key);
    }
    // Rows of the refused request without a conflict of their own were not written either: send them again.
    for (const studentId of refused)
      for (const key of batch.keys.get(studentId) ?? []) this.autosave.markDirty(studentId, key);
    this.conflicts.update((list) => [...list, ...found]);
    this.refresh(this.nodesOf([...batch.keys.keys()]));
  }

  /** 400 field errors 'rows.<i>.cells.<KEY>': the server disagreed with a value; it is marked like a typing error. */
  private markFieldErrors(problem: ProblemDetails, batch: SaveBatch): void {
    for (const error of problem.errors ?? []) {
      const m = /^rows\.(\d+)\.cells\.(.+)$/.exec(error.field);
      const change = m ? batch.body.rows[Number(m[1])] : undefined;
      const row = change ? this.rowsById().get(change.studentId) : undefined;
      if (!row || !m) continue;
      row.errors[m[2]] = error.message;
      row.invalidText[m[2]] = formatCell(row.values[m[2]]);
    }
    this.refresh(this.nodesOf([...batch.keys.keys()]));
  }

  private nodesOf(studentIds: string[]): IRowNode<GridRow>[] {
    return studentIds.map((id) => this.gridApi?.getRowNode(id)).filter((n): n is IRowNode<GridRow> => !!n);
  }
}

function textOf(row: GridRow, key: string): string {
  return key === COMMENT_KEY ? row.comment : cellText(row, key);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'number' || value === 'D' || value === 'CD' ? formatCell(value as number) : String(value);
}
