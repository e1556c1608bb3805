import { DOCUMENT } from '@angular/common';
import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { CanDeactivateFn } from '@angular/router';
import { AuthStore } from '../auth/auth.store';
import { afterFlush, hasPending, LeavesSafely, PendingChanges } from './pending-changes';

/**
 * Keeps the pages that hold unsaved work and decides, when the user leaves one, whether it may go: their pending saves
 * are sent and awaited first; when that fails, or invalid values or unsaved edits remain, the user is asked (stay, or
 * leave and discard) in the LeaveDialogComponent the shell shows. Used by the router (canLeavePage), the sign-out
 * button and the end of a session; a reload or closing the tab keeps the browser's own beforeunload prompt.
 */
@Injectable({ providedIn: 'root' })
export class LeaveGuard {
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly pages = new Set<LeavesSafely>();
  /** Pages whose user chose "leave and discard": the same departure is not asked about twice (sign-out, then route). */
  private readonly released = new WeakSet<LeavesSafely>();
  private readonly asked = signal<PendingChanges | null>(null);
  private answer: ((leave: boolean) => void) | null = null;
  /** What the open question is about; null when no question is open. */
  readonly question = this.asked.asReadonly();

  constructor() {
    inject(AuthStore).onSessionEnding(() => this.flushAll());
  }

  /** Called from a page's constructor (injection context): tracked until the page is destroyed. */
  register(page: LeavesSafely, destroyRef: DestroyRef): void {
    this.pages.add(page);
    const warnOnUnload = (event: BeforeUnloadEvent) => {
      if (!this.released.has(page) && hasPending(page.pendingChanges())) event.preventDefault();
    };
    this.window?.addEventListener('beforeunload', warnOnUnload);
    destroyRef.onDestroy(() => {
      this.pages.delete(page);
      this.window?.removeEventListener('beforeunload', warnOnUnload);
    });
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

  private ask(changes: PendingChanges): Promise<boolean> {
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

/** The router's side: `canDeactivate: [canLeavePage]` on the route of a page implementing LeavesSafely. */
export const canLeavePage: CanDeactivateFn<LeavesSafely> = (page) =>
  page && typeof page.pendingChanges === 'function' ? inject(LeaveGuard).mayLeave(page) : true;
