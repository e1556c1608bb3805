import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { DateRange } from '../data-access/money.api';
import { rangeError } from './date-range';

/** Two dates and "Show": the range is sent only when both are real days in order, so the API is never asked a guess. */
@Component({
  selector: 'emis-date-range',
  // FormsModule: the <form>'s ngSubmit (and no page reload on submit), no ngModel.
  imports: [FormsModule, TranslocoPipe, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['./finance-page.css', './money-page.css'],
  template: `
    <form class="toolbar" (ngSubmit)="apply()" novalidate>
      <div class="field">
        <label [for]="idPrefix() + '-from'">{{ 'finance.money.common.from' | transloco }}</label>
        <input
          [id]="idPrefix() + '-from'"
          class="input"
          emisDateInput
          [isoValue]="draft().from"
          (isoInput)="draft.set({ from: $event, to: draft().to })"
          [attr.data-testid]="idPrefix() + '-from'"
        />
      </div>
      <div class="field">
        <label [for]="idPrefix() + '-to'">{{ 'finance.money.common.to' | transloco }}</label>
        <input
          [id]="idPrefix() + '-to'"
          class="input"
          emisDateInput
          [isoValue]="draft().to"
          (isoInput)="draft.set({ from: draft().from, to: $event })"
          [attr.data-testid]="idPrefix() + '-to'"
        />
      </div>
      <button
        type="submit"
        class="btn btn-secondary"
        [disabled]="error() !== null"
        [attr.data-testid]="idPrefix() + '-show'"
      >
        {{ 'finance.money.common.show' | transloco }}
      </button>
      <ng-content />
      @if (error(); as e) {
        <p class="field-error" role="alert">
          {{ (e === 'order' ? 'finance.money.common.rangeOrder' : 'finance.money.common.rangeMissing') | transloco }}
        </p>
      }
    </form>
  `,
})
export class DateRangeComponent {
  readonly range = input.required<DateRange>();
  readonly idPrefix = input('range');
  readonly rangeChange = output<DateRange>();

  protected readonly draft = linkedSignal(() => this.range());
  protected readonly error = computed(() => rangeError(this.draft()));

  protected apply(): void {
    if (this.error() === null) this.rangeChange.emit(this.draft());
  }
}
