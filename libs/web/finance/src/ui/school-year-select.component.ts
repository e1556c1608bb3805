import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { SchoolYear } from '@emis/contracts';
import { TranslocoPipe } from '@jsverse/transloco';

/** The school year a finance page shows. */
@Component({
  selector: 'emis-school-year-select',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="field">
      <label for="finance-year">{{ 'finance.collection.fields.schoolYear' | transloco }}</label>
      <select
        id="finance-year"
        class="select"
        [value]="value() ?? ''"
        (change)="changed.emit($any($event.target).value)"
        data-testid="finance-year"
      >
        @for (year of years(); track year.id) {
          <option [value]="year.id" [selected]="year.id === value()">{{ year.code }}</option>
        }
      </select>
    </div>
  `,
})
export class SchoolYearSelectComponent {
  readonly years = input.required<readonly SchoolYear[]>();
  readonly value = input<string | null>(null);
  readonly changed = output<string>();
}
