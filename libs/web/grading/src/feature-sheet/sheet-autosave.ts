import { signal } from '@angular/core';
import { GradeSaveResult, GradeSheetSave, ProblemDetails } from '@emis/contracts';
import { toProblem } from '@emis/web/core';
import { Observable, Subscription } from 'rxjs';
import { COMMENT_KEY, GridRow } from './sheet-model';

/** Quiet time after the last keystroke before the changed rows are sent (the brief's ~800 ms). */
export const AUTOSAVE_DELAY_MS = 800;
/**
 * A busy or restarting server (503, whose Retry-After is 5 s) or a dropped network is retried by itself, with the
 * same requestId, after 5, 10 and 20 s; then the teacher's "Thử lại" takes over.
 */
const AUTO_RETRY_DELAYS_MS = [5_000, 10_000, 20_000];

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

/** One PUT: its body (kept whole so a retry re-sends the same requestId) and the keys it carried per student. */
export interface SaveBatch {
  body: GradeSheetSave;
  keys: Map<string, string[]>;
}

export interface AutosaveHandlers {
  send(body: GradeSheetSave): Observable<GradeSaveResult>;
  row(studentId: string): GridRow | undefined;
  saved(result: GradeSaveResult, batch: SaveBatch): void;
  /** A refusal that re-sending cannot fix (400, 403, 409, 423): the page decides what becomes of the batch and
   *  which status to show ('conflict' while the teacher has conflicts to resolve). */
  refused(problem: ProblemDetails, batch: SaveBatch): SaveStatus;
}

/**
 * Autosave of a grade sheet: changed cells collect per student, a quiet spell sends them in one request, one
 * request at a time. A network failure keeps the batch as it was, so "Thử lại" (or the next change) re-sends the
 * same requestId and the server, which remembers it, never applies a change twice. Invalid and conflicting cells
 * are never sent.
 */
export class SheetAutosave {
  readonly status = signal<SaveStatus>('idle');
  readonly lastProblem = signal<ProblemDetails | null>(null);
  private readonly dirty = new Map<string, Set<string>>();
  private inFlight: SaveBatch | null = null;
  private failed: SaveBatch | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private subscription: Subscription | null = null;
  private autoRetries = 0;
  private waiting: (() => void)[] = [];

  constructor(private readonly handlers: AutosaveHandlers) {}

  markDirty(studentId: string, key: string): void {
    const keys = this.dirty.get(studentId) ?? new Set<string>();
    keys.add(key);
    this.dirty.set(studentId, keys);
    if (this.status() !== 'saving') this.status.set('pending');
    this.schedule();
  }

  /** Keys of the student not yet confirmed by the server: their local value wins over a saved answer. */
  pendingKeys(studentId: string): Set<string> {
    const keys = new Set(this.dirty.get(studentId) ?? []);
    for (const key of this.failed?.keys.get(studentId) ?? []) keys.add(key);
    return keys;
  }

  /** Shown once the teacher resolved every conflict and nothing else is waiting. */
  settle(status: SaveStatus): void {
    if (this.dirty.size === 0 && !this.inFlight && !this.failed) this.status.set(status);
  }

  hasUnsaved(): boolean {
    return this.dirty.size > 0 || this.inFlight !== null || this.failed !== null;
  }

  /** Changed cells not yet confirmed by the server: waiting, on their way, or in a failed request. */
  unsavedCount(): number {
    let count = 0;
    for (const keys of this.dirty.values()) count += keys.size;
    for (const batch of [this.inFlight, this.failed])
      for (const keys of batch?.keys.values() ?? []) count += keys.length;
    return count;
  }

  /**
   * Before the page is left: sends now what waits (and a failed request once more) and waits for the answers. True
   * when everything is saved; false after a failure, a refusal or a conflict — the leave guard then asks the user.
   */
  async flushAll(): Promise<boolean> {
    for (let round = 0; round < 4; round++) {
      if (this.inFlight) await this.answered();
      const hadFailed = this.failed !== null;
      this.flush();
      if (!this.inFlight) break;
      await this.answered();
      if (this.failed || (hadFailed && this.status() === 'error')) break;
    }
    this.clearTimer();
    const status = this.status();
    return !this.hasUnsaved() && status !== 'error' && status !== 'conflict';
  }

  /** Sends now: the failed batch first (same requestId), else what changed since. */
  flush(): void {
    this.clearTimer();
    if (this.inFlight) return;
    const batch = this.failed ?? this.nextBatch();
    if (!batch) {
      if (this.status() === 'pending') this.status.set('idle');
      return;
    }
    this.send(batch);
  }

  destroy(): void {
    this.clearTimer();
    this.subscription?.unsubscribe();
    this.wake();
  }

  private answered(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private schedule(): void {
    this.clearTimer();
    this.timer = setTimeout(() => this.flush(), AUTOSAVE_DELAY_MS);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private send(batch: SaveBatch): void {
    this.inFlight = batch;
    this.status.set('saving');
    this.subscription = this.handlers.send(batch.body).subscribe({
      next: (result) => {
        this.inFlight = null;
        this.failed = null;
        this.autoRetries = 0;
        this.lastProblem.set(null);
        this.handlers.saved(result, batch);
        this.afterRequest('saved');
        this.wake();
      },
      error: (error: unknown) => {
        this.inFlight = null;
        const problem = toProblem(error);
        this.lastProblem.set(problem);
        // 401: the session ended under the sheet; the batch is kept (not dropped as a refusal) for after sign-in.
        if (problem.status === 0 || problem.status >= 500 || problem.status === 401) {
          this.failed = batch;
          this.status.set('error');
          const delay =
            problem.status === 0 || problem.status === 503 ? AUTO_RETRY_DELAYS_MS[this.autoRetries] : undefined;
          if (delay !== undefined) {
            this.autoRetries += 1;
            this.timer = setTimeout(() => this.flush(), delay);
          }
          this.wake();
          return;
        }
        this.failed = null;
        this.afterRequest(this.handlers.refused(problem, batch));
        this.wake();
      },
    });
  }

  private afterRequest(settled: SaveStatus): void {
    if (this.dirty.size > 0) {
      this.status.set('pending');
      this.schedule();
    } else {
      this.status.set(settled);
    }
  }

  /** Builds the next request from the changed cells that are valid and not in conflict. */
  private nextBatch(): SaveBatch | null {
    const rows: GradeSheetSave['rows'] = [];
    const keys = new Map<string, string[]>();
    for (const [studentId, changed] of this.dirty) {
      const row = this.handlers.row(studentId);
      if (!row) continue;
      const sendable = [...changed].filter((key) => !(key in row.errors) && !(key in row.conflicts));
      if (sendable.length === 0) continue;
      const cells: Record<string, number | string | null> = {};
      for (const key of sendable) if (key !== COMMENT_KEY) cells[key] = row.values[key] ?? null;
      const change: GradeSheetSave['rows'][number] = { studentId, version: row.version, cells };
      if (sendable.includes(COMMENT_KEY)) change.comment = row.comment.trim() || null;
      rows.push(change);
      keys.set(studentId, sendable);
    }
    this.dirty.clear();
    return rows.length ? { body: { requestId: newRequestId(), rows }, keys } : null;
  }
}

/** crypto.randomUUID needs a secure context; a plain-http intranet deployment falls back to random bytes. */
function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
