import { ChangeDetectionStrategy, Component, effect, ElementRef, input, output, viewChild } from '@angular/core';

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert (the focus stays
 * inside), Escape closes it, and focus returns to the element that opened it. Nothing happens until the caller's
 * confirm button is pressed, so closing is always safe. A wrapper may narrow it through the custom properties
 * --dialog-width and --dialog-title-gap (they cross the style encapsulation; classes do not).
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
  readonly closed = output<void>();

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private opener: HTMLElement | null = null;

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
  }

  protected onCancel(event: Event): void {
    event.preventDefault();
    if (!this.busy()) this.closed.emit();
  }

  protected onNativeClose(): void {
    this.opener?.focus();
    this.opener = null;
    if (this.open()) this.closed.emit();
  }
}
