import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FeeRange, ProblemDetails } from '@emis/contracts';
import { AuthStore, LanguageService, loadOnChange, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent, DongPipe } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { CollectionApi } from '../data-access/collection.api';
import { FinanceConfigApi } from '../data-access/finance-config.api';
import { SchoolYearSelectComponent } from '../ui/school-year-select.component';
import { chooseYearId } from '../ui/school-years';
import { FeeRangeDialogComponent } from './fee-range-dialog.component';

/**
 * The ranges (minimum – maximum) of the other approved fees of a school year, by level and area: a school adopts a
 * fee only within its range. The department's administrator (finance.configure) adds, changes and removes them.
 */
@Component({
  selector: 'emis-fee-ranges-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    DongPipe,
    ProblemAlertComponent,
    ConfirmDialogComponent,
    SchoolYearSelectComponent,
    FeeRangeDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fee-ranges.page.html',
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
})
export class FeeRangesPage {
  private readonly config = inject(FinanceConfigApi);
  private readonly collection = inject(CollectionApi);
  private readonly auth = inject(AuthStore);
  protected readonly lang = inject(LanguageService).language;
  protected readonly canConfigure = computed(() => this.auth.can('finance.configure'));

  protected readonly years = loadOnChange(
    () => true,
    () => this.collection.schoolYears(),
  );
  protected readonly schoolYearId = linkedSignal(() => chooseYearId(this.years.value() ?? [], undefined));
  protected readonly ranges = loadOnChange(
    () => this.schoolYearId() ?? undefined,
    (schoolYearId) => this.config.feeRanges(schoolYearId),
  );
  /** The range in the dialog: a range to change, 'new', or none. */
  protected readonly editing = signal<FeeRange | 'new' | null>(null);
  protected readonly removing = signal<FeeRange | null>(null);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected edited(): void {
    this.editing.set(null);
    this.saved.set(true);
    this.ranges.reload();
  }

  protected remove(): void {
    const range = this.removing();
    if (!range) return;
    this.busy.set(true);
    this.problem.set(null);
    this.config
      .removeFeeRange(range.id)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => {
          this.removing.set(null);
          this.ranges.reload();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
