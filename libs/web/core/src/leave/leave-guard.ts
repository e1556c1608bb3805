import { DOCUMENT } from '@angular/common';
import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { CanDeactivateFn } from '@angular/router';
import { UnsavedDialogGuard } from '@emis/web/ui';
import { AuthStore } from '../auth/auth.store';
import { afterFlush, hasPending, LeavesSafely, NOTHING_PENDING, PendingChanges } from './pending-changes';

/** What the question is about: leaving a page (the default), or closing a dialog the user typed into. */
export type LeaveQuestion = PendingChanges & { closing?: boolean };

/**
 * Keeps the pages that hold unsaved work and decides, when the user leaves one, whether it may go: their pending saves
 * are sent and awaited first; when that fails, or invalid values or unsaved edits remain, the user is asked (stay, or
 * leave and discard) in the LeaveDialogComponent the shell shows. Used by the router (canLeavePage), the sign-out
 * button and the end of a session; a reload or closing the tab keeps the browser's own beforeunload prompt. An open
 * dialog with typed content counts as unsaved work of the page under it, and asks the same question before it closes
 * (UnsavedDialogGuard, provided by provideEmisCore).
 */
@Injectable({ providedIn: 'root' })
export class LeaveGuard implements UnsavedDialogGuard {
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly pages = new Set<LeavesSafely>();
  /** Pages whose user chose "leave and discard": the same departure is not asked about twice (sign-out, then route). */
  private readonly released = new WeakSet<LeavesSafely>();
  private readonly asked = signal<LeaveQuestion | null>(null);
  private answer: ((leave: boolean) => void) | null = null;
  /** What the open question is about; null when no question is open. */
  readonly question = this.asked.asReadonly();

  constructor() {
    inject(AuthStore).onSessionEnding(() => this.flushAll());
  }

  /** Called from a page's constructor (injection context): tracked until the page is destroyed. */
  register(page: LeavesSafely, destroyRef: DestroyRef): void {
    destroyRef.onDestroy(this.watch(page));
  }

  /** Tracks a page (or an open dialog) until the returned function is called. */
  private watch(page: LeavesSafely): () => void {
    this.pages.add(page);
    const warnOnUnload = (event: BeforeUnloadEvent) => {
      if (!this.released.has(page) && hasPending(page.pendingChanges())) event.preventDefault();
    };
    this.window?.addEventListener('beforeunload', warnOnUnload);
    return () => {
      this.pages.delete(page);
      this.window?.removeEventListener('beforeunload', warnOnUnload);
    };
  }

  /**
   * An open dialog's typed content, as unsaved work of the page under it: a form in a dialog saves only on its
   * button, so its "flush" sends nothing — it lets a save that just succeeded close the dialog (the page closes it on
   * the next rendering), and leaves without a question only if the dialog is gone or clean by then.
   */
  track(unsaved: () => boolean): () => void {
    let open = true;
    const dialog: LeavesSafely = {
      pendingChanges: () => (open && unsaved() ? { ...NOTHING_PENDING, dirty: true } : NOTHING_PENDING),
      flush: () => new Promise<boolean>((settled) => setTimeout(() => settled(!(open && unsaved())))),
    };
    const stop = this.watch(dialog);
    return () => {
      open = false;
      stop();
    };
  }

  /** Closing a dialog with typed content: the same question, about closing rather than leaving. */
  confirmDiscard(): Promise<boolean> {
    return this.ask({ ...NOTHING_PENDING, dirty: true, closing: true });
  }

  /** Flushes the page; leaves when everything is saved, else asks. */
  async mayLeave(page: LeavesSafely): Promise<boolean> {
    if (this.released.has(page) || !hasPending(page.pendingChanges())) return true;
    const flushed = await page.flush().catch(() => false);
    const left = page.pendingChanges();
    if (afterFlush(flushed, left) === 'leave') return true;
    const leave = await this.ask(left);
    if (leave) this.released.add(page);
    return leave;
  }

  /** Every registered page, one after the other (sign-out, end of session): false as soon as the user stays. */
  async mayLeaveAll(): Promise<boolean> {
    for (const page of [...this.pages]) if (!(await this.mayLeave(page))) return false;
    return true;
  }

  /** Sends what every page can send, asking nothing (the session is ending; the question comes with the navigation). */
  private async flushAll(): Promise<void> {
    for (const page of [...this.pages]) if (hasPending(page.pendingChanges())) await page.flush().catch(() => false);
  }

  /** The dialog's answer. */
  decide(leave: boolean): void {
    const answer = this.answer;
    this.answer = null;
    this.asked.set(null);
    answer?.(leave);
  }

  private ask(changes: LeaveQuestion): Promise<boolean> {
    // A second departure while the question is open (Back pressed meanwhile): the first one stays.
    this.decide(false);
    this.asked.set(changes);
    return new Promise<boolean>((resolve) => (this.answer = resolve));
  }
}

/** A page that flushes or asks before the user leaves it: call in its constructor. */
export function guardLeaving(page: LeavesSafely): void {
  inject(LeaveGuard).register(page, inject(DestroyRef));
}

/**
 * The router's side, on every page route of the shell (shellRoute adds it): the page, when it implements LeavesSafely,
 * then whatever else holds unsaved work on screen (an open dialog typed into, a form inside the page) flushes or asks.
 */
export const canLeavePage: CanDeactivateFn<unknown> = async (page) => {
  const guard = inject(LeaveGuard);
  if (isLeavesSafely(page) && !(await guard.mayLeave(page))) return false;
  return guard.mayLeaveAll();
};

function isLeavesSafely(page: unknown): page is LeavesSafely {
  return !!page && typeof (page as Partial<LeavesSafely>).pendingChanges === 'function';
}
