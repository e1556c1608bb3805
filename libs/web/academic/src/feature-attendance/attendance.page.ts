import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  viewChild,
  ViewEncapsulation,
} from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  guardLeaving,
  LeavesSafely,
  loadOnChange,
  OrgUnitContext,
  PendingChanges,
  ProblemAlertComponent,
  SchoolRequiredComponent,
} from '@emis/web/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AcademicApi } from '../data-access/academic.api';
import { lastSchoolDayOnOrBefore, nonSchoolDay, SchoolSemesters, todayInVietnam } from '@emis/domain';
import { DateInputDirective } from '@emis/web/ui';
import { AttendanceDayComponent } from './attendance-day.component';
import { AttendanceMonthComponent } from './attendance-month.component';

/**
 * Daily attendance of one class (?date=yyyy-MM-dd, clamped to the school year) and its monthly view
 * (?view=month&month=yyyy-MM). The print stylesheet (attendance.page.css, not encapsulated) hides the app's
 * navigation so the month prints as a sheet.
 */
@Component({
  selector: 'emis-attendance-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    AttendanceDayComponent,
    AttendanceMonthComponent,
    DateInputDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  templateUrl: './attendance.page.html',
  styleUrl: './attendance.page.css',
})
export class AttendancePage implements LeavesSafely {
  private readonly api = inject(AcademicApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  readonly classId = input.required<string>();
  readonly view = input<string>();
  readonly date = input<string>();
  readonly month = input<string>();

  private readonly day = viewChild(AttendanceDayComponent);

  protected readonly detail = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, classId: this.classId() } : undefined;
    },
    ({ schoolId, classId }) => this.api.classDetail(schoolId, classId),
  );
  protected readonly years = loadOnChange(
    () => true,
    () => this.api.schoolYears(),
  );
  protected readonly year = computed(() => {
    const yearId = this.detail.value()?.schoolYearId;
    return (this.years.value() ?? []).find((y) => y.id === yearId) ?? null;
  });
  /** The school's semesters (its own dates or the province's): attendance is kept on their school days only. */
  protected readonly calendar = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const yearId = this.detail.value()?.schoolYearId;
      return schoolId && yearId ? { schoolId, yearId } : undefined;
    },
    ({ schoolId, yearId }) => this.api.schoolCalendar(schoolId, yearId),
  );
  private readonly semesters = computed<SchoolSemesters | null>(() => this.calendar.value() ?? this.year());
  protected readonly minDate = computed(() => this.year()?.startsOn.slice(0, 10) ?? null);
  /** The year's last day, or today when the year runs on: attendance is never recorded ahead (calendar.md). */
  protected readonly maxDate = computed(() => {
    const endsOn = this.year()?.endsOn.slice(0, 10);
    if (!endsOn) return null;
    const today = todayInVietnam();
    return endsOn < today ? endsOn : today;
  });
  protected readonly isMonth = computed(() => this.view() === 'month');
  /** The day shown: the URL's, else the last school day up to today, kept inside the school year. */
  protected readonly selectedDate = computed(() => {
    const semesters = this.semesters();
    const today = todayInVietnam();
    const lastSchoolDay = semesters ? lastSchoolDayOnOrBefore(today, semesters) : null;
    const wanted = /^\d{4}-\d{2}-\d{2}$/.test(this.date() ?? '') ? this.date()! : (lastSchoolDay ?? today);
    return clamp(wanted, this.minDate(), this.maxDate());
  });
  /** A Sunday, a public holiday or a day outside the semesters is shown read-only (the API refuses it too). */
  protected readonly notSchoolDay = computed(() => {
    const semesters = this.semesters();
    return semesters ? nonSchoolDay(this.selectedDate(), semesters) : null;
  });
  protected readonly selectedMonth = computed(() => {
    const month = this.month();
    return month && /^\d{4}-\d{2}$/.test(month) ? month : this.selectedDate().slice(0, 7);
  });

  constructor() {
    guardLeaving(this);
  }

  /** Marks are saved on the teacher's command: unsaved ones make leaving the teacher's decision. */
  pendingChanges(): PendingChanges {
    return { saving: 0, invalid: 0, dirty: !!this.day()?.hasUnsavedChanges() };
  }

  flush(): Promise<boolean> {
    return Promise.resolve(!this.day()?.hasUnsavedChanges());
  }

  protected pickDate(value: string): void {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !this.leaveDayAllowed()) return;
    this.navigate({ date: clamp(value, this.minDate(), this.maxDate()) });
  }

  protected showView(view: 'day' | 'month'): void {
    if (view === 'month' && !this.leaveDayAllowed()) return;
    this.navigate({ view: view === 'month' ? 'month' : null });
  }

  protected pickMonth(month: string): void {
    this.navigate({ month });
  }

  /** Unsaved marks are not thrown away silently. */
  private leaveDayAllowed(): boolean {
    const day = this.day();
    return !day?.hasUnsavedChanges() || window.confirm(this.transloco.translate('academic.attendance.leaveUnsaved'));
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}

function clamp(date: string, min: string | null, max: string | null): string {
  if (min && date < min) return min;
  if (max && date > max) return max;
  return date;
}
