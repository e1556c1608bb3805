import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { ProblemDetails, SchoolCalendar, SchoolYear, SchoolYearInput, SemesterDates } from '@emis/contracts';
import {
  AuthStore,
  EmisDatePipe,
  guardUnsaved,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  toProblem,
} from '@emis/web/core';
import { ConfirmDialogComponent } from '@emis/web/ui';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { AcademicApi } from '../data-access/academic.api';
import { SemesterFormComponent } from './semester-form.component';
import { YearFormComponent } from './year-form.component';

type YearAction = { kind: 'open' | 'close'; year: SchoolYear };

/**
 * The province's school years (the department sets them, opens and closes them) and, for a school, its own
 * semester dates in the open year. A closed year is read-only everywhere, so closing asks first.
 */
@Component({
  selector: 'emis-calendar-page',
  imports: [
    TranslocoPipe,
    EmisDatePipe,
    ProblemAlertComponent,
    ConfirmDialogComponent,
    YearFormComponent,
    SemesterFormComponent,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './calendar.page.html',
  styleUrl: './calendar.page.css',
})
export class CalendarPage {
  private readonly api = inject(AcademicApi);
  private readonly auth = inject(AuthStore);
  private readonly orgUnits = inject(OrgUnitContext);

  protected readonly canManage = computed(() => this.auth.can('calendar.manage'));
  protected readonly canOverride = computed(() => this.auth.can('calendar.override'));
  protected readonly schoolId = this.orgUnits.currentSchoolId;

  protected readonly years = loadOnChange(
    () => ({ user: this.auth.user()?.id }),
    () => this.api.schoolYears(),
  );
  protected readonly sortedYears = computed(() =>
    [...(this.years.value() ?? [])].sort((a, b) => b.code.localeCompare(a.code)),
  );
  protected readonly openYear = computed(() => this.sortedYears().find((y) => y.status === 'OPEN') ?? null);

  protected readonly schoolCalendar = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const year = this.openYear();
      return schoolId && year ? { schoolId, yearId: year.id } : undefined;
    },
    ({ schoolId, yearId }) => this.api.schoolCalendar(schoolId, yearId),
  );

  /** null: no form; 'new': creating; a year: editing it. */
  protected readonly editing = signal<SchoolYear | 'new' | null>(null);
  private readonly yearForm = viewChild(YearFormComponent);
  private readonly semesterForm = viewChild(SemesterFormComponent);
  /** A year or the school's semester dates typed and not saved: leaving asks first, and so does the year's Cancel. */
  private readonly leaving = guardUnsaved(() => ({
    dirty: !!this.yearForm()?.dirty || !!this.semesterForm()?.dirty,
  }));
  protected readonly editedYear = computed(() => {
    const e = this.editing();
    return e === 'new' ? null : e;
  });
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<ProblemDetails | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly pendingNoticeCode = signal('');

  protected readonly pending = signal<YearAction | null>(null);
  protected readonly actionBusy = signal(false);
  protected readonly actionProblem = signal<ProblemDetails | null>(null);

  protected readonly overrideBusy = signal(false);
  protected readonly overrideProblem = signal<ProblemDetails | null>(null);

  /** The year form's Cancel: asks first when something was typed into it. */
  protected async cancelYearForm(): Promise<void> {
    if (!this.yearForm()?.dirty || (await this.leaving.mayClose())) this.editing.set(null);
  }

  protected startCreate(): void {
    this.editing.set('new');
    this.saveProblem.set(null);
    this.notice.set(null);
  }

  protected startEdit(year: SchoolYear): void {
    this.editing.set(year);
    this.saveProblem.set(null);
    this.notice.set(null);
  }

  protected saveYear(input: SchoolYearInput): void {
    const editing = this.editing();
    const request =
      editing === 'new' || editing === null ? this.api.createYear(input) : this.api.updateYear(editing.id, input);
    this.saving.set(true);
    this.saveProblem.set(null);
    request.pipe(finalize(() => this.saving.set(false))).subscribe({
      next: (year) => {
        this.editing.set(null);
        this.notice.set(editing === 'new' ? 'academic.calendar.created' : 'academic.calendar.updated');
        this.pendingNoticeCode.set(year.code);
        this.years.reload();
      },
      error: (error: unknown) => this.saveProblem.set(toProblem(error)),
    });
  }

  protected ask(kind: YearAction['kind'], year: SchoolYear): void {
    this.actionProblem.set(null);
    this.pending.set({ kind, year });
  }

  protected confirmAction(): void {
    const action = this.pending();
    if (!action) return;
    const request: Observable<SchoolYear> =
      action.kind === 'open' ? this.api.openYear(action.year.id) : this.api.closeYear(action.year.id);
    this.actionBusy.set(true);
    request.pipe(finalize(() => this.actionBusy.set(false))).subscribe({
      next: (year) => {
        this.pending.set(null);
        this.notice.set(action.kind === 'open' ? 'academic.calendar.opened' : 'academic.calendar.closed');
        this.pendingNoticeCode.set(year.code);
        this.years.reload();
      },
      error: (error: unknown) => this.actionProblem.set(toProblem(error)),
    });
  }

  protected saveOverride(dates: SemesterDates): void {
    this.runOverride((schoolId, yearId) => this.api.overrideCalendar(schoolId, yearId, dates));
  }

  protected resetOverride(): void {
    this.runOverride((schoolId, yearId) => this.api.resetCalendar(schoolId, yearId));
  }

  private runOverride(call: (schoolId: string, yearId: string) => Observable<SchoolCalendar | null>): void {
    const schoolId = this.schoolId();
    const year = this.openYear();
    if (!schoolId || !year) return;
    this.overrideBusy.set(true);
    this.overrideProblem.set(null);
    call(schoolId, year.id)
      .pipe(finalize(() => this.overrideBusy.set(false)))
      .subscribe({
        next: () => {
          this.notice.set('academic.calendar.overrideSaved');
          this.pendingNoticeCode.set(year.code);
          this.schoolCalendar.reload();
        },
        error: (error: unknown) => this.overrideProblem.set(toProblem(error)),
      });
  }
}
