import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { DialogComponent } from './dialog.component';

/**
 * A confirmation with its own Cancel and confirm buttons, on the modal DialogComponent: the rest of the page is
 * inert, Escape cancels (unless busy; after asking when `[unsaved]`), focus returns to the button that opened it.
 * Nothing happens before "confirm".
 */
@Component({
  selector: 'emis-confirm-dialog',
  imports: [TranslocoPipe, DialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      --dialog-width: 32rem;
      --dialog-title-gap: 0.75rem;
    }
    .btn-danger {
      background: var(--danger);
      color: var(--on-primary);
    }
    .btn-danger:hover:not(:disabled) {
      background: #8c1d17;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-top: 1.25rem;
    }
  `,
  template: `
    <emis-dialog
      #dialog
      [open]="open()"
      [heading]="title()"
      [busy]="busy()"
      [unsaved]="unsaved()"
      [testId]="testId()"
      (closed)="cancelled.emit()"
    >
      <ng-content />
      <div class="actions">
        <button
          type="button"
          class="btn btn-secondary"
          (click)="dialog.requestClose()"
          [disabled]="busy()"
          [attr.data-testid]="testId() + '-cancel'"
        >
          {{ 'common.cancel' | transloco }}
        </button>
        <button
          type="button"
          class="btn"
          [class.btn-primary]="!danger()"
          [class.btn-danger]="danger()"
          (click)="confirmed.emit()"
          [disabled]="busy() || confirmDisabled()"
          [attr.data-testid]="testId() + '-confirm'"
        >
          {{ busy() ? ('common.working' | transloco) : confirmLabel() }}
        </button>
      </div>
    </emis-dialog>
  `,
})
export class ConfirmDialogComponent {
  readonly open = input(false);
  readonly title = input.required<string>();
  readonly confirmLabel = input.required<string>();
  readonly busy = input(false);
  readonly danger = input(false);
  readonly confirmDisabled = input(false);
  /** Something typed into the dialog is not saved: Cancel and Escape ask first (DialogComponent). */
  readonly unsaved = input(false);
  readonly testId = input('confirm-dialog');
  readonly confirmed = output<void>();
  readonly cancelled = output<void>();
}
