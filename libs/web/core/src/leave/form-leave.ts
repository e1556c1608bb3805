import { guardLeaving } from './leave-guard';
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

  constructor(private readonly form: () => DirtyForm | null | undefined) {}

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
export function guardForm(page: LeavesSafely, form: () => DirtyForm | null | undefined): FormLeave {
  guardLeaving(page);
  return new FormLeave(form);
}
