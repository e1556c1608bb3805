import { ChangeDetectionStrategy, Component, effect, ElementRef, input, output, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * A confirmation on the native modal <dialog>: the browser makes the rest of the page inert (focus stays inside),
 * Escape closes it, and focus returns to the button that opened it. Nothing happens before "confirm".
 */
@Component({
  selector: 'emis-confirm-dialog',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    dialog { max-width: 32rem; width: calc(100% - 2rem); padding: 1.5rem; border: 1px solid var(--border);
      border-radius: var(--radius-lg); box-shadow: var(--shadow-lg); color: var(--text); }
    dialog::backdrop { background: rgb(16 24 40 / 0.45); }
    h2 { font-size: 1.125rem; margin-bottom: 0.75rem; }
    .btn-danger { background: var(--danger); color: var(--on-primary); }
    .btn-danger:hover:not(:disabled) { background: #8c1d17; }
    .actions { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 0.5rem; margin-top: 1.25rem; }
  `,
  template: `
    <dialog #dialog (cancel)="onCancel($event)" [attr.aria-labelledby]="testId() + '-title'" [attr.data-testid]="testId()">
      <h2 [id]="testId() + '-title'">{{ title() }}</h2>
      <ng-content />
      <div class="actions">
        <button type="button" class="btn btn-secondary" (click)="cancelled.emit()" [disabled]="busy()" [attr.data-testid]="testId() + '-cancel'">
          {{ 'common.cancel' | transloco }}
        </button>
        <button type="button" class="btn" [class.btn-primary]="!danger()" [class.btn-danger]="danger()" (click)="confirmed.emit()"
          [disabled]="busy() || confirmDisabled()" [attr.data-testid]="testId() + '-confirm'">
          {{ busy() ? ('common.working' | transloco) : confirmLabel() }}
        </button>
      </div>
    </dialog>
  `,
})
export class ConfirmDialogComponent {
  readonly open = input(false);
  readonly title = input.required<string>();
  readonly confirmLabel = input.required<string>();
  readonly busy = input(false);
  readonly danger = input(false);
  readonly confirmDisabled = input(false);
  readonly testId = input('confirm-dialog');
  readonly confirmed = output<void>();
  readonly cancelled = output<void>();

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  constructor() {
    effect(() => {
      const dialog = this.dialog().nativeElement;
      if (this.open() && !dialog.open) dialog.showModal();
      else if (!this.open() && dialog.open) dialog.close();
    });
  }

  protected onCancel(event: Event): void {
    event.preventDefault();
    if (!this.busy()) this.cancelled.emit();
  }
}
