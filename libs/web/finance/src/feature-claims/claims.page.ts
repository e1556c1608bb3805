import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Claim, FeePeriod, ProblemDetails } from '@emis/contracts';
import {
  AuthStore,
  EmisDatePipe,
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { ConfirmDialogComponent, DongPipe } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { CollectionApi } from '../data-access/collection.api';
import { FileFormat, MoneyApi } from '../data-access/money.api';
import { openMoneyFile } from '../ui/money-files';
import { SchoolYearSelectComponent } from '../ui/school-year-select.component';
import { chooseYearId } from '../ui/school-years';

/**
 * The tuition reimbursement claims of a school year, one per fee period: computed from the period's charges (pupils,
 * pupil-months, by grade at the province's level), recomputed while a DRAFT, frozen once the principal submits it;
 * as Excel or PDF to send.
 */
@Component({
  selector: 'emis-claims-page',
  imports: [
    RouterLink,
    SchoolYearSelectComponent,
    TranslocoPipe,
    EmisNumberPipe,
    EmisDatePipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    ConfirmDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './claims.page.html',
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
})
export class ClaimsPage {
  private readonly api = inject(MoneyApi);
  private readonly collection = inject(CollectionApi);
  private readonly auth = inject(AuthStore);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
  protected readonly canManage = computed(() => this.auth.can('finance.manage'));
  protected readonly canApprove = computed(() => this.auth.can('finance.approve'));

  protected readonly years = loadOnChange(
    () => true,
    () => this.collection.schoolYears(),
  );
  protected readonly schoolYearId = linkedSignal(() => chooseYearId(this.years.value() ?? [], undefined));
  private readonly scope = computed(() => {
    const schoolId = this.schoolId();
    const schoolYearId = this.schoolYearId();
    return schoolId && schoolYearId ? { schoolId, schoolYearId } : undefined;
  });
  protected readonly periods = loadOnChange(this.scope, ({ schoolId, schoolYearId }) =>
    this.collection.periods(schoolId, schoolYearId),
  );
  protected readonly claims = loadOnChange(this.scope, ({ schoolId, schoolYearId }) =>
    this.api.claims(schoolId, schoolYearId),
  );
  protected readonly claimOf = computed(() => new Map((this.claims.value() ?? []).map((c) => [c.periodId, c])));
  protected readonly shown = linkedSignal<Claim[] | undefined, string | null>({
    source: () => this.claims.value(),
    computation: (claims, previous) => previous?.value ?? claims?.[0]?.id ?? null,
  });
  protected readonly shownClaim = computed(
    () => (this.claims.value() ?? []).find((c) => c.id === this.shown()) ?? null,
  );

  protected readonly submitting = signal<Claim | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly done = signal<{ key: string; period: string } | null>(null);

  protected prepare(period: FeePeriod): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.start(period.id);
    this.api
      .prepareClaim(schoolId, period.id)
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({
        next: (claim) => {
          this.done.set({ key: 'finance.money.claims.prepared', period: period.code });
          this.shown.set(claim.id);
          this.claims.reload();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected submit(): void {
    const schoolId = this.schoolId();
    const claim = this.submitting();
    if (!schoolId || !claim) return;
    this.start(claim.id);
    this.api
      .submitClaim(schoolId, claim.id)
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({
        next: () => {
          this.submitting.set(null);
          this.done.set({ key: 'finance.money.claims.submitted', period: claim.periodCode });
          this.claims.reload();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected download(claim: Claim, format: FileFormat): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.problem.set(null);
    const name = `de-nghi-cap-bu-${claim.periodCode}.${format}`;
    openMoneyFile(this.api.claimFile(schoolId, claim.id, format), format, name).subscribe({
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  private start(id: string): void {
    this.busy.set(id);
    this.problem.set(null);
    this.done.set(null);
  }
}
