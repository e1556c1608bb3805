import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { ClassDetail, ClassSummary, ProblemDetails } from '@emis/contracts';
import { CLASS_NAME_PATTERN, GradeLevel, gradesOfSchool, isGradeLevel } from '@emis/domain';
import {
  defaultYear,
  fieldErrorMap,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
  FormLeave,
  guardForm,
  LeavesSafely,
  PendingChanges,
} from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { AcademicApi } from '../data-access/academic.api';

const CLASS_FIELDS = ['name', 'grade', 'homeroomStaffId', 'room', 'programme'] as const;
type ClassField = (typeof CLASS_FIELDS)[number];

/**
 * Creates a class (/classes/new?yearId=) or edits one (/classes/:classId/edit). The grade list is limited to the
 * grades of the school's levels (gradesOfSchool), the homeroom teacher to the school's active staff.
 */
@Component({
  selector: 'emis-class-form-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, ProblemAlertComponent, SchoolRequiredComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './class-form.page.html',
  styles: `
    .form-grid {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0 1.25rem;
      max-width: 48rem;
    }
    .form-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    @media (max-width: 40rem) {
      .form-grid {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class ClassFormPage implements LeavesSafely {
  private readonly api = inject(AcademicApi);
  private readonly router = inject(Router);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  readonly classId = input<string>();
  readonly yearId = input<string>();

  protected readonly fields = CLASS_FIELDS;
  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(CLASS_NAME_PATTERN)],
    }),
    grade: new FormControl<GradeLevel | ''>('', { nonNullable: true, validators: [Validators.required] }),
    homeroomStaffId: new FormControl('', { nonNullable: true }),
    room: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(50)] }),
    programme: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(100)] }),
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly school = loadOnChange(
    () => this.schoolId() ?? undefined,
    (id) => this.api.school(id),
  );
  protected readonly years = loadOnChange(
    () => (this.classId() ? undefined : true),
    () => this.api.schoolYears(),
  );
  protected readonly staff = loadOnChange(
    () => this.schoolId() ?? undefined,
    (id) => this.api.activeStaff(id),
  );
  protected readonly existing = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const classId = this.classId();
      return schoolId && classId ? { schoolId, classId } : undefined;
    },
    ({ schoolId, classId }) => this.api.classDetail(schoolId, classId),
  );

  protected readonly grades = computed(() => gradesOfSchool(this.school.value()?.levels ?? []));
  protected readonly year = computed(() => {
    const years = this.years.value() ?? [];
    return years.find((y) => y.id === this.yearId()) ?? defaultYear(years);
  });
  protected readonly yearCode = computed(() => this.existing.value()?.schoolYearCode ?? this.year()?.code ?? '');

  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  private readonly serverErrors = computed(() => fieldErrorMap(this.problem()));
  private readonly showAll = signal(false);

  /** Typed and not saved: leaving is the user's decision (docs/domain/gradebook.md, "Leaving a page"). */
  private readonly leaving: FormLeave = guardForm(this, () => this.form);

  pendingChanges(): PendingChanges {
    return this.leaving.pendingChanges();
  }

  flush(): Promise<boolean> {
    return this.leaving.flush();
  }

  constructor() {
    effect(() => {
      const detail = this.existing.value();
      if (detail) untracked(() => this.form.reset(toFormValue(detail)));
    });
  }

  protected errorOf(field: ClassField): string | null {
    this.value();
    this.showAll();
    const control = this.form.controls[field];
    if (!this.showAll() && !control.touched) return null;
    const server = this.serverErrors()[field];
    if (server && !control.dirty) return `!${server}`;
    if (control.hasError('required') && field === 'grade') return 'academic.classForm.errors.requiredChoice';
    if (control.hasError('required')) return 'academic.classForm.errors.required';
    if (control.hasError('pattern')) return 'academic.classForm.errors.name';
    if (control.hasError('maxlength')) return 'academic.classForm.errors.maxLength';
    if (field === 'grade' && control.value && !this.grades().includes(control.value as GradeLevel))
      return 'academic.classForm.errors.grade';
    return null;
  }

  protected submit(): void {
    this.showAll.set(true);
    this.form.markAllAsTouched();
    const v = this.form.getRawValue();
    const schoolId = this.schoolId();
    if (this.form.invalid || !schoolId || !isGradeLevel(v.grade)) return;
    const body = {
      name: v.name.trim(),
      grade: v.grade,
      homeroomStaffId: v.homeroomStaffId || null,
      room: v.room.trim() || null,
      programme: v.programme.trim() || null,
    };
    const existing = this.existing.value();
    const year = this.year();
    let request: Observable<ClassSummary>;
    if (existing) request = this.api.updateClass(schoolId, existing.id, { ...body, version: existing.version });
    else if (year) request = this.api.createClass(schoolId, { ...body, schoolYearId: year.id });
    else return;
    this.saving.set(true);
    this.problem.set(null);
    request.pipe(finalize(() => this.saving.set(false))).subscribe({
      next: (saved) => {
        this.leaving.saved();
        void this.router.navigate(['/classes', saved.id], { state: { saved: true } });
      },
      error: (error: unknown) => {
        const problem = toProblem(error);
        this.problem.set(problem);
        // Someone else saved first: load their version so the next save is based on it.
        if (problem.status === 409) this.existing.reload();
        for (const field of CLASS_FIELDS) this.form.controls[field].markAsPristine();
      },
    });
  }
}

function toFormValue(detail: ClassDetail) {
  return {
    name: detail.name,
    grade: detail.grade,
    homeroomStaffId: detail.homeroomStaffId ?? '',
    room: detail.room ?? '',
    programme: detail.programme ?? '',
  };
}
