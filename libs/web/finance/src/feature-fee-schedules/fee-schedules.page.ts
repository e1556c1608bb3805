import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { FeeSchedule, ProblemDetails } from '@emis/contracts';
import { BILLING_UNITS, FEE_KINDS, todayInVietnam } from '@emis/domain';
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
import { ConfirmDialogComponent, DongPipe, saveDownload, DateInputDirective, draftChanged } from '@emis/web/ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { CollectionApi } from '../data-access/collection.api';
import { SchoolYearSelectComponent } from '../ui/school-year-select.component';
import { chooseYearId } from '../ui/school-years';
import {
  checkFeeForm,
  emptyFeeForm,
  FeeScheduleForm,
  feeFormOf,
  toFeeScheduleInput,
  toFeeScheduleUpdate,
} from './fee-schedule-form';

type Decision = { schedule: FeeSchedule; kind: 'adopt' | 'withdraw' };

/**
 * The school's fees of a year. "Take the province's levels" creates tuition from the province's level and a draft
 * per approved range at its minimum; drafts are edited within the range, then adopted with the school's decision
 * (an adopted fee is what generation charges, and is never edited: it is withdrawn and replaced). Excel export.
 */
@Component({
  selector: 'emis-fee-schedules-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    ConfirmDialogComponent,
    SchoolYearSelectComponent,
    DateInputDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fee-schedules.page.html',
  styleUrl: '../ui/finance-page.css',
})
export class FeeSchedulesPage {
  private readonly api = inject(CollectionApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
  protected readonly canManage = computed(() => this.auth.can('finance.manage'));
  protected readonly feeKinds = FEE_KINDS;
  protected readonly billingUnits = BILLING_UNITS;

  readonly yearId = input<string>();

  protected readonly years = loadOnChange(
    () => true,
    () => this.api.schoolYears(),
  );
  protected readonly year = computed(() => chooseYearId(this.years.value() ?? [], this.yearId()));
  protected readonly schedules = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const yearId = this.year();
      return schoolId && yearId ? { schoolId, yearId } : undefined;
    },
    ({ schoolId, yearId }) => this.api.feeSchedules(schoolId, yearId),
  );
  protected readonly sorted = computed(() =>
    [...(this.schedules.value() ?? [])].sort(
      (a, b) => FEE_KINDS.indexOf(a.feeKind) - FEE_KINDS.indexOf(b.feeKind) || a.name.localeCompare(b.name, 'vi'),
    ),
  );

  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly serverErrors = computed(() => fieldErrorMap(this.problem()));
  protected readonly notice = signal<string | null>(null);

  /** The dialog: a new fee (schedule null) or a draft being edited. */
  protected readonly editing = signal<{ schedule: FeeSchedule | null } | null>(null);
  protected readonly form = signal<FeeScheduleForm>(emptyFeeForm());
  /** The fee as the dialog opened: typed-into differs from it (closing asks, leaving the page is guarded). */
  private readonly formStart = signal<FeeScheduleForm>(emptyFeeForm());
  protected readonly formUnsaved = computed(() => draftChanged(this.formStart(), this.form()));
  protected readonly formErrors = computed(() => checkFeeForm(this.form(), this.editing()?.schedule?.allowed ?? null));
  protected readonly tried = signal(false);

  protected readonly deciding = signal<Decision | null>(null);
  protected readonly decisionNumber = signal('');
  protected readonly adoptedOn = signal(todayInVietnam());
  /** The decision's fields as its dialog opened. */
  private readonly decisionStart = signal({ decisionNumber: '', adoptedOn: '' });
  protected readonly decisionUnsaved = computed(() =>
    draftChanged(this.decisionStart(), { decisionNumber: this.decisionNumber(), adoptedOn: this.adoptedOn() }),
  );

  protected changeYear(yearId: string): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { yearId }, queryParamsHandling: 'merge' });
  }

  protected adoptProvince(): void {
    const yearId = this.year();
    if (!yearId) return;
    // The answer is the year's lines after: what it created are the lines the page did not have.
    const known = new Set((this.schedules.value() ?? []).map((schedule) => schedule.id));
    this.act(
      (schoolId) => this.api.adoptProvince(schoolId, yearId),
      (lines) => {
        const count = lines.filter((line) => !known.has(line.id)).length;
        this.notice.set(this.transloco.translate('finance.collection.schedules.adoptProvinceDone', { count }));
        this.schedules.reload();
      },
    );
  }

  protected startEditing(schedule: FeeSchedule | null): void {
    this.form.set(schedule ? feeFormOf(schedule) : emptyFeeForm());
    this.formStart.set(this.form());
    this.tried.set(false);
    this.problem.set(null);
    this.editing.set({ schedule });
  }

  protected edit<K extends keyof FeeScheduleForm>(field: K, value: FeeScheduleForm[K]): void {
    this.form.update((form) => ({ ...form, [field]: value }));
  }

  protected save(): void {
    const yearId = this.year();
    const editing = this.editing();
    this.tried.set(true);
    if (!yearId || !editing || Object.keys(this.formErrors()).length > 0) return;
    const schedule = editing.schedule;
    this.act(
      (schoolId) =>
        schedule
          ? this.api.updateFeeSchedule(schoolId, schedule.id, toFeeScheduleUpdate(schedule, this.form()))
          : this.api.createFeeSchedule(schoolId, toFeeScheduleInput(yearId, this.form())),
      () => {
        this.editing.set(null);
        this.schedules.reload();
      },
    );
  }

  protected startDeciding(schedule: FeeSchedule, kind: Decision['kind']): void {
    this.decisionNumber.set(schedule.decisionNumber ?? '');
    this.adoptedOn.set(todayInVietnam());
    this.decisionStart.set({ decisionNumber: this.decisionNumber(), adoptedOn: this.adoptedOn() });
    this.problem.set(null);
    this.deciding.set({ schedule, kind });
  }

  protected decide(): void {
    const decision = this.deciding();
    if (!decision) return;
    const { schedule, kind } = decision;
    if (kind === 'adopt' && (this.decisionNumber().trim() === '' || this.adoptedOn() === '')) return;
    this.act(
      (schoolId) =>
        kind === 'adopt'
          ? this.api.adoptFeeSchedule(schoolId, schedule.id, this.decisionNumber().trim(), this.adoptedOn())
          : this.api.withdrawFeeSchedule(schoolId, schedule.id),
      () => {
        this.deciding.set(null);
        this.schedules.reload();
      },
    );
  }

  protected exportXlsx(): void {
    const yearId = this.year();
    if (!yearId) return;
    this.act(
      (schoolId) => this.api.exportFeeSchedules(schoolId, yearId),
      (response) => saveDownload(response, 'bieu-phi.xlsx'),
    );
  }

  private act<T>(call: (schoolId: string) => Observable<T>, done: (answer: T) => void): void {
    const schoolId = this.schoolId();
    if (!schoolId || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.notice.set(null);
    call(schoolId)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({ next: done, error: (error: unknown) => this.problem.set(toProblem(error)) });
  }
}
