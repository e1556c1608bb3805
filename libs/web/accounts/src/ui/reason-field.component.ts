import { ChangeDetectionStrategy, Component, computed, input, model, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { REASON_MAX, REASON_MIN, reasonProblem } from './reason';

/** The reason an administrator gives for an action on an account; the audit trail keeps it with the change. */
@Component({
  selector: 'emis-reason-field',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="field">
      <label [for]="testId()">{{ 'accounts.reason.label' | transloco }}</label>
      <textarea
        [id]="testId()"
        class="input"
        rows="3"
        [attr.maxlength]="max + 50"
        [value]="reason()"
        (input)="reason.set($any($event.target).value)"
        (blur)="touched.set(true)"
        [attr.aria-invalid]="showError()"
        [attr.aria-describedby]="testId() + '-hint ' + testId() + '-error'"
        [attr.data-testid]="testId()"
      ></textarea>
      <p [id]="testId() + '-hint'" class="field-hint">
        {{ 'accounts.reason.hint' | transloco: { min: min, max: max } }}
      </p>
      <p [id]="testId() + '-error'" class="field-error" [attr.data-testid]="testId() + '-error'">
        @if (showError() && problem(); as problem) {
          {{ 'accounts.reason.' + problem | transloco: { min: min, max: max } }}
        }
      </p>
    </div>
  `,
})
export class ReasonFieldComponent {
  readonly reason = model('');
  readonly testId = input('reason');

  protected readonly min = REASON_MIN;
  protected readonly max = REASON_MAX;
  protected readonly touched = signal(false);
  protected readonly problem = computed(() => reasonProblem(this.reason()));
  protected readonly showError = computed(() => this.touched() && this.problem() !== null);
}
