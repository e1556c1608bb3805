import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ReconciliationCheckCode } from '@emis/contracts';
import {
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
} from '@emis/web/core';
import { DongPipe } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { DateRange, MoneyApi } from '../data-access/money.api';
import { DateRangeComponent } from '../ui/date-range.component';
import { yearToDate } from '../ui/date-range';
import { isCountCheck, reconciliationVerdict } from './reconciliation-view';

/**
 * The reconciliation of the school's money over a range: every check with its two sides and the difference, a
 * difference shown in red with the documents that cause it, and at the top whether the books balance to the đồng.
 */
@Component({
  selector: 'emis-reconciliation-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisNumberPipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    DateRangeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reconciliation.page.html',
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
})
export class ReconciliationPage {
  private readonly api = inject(MoneyApi);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  /** ?from=&to= of the URL (the closing-months page links here for one month); the year so far without them. */
  readonly from = input<string>();
  readonly to = input<string>();

  protected readonly range = linkedSignal<DateRange>(() => {
    const from = this.from();
    const to = this.to();
    return from && to ? { from, to } : yearToDate();
  });
  protected readonly result = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, range: this.range() } : undefined;
    },
    ({ schoolId, range }) => this.api.reconciliation(schoolId, range),
  );
  protected readonly verdict = computed(() => {
    const result = this.result.value();
    return result ? reconciliationVerdict(result) : null;
  });
  protected readonly checks = computed(() => this.result.value()?.checks ?? []);

  protected counts(code: ReconciliationCheckCode): boolean {
    return isCountCheck(code);
  }
}
