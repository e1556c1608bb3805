import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ColumnOption } from './column-choice';

/**
 * The "Cột hiển thị" menu: a disclosure of checkboxes, one per column that can be hidden (fixed columns get none).
 * It only reports the new choice; the page keeps it (in a ColumnChoice, or its own signal) and stores it.
 */
@Component({
  selector: 'emis-column-chooser',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.escape)': 'closeMenu($event)' },
  template: `
    <details class="columns" [attr.data-testid]="testId()">
      <summary class="btn btn-secondary btn-small" [attr.data-testid]="testId() + '-toggle'">
        {{ 'ui.columns' | transloco }}
      </summary>
      <fieldset class="columns-menu">
        <legend class="visually-hidden">{{ 'ui.columns' | transloco }}</legend>
        @for (column of columns(); track column.key) {
          @if (!column.fixed) {
            <label class="columns-option">
              <input
                type="checkbox"
                [checked]="shown().has(column.key)"
                (change)="toggle(column.key, $any($event.target).checked)"
                [attr.data-testid]="testId() + '-' + column.key"
              />
              {{ column.labelKey | transloco }}
            </label>
          }
        }
      </fieldset>
    </details>
  `,
  styles: `
    .columns {
      position: relative;
    }
    .columns summary {
      list-style: none;
      cursor: pointer;
    }
    .columns summary::-webkit-details-marker {
      display: none;
    }
    .columns-menu {
      position: absolute;
      right: 0;
      z-index: 20;
      min-width: 14rem;
      margin: 0.25rem 0 0;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
      box-shadow: var(--shadow-lg);
    }
    .columns-option {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      padding: 0.25rem 0;
      font-size: 0.875rem;
      cursor: pointer;
    }
  `,
})
export class ColumnChooserComponent {
  readonly columns = input.required<readonly ColumnOption[]>();
  readonly visible = input.required<Iterable<string>>();
  readonly testId = input('columns');
  readonly visibleChange = output<string[]>();

  protected readonly shown = computed<ReadonlySet<string>>(() => new Set(this.visible()));

  protected toggle(key: string, shown: boolean): void {
    const next = this.columns()
      .map((c) => c.key)
      .filter((k) => (k === key ? shown : this.shown().has(k)));
    this.visibleChange.emit(next);
  }

  protected closeMenu(event: Event): void {
    const details = (event.currentTarget as HTMLElement).querySelector('details');
    if (details?.open) {
      details.open = false;
      details.querySelector('summary')?.focus();
    }
  }
}
