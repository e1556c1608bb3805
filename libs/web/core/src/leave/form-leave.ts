import { AbstractControl } from '@angular/forms';
import { guardLeaving } from './leave-guard';
import { LeavesSafely, PendingChanges } from './pending-changes';

/**
 * The leave guard's view of a create/edit form page: the form typed into and not saved is the user's decision when
 * leaving (a form saves only on its button, so there is nothing to flush). The page calls `saved()` before it moves on
 * after a successful save, and delegates its LeavesSafely methods here.
 */
export class FormLeave implements LeavesSafely {
  private done = false;

  constructor(private readonly form: () => AbstractControl | null | undefined) {}

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
}

/** Call in the page's constructor; the page implements LeavesSafely by delegating to the returned FormLeave. */
export function guardForm(page: LeavesSafely, form: () => AbstractControl | null | undefined): FormLeave {
  guardLeaving(page);
  return new FormLeave(form);
}
