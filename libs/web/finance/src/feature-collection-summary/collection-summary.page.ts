import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CollectionSummaryRow, ProblemDetails } from '@emis/contracts';
import {
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { DongPipe } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { CollectionApi } from '../data-access/collection.api';
import { FileFormat, MoneyApi, SummaryBy, SummaryQuery } from '../data-access/money.api';
import { openMoneyFile } from '../ui/money-files';
import { SchoolYearSelectComponent } from '../ui/school-year-select.component';
import { chooseYearId } from '../ui/school-years';

const BY: readonly SummaryBy[] = ['class', 'grade', 'period'];
const FIGURES = [
  'listAmount',
  'reliefAmount',
  'supportAmount',
  'reimbursedAmount',
  'due',
  'adjusted',
  'paid',
  'outstanding',
] as const satisfies readonly (keyof CollectionSummaryRow)[];

/**
 * The collection summary of a school year (or one fee period) by class, grade or period: pupils, listed amounts,
 * relief, support, reimbursement, due, adjustments, received and outstanding, with the total; as Excel or PDF.
 */
@Component({
  selector: 'emis-collection-summary-page',
  imports: [
    SchoolYearSelectComponent,
    RouterLink,
    TranslocoPipe,
    EmisNumberPipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './collection-summary.page.html',
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
})
export class CollectionSummaryPage {
  private readonly api = inject(MoneyApi);
  private readonly collection = inject(CollectionApi);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  protected readonly byOptions = BY;
  protected readonly figures = FIGURES;
  protected readonly years = loadOnChange(
    () => true,
    () => this.collection.schoolYears(),
  );
  protected readonly schoolYearId = linkedSignal(() => chooseYearId(this.years.value() ?? [], undefined));
  protected readonly periods = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const schoolYearId = this.schoolYearId();
      return schoolId && schoolYearId ? { schoolId, schoolYearId } : undefined;
    },
    ({ schoolId, schoolYearId }) => this.collection.periods(schoolId, schoolYearId),
  );
  protected readonly periodId = linkedSignal<string | null, string | null>({
    source: this.schoolYearId,
    computation: () => null,
  });
  protected readonly by = signal<SummaryBy>('class');
  private readonly query = computed<SummaryQuery | undefined>(() => {
    const schoolYearId = this.schoolYearId();
    if (!schoolYearId) return undefined;
    return { schoolYearId, periodId: this.periodId() ?? undefined, by: this.by() };
  });
  protected readonly summary = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const query = this.query();
      return schoolId && query ? { schoolId, query } : undefined;
    },
    ({ schoolId, query }) => this.api.collectionSummary(schoolId, query),
  );
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected chooseBy(value: string): void {
    this.by.set(BY.find((b) => b === value) ?? 'class');
  }

  protected download(format: FileFormat): void {
    const schoolId = this.schoolId();
    const query = this.query();
    if (!schoolId || !query) return;
    this.problem.set(null);
    const file = this.api.collectionSummaryFile(schoolId, query, format);
    openMoneyFile(file, format, `tong-hop-thu-theo-${query.by}.${format}`).subscribe({
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }
}
