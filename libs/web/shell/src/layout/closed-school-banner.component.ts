import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { OrgUnitContext } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * Over every page of a closed school: its data stays readable and nothing in it changes (the API answers a write
 * with 409 school_closed, and row-level security refuses it too; docs/domain/organisation.md). The tree marks closed
 * units; a school's own users do not load it for the switcher, so it is loaded here when a school is in view.
 */
@Component({
  selector: 'emis-closed-school-banner',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .banner {
      margin-bottom: 1rem;
    }
  `,
  template: `
    @if (closed()) {
      <div class="alert alert-warning banner" role="status" data-testid="closed-school-banner">
        <p class="alert-title">{{ 'shell.closedSchool' | transloco }}</p>
        <p>{{ 'shell.closedSchoolText' | transloco }}</p>
      </div>
    }
  `,
})
export class ClosedSchoolBannerComponent {
  private readonly orgUnits = inject(OrgUnitContext);

  protected readonly closed = computed(() => {
    const unit = this.orgUnits.currentUnit();
    return unit?.kind === 'SCHOOL' && this.orgUnits.nodesById().get(unit.id)?.closed === true;
  });

  constructor() {
    effect(() => {
      if (this.orgUnits.currentUnit()?.kind !== 'SCHOOL') return;
      // loadTree answers once per signed-in user; later calls share that answer.
      untracked(() => this.orgUnits.loadTree().subscribe({ error: () => undefined }));
    });
  }
}
