import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ProblemDetails } from '@emis/contracts';
import {
  AuthStore,
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { DongPipe, saveDownload, showPdf } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { CollectionApi, DebtorFilters } from '../data-access/collection.api';
import { SchoolYearSelectComponent } from '../ui/school-year-select.component';
import { chooseYearId } from '../ui/school-years';

/**
 * Pupils who still owe, by class and period, for the homeroom teacher: the API narrows a teacher to the classes
 * they are homeroom teacher of, so the class list here offers only what the answer can hold. Printable as PDF (to
 * hand out at a parents' meeting) and as Excel.
 */
@Component({
  selector: 'emis-debtors-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisNumberPipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    SchoolYearSelectComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './debtors.page.html',
  styleUrl: '../ui/finance-page.css',
})
export class DebtorsPage {
  private readonly api = inject(CollectionApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
  /** A teacher opens a pupil's account only through finance.read, which they do not have. */
  protected readonly canOpenAccounts = computed(() => this.auth.can('finance.read'));

  readonly yearId = input<string>();
  readonly classId = input<string>();
  readonly periodId = input<string>();

  protected readonly years = loadOnChange(
    () => true,
    () => this.api.schoolYears(),
  );
  protected readonly year = computed(() => chooseYearId(this.years.value() ?? [], this.yearId()));
  private readonly inYear = computed(() => {
    const schoolId = this.schoolId();
    const yearId = this.year();
    return schoolId && yearId ? { schoolId, yearId } : undefined;
  });
  protected readonly classes = loadOnChange(this.inYear, ({ schoolId, yearId }) => this.api.classes(schoolId, yearId));
  protected readonly periods = loadOnChange(
    () => (this.canOpenAccounts() ? this.inYear() : undefined),
    ({ schoolId, yearId }) => this.api.periods(schoolId, yearId),
  );
  private readonly filters = computed<DebtorFilters>(() => ({
    classId: this.classId() || undefined,
    periodId: this.periodId() || undefined,
  }));
  protected readonly debtors = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId && this.year() ? { schoolId, ...this.filters() } : undefined;
    },
    ({ schoolId, ...filters }) => this.api.debtors(schoolId, filters),
  );
  protected readonly total = computed(() => (this.debtors.value() ?? []).reduce((sum, d) => sum + d.outstanding, 0));

  protected readonly busy = signal<'xlsx' | 'pdf' | null>(null);
  protected readonly fileProblem = signal<ProblemDetails | null>(null);

  protected changeFilter(name: 'yearId' | 'classId' | 'periodId', value: string): void {
    const reset: Record<string, null> = name === 'yearId' ? { classId: null, periodId: null } : {};
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { [name]: value || null, ...reset },
      queryParamsHandling: 'merge',
    });
  }

  protected exportXlsx(): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.start('xlsx');
    this.api
      .debtorsFile(schoolId, 'export.xlsx', this.filters())
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({
        next: (response) => saveDownload(response, 'hoc-sinh-con-no.xlsx'),
        error: (error: unknown) => this.fileProblem.set(toProblem(error)),
      });
  }

  protected print(): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.start('pdf');
    showPdf(this.api.debtorsFile(schoolId, 'pdf', this.filters()), 'hoc-sinh-con-no.pdf')
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({ error: (error: unknown) => this.fileProblem.set(toProblem(error)) });
  }

  private start(kind: 'xlsx' | 'pdf'): void {
    this.busy.set(kind);
    this.fileProblem.set(null);
  }
}
