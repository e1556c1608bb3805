import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { EXPORT_REASON_LENGTH } from '@emis/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { ConfirmDialogComponent } from './confirm-dialog.component';

/**
 * Asks why personal data is being exported before the download starts: the API refuses an export without a reason
 * of 10–500 characters and keeps it in the audit log (the same bounds, from @emis/domain). Each opening starts empty.
 */
@Component({
  selector: 'emis-export-reason-dialog',
  imports: [TranslocoPipe, ConfirmDialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    textarea {
      width: 100%;
      min-height: 5rem;
    }
    .hint {
      margin: 0.25rem 0 0;
      color: var(--text-muted);
      font-size: 0.875rem;
    }
  `,
  template: `
    <emis-confirm-dialog
      [open]="open()"
      [title]="'common.exportReason.title' | transloco"
      [confirmLabel]="'common.exportReason.confirm' | transloco"
      [busy]="busy()"
      [confirmDisabled]="!valid()"
      [testId]="testId()"
      (confirmed)="confirmed.emit(reason().trim())"
      [unsaved]="reason().trim() !== ''"
      (cancelled)="cancelled.emit()"
    >
      <p>{{ 'common.exportReason.intro' | transloco }}</p>
      <div class="field">
        <label [for]="testId() + '-reason'">{{ 'common.exportReason.label' | transloco }}</label>
        <textarea
          class="input"
          [id]="testId() + '-reason'"
          [value]="reason()"
          (input)="reason.set($any($event.target).value)"
          [attr.maxlength]="bounds.max"
          [attr.data-testid]="testId() + '-reason'"
        ></textarea>
        <p class="hint">{{ 'common.exportReason.hint' | transloco: bounds }}</p>
      </div>
    </emis-confirm-dialog>
  `,
})
export class ExportReasonDialogComponent {
  readonly open = input(false);
  readonly busy = input(false);
  readonly testId = input('export-reason');
  readonly confirmed = output<string>();
  readonly cancelled = output<void>();

  protected readonly bounds = EXPORT_REASON_LENGTH;
  protected readonly reason = signal('');

  constructor() {
    effect(() => {
      if (this.open()) this.reason.set('');
    });
  }

  protected valid(): boolean {
    const length = this.reason().trim().length;
    return length >= this.bounds.min && length <= this.bounds.max;
  }
}
