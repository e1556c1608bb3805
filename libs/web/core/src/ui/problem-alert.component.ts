import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ProblemDetails } from '@emis/contracts';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * Shows an API problem: its localized title and detail, or the caller's own message for cases the
 * page words better (a wrong password, a locked account). role="alert" makes screen readers announce it.
 */
@Component({
  selector: 'emis-problem-alert',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problem(); as p) {
      <div class="alert alert-error" role="alert" [attr.data-testid]="testId()">
        <p class="alert-title">
          @if (messageKey(); as key) {
            {{ key | transloco: messageParams() }}
          } @else if (isNetworkError()) {
            {{ 'errors.network' | transloco }}
          } @else {
            {{ p.title }}
          }
        </p>
        @if (p.detail && p.detail !== p.title) {
          <p class="alert-detail">{{ p.detail }}</p>
        }
        @if (unmatchedErrors().length > 0) {
          <ul class="alert-list">
            @for (error of unmatchedErrors(); track error.field) {
              <li>{{ error.message }}</li>
            }
          </ul>
        }
      </div>
    }
  `,
})
export class ProblemAlertComponent {
  readonly problem = input<ProblemDetails | null>(null);
  /** A translation key that replaces the problem's title. */
  readonly messageKey = input<string | null>(null);
  readonly messageParams = input<Record<string, unknown>>({});
  /** Field errors for these fields are shown under the fields themselves, not in the alert. */
  readonly shownFields = input<readonly string[]>([]);
  readonly testId = input('error-message');

  protected readonly isNetworkError = computed(() => this.problem()?.code === 'network_error');
  protected readonly unmatchedErrors = computed(() => {
    const shown = new Set(this.shownFields());
    return (this.problem()?.errors ?? []).filter((error) => !shown.has(error.field));
  });
}
