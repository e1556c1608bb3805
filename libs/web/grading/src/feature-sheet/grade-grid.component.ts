import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
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
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AgGridAngular } from 'ag-grid-angular';
import {
  CellApiModule,
  CellFocusedEvent,
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
  TextEditorModule,
  themeQuartz,
  TooltipModule,
  ValueSetterParams,
} from 'ag-grid-community';
import { GradingApi } from '../data-access/grading.api';
import { pasteBlock } from './grid-paste';
import { gridColumns } from './grid-columns';
import { AutosaveHandlers, SaveBatch, SaveStatus, SheetAutosave } from './sheet-autosave';
import {
  acceptSaved,
  applyConflict,
  applyInput,
  CellConflict,
  COMMENT_KEY,
  GridRow,
  isDomainError,
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
 */
@Component({
  selector: 'emis-grade-grid',
  imports: [AgGridAngular, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  templateUrl: './grade-grid.component.html',
  styleUrl: './grade-grid.component.css',
})
export class GradeGridComponent {
  private readonly api = inject(GradingApi);
  private readonly transloco = inject(TranslocoService);

  readonly schoolId = input.required<string>();
  readonly sheet = input.required<GradeSheet>();
  readonly context = input.required<SheetContext>();
  readonly editable = input.required<boolean>();
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
      lockedColumn: (key) => this.sheet().lockedColumns?.find((c) => c.key === key),
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
    defaultColDef: { sortable: false, resizable: true, suppressHeaderMenuButton: true },
  };

  protected readonly message = signal<string>('');
  protected readonly messageTone = signal<'info' | 'error'>('info');
  protected readonly conflicts = signal<CellConflict[]>([]);
  readonly focused = signal<FocusedCell | null>(null);
  readonly autosave = new SheetAutosave(this.handlers());
  protected readonly status = this.autosave.status;
  private gridApi: GridApi<GridRow> | null = null;
  private readonly gridBox = viewChild.required<ElementRef<HTMLElement>>('gridBox');

  constructor() {
    // Capture phase: the page sees Delete and Alt+H before AG Grid's own key handling does.
    const onKeydown = (event: KeyboardEvent) => this.onKeydown(event);
    afterNextRender(() => this.gridBox().nativeElement.addEventListener('keydown', onKeydown, true));
    // Printing lays every row out (AG Grid draws only the rows in view otherwise): on the browser's print events,
    // and on the print media query for a print preview or a PDF made by a headless browser.
    const printing = window.matchMedia('print');
    const onPrintMedia = (event: MediaQueryListEvent) => this.layoutForPrint(event.matches);
    const beforePrint = () => this.layoutForPrint(true);
    const afterPrint = () => this.layoutForPrint(false);
    printing.addEventListener('change', onPrintMedia);
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    inject(DestroyRef).onDestroy(() => {
      printing.removeEventListener('change', onPrintMedia);
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
      this.gridBox().nativeElement.removeEventListener('keydown', onKeydown, true);
      this.autosave.destroy();
    });
  }

  hasUnsaved(): boolean {
    return this.autosave.hasUnsaved();
  }

  protected onGridReady(event: GridReadyEvent<GridRow>): void {
    this.gridApi = event.api;
  }

  private layoutForPrint(print: boolean): void {
    this.gridApi?.setGridOption('domLayout', print ? 'print' : 'normal');
  }

  protected onCellFocused(event: CellFocusedEvent<GridRow>): void {
    const column = typeof event.column === 'object' && event.column ? event.column.getColId() : null;
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

  /** Delete/Backspace clear the focused cell; Alt+H opens its history. */
  private onKeydown(event: KeyboardEvent): void {
    if (event.altKey && (event.key === 'h' || event.key === 'H')) {
      event.preventDefault();
      this.historyRequested.emit();
      return;
    }
    if ((event.key !== 'Delete' && event.key !== 'Backspace') || !this.gridApi || !this.editable()) return;
    if (this.gridApi.getEditingCells().length > 0) return;
    const cell = this.gridApi.getFocusedCell();
    const node = cell ? this.gridApi.getDisplayedRowAtIndex(cell.rowIndex) : undefined;
    const key = cell?.column.getColId();
    if (!node || !key || !this.isEditableKey(key)) return;
    event.preventDefault();
    node.setDataValue(key, '');
  }

  protected onPaste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const api = this.gridApi;
    if (!api || !this.editable() || !text) return;
    // A single value pasted into an open editor is the editor's business.
    if (api.getEditingCells().length > 0 && !/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    event.preventDefault();
    api.stopEditing(true);
    const outcome = pasteBlock(
      api,
      text,
      (key) => this.isEditableKey(key),
      (row, key, raw) => this.applyAndTrack(row, key, raw),
    );
    if (outcome) {
      this.refresh(outcome.nodes);
      this.setMessage(
        this.transloco.translate(outcome.invalid ? 'grading.sheet.pastedInvalid' : 'grading.sheet.pasted', outcome),
        outcome.invalid ? 'error' : 'info',
      );
    }
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

  private isEditableKey(key: string): boolean {
    return key === COMMENT_KEY || this.context().columns.some((c) => c.key === key);
  }

  /** AG Grid's valueSetter: the text goes through the domain's parseCell; only a valid change is queued for saving. */
  private edit(params: ValueSetterParams<GridRow>, key: string): boolean {
    const row = params.data;
    const node = params.node;
    this.applyAndTrack(row, key, params.newValue ?? '');
    // The result columns of the row depend on the cell just set: repaint the whole row once AG Grid is done.
    if (node) queueMicrotask(() => this.refresh([node]));
    return true;
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
    if (problem.status === 423) this.lockedMeanwhile.emit();
    if (problem.status === 400) this.markFieldErrors(problem, batch);
    this.setMessage(
      this.transloco.translate('grading.sheet.refused', { reason: problem.detail ?? problem.title }),
      'error',
    );
    return 'error';
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

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'number' || value === 'D' || value === 'CD' ? formatCell(value as number) : String(value);
}
