import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { SchoolLevel } from '@emis/domain';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'emis-level-badges',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
  `,
  template: `
    @for (level of levels(); track level) {
      <span class="badge badge-level" [attr.data-level]="level">{{ 'levels.' + level | transloco }}</span>
    }
  `,
})
export class LevelBadgesComponent {
  readonly levels = input.required<readonly SchoolLevel[]>();
}
