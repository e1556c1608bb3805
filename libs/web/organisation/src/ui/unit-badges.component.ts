import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { OrgUnitAdminItem } from '@emis/contracts';
import { EmisDatePipe } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';

/** What needs attention about a unit: closed, a move pending, a school nobody administers. */
@Component({
  selector: 'emis-unit-badges',
  imports: [TranslocoPipe, EmisDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
    /* In a narrow column a long badge (a pending move names its unit) wraps rather than widening the table. */
    .badge {
      white-space: normal;
    }
  `,
  template: `
    @let u = unit();
    @if (u.closedOn) {
      <span class="badge" data-testid="badge-closed">{{ 'organisation.badges.closed' | transloco }}</span>
    } @else if (u.kind === 'SCHOOL' && !u.hasAdministrator) {
      <span class="badge badge-warning" data-testid="badge-no-admin">
        {{ 'organisation.badges.noAdministrator' | transloco }}
      </span>
    }
    @if (u.pendingMove; as move) {
      <span class="badge badge-neutral" data-testid="badge-pending-move">
        {{
          'organisation.badges.pendingMove'
            | transloco: { unit: move.parentName, date: (move.effectiveFrom | emisDate) }
        }}
      </span>
    }
  `,
})
export class UnitBadgesComponent {
  readonly unit = input.required<OrgUnitAdminItem>();
}
