import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { foldVietnamese } from '@emis/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { OrgUnitContext } from '../org/org-unit.context';

/**
 * Shown by the pages of one school's records (students, classes, staff) when a department or unit user is
 * looking at a unit: they pick a school here (the same choice as the org-unit switcher) and the page reloads
 * for it, read-only unless their role may change it.
 */
@Component({
  selector: 'emis-school-required',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card empty-state" data-testid="school-required">
      <h2>{{ 'schoolRequired.title' | transloco }}</h2>
      <p>{{ 'schoolRequired.detail' | transloco }}</p>
      <label class="field">
        <span class="label">{{ 'schoolRequired.search' | transloco }}</span>
        <input
          class="input"
          type="search"
          [value]="query()"
          (input)="query.set($any($event.target).value)"
          data-testid="school-required-search"
        />
      </label>
      <ul class="plain-list">
        @for (school of shown(); track school.id) {
          <li>
            <button
              type="button"
              class="btn btn-link"
              (click)="context.select(school.id)"
              data-testid="school-required-option"
            >
              {{ school.name }} <span class="muted">· {{ school.code }}</span>
            </button>
          </li>
        } @empty {
          <li class="muted">{{ 'schoolRequired.none' | transloco }}</li>
        }
      </ul>
    </section>
  `,
})
export class SchoolRequiredComponent {
  protected readonly context = inject(OrgUnitContext);
  protected readonly query = signal('');
  protected readonly shown = computed(() => {
    const words = foldVietnamese(this.query()).split(/\s+/).filter(Boolean);
    return this.context
      .tree()
      .filter((n) => n.kind === 'SCHOOL')
      .filter((n) => words.every((w) => foldVietnamese(`${n.name} ${n.code}`).includes(w)))
      .slice(0, 50);
  });

  constructor() {
    this.context.loadTree().subscribe({ error: () => undefined });
  }
}
