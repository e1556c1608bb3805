import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SheetSession } from './sheet-session';

/**
 * The sheet's save status, for both views: saving, waiting, saved, a conflict or an error with "Thử lại", and the
 * count of invalid cells — never "Đã lưu" while a red cell remains: it was not sent, and would vanish on reload
 * (docs/domain/gradebook.md, "Leaving a page").
 */
@Component({
  selector: 'emis-sheet-save-state',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span
      class="save-state"
      role="status"
      aria-live="polite"
      data-testid="grade-save-status"
      [attr.data-state]="session().status()"
      [attr.data-invalid]="session().invalidCells()"
    >
      @if (session().invalidCells() > 0) {
        <span class="state-error" data-testid="grade-invalid-count">{{
          'grading.grid.invalid' | transloco: { count: session().invalidCells() }
        }}</span>
      }
      @switch (session().status()) {
        @case ('saving') {
          <span>{{ 'grading.sheet.status.saving' | transloco }}</span>
        }
        @case ('pending') {
          <span class="state-pending">● {{ 'grading.sheet.status.pending' | transloco }}</span>
        }
        @case ('saved') {
          @if (session().invalidCells() === 0) {
            <span class="state-saved">✓ {{ 'grading.sheet.status.saved' | transloco }}</span>
          }
        }
        @case ('conflict') {
          <span class="state-error">{{ 'grading.sheet.status.conflict' | transloco }}</span>
        }
        @case ('error') {
          <span class="state-error">{{ 'grading.sheet.status.error' | transloco }}</span>
          <button
            type="button"
            class="btn btn-secondary"
            [class.btn-small]="!touch()"
            (click)="session().retry()"
            data-testid="grade-save-retry"
          >
            {{ 'common.retry' | transloco }}
          </button>
        }
      }
    </span>
  `,
  styles: `
    .save-state {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      min-height: 2rem;
      font-weight: 600;
    }
    .state-saved {
      color: var(--success);
    }
    .state-pending {
      color: var(--warning);
    }
    .state-error {
      color: var(--danger);
    }
  `,
})
export class SheetSaveStateComponent {
  readonly session = input.required<SheetSession>();
  /** Large touch targets (the phone sheet). */
  readonly touch = input(false);
}
