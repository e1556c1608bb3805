import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { FeeException, ProblemDetails, StudentSummary } from '@emis/contracts';
import { EXCEPTION_STATUSES, FEE_KINDS, FeeKind } from '@emis/domain';
import {
  AuthStore,
  EmisDatePipe,
  fieldErrorMap,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { ConfirmDialogComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { CollectionApi } from '../data-access/collection.api';
import { PupilPickerComponent } from '../ui/pupil-picker.component';
import { SchoolYearSelectComponent } from '../ui/school-year-select.component';
import { chooseYearId } from '../ui/school-years';
import { pick } from '../ui/url-filters';

type Decision = { exception: FeeException; kind: 'approve' | 'reject' };

/**
 * Individual exemptions and reductions: the accountant asks (a pupil, a fee, a percentage, a reason), the principal
 * approves or rejects with a note; an approved one applies at the next generation of charges (the higher of the
 * rule and the exception, docs/domain/finance.md).
 */
@Component({
  selector: 'emis-fee-exceptions-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    ConfirmDialogComponent,
    PupilPickerComponent,
    SchoolYearSelectComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fee-exceptions.page.html',
  styleUrl: '../ui/finance-page.css',
})
export class FeeExceptionsPage {
  private readonly api = inject(CollectionApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
  protected readonly canAsk = computed(() => this.auth.can('finance.manage'));
  protected readonly canDecide = computed(() => this.auth.can('finance.approve'));
  protected readonly statuses = EXCEPTION_STATUSES;
  protected readonly feeKinds = FEE_KINDS;

  readonly yearId = input<string>();
  readonly status = input<string>();

  protected readonly years = loadOnChange(
    () => true,
    () => this.api.schoolYears(),
  );
  protected readonly year = computed(() => chooseYearId(this.years.value() ?? [], this.yearId()));
  protected readonly exceptions = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const yearId = this.year();
      return schoolId && yearId ? { schoolId, yearId, status: pick(EXCEPTION_STATUSES, this.status()) } : undefined;
    },
    ({ schoolId, yearId, status }) => this.api.feeExceptions(schoolId, yearId, status),
  );

  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));

  protected readonly asking = signal(false);
  protected readonly pupil = signal<StudentSummary | null>(null);
  protected readonly feeKind = signal<FeeKind>('TUITION');
  protected readonly percent = signal(100);
  protected readonly reason = signal('');
  protected readonly askValid = computed(
    () =>
      this.pupil() !== null &&
      Number.isInteger(this.percent()) &&
      this.percent() >= 1 &&
      this.percent() <= 100 &&
      this.reason().trim() !== '',
  );

  protected readonly deciding = signal<Decision | null>(null);
  protected readonly note = signal('');
  /** A rejection says why; an approval may add a note. */
  protected readonly decisionValid = computed(() => this.deciding()?.kind !== 'reject' || this.note().trim() !== '');

  protected changeFilter(name: 'yearId' | 'status', value: string): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { [name]: value || null },
      queryParamsHandling: 'merge',
    });
  }

  protected startAsking(): void {
    this.pupil.set(null);
    this.feeKind.set('TUITION');
    this.percent.set(100);
    this.reason.set('');
    this.problem.set(null);
    this.asking.set(true);
  }

  protected ask(): void {
    const pupil = this.pupil();
    const yearId = this.year();
    if (!pupil || !yearId || !this.askValid()) return;
    this.act(
      (schoolId) =>
        this.api.askException(schoolId, {
          schoolYearId: yearId,
          studentId: pupil.id,
          feeKind: this.feeKind(),
          percent: this.percent(),
          reason: this.reason().trim(),
        }),
      () => {
        this.asking.set(false);
        this.exceptions.reload();
      },
    );
  }

  protected startDeciding(exception: FeeException, kind: Decision['kind']): void {
    this.note.set('');
    this.problem.set(null);
    this.deciding.set({ exception, kind });
  }

  protected decide(): void {
    const decision = this.deciding();
    if (!decision || !this.decisionValid()) return;
    this.act(
      (schoolId) =>
        this.api.decideException(schoolId, decision.exception.id, decision.kind, this.note().trim() || null),
      () => {
        this.deciding.set(null);
        this.exceptions.reload();
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
