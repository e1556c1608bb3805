import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatEmisNumber } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * One published figure: the number in the vi-VN format, or "—" with a tooltip (and the same words for screen readers)
 * saying it is withheld because it describes fewer than 5 pupils, or not recorded.
 */
@Component({
  selector: 'emis-report-figure',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (text(); as shown) {
      {{ shown }}{{ percent() ? ' %' : '' }}
    } @else {
      <span
        class="withheld"
        [attr.title]="(suppressed() ? 'reporting.suppressed.mark' : 'reporting.suppressed.missing') | transloco"
        data-testid="figure-withheld"
        ><span aria-hidden="true">—</span
        ><span class="visually-hidden">{{
          (suppressed() ? 'reporting.suppressed.mark' : 'reporting.suppressed.missing') | transloco
        }}</span></span
      >
    }
  `,
  styles: `
    .withheld {
      color: var(--text-muted);
      cursor: help;
    }
  `,
})
export class ReportFigureComponent {
  readonly value = input<number | null | undefined>(null);
  /** The row withheld some counts: a missing value is then read as withheld, not as not recorded. */
  readonly suppressed = input(false);
  readonly percent = input(false);

  protected readonly text = computed(() => formatEmisNumber(this.value()));
}
