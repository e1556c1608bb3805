import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ProblemDetails, StudentDetail, StudentTransfer, StudentUpdate } from '@emis/contracts';
import { StudentFieldGroup, studentFieldAccess } from '@emis/domain';
import {
  AuthStore,
  EmisDatePipe,
  guardUnsaved,
  LanguageService,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { loadCurrentClasses } from '../data-access/school-classes.api';
import { StudentsApi } from '../data-access/students.api';
import { StudentFormComponent } from '../feature-student-form/student-form.component';
import { CountryNamePipe } from '../ui/country-name.pipe';
import { EthnicityNamePipe } from '../ui/ethnicity-name.pipe';
import { StatusBadgeComponent } from '../ui/status-badge.component';
import { DropOutDialogComponent } from './drop-out-dialog.component';
import { MoveClassDialogComponent } from './move-class-dialog.component';
import { TransferDialogComponent } from './transfer-dialog.component';

type Action = 'move' | 'dropOut' | 'transfer';

/**
 * One student's record: summary, guardians, enrolment history, year outcomes and transfers. A record kept as
 * history (transferred out, graduated, dropped out) is read-only: a banner says so and no action is offered.
 */
@Component({
  selector: 'emis-student-detail-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    StatusBadgeComponent,
    EthnicityNamePipe,
    CountryNamePipe,
    StudentFormComponent,
    MoveClassDialogComponent,
    DropOutDialogComponent,
    TransferDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './student-detail.page.html',
  styleUrl: './student-detail.page.css',
})
export class StudentDetailPage {
  private readonly api = inject(StudentsApi);
  private readonly auth = inject(AuthStore);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
  protected readonly language = inject(LanguageService).language;

  /** The :studentId route parameter. */
  readonly studentId = input.required<string>();

  protected readonly record = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, studentId: this.studentId() } : undefined;
    },
    ({ schoolId, studentId }) => this.api.get(schoolId, studentId),
  );
  /** The grade 9 completion and its certification in the học bạ, for readers with completion.read. */
  protected readonly completion = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId && this.auth.can('completion.read') ? { schoolId, studentId: this.studentId() } : undefined;
    },
    ({ schoolId, studentId }) => this.api.completion(schoolId, studentId),
  );
  protected readonly classes = loadCurrentClasses(this.schoolId).classes;
  protected readonly notFound = computed(() => {
    const status = this.record.error()?.status;
    return status === 404 || status === 400;
  });

  protected readonly canManage = computed(() => this.auth.can('students.manage'));
  protected readonly canTransfer = computed(() => this.auth.can('students.transfer'));
  /**
   * What the reader's role, standing as the API says to this pupil, may see: the API's own table
   * (studentFieldAccess), so a section is hidden exactly when the API withheld its fields.
   */
  protected readonly fieldAccess = computed(() => {
    const student = this.record.value();
    const role = this.auth.user()?.role;
    return student && role ? studentFieldAccess(role, student.relation) : null;
  });
  protected readonly withheld = computed(() => {
    const access = this.fieldAccess();
    return access ? (Object.keys(access) as StudentFieldGroup[]).filter((g) => access[g] === 'WITHHELD') : [];
  });
  protected readonly actionsAllowed = computed(() => {
    const student = this.record.value();
    return !!student && !student.readOnly && (this.canManage() || this.canTransfer());
  });
  protected sees(group: StudentFieldGroup): boolean {
    return this.fieldAccess()?.[group] !== 'WITHHELD';
  }

  protected readonly pendingTransfer = computed(
    () => this.record.value()?.transfers.find((t) => t.direction === 'OUT' && t.status === 'PENDING') ?? null,
  );

  protected readonly created = signal(inject(Router).currentNavigation()?.extras.state?.['created'] === true);
  protected readonly message = signal<string | null>(null);
  protected readonly action = signal<Action | null>(null);

  protected readonly editing = signal(false);
  private readonly editForm = viewChild(StudentFormComponent);
  /** The inline edit typed into and not saved: leaving the page asks first (docs/domain/gradebook.md, "Leaving a page"). */
  private readonly leaving = guardUnsaved(() => (this.editing() ? this.editForm() : null));
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<ProblemDetails | null>(null);
  protected readonly conflict = signal(false);

  protected startEditing(): void {
    this.editing.set(true);
    this.message.set(null);
    this.created.set(false);
    this.saveProblem.set(null);
    this.conflict.set(false);
  }

  /** The inline edit's Cancel: asks first when something was typed. */
  protected async cancelEditing(): Promise<void> {
    if (await this.leaving.mayClose()) this.editing.set(false);
  }

  protected saveRecord(update: StudentUpdate): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.saving.set(true);
    this.saveProblem.set(null);
    this.conflict.set(false);
    this.api
      .update(schoolId, this.studentId(), update)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (student) => {
          this.record.set(student);
          this.editing.set(false);
          this.message.set('students.detail.saved');
        },
        error: (error: unknown) => {
          const problem = toProblem(error);
          if (problem.status === 409 && problem.code === 'version_conflict') {
            // Someone saved first: their version is loaded into the form and the user re-applies the edit.
            this.conflict.set(true);
            this.record.reload();
          } else {
            this.saveProblem.set(problem);
          }
        },
      });
  }

  protected actionDone(result: StudentDetail | StudentTransfer, messageKey: string): void {
    this.action.set(null);
    this.message.set(messageKey);
    if ('version' in result) this.record.set(result);
    else this.record.reload();
  }
}
