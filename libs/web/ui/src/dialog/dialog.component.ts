import {
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { UNSAVED_DIALOG_GUARD } from './unsaved-dialog-guard';

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert (the focus stays
 * inside), Escape closes it, and focus returns to the element that opened it. Nothing happens until the caller's
 * confirm button is pressed. A dialog the user typed into says so with `[unsaved]`: then Escape and a Cancel button
 * that calls `requestClose()` ask before closing, and the page under it guards navigation, sign-out and the session's
 * end while it is open (UNSAVED_DIALOG_GUARD; docs/domain/gradebook.md, "Leaving a page"). A click on the backdrop never closes
 * it. A wrapper may narrow it through the custom properties --dialog-width and --dialog-title-gap (they cross the
 * style encapsulation; classes do not).
 */
@Component({
  selector: 'emis-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog
      #dialog
      class="dialog"
      [attr.aria-labelledby]="testId() + '-title'"
      [attr.data-testid]="testId()"
      closedby="none"
      (keydown.escape)="onEscape($event)"
      (cancel)="onCancel($event)"
      (close)="onNativeClose()"
    >
      <h2 class="dialog-title" [id]="testId() + '-title'">{{ heading() }}</h2>
      <ng-content />
    </dialog>
  `,
  styles: `
    .dialog {
      width: min(var(--dialog-width, 36rem), calc(100vw - 2rem));
      max-height: calc(100vh - 4rem);
      padding: 1.5rem;
      border: 1px solid var(--border);
      border-radius: var(--radius-lg);
      box-shadow: var(--shadow-lg);
      color: var(--text);
    }
    .dialog::backdrop {
      background: rgb(16 24 40 / 0.45);
    }
    .dialog-title {
      margin: 0 0 var(--dialog-title-gap, 1rem);
      font-size: 1.125rem;
    }
  `,
})
export class DialogComponent {
  readonly open = input.required<boolean>();
  readonly heading = input.required<string>();
  readonly testId = input('dialog');
  /** When busy, Escape does not close: the request is on its way. */
  readonly busy = input(false);
  /** The user typed something not saved yet: closing asks first, and the page under it is guarded while open. */
  readonly unsaved = input(false);
  readonly closed = output<void>();

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly guard = inject(UNSAVED_DIALOG_GUARD, { optional: true });
  private opener: HTMLElement | null = null;
  private asking = false;

  constructor() {
    effect(() => {
      const element = this.dialog().nativeElement;
      if (this.open() && !element.open) {
        this.opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        element.showModal();
      } else if (!this.open() && element.open) {
        element.close();
      }
    });
    effect((onCleanup) => {
      const guard = this.guard;
      if (!this.open() || !guard) return;
      onCleanup(guard.track(() => this.unsaved()));
    });
  }

  /** Closing on the user's word (Escape, a Cancel button): with unsaved content the user is asked first. */
  async requestClose(): Promise<void> {
    if (this.busy() || this.asking) return;
    if (this.unsaved() && this.guard) {
      this.asking = true;
      const discard = await this.guard.confirmDiscard().finally(() => (this.asking = false));
      if (!discard) return;
    }
    this.closed.emit();
  }

  /**
   * Escape is handled here rather than by the browser's close request (closedby="none"): a browser may make that
   * request uncancelable — a second Escape with no click or typing in between, or the question's own dialog opened
   * from an Escape — and close a dialog whose content the user has not decided to drop.
   */
  protected onEscape(event: Event): void {
    event.preventDefault();
    event.stopPropagation();
    void this.requestClose();
  }

  /** A close request the browser still sends (one without closedby): asked about like Escape. */
  protected onCancel(event: Event): void {
    event.preventDefault();
    void this.requestClose();
  }

  protected onNativeClose(): void {
    // Chromium may deliver a close event after the dialog was opened again (closed because `open` turned false, then
    // shown anew before the event ran, as when a question is answered and asked again at once): that event is late,
    // not a close, and must neither emit `closed` (it would answer the new question) nor move the focus.
    if (this.dialog().nativeElement.open) return;
    if (this.open() && this.unsaved() && this.guard) {
      // Closed by the browser without a cancelable event: opened again, and the user asked.
      this.dialog().nativeElement.showModal();
      void this.requestClose();
      return;
    }
    this.opener?.focus();
    this.opener = null;
    if (this.open()) this.closed.emit();
  }
}
