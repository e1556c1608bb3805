import { inject } from '@angular/core';
import { guardLeaving, LeaveGuard } from './leave-guard';
import { LeavesSafely, PendingChanges } from './pending-changes';

/**
 * The leave guard's view of a create/edit form page: the form typed into and not saved is the user's decision when
 * leaving (a form saves only on its button, so there is nothing to flush). The page calls `saved()` before it moves on
 * after a successful save, and delegates its LeavesSafely methods here.
 */
/** What the guard reads of a form: an AbstractControl, or a child form component's own answer. */
export interface DirtyForm {
  readonly dirty: boolean;
}

export class FormLeave implements LeavesSafely {
  private done = false;

  constructor(
    private readonly form: () => DirtyForm | null | undefined,
    private readonly guard?: UnsavedQuestion,
  ) {}

  /** The save succeeded: the navigation that follows leaves without a question. */
  saved(): void {
    this.done = true;
  }

  pendingChanges(): PendingChanges {
    return { saving: 0, invalid: 0, dirty: !this.done && !!this.form()?.dirty };
  }

  flush(): Promise<boolean> {
    return Promise.resolve(!this.pendingChanges().dirty);
  }

  /** The form's own Cancel (an inline edit, a form card): asks first when typed into; true when it may close. */
  mayClose(): Promise<boolean> {
    return this.pendingChanges().dirty && this.guard ? this.guard.confirmDiscard() : Promise.resolve(true);
  }
}

/** The question asked before a form typed into is closed (LeaveGuard's). */
export interface UnsavedQuestion {
  confirmDiscard(): Promise<boolean>;
}

/** Call in the page's constructor; the page implements LeavesSafely by delegating to the returned FormLeave. */
export function guardForm(page: LeavesSafely, form: () => DirtyForm | null | undefined): FormLeave {
  guardLeaving(page);
  return new FormLeave(form);
}

/**
 * Call in a component's constructor (a page, or a part of one: an inline edit, a form card): while `form()` is dirty,
 * leaving the page, signing out or the session's end asks first — canLeavePage consults every registered form, so the
 * page itself need not implement LeavesSafely. A form that becomes clean again (saved and reset, closed) stops asking.
 */
export function guardUnsaved(form: () => DirtyForm | null | undefined): FormLeave {
  const leave = new FormLeave(form, inject(LeaveGuard));
  guardLeaving(leave);
  return leave;
}
