import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ColumnChoice } from './column-choice';

/** The "Cột hiển thị" menu: a disclosure with one checkbox per column that can be hidden. */
@Component({
  selector: 'emis-column-chooser',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { position: relative; display: inline-block; }
    summary { list-style: none; }
    summary::-webkit-details-marker { display: none; }
    .menu {
      position: absolute; right: 0; z-index: 20; min-width: 14rem; margin-top: 0.25rem; padding: 0.5rem 0.75rem;
      background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow-lg);
    }
    .menu label { display: flex; gap: 0.5rem; align-items: center; padding: 0.25rem 0; font-size: 0.875rem; cursor: pointer; }
    fieldset { border: 0; margin: 0; padding: 0; }
    legend { font-weight: 600; font-size: 0.8125rem; color: var(--text-muted); padding: 0 0 0.25rem; }
  `,
  template: `
    <details [attr.data-testid]="testId()">
      <summary class="btn btn-secondary btn-small" [attr.data-testid]="testId() + '-toggle'">
        {{ 'academic.common.columns' | transloco }}
      </summary>
      <div class="menu">
        <fieldset>
          <legend>{{ 'academic.common.columns' | transloco }}</legend>
          @for (option of choice().options; track option.key) {
            @if (!option.fixed) {
              <label>
                <input
                  type="checkbox"
                  [checked]="choice().shows(option.key)"
                  (change)="choice().toggle(option.key, $any($event.target).checked)"
                  [attr.data-testid]="testId() + '-' + option.key"
                />
                {{ option.labelKey | transloco }}
              </label>
            }
          }
        </fieldset>
      </div>
    </details>
  `,
})
export class ColumnChooserComponent {
  readonly choice = input.required<ColumnChoice<string>>();
  readonly testId = input('columns');
}
