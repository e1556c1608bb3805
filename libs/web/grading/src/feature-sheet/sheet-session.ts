import { signal } from '@angular/core';
import { GradeConflict, GradeSaveResult, GradeSheetSave, ProblemDetails } from '@emis/contracts';
import { formatCell } from '@emis/domain';
import { Observable } from 'rxjs';
import { AutosaveHandlers, SaveBatch, SaveStatus, SheetAutosave } from './sheet-autosave';
import { applyColumnLocks, LockedColumn, lockedColumnsOf } from './sheet-locks';
import {
  acceptSaved,
  applyConflict,
  applyInput,
  CellConflict,
  GridRow,
  isDomainError,
  SheetContext,
  takeTheirs,
} from './sheet-model';

export interface SheetSessionPorts {
  context(): SheetContext;
  rows(): ReadonlyMap<string, GridRow>;
  send(body: GradeSheetSave): Observable<GradeSaveResult>;
  /** The rows of these students changed: show them again. */
  repaint(studentIds: string[]): void;
  /** The server refused a save with 423: the semester was locked meanwhile. */
  lockedMeanwhile(): void;
  /** The server refused a save with 423 naming columns locked since the sheet was loaded: only those turn read-only. */
  columnsLocked(columns: LockedColumn[]): void;
  translate(key: string, params?: Record<string, unknown>): string;
}

/**
 * Typing, autosave and conflicts of one grade sheet, without the view: the sheet model's functions (validation and
 * averages by the domain), SheetAutosave (one request at a time, same requestId on retry) and the 409 conflict list
 * with "keep mine / use theirs". The phone sheet uses it; it is the grid's own handling (grade-grid.component.ts)
 * taken out of the view so that both views save and resolve conflicts alike.
 */
export class SheetSession {
  readonly message = signal('');
  readonly messageTone = signal<'info' | 'error'>('info');
  readonly conflicts = signal<CellConflict[]>([]);
  readonly autosave: SheetAutosave;

  constructor(private readonly ports: SheetSessionPorts) {
    const handlers: AutosaveHandlers = {
      send: (body) => ports.send(body),
      row: (studentId) => ports.rows().get(studentId),
      saved: (result, batch) => this.onSaved(result, batch),
      refused: (problem, batch) => this.onRefused(problem, batch),
    };
    this.autosave = new SheetAutosave(handlers);
  }

  /** The teacher's text for a cell: parsed by the domain; a valid change is queued, an invalid one explained. */
  input(row: GridRow, key: string, raw: unknown): boolean {
    const wasConflict = key in row.conflicts;
    const { changed } = applyInput(this.ports.context(), row, key, raw);
    if (wasConflict)
      this.conflicts.update((list) => list.filter((c) => c.studentId !== row.studentId || c.key !== key));
    const error = row.errors[key];
    if (error)
      this.setMessage(
        this.ports.translate('grading.sheet.invalidCell', {
          name: row.fullName,
          column: this.labelOf(key),
          value: raw,
          reason: this.reason(error),
        }),
        'error',
      );
    else if (changed) {
      this.setMessage('', 'info');
      this.autosave.markDirty(row.studentId, key);
    }
    return !error;
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
    this.ports.repaint([row.studentId]);
  }

  useTheirs(conflict: CellConflict): void {
    const row = this.ports.rows().get(conflict.studentId);
    if (!row) return;
    takeTheirs(this.ports.context(), row, conflict.key);
    this.dropConflict(conflict);
    this.ports.repaint([row.studentId]);
  }

  conflictText(conflict: CellConflict): string {
    return this.ports.translate('grading.sheet.conflict.item', {
      name: conflict.fullName,
      column: conflict.label,
      mine: show(conflict.mine),
      theirs: show(conflict.theirs),
      by: conflict.byName ?? this.ports.translate('grading.sheet.conflict.someone'),
      at: conflict.at ? new Date(conflict.at).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' }) : '',
    });
  }

  destroy(): void {
    this.autosave.destroy();
  }

  private onSaved(result: GradeSaveResult, batch: SaveBatch): void {
    for (const saved of result.rows) {
      const row = this.ports.rows().get(saved.studentId);
      if (row) acceptSaved(this.ports.context(), row, saved, this.autosave.pendingKeys(saved.studentId));
    }
    this.ports.repaint([...batch.keys.keys()]);
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
    this.setMessage(
      this.ports.translate('grading.sheet.refused', { reason: problem.detail ?? problem.title }),
      'error',
    );
    return 'error';
  }

  /** As the grid does (grade-grid.component.ts): the locked columns' cells go back, the others are sent again. */
  private onColumnsLocked(columns: LockedColumn[], batch: SaveBatch): SaveStatus {
    this.ports.columnsLocked(columns);
    const context = this.ports.context();
    const outcome = applyColumnLocks(context, this.ports.rows(), batch.keys, new Set(columns.map((c) => c.key)));
    for (const [studentId, key] of outcome.resend) this.autosave.markDirty(studentId, key);
    this.ports.repaint([...batch.keys.keys()]);
    this.setMessage(
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
    this.ports.repaint([...batch.keys.keys()]);
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
    this.ports.repaint([...batch.keys.keys()]);
  }

  private dropConflict(conflict: CellConflict): void {
    this.conflicts.update((list) => list.filter((c) => c !== conflict));
    if (this.conflicts().length === 0) this.autosave.settle('saved');
  }

  private reason(error: string): string {
    return isDomainError(error) ? this.ports.translate(`grading.sheet.cellErrors.${error}`) : error;
  }

  private labelOf(key: string): string {
    return this.ports.context().columns.find((c) => c.key === key)?.label ?? key;
  }

  private setMessage(text: string, tone: 'info' | 'error'): void {
    this.message.set(text);
    this.messageTone.set(tone);
  }
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'number' || value === 'D' || value === 'CD' ? formatCell(value as number) : String(value);
}
