import { computed, signal } from '@angular/core';
import { GradeConflict, GradeSaveResult, GradeSheetSave, ProblemDetails } from '@emis/contracts';
import { formatCell } from '@emis/domain';
import { formatEmisDate, PendingChanges } from '@emis/web/core';
import { Observable } from 'rxjs';
import { CellChange, UndoHistory } from './grid-undo';
import { AutosaveHandlers, SaveBatch, SaveStatus, SheetAutosave } from './sheet-autosave';
import { applyColumnLocks, LockedColumn, lockedColumnsOf } from './sheet-locks';
import {
  acceptSaved,
  applyConflict,
  applyInput,
  cellText,
  CellConflict,
  COMMENT_KEY,
  GridRow,
  isDomainError,
  SheetContext,
  takeTheirs,
} from './sheet-model';

export interface SheetSessionPorts {
  context(): SheetContext;
  rows(): ReadonlyMap<string, GridRow>;
  send(body: GradeSheetSave): Observable<GradeSaveResult>;
  /** The rows of these students changed under the view (a save's answer, a conflict): show them again. */
  repaint(studentIds: string[]): void;
  /** The server refused a save with 423: the semester was locked meanwhile. */
  lockedMeanwhile(): void;
  /** The server refused a save with 423 naming columns locked since the sheet was loaded: only those turn read-only. */
  columnsLocked(columns: LockedColumn[]): void;
  translate(key: string, params?: Record<string, unknown>): string;
  /**
   * An editor the view keeps open (the grid's cell editor): its text has not reached the session yet. Open, it counts
   * as one change on its way for the leave guard; before a flush it is committed (its value comes back through edit).
   */
  editor?: { open(): boolean; commit(): void };
}

/** One cell of a paste or a block clear: the text to write, as the teacher would type it. */
export interface CellWrite {
  row: GridRow;
  key: string;
  raw: unknown;
}

/**
 * One grade sheet's edits without the view, for both views (the desktop grid and the phone sheet): typing goes through
 * the sheet model (validation and averages by the domain), valid changes wait in SheetAutosave (one request at a time,
 * the same requestId on retry), a 409 becomes the conflict list with "keep mine / use theirs", invalid cells are
 * counted, the leave guard asks pendingChanges() and flush(), and every edit, paste and block clear is an undo step
 * (grid-undo). The views keep only their drawing, keys and clipboard (docs/web/grade-grid.md).
 */
export class SheetSession {
  readonly message = signal('');
  readonly messageTone = signal<'info' | 'error'>('info');
  readonly conflicts = signal<CellConflict[]>([]);
  readonly autosave: SheetAutosave;
  readonly status: SheetAutosave['status'];
  /** Bumped whenever a row changed in place: what reads the rows (the invalid count, a view's list) reads again. */
  readonly revision = signal(0);
  /** Cells holding text that failed validation: never sent, so counted in the save status and at leaving. */
  readonly invalidCells = computed(() => {
    this.revision();
    return countInvalid(this.ports.rows());
  });
  private readonly history = new UndoHistory();

  constructor(private readonly ports: SheetSessionPorts) {
    const handlers: AutosaveHandlers = {
      send: (body) => ports.send(body),
      row: (studentId) => ports.rows().get(studentId),
      saved: (result, batch) => this.onSaved(result, batch),
      refused: (problem, batch) => this.onRefused(problem, batch),
    };
    this.autosave = new SheetAutosave(handlers);
    this.status = this.autosave.status;
  }

  /**
   * The phone's input: one cell typed, one undo step. A valid change is queued and clears the message line; an
   * invalid one is explained there.
   */
  input(row: GridRow, key: string, raw: unknown): boolean {
    const step: CellChange[] = [];
    const { valid, changed } = this.write(row, key, raw, step);
    this.history.record(step);
    this.touched();
    if (valid && changed) this.tell('', 'info');
    return valid;
  }

  /**
   * The grid's cell editor: one cell typed, one undo step. As input, but the message line keeps what it said (a paste's
   * report stays readable while the teacher goes on typing).
   */
  edit(row: GridRow, key: string, raw: unknown): boolean {
    const step: CellChange[] = [];
    const { valid } = this.write(row, key, raw, step);
    this.history.record(step);
    this.touched();
    return valid;
  }

  /** A paste or a block clear: every cell through the same parsing and autosave, one undo step. Returns how many
   *  cells were refused as invalid. */
  writeAll(writes: readonly CellWrite[]): number {
    const step: CellChange[] = [];
    let invalid = 0;
    for (const { row, key, raw } of writes) if (!this.write(row, key, raw, step).valid) invalid += 1;
    this.history.record(step);
    this.touched();
    return invalid;
  }

  /**
   * Ctrl+Z / Ctrl+Y: the last step's texts go back through parsing and the autosave like typing, so an undone value is
   * saved like any other edit. Returns the changes applied (the view repaints their rows and focuses the first), or
   * null when there is nothing to undo or redo; the message line says which.
   */
  replay(direction: 'undo' | 'redo'): CellChange[] | null {
    const changes = direction === 'undo' ? this.history.undo() : this.history.redo();
    if (!changes) {
      this.tell(this.ports.translate(`grading.grid.nothingTo.${direction}`), 'info');
      return null;
    }
    const applied = changes.filter((change) => this.ports.rows().has(change.studentId));
    for (const change of applied) this.apply(this.ports.rows().get(change.studentId)!, change.key, change.after);
    this.touched();
    this.tell(this.ports.translate(`grading.grid.${direction}Done`, { cells: changes.length }), 'info');
    return applied;
  }

  /** Whether the cell waits to be saved (queued, on its way or in a failed request). */
  isPending(row: GridRow, key: string): boolean {
    return this.autosave.pendingKeys(row.studentId).has(key);
  }

  errorText(row: GridRow, key: string): string | undefined {
    const error = row.errors[key];
    if (error) return this.reason(error);
    if (key in row.conflicts) return this.ports.translate('grading.sheet.conflict.cellHint');
    return undefined;
  }

  keepMine(conflict: CellConflict): void {
    const row = this.ports.rows().get(conflict.studentId);
    if (!row) return;
    delete row.conflicts[conflict.key];
    this.autosave.markDirty(row.studentId, conflict.key);
    this.dropConflict(conflict);
    this.repaint([row.studentId]);
  }

  useTheirs(conflict: CellConflict): void {
    const row = this.ports.rows().get(conflict.studentId);
    if (!row) return;
    takeTheirs(this.ports.context(), row, conflict.key);
    this.dropConflict(conflict);
    this.repaint([row.studentId]);
  }

  resolveAll(mine: boolean): void {
    for (const conflict of this.conflicts()) {
      if (mine) this.keepMine(conflict);
      else this.useTheirs(conflict);
    }
  }

  conflictText(conflict: CellConflict): string {
    return this.ports.translate('grading.sheet.conflict.item', {
      name: conflict.fullName,
      column: conflict.label,
      mine: show(conflict.mine),
      theirs: show(conflict.theirs),
      by: conflict.byName ?? this.ports.translate('grading.sheet.conflict.someone'),
      // Vietnam time like every other time on screen (docs/conventions.md, "Times"), not the browser's zone.
      at: formatEmisDate(conflict.at, 'time'),
    });
  }

  /** "Thử lại": the failed request again, with its requestId. */
  retry(): void {
    this.autosave.flush();
  }

  /** For the leave guard (docs/domain/gradebook.md, "Leaving a page"): an open editor counts as a change on its way. */
  pendingChanges(): PendingChanges {
    return {
      saving: this.autosave.unsavedCount() + (this.ports.editor?.open() ? 1 : 0),
      invalid: countInvalid(this.ports.rows()),
      dirty: this.conflicts().length > 0,
    };
  }

  /** Commits the open editor, then sends and awaits every pending save before the page is left. */
  flush(): Promise<boolean> {
    this.ports.editor?.commit();
    return this.autosave.flushAll();
  }

  /** A line for the message region (a copy, a paste's report): the session's own messages share it. */
  tell(text: string, tone: 'info' | 'error'): void {
    this.message.set(text);
    this.messageTone.set(tone);
  }

  destroy(): void {
    this.autosave.destroy();
  }

  /** One cell written, with its before/after text for the undo step. */
  private write(row: GridRow, key: string, raw: unknown, step: CellChange[]): { valid: boolean; changed: boolean } {
    const before = textOf(row, key);
    const outcome = this.apply(row, key, raw);
    step.push({ studentId: row.studentId, key, before, after: textOf(row, key) });
    return outcome;
  }

  /** The text goes through the domain's parseCell; a valid change is queued for saving, an invalid one explained. */
  private apply(row: GridRow, key: string, raw: unknown): { valid: boolean; changed: boolean } {
    const wasConflict = key in row.conflicts;
    const { changed } = applyInput(this.ports.context(), row, key, raw);
    if (wasConflict)
      this.conflicts.update((list) => list.filter((c) => c.studentId !== row.studentId || c.key !== key));
    const error = row.errors[key];
    if (error)
      this.tell(
        this.ports.translate('grading.sheet.invalidCell', {
          name: row.fullName,
          column: this.labelOf(key),
          value: raw,
          reason: this.reason(error),
        }),
        'error',
      );
    else if (changed) this.autosave.markDirty(row.studentId, key);
    return { valid: !error, changed: !error && changed };
  }

  private onSaved(result: GradeSaveResult, batch: SaveBatch): void {
    for (const saved of result.rows) {
      const row = this.ports.rows().get(saved.studentId);
      if (row) acceptSaved(this.ports.context(), row, saved, this.autosave.pendingKeys(saved.studentId));
    }
    this.repaint([...batch.keys.keys()]);
  }

  private onRefused(problem: ProblemDetails, batch: SaveBatch): SaveStatus {
    if (problem.status === 409 && problem.code === 'grade_conflict') {
      this.onConflict(problem, batch);
      return this.conflicts().length ? 'conflict' : 'pending';
    }
    const columns = lockedColumnsOf(problem);
    if (columns) return this.onColumnsLocked(columns, batch);
    if (problem.status === 423) this.ports.lockedMeanwhile();
    if (problem.status === 400) this.markFieldErrors(problem, batch);
    this.tell(this.ports.translate('grading.sheet.refused', { reason: problem.detail ?? problem.title }), 'error');
    return 'error';
  }

  /** As the grid does (grade-grid.component.ts): the locked columns' cells go back, the others are sent again. */
  private onColumnsLocked(columns: LockedColumn[], batch: SaveBatch): SaveStatus {
    this.ports.columnsLocked(columns);
    const context = this.ports.context();
    const outcome = applyColumnLocks(context, this.ports.rows(), batch.keys, new Set(columns.map((c) => c.key)));
    for (const [studentId, key] of outcome.resend) this.autosave.markDirty(studentId, key);
    this.ports.repaint([...batch.keys.keys()]);
    this.tell(
      this.ports.translate('grading.grid.columnsLockedMeanwhile', {
        columns: outcome.revertedKeys.map((key) => this.labelOf(key)).join(', '),
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
      const row = this.ports.rows().get(conflict.studentId);
      if (!row) continue;
      refused.delete(conflict.studentId);
      const outcome = applyConflict(this.ports.context(), row, conflict, batch.keys.get(conflict.studentId) ?? []);
      found.push(...outcome.conflicts);
      for (const key of outcome.resend) this.autosave.markDirty(row.studentId, key);
    }
    // Rows of the refused request without a conflict of their own were not written either: send them again.
    for (const studentId of refused)
      for (const key of batch.keys.get(studentId) ?? []) this.autosave.markDirty(studentId, key);
    this.conflicts.update((list) => [...list, ...found]);
    this.repaint([...batch.keys.keys()]);
  }

  /** 400 field errors 'rows.<i>.cells.<KEY>': the server disagreed with a value; it is marked like a typing error. */
  private markFieldErrors(problem: ProblemDetails, batch: SaveBatch): void {
    for (const error of problem.errors ?? []) {
      const m = /^rows\.(\d+)\.cells\.(.+)$/.exec(error.field);
      const change = m ? batch.body.rows[Number(m[1])] : undefined;
      const row = change ? this.ports.rows().get(change.studentId) : undefined;
      if (!row || !m) continue;
      row.errors[m[2]] = error.message;
      row.invalidText[m[2]] = formatCell(row.values[m[2]]);
    }
    this.repaint([...batch.keys.keys()]);
  }

  private dropConflict(conflict: CellConflict): void {
    this.conflicts.update((list) => list.filter((c) => c !== conflict));
    if (this.conflicts().length === 0) this.autosave.settle('saved');
  }

  private repaint(studentIds: string[]): void {
    this.touched();
    this.ports.repaint(studentIds);
  }

  private touched(): void {
    this.revision.update((n) => n + 1);
  }

  private reason(error: string): string {
    return isDomainError(error) ? this.ports.translate(`grading.sheet.cellErrors.${error}`) : error;
  }

  private labelOf(key: string): string {
    return this.ports.context().columns.find((c) => c.key === key)?.label ?? key;
  }
}

function countInvalid(rows: ReadonlyMap<string, GridRow>): number {
  let count = 0;
  for (const row of rows.values()) count += Object.keys(row.errors).length;
  return count;
}

/** What a cell holds as text (invalid text included: undo brings it back as it was). */
function textOf(row: GridRow, key: string): string {
  return key === COMMENT_KEY ? row.comment : cellText(row, key);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'number' || value === 'D' || value === 'CD' ? formatCell(value as number) : String(value);
}
