import { DateInputDirective, NameCaseDirective } from '@emis/web/ui';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { ProblemDetails, StaffDetail } from '@emis/contracts';
import { ETHNICITIES } from '@emis/domain';
import {
  fieldErrorMap,
  loadOnChange,
  OrgUnitContext,
  OrgUnitsApi,
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
import { StaffApi } from '../data-access/staff.api';
import {
  CONTRACTS,
  createStaffForm,
  fillForm,
  LEVELS,
  POSITIONS,
  qualificationGroup,
  ruleKey,
  toInput,
} from './staff-form.model';

/**
 * New staff record (/staff/new) or an edit (/staff/:staffId/edit). The browser checks the same rules as the API
 * (personal ID format and its agreement with birth year and gender, phone, ethnicity); the API's field errors,
 * including nested ones like qualifications.0.year, appear under their fields.
 */
@Component({
  selector: 'emis-staff-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    NameCaseDirective,
    DateInputDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './staff-form.page.html',
  styleUrl: './staff-form.page.css',
})
export class StaffFormPage implements LeavesSafely {
  private readonly api = inject(StaffApi);
  private readonly orgUnits = inject(OrgUnitsApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  readonly staffId = input<string>();

  protected readonly form = createStaffForm();
  protected readonly ethnicities = ETHNICITIES;
  protected readonly positions = POSITIONS;
  protected readonly contracts = CONTRACTS;
  protected readonly levels = LEVELS;
  protected readonly editableStatuses = ['ACTIVE', 'LEAVE', 'RETIRED'] as const;

  protected readonly existing = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const staffId = this.staffId();
      return schoolId && staffId ? { schoolId, staffId } : undefined;
    },
    ({ schoolId, staffId }) => this.api.get(schoolId, staffId),
  );
  private readonly school = loadOnChange(
    () => this.schoolId() ?? undefined,
    (id) => this.orgUnits.school(id),
  );
  private readonly allSubjects = loadOnChange(
    () => true,
    () => this.api.subjects(),
  );
  /** Subjects taught at the school's levels. */
  protected readonly subjects = computed(() => {
    const levels = this.school.value()?.levels ?? [];
    return (this.allSubjects.value() ?? []).filter(
      (s) => levels.length === 0 || s.levels.some((l) => levels.includes(l)),
    );
  });

  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly showAll = signal(false);
  private readonly serverErrors = computed(() => fieldErrorMap(this.problem()));
  private readonly changes = toSignal(this.form.valueChanges);
  protected readonly shownFields = computed(() =>
    Object.keys(this.serverErrors()).filter((path) => this.form.get(path) !== null),
  );

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
      if (detail) untracked(() => fillForm(this.form, detail));
    });
  }

  /** A translation key, or the server's message prefixed with "!", for the control at `path` (e.g. qualifications.0.year). */
  protected errorOf(path: string): string | null {
    this.changes();
    this.showAll();
    const control = this.form.get(path);
    if (!control || (!this.showAll() && !control.touched)) return null;
    const server = this.serverErrors()[path];
    if (server && !control.dirty) return `!${server}`;
    if (control.errors) return ruleKey(control.errors, path);
    if (path === 'personalId' && this.form.hasError('personalIdMismatch'))
      return 'staff.form.errors.personalIdMismatch';
    return null;
  }

  protected addQualification(): void {
    this.form.controls.qualifications.push(qualificationGroup());
  }

  protected removeQualification(index: number): void {
    this.form.controls.qualifications.removeAt(index);
  }

  protected toggleSubject(code: string, on: boolean): void {
    const current = this.form.controls.subjects.value;
    this.form.controls.subjects.setValue(on ? [...current, code] : current.filter((c) => c !== code));
    this.form.controls.subjects.markAsDirty();
  }

  protected submit(): void {
    this.showAll.set(true);
    this.form.markAllAsTouched();
    const schoolId = this.schoolId();
    if (this.form.invalid || !schoolId) {
      this.focusFirstInvalid();
      return;
    }
    const input = toInput(this.form);
    const existing = this.existing.value();
    const request: Observable<StaffDetail> = existing
      ? this.api.update(schoolId, existing.id, {
          ...input,
          status: this.form.controls.status.value,
          version: existing.version,
        })
      : this.api.create(schoolId, input);
    this.saving.set(true);
    this.problem.set(null);
    request.pipe(finalize(() => this.saving.set(false))).subscribe({
      next: (saved) => {
        this.leaving.saved();
        void this.router.navigate(['/staff', saved.id], { state: { saved: true } });
      },
      error: (error: unknown) => {
        const problem = toProblem(error);
        if (problem.status === 409) this.existing.reload();
        this.markPristine();
        this.problem.set(problem);
        this.focusFirstInvalid();
      },
    });
  }

  /** Server errors show until the user edits the field they belong to. */
  private markPristine(): void {
    for (const control of Object.values(this.form.controls)) control.markAsPristine();
    for (const group of this.form.controls.qualifications.controls) {
      for (const control of Object.values(group.controls)) control.markAsPristine();
    }
  }

  private focusFirstInvalid(): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }
}
