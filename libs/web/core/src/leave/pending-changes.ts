/**
 * What a page holds that the server does not have yet (docs/domain/gradebook.md, "Leaving a page"): saves on their
 * way or waiting for their quiet spell, values that failed validation and are never sent, and edits the user has
 * not saved (a form, a day of attendance).
 */
export interface PendingChanges {
  /** Saves queued or in flight (for a grade sheet: changed cells not yet confirmed by the server). */
  saving: number;
  /** Values on screen that failed validation: they are never sent, so leaving would drop them. */
  invalid: number;
  /** Anything else not saved: a form typed into, a conflict awaiting the user's choice. */
  dirty: boolean;
}

/** A page that must not lose what the user typed when the user leaves it (in-app link, Back, sign-out, session end). */
export interface LeavesSafely {
  pendingChanges(): PendingChanges;
  /**
   * Sends what can be sent now and waits for the answer: true when nothing is left unsaved. A page that saves only
   * on the user's command (a form) answers false while dirty: leaving it is the user's decision.
   */
  flush(): Promise<boolean>;
}

export const NOTHING_PENDING: PendingChanges = { saving: 0, invalid: 0, dirty: false };

export function hasPending(changes: PendingChanges): boolean {
  return changes.saving > 0 || changes.invalid > 0 || changes.dirty;
}

/** What the leave guard does with a page: leave at once, leave after its flush succeeds, or ask the user. */
export type LeaveStep = 'leave' | 'ask';

/**
 * After the flush: leave when it succeeded and nothing is left (no invalid cell, nothing dirty); otherwise the user
 * decides — an invalid cell or a failed save is never dropped silently.
 */
export function afterFlush(flushed: boolean, left: PendingChanges): LeaveStep {
  return flushed && !hasPending(left) ? 'leave' : 'ask';
}
