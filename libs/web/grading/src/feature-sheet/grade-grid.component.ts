import {
  afterNextRender,
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  forwardRef,
  inject,
  input,
  output,
  signal,
  viewChild,
  ViewEncapsulation,
} from '@angular/core';
import { GradeSheet } from '@emis/contracts';
import { formatCell } from '@emis/domain';
import { PendingChanges } from '@emis/web/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AgGridAngular } from 'ag-grid-angular';
import { CellFocusedEvent, GridApi, GridReadyEvent, IRowNode, ValueSetterParams } from 'ag-grid-community';
import { GradingApi } from '../data-access/grading.api';
import { GridBlock } from './grid-block';
import { gridColumns } from './grid-columns';
import { GridKeys } from './grid-keys';
import { followPrinting, GRID_THEME, gradeGridOptions } from './grid-options';
import { SheetSelection } from './sheet-selection';
import { columnLock, LockedColumn } from './sheet-locks';
import { SheetMessagesComponent } from './sheet-messages.component';
import { SheetPrintTableComponent } from './sheet-print-table.component';
import { SheetSaveStateComponent } from './sheet-save-state.component';
import { SheetSession } from './sheet-session';
import { FocusedCell, SheetView } from './sheet-view';
import { COMMENT_KEY, GridRow, SheetContext, toGridRow } from './sheet-model';

/** The performance mark of a sheet become usable (tools/bench/grid-open.mjs waits for it). */
export const GRID_READY_MARK = 'emis:grid-ready';

/**
 * The spreadsheet of one subject's semester sheet on AG Grid Community. Typing, validation and averages, autosave,
 * conflicts, the invalid count, undo and the leave guard's answers are the sheet session's, shared with the phone sheet
 * (sheet-session); this component wires AG Grid to it: the columns (grid-columns), the options and theme
 * (grid-options), the keys (grid-keys), the selected block's copy, paste and clear (grid-block, sheet-selection) —
 * what Community lacks (range selection, clipboard, a paste-aware undo) built on its events (docs/web/grade-grid.md).
 */
@Component({
  selector: 'emis-grade-grid',
  imports: [AgGridAngular, TranslocoPipe, SheetSaveStateComponent, SheetMessagesComponent, SheetPrintTableComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  templateUrl: './grade-grid.component.html',
  styleUrl: './grade-grid.component.css',
  providers: [{ provide: SheetView, useExisting: forwardRef(() => GradeGridComponent) }],
})
export class GradeGridComponent implements SheetView {
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
  private gridApi: GridApi<GridRow> | null = null;
  /** While printing: the print table is drawn in place of the grid. */
  protected readonly printing = signal(false);
  /** Columns a 423 answer said the principal locked after the sheet was loaded. */
  private readonly lockedLater = signal<LockedColumn[]>([]);

  readonly session = new SheetSession({
    context: () => this.context(),
    rows: () => this.rowsById(),
    send: (body) =>
      this.api.saveSheet(this.schoolId(), this.sheet().classId, this.sheet().semester, this.sheet().subjectCode, body),
    repaint: (studentIds) => this.refresh(this.nodesOf(studentIds)),
    lockedMeanwhile: () => this.lockedMeanwhile.emit(),
    columnsLocked: (columns) => this.lockedLater.set(columns),
    translate: (key, params) => this.transloco.translate(key, params),
    editor: {
      open: () => (this.gridApi?.getEditingCells().length ?? 0) > 0,
      // The open editor's value goes through the valueSetter, as on Enter.
      commit: () => this.gridApi?.stopEditing(false),
    },
  });
  readonly focused = signal<FocusedCell | null>(null);
  private readonly selection = new SheetSelection(() => this.gridApi);
  private readonly block = new GridBlock({
    api: () => this.gridApi,
    editable: () => this.editable(),
    context: () => this.context(),
    locked: (key) => !!this.lockOf(key),
    selection: this.selection,
    session: this.session,
    text: (key, params) => this.transloco.translate(`grading.grid.${key}`, params),
    refresh: (nodes) => this.refresh(nodes),
  });
  private readonly keys = new GridKeys({
    api: () => this.gridApi,
    editable: () => this.editable(),
    tabStops: () => (this.editable() ? [...this.context().columns.map((c) => c.key), COMMENT_KEY] : []),
    selection: this.selection,
    block: this.block,
    history: () => {
      this.syncFocus();
      this.historyRequested.emit();
    },
    replay: (direction) => this.replay(direction),
  });

  protected readonly columnDefs = computed(() =>
    gridColumns(this.context(), {
      editable: () => this.editable(),
      edit: (params, key) => this.edit(params, key),
      errorText: (row, key) => this.session.errorText(row, key),
      pending: (row, key) => this.session.isPending(row, key),
      label: (key) => this.transloco.translate(`grading.sheet.columns.${key}`),
      lockedColumn: (key) => this.lockOf(key),
      selected: (rowIndex, key) => this.selection.contains(rowIndex, key),
    }),
  );
  protected readonly gridOptions = gradeGridOptions({
    tabToNextCell: (params) => this.keys.tabToNextCell(params),
    focusFirstCell: () => this.keys.focusFirstCell(),
  });
  private readonly gridBox = viewChild.required<ElementRef<HTMLElement>>('gridBox');

  constructor() {
    const stopPageKeys = this.keys.listenOnPage();
    let stopGridKeys: (() => void) | undefined;
    afterNextRender(() => (stopGridKeys = this.keys.listenOnGrid(this.gridBox().nativeElement)));
    // Paper gets a plain table of every row instead of the grid (sheet-print-table).
    const stopPrinting = followPrinting((print) => this.showForPrint(print));
    effect(() => this.nameGrid(this.gridLabel()));
    inject(DestroyRef).onDestroy(() => {
      stopPrinting();
      stopGridKeys?.();
      stopPageKeys();
      this.session.destroy();
    });
  }

  /** For the leave guard: what waits to be saved, invalid cells, conflicts; a cell still being edited counts too. */
  pendingChanges(): PendingChanges {
    return this.session.pendingChanges();
  }

  /** Commits the open editor, then sends and awaits every save. */
  flush(): Promise<boolean> {
    return this.session.flush();
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

  /** The principal's lock of a column: as the sheet was loaded, or as a 423 answer named it since. */
  private lockOf(key: string): { reason: string | null } | undefined {
    return columnLock(this.sheet().lockedColumns, this.lockedLater(), key);
  }

  protected onCellFocused(event: CellFocusedEvent<GridRow>): void {
    const column = typeof event.column === 'object' && event.column ? event.column.getColId() : null;
    this.selection.focused(event.rowIndex ?? null, column);
    this.focusOn(event.rowIndex ?? null, column);
  }

  /**
   * AG Grid hands its events to Angular after the fact: a key pressed right after a click (Alt+H) can come before
   * the click's (cellFocused). The grid's own focused cell is current, so the key reads it.
   */
  private syncFocus(): void {
    const cell = this.gridApi?.getFocusedCell();
    if (cell) this.focusOn(cell.rowIndex, cell.column.getColId());
  }

  private focusOn(rowIndex: number | null, column: string | null): void {
    const row = rowIndex === null ? null : this.gridApi?.getDisplayedRowAtIndex(rowIndex)?.data;
    const gradeColumn = this.context().columns.find((c) => c.key === column);
    if (!row || !column || (!gradeColumn && column !== COMMENT_KEY)) {
      this.focused.set(null);
      return;
    }
    const label: string = gradeColumn?.label ?? this.transloco.translate<string>('grading.sheet.columns.comment') ?? '';
    const value = column === COMMENT_KEY ? row.comment : formatCell(row.values[column]);
    this.focused.set({ studentId: row.studentId, fullName: row.fullName, key: column, label, value });
  }

  protected onPaste(event: ClipboardEvent): void {
    this.block.paste(event);
  }

  /** Undo or redo one step (the session applies it); the rows repainted, the focus on the first cell it changed. */
  private replay(direction: 'undo' | 'redo'): void {
    const changes = this.session.replay(direction);
    if (!changes) return;
    this.refresh(this.nodesOf([...new Set(changes.map((change) => change.studentId))]));
    const first = changes[0];
    const node = first ? this.gridApi?.getRowNode(first.studentId) : undefined;
    if (node?.rowIndex !== null && node?.rowIndex !== undefined) this.gridApi?.setFocusedCell(node.rowIndex, first.key);
  }

  /** AG Grid's valueSetter: the text goes to the session (parsed by the domain; a valid change is queued). */
  private edit(params: ValueSetterParams<GridRow>, key: string): boolean {
    this.session.edit(params.data, key, params.newValue ?? '');
    const node = params.node;
    // The result columns of the row depend on the cell just set: repaint the whole row once AG Grid is done.
    if (node) queueMicrotask(() => this.refresh([node]));
    return true;
  }

  /** AG Grid gives its grid element no name: subject, class and semester, for screen readers. */
  private nameGrid(label: string): void {
    const grid = this.gridApi ? this.gridBox().nativeElement.querySelector('[role="grid"], [role="treegrid"]') : null;
    if (!grid) return;
    if (label) grid.setAttribute('aria-label', label);
    grid.setAttribute('aria-describedby', 'grade-grid-help');
  }

  private refresh(nodes: IRowNode<GridRow>[]): void {
    this.gridApi?.refreshCells({ rowNodes: nodes, force: true });
  }

  private nodesOf(studentIds: string[]): IRowNode<GridRow>[] {
    return studentIds.map((id) => this.gridApi?.getRowNode(id)).filter((n): n is IRowNode<GridRow> => !!n);
  }
}
