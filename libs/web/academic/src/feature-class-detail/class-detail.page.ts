import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ClassAssignmentsUpdate, ProblemDetails } from '@emis/contracts';
import { compareVietnameseNames, levelOfGrade } from '@emis/domain';
import {
  AuthStore,
  EmisDatePipe,
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  OrgUnitsApi,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { PrintHeadingComponent, PrintSignaturesComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { AcademicApi } from '../data-access/academic.api';
import { AssignmentsEditorComponent } from './assignments-editor.component';

/** One class: its facts, the roster in Vietnamese name order, and the subject teachers of each semester. */
@Component({
  selector: 'emis-class-detail-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    EmisNumberPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    AssignmentsEditorComponent,
    PrintHeadingComponent,
    PrintSignaturesComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './class-detail.page.html',
  styleUrl: './class-detail.page.css',
})
export class ClassDetailPage {
  private readonly api = inject(AcademicApi);
  private readonly auth = inject(AuthStore);
  private readonly orgUnits = inject(OrgUnitsApi);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  readonly classId = input.required<string>();

  protected readonly canManage = computed(() => this.auth.can('classes.manage'));
  protected readonly canAssign = computed(() => this.auth.can('assignments.manage'));
  protected readonly canReadAssignments = computed(() => this.auth.can('assignments.read'));
  protected readonly canAttendance = computed(() => this.auth.can('attendance.read'));

  protected readonly detail = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, classId: this.classId() } : undefined;
    },
    ({ schoolId, classId }) => this.api.classDetail(schoolId, classId),
  );
  /** The printed class list's issuer lines (governing body, school, principal). */
  protected readonly letterhead = loadOnChange(
    () => this.schoolId() ?? undefined,
    (schoolId) => this.orgUnits.letterhead(schoolId),
  );
  protected readonly roster = computed(() =>
    [...(this.detail.value()?.students ?? [])].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName)),
  );
  protected readonly level = computed(() => {
    const grade = this.detail.value()?.grade;
    return grade ? levelOfGrade(grade) : undefined;
  });
  protected readonly subjects = loadOnChange(
    () => (this.canReadAssignments() ? this.level() : undefined),
    (level) => this.api.subjects(level),
  );
  protected readonly staff = loadOnChange(
    () => (this.canAssign() ? (this.schoolId() ?? undefined) : undefined),
    (schoolId) => this.api.activeStaff(schoolId),
  );
  protected readonly notFound = computed(() => [400, 404].includes(this.detail.error()?.status ?? 0));
  protected readonly justSaved = signal<boolean>(history.state?.saved === true);

  protected readonly savingAssignments = signal(false);
  protected readonly assignmentsProblem = signal<ProblemDetails | null>(null);
  protected readonly assignmentsSaved = signal(false);

  protected saveAssignments(update: ClassAssignmentsUpdate): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.savingAssignments.set(true);
    this.assignmentsProblem.set(null);
    this.assignmentsSaved.set(false);
    this.api
      .saveAssignments(schoolId, this.classId(), update)
      .pipe(finalize(() => this.savingAssignments.set(false)))
      .subscribe({
        next: () => {
          this.assignmentsSaved.set(true);
          this.detail.reload();
        },
        error: (error: unknown) => this.assignmentsProblem.set(toProblem(error)),
      });
  }
}
