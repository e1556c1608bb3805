import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SheetSession } from './sheet-session';

/**
 * Under the sheet's bar, for both views: the message line (a cell's error, a paste's report, undo, copy) and the
 * conflict panel — each cell someone else saved differently since this teacher's edit was based, with "Giữ giá trị
 * của tôi" / "Dùng giá trị mới", one by one or all at once.
 */
@Component({
  selector: 'emis-sheet-messages',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.touch]': 'touch()' },
  template: `
    <p
      class="sheet-message"
      [class.is-error]="session().messageTone() === 'error'"
      role="status"
      aria-live="assertive"
      data-testid="grade-cell-message"
    >
      {{ session().message() }}
    </p>
    @if (session().conflicts().length > 0) {
      <section
        class="alert alert-warning sheet-conflicts"
        role="alert"
        data-testid="grade-conflicts"
        aria-labelledby="grade-conflicts-title"
      >
        <p class="alert-title" id="grade-conflicts-title">{{ 'grading.sheet.conflict.title' | transloco }}</p>
        <p class="alert-detail">{{ 'grading.sheet.conflict.detail' | transloco }}</p>
        <ul class="plain-list">
          @for (c of session().conflicts(); track c.studentId + c.key) {
            <li class="sheet-conflict" data-testid="grade-conflict-item">
              <span>{{ session().conflictText(c) }}</span>
              <span class="sheet-conflict-actions">
                <button
                  type="button"
                  class="btn btn-secondary"
                  [class.btn-small]="!touch()"
                  (click)="session().keepMine(c)"
                  data-testid="grade-conflict-keep"
                >
                  {{ 'grading.sheet.conflict.keepMine' | transloco }}
                </button>
                <button
                  type="button"
                  class="btn btn-secondary"
                  [class.btn-small]="!touch()"
                  (click)="session().useTheirs(c)"
                  data-testid="grade-conflict-theirs"
                >
                  {{ 'grading.sheet.conflict.useTheirs' | transloco }}
                </button>
              </span>
            </li>
          }
        </ul>
        @if (session().conflicts().length > 1) {
          <p class="sheet-conflict-actions">
            <button
              type="button"
              class="btn btn-secondary"
              [class.btn-small]="!touch()"
              (click)="session().resolveAll(true)"
            >
              {{ 'grading.sheet.conflict.keepAll' | transloco }}
            </button>
            <button
              type="button"
              class="btn btn-secondary"
              [class.btn-small]="!touch()"
              (click)="session().resolveAll(false)"
            >
              {{ 'grading.sheet.conflict.useAll' | transloco }}
            </button>
          </p>
        }
      </section>
    }
  `,
  styles: `
    .sheet-message {
      min-height: 1.25rem;
      margin: 0 0 0.5rem;
      font-size: 0.875rem;
    }
    .sheet-message.is-error {
      color: var(--danger);
    }
    .sheet-conflicts {
      margin-bottom: 0.75rem;
    }
    .sheet-conflict {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      padding: 0.375rem 0;
      border-top: 1px solid var(--warning-border);
    }
    .sheet-conflict-actions {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    /* The phone: the message takes no room when empty; each conflict's text above its large buttons. */
    :host(.touch) .sheet-message {
      min-height: 0;
      margin: 0.25rem 0;
      font-size: inherit;
    }
    :host(.touch) .sheet-conflict {
      flex-direction: column;
      align-items: stretch;
      gap: 0.25rem;
    }
    :host(.touch) .btn {
      min-height: 44px;
    }
    @media print {
      :host {
        display: none;
      }
    }
  `,
})
export class SheetMessagesComponent {
  readonly session = input.required<SheetSession>();
  /** Large touch targets (the phone sheet). */
  readonly touch = input(false);
}
