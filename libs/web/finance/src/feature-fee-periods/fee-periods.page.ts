import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { FeePeriod, FeePeriodInput, ProblemDetails } from '@emis/contracts';
import {
  AuthStore,
  EmisDatePipe,
  EmisNumberPipe,
  fieldErrorMap,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { ConfirmDialogComponent, DongPipe, DateInputDirective, draftChanged } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { followChargeGeneration, isGenerating } from '../data-access/charge-generation';
import { CollectionApi } from '../data-access/collection.api';
import { GenerationSummaryComponent } from '../ui/generation-summary.component';
import { SchoolYearSelectComponent } from '../ui/school-year-select.component';
import { chooseYearId } from '../ui/school-years';

/**
 * The fee periods of a school year with their totals. Generating what pupils owe is one step for the whole school:
 * a dry run first shows what it will do, then the run (a job for a large school, followed with its progress) ends
 * with a summary. Closing a period is final (its charges can no longer change), so it asks for confirmation.
 */
@Component({
  selector: 'emis-fee-periods-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    EmisNumberPipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    ConfirmDialogComponent,
    GenerationSummaryComponent,
    SchoolYearSelectComponent,
    DateInputDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fee-periods.page.html',
  styleUrl: '../ui/finance-page.css',
})
export class FeePeriodsPage {
  private readonly api = inject(CollectionApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
  protected readonly canManage = computed(() => this.auth.can('finance.manage'));
  /** Closing a period is the head of the school's decision. */
  protected readonly canClose = computed(() => this.auth.can('finance.approve'));

  readonly yearId = input<string>();

  protected readonly years = loadOnChange(
    () => true,
    () => this.api.schoolYears(),
  );
  protected readonly year = computed(() => chooseYearId(this.years.value() ?? [], this.yearId()));
  protected readonly periods = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const yearId = this.year();
      return schoolId && yearId ? { schoolId, yearId } : undefined;
    },
    ({ schoolId, yearId }) => this.api.periods(schoolId, yearId),
  );
  protected readonly sorted = computed(() =>
    [...(this.periods.value() ?? [])].sort((a, b) => a.startsOn.localeCompare(b.startsOn)),
  );

  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));

  protected readonly generating = signal<FeePeriod | null>(null);
  protected readonly generation = followChargeGeneration(() => this.periods.reload());
  protected readonly running = computed(() => isGenerating(this.generation.generation()));
  protected readonly closing = signal<FeePeriod | null>(null);

  protected readonly creating = signal(false);
  protected readonly draft = signal<FeePeriodInput>(emptyPeriod(''));
  /** The draft as the dialog opened: typed-into differs from it (closing asks, leaving the page is guarded). */
  private readonly draftStart = signal<FeePeriodInput>(emptyPeriod(''));
  protected readonly draftUnsaved = computed(() => draftChanged(this.draftStart(), this.draft()));
  protected readonly draftValid = computed(() => {
    const d = this.draft();
    return (
      d.code.trim() !== '' &&
      d.name.trim() !== '' &&
      d.startsOn !== '' &&
      d.endsOn !== '' &&
      d.startsOn <= d.endsOn &&
      Number.isInteger(d.months) &&
      d.months >= 1 &&
      d.months <= 12
    );
  });

  protected changeYear(yearId: string): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { yearId }, queryParamsHandling: 'merge' });
  }

  protected propose(): void {
    const yearId = this.year();
    if (yearId)
      this.act(
        (schoolId) => this.api.proposePeriods(schoolId, yearId),
        () => this.periods.reload(),
      );
  }

  protected startCreating(): void {
    this.draft.set(emptyPeriod(this.year() ?? ''));
    this.draftStart.set(this.draft());
    this.problem.set(null);
    this.creating.set(true);
  }

  protected edit(field: keyof FeePeriodInput, value: string): void {
    this.draft.update((d) => ({ ...d, [field]: field === 'months' ? Number(value) : value }));
  }

  protected create(): void {
    if (!this.draftValid()) return;
    const d = this.draft();
    const body: FeePeriodInput = { ...d, code: d.code.trim(), name: d.name.trim(), dueOn: d.dueOn || null };
    this.act(
      (schoolId) => this.api.createPeriod(schoolId, body),
      () => {
        this.creating.set(false);
        this.periods.reload();
      },
    );
  }

  protected startGenerating(period: FeePeriod): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.generation.reset();
    this.generating.set(period);
    this.generation.previewRun(schoolId, period.id);
  }

  protected generate(): void {
    const schoolId = this.schoolId();
    const period = this.generating();
    if (schoolId && period) this.generation.run(schoolId, period.id);
  }

  protected closeGeneration(): void {
    if (this.running()) return;
    this.generating.set(null);
    this.generation.reset();
  }

  protected startClosing(period: FeePeriod): void {
    this.problem.set(null);
    this.closing.set(period);
  }

  protected close(): void {
    const period = this.closing();
    if (!period) return;
    this.act(
      (schoolId) => this.api.closePeriod(schoolId, period.id),
      () => {
        this.closing.set(null);
        this.periods.reload();
      },
    );
  }

  private act<T>(call: (schoolId: string) => Observable<T>, done: () => void): void {
    const schoolId = this.schoolId();
    if (!schoolId || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    call(schoolId)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({ next: done, error: (error: unknown) => this.problem.set(toProblem(error)) });
  }
}

function emptyPeriod(schoolYearId: string): FeePeriodInput {
  return { schoolYearId, code: '', name: '', startsOn: '', endsOn: '', months: 5, dueOn: '' };
}
