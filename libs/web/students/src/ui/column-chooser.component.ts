import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

export interface ColumnOption {
  key: string;
  labelKey: string;
}

/** The "Cột hiển thị" menu: a disclosure of checkboxes, one per optional column. */
@Component({
  selector: 'emis-column-chooser',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.escape)': 'closeMenu($event)' },
  template: `
    <details class="columns" [attr.data-testid]="testId()">
      <summary class="btn btn-secondary btn-small" [attr.data-testid]="testId() + '-toggle'">
        {{ 'students.columns.choose' | transloco }}
      </summary>
      <fieldset class="columns-menu">
        <legend class="visually-hidden">{{ 'students.columns.choose' | transloco }}</legend>
        @for (column of columns(); track column.key) {
          <label class="columns-option">
            <input
              type="checkbox"
              [checked]="visible().includes(column.key)"
              (change)="toggle(column.key, $any($event.target).checked)"
              [attr.data-testid]="testId() + '-' + column.key"
            />
            {{ column.labelKey | transloco }}
          </label>
        }
      </fieldset>
    </details>
  `,
  styles: `
    .columns { position: relative; }
    .columns summary { list-style: none; cursor: pointer; }
    .columns summary::-webkit-details-marker { display: none; }
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
    .columns-option { display: flex; gap: 0.5rem; align-items: center; padding: 0.25rem 0; font-size: 0.875rem; }
  `,
})
export class ColumnChooserComponent {
  readonly columns = input.required<readonly ColumnOption[]>();
  readonly visible = input.required<readonly string[]>();
  readonly testId = input('columns');
  readonly visibleChange = output<string[]>();

  protected toggle(key: string, shown: boolean): void {
    const next = this.columns()
      .map((c) => c.key)
      .filter((k) => (k === key ? shown : this.visible().includes(k)));
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

/** The column choice of a list, kept in localStorage per list so it survives reloads. */
export function storedColumns(storageKey: string, all: readonly string[], defaults: readonly string[]): string[] {
  try {
    const raw = localStorage.getItem(storageKey);
    if (raw) {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed)) return all.filter((k) => parsed.includes(k));
    }
  } catch {
    // Disabled or malformed storage: the defaults apply.
  }
  return [...defaults];
}

export function storeColumns(storageKey: string, columns: readonly string[]): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(columns));
  } catch {
    // Storage may be disabled; the choice then lasts until reload.
  }
}
