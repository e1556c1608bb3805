import { Signal } from '@angular/core';
import { LeavesSafely, PendingChanges } from '@emis/web/core';

/** The focused cell, for the history and correction actions. */
export interface FocusedCell {
  studentId: string;
  fullName: string;
  key: string;
  label: string;
  value: string;
}

/**
 * What the sheet page asks of the view in use, the desktop grid or the phone sheet: the leave guard's answers and the
 * focused cell. Both provide themselves under this token, so the page queries the token and never names the grid's
 * class — which lets the grid (and AG Grid with it) load as a chunk of its own (grade-sheet.page.html, @defer).
 */
export abstract class SheetView implements LeavesSafely {
  abstract readonly focused: Signal<FocusedCell | null>;
  abstract pendingChanges(): PendingChanges;
  abstract flush(): Promise<boolean>;
}
