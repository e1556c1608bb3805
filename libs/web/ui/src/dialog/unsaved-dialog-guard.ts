import { InjectionToken } from '@angular/core';

/**
 * What a dialog with typed, unsaved content needs from the app (docs/domain/gradebook.md, "Leaving a page"): the page under an
 * open dialog guards its navigation, sign-out and session end while the dialog holds unsaved work, and closing the
 * dialog (Escape, Cancel) asks first. The presentational library only declares it; the app's leave guard
 * (LeaveGuard in web/core) provides it, with the same question as when leaving a page.
 */
export interface UnsavedDialogGuard {
  /**
   * Counts the dialog's unsaved content as the page's while `unsaved()` answers true; the returned function stops it
   * (the dialog closed or was destroyed).
   */
  track(unsaved: () => boolean): () => void;
  /** Asks the user whether to close the dialog and lose what was typed: true to discard, false to stay. */
  confirmDiscard(): Promise<boolean>;
}

export const UNSAVED_DIALOG_GUARD = new InjectionToken<UnsavedDialogGuard>('UNSAVED_DIALOG_GUARD');

/**
 * Whether a draft held in a signal (a dialog's or a page's fields) differs from what it started as: a dialog passes
 * `draftChanged(start, draft())` to `[unsaved]`, a page to guardUnsaved. Field by field; text compared without the
 * spaces around it (spaces alone are nothing typed), other values by identity (a draft holds plain values).
 */
export function draftChanged<T extends object>(start: T, now: T): boolean {
  const keys = new Set([...Object.keys(start), ...Object.keys(now)]) as Set<keyof T>;
  for (const key of keys) {
    const a = start[key];
    const b = now[key];
    const same = typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : Object.is(a, b);
    if (!same) return true;
  }
  return false;
}
