import { DateInputDirective, NameCaseDirective } from '@emis/web/ui';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  output,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, ReactiveFormsModule } from '@angular/forms';
import { ClassSummary, ProblemDetails, StudentDetail, StudentInput, StudentUpdate } from '@emis/contracts';
import { ETHNICITIES } from '@emis/domain';
import { fieldErrorMap, LanguageService, ProblemAlertComponent } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { COMMON_NATIONALITIES, CountryNamePipe } from '../ui/country-name.pipe';
import { FieldErrorComponent, FieldMessage } from '../ui/field-error.component';
import {
  fillForm,
  FORM_OPTIONS,
  guardianGroup,
  MAX_GUARDIANS,
  studentFormGroup,
  toStudentInput,
} from './student-form.model';

/**
 * The full student record, for a new student (with an optional class) and for editing one. The browser checks
 * with the same domain rules as the server (personal ID, phone, ethnicity); the server's field errors — including
 * nested ones such as guardians.1.phone — go under their fields.
 */
@Component({
  selector: 'emis-student-form',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    ProblemAlertComponent,
    FieldErrorComponent,
    CountryNamePipe,
    NameCaseDirective,
    DateInputDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './student-form.component.html',
  styleUrl: './student-form.component.css',
})
export class StudentFormComponent {
  /** Null for a new student. */
  readonly student = input<StudentDetail | null>(null);
  /** Classes of the current year, offered on create only (moving a student is its own action). */
  readonly classes = input<ClassSummary[]>([]);
  readonly busy = input(false);
  readonly problem = input<ProblemDetails | null>(null);
  readonly create = output<StudentInput>();
  readonly update = output<StudentUpdate>();
  readonly cancelled = output<void>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly form = studentFormGroup();

  /** Typed into and not saved: the page's leave guard asks before the user leaves. */
  get dirty(): boolean {
    return this.form.dirty;
  }
  protected readonly ethnicities = ETHNICITIES;
  protected readonly options = FORM_OPTIONS;
  protected readonly maxGuardians = MAX_GUARDIANS;
  protected readonly language = inject(LanguageService).language;
  /** The common list, plus the student's own code when it is another one. */
  protected readonly nationalities = computed(() => {
    const own = this.student()?.nationality;
    return own && !(COMMON_NATIONALITIES as readonly string[]).includes(own)
      ? [...COMMON_NATIONALITIES, own]
      : [...COMMON_NATIONALITIES];
  });
  /** Re-evaluates the messages on every keystroke (OnPush with signals: the form's changes are a signal here). */
  protected readonly changes = toSignal(this.form.valueChanges);
  protected readonly statusChanges = toSignal(this.form.statusChanges);
  private serverFields: string[] = [];

  constructor() {
    effect(() => {
      const student = this.student();
      untracked(() => fillForm(this.form, student));
    });
    effect(() => {
      const errors = fieldErrorMap(this.problem());
      untracked(() => this.showServerErrors(errors));
    });
  }

  protected get guardians() {
    return this.form.controls.guardians;
  }

  protected addGuardian(): void {
    if (this.guardians.length >= MAX_GUARDIANS) return;
    this.guardians.push(guardianGroup());
    setTimeout(() =>
      this.host.nativeElement.querySelector<HTMLElement>(`#guardian-${this.guardians.length - 1}-relation`)?.focus(),
    );
  }

  protected removeGuardian(index: number): void {
    this.guardians.removeAt(index);
  }

  /** A shown error: after the user left the field, typed in it, or tried to save. */
  protected errorOf(path: string): FieldMessage | null {
    this.changes();
    this.statusChanges();
    const control = this.form.get(path);
    if (!control || !(control.touched || control.dirty)) return null;
    if (control.hasError('required') && CHOICE_FIELDS.has(path.split('.').pop() ?? '')) {
      return translated('requiredChoice');
    }
    const message = messageOf(control);
    if (message) return message;
    if (path === 'personalId' && this.form.errors?.['personalIdMismatch']) return translated('personalIdMismatch');
    return null;
  }

  protected submit(): void {
    for (const path of this.serverFields) this.form.get(path)?.updateValueAndValidity({ emitEvent: false });
    this.serverFields = [];
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const input = toStudentInput(this.form);
    const student = this.student();
    if (student) {
      const { classId: _classId, ...fields } = input;
      this.update.emit({ ...fields, version: student.version });
    } else {
      this.create.emit(input);
    }
  }

  /** A duplicate personal ID is a 409 naming its field: it is shown under the number, not in the alert. */
  protected readonly alertProblem = computed(() => {
    const problem = this.problem();
    return problem?.code === DUPLICATE_PERSONAL_ID ? null : problem;
  });

  private showServerErrors(errors: Record<string, string>): void {
    if (this.problem()?.code === DUPLICATE_PERSONAL_ID) {
      const control = this.form.controls.personalId;
      control.setErrors({ ...control.errors, duplicate: true });
      control.markAsTouched();
      this.serverFields = ['personalId'];
      this.focusFirstInvalid();
      return;
    }
    const fields = Object.keys(errors).filter((path) => this.form.get(path));
    for (const path of fields) {
      const control = this.form.get(path) as AbstractControl;
      control.setErrors({ ...control.errors, server: errors[path] });
      control.markAsTouched();
    }
    this.serverFields = fields;
    if (fields.length > 0) this.focusFirstInvalid();
  }

  /** The field paths whose server errors are shown under fields, so the alert does not repeat them. */
  protected shownFields(): string[] {
    return Object.keys(fieldErrorMap(this.problem())).filter((path) => this.form.get(path));
  }

  private focusFirstInvalid(): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }
}

const DUPLICATE_PERSONAL_ID = 'duplicate_personal_id';

/** Fields filled by choosing from a list: left empty, they say "Vui lòng chọn", not "Vui lòng nhập". */
const CHOICE_FIELDS = new Set(['gender', 'ethnicity', 'nationality', 'disability', 'relation', 'classId']);

function messageOf(control: AbstractControl): FieldMessage | null {
  const errors = control.errors;
  if (!errors) return null;
  if (typeof errors['server'] === 'string') return { message: errors['server'], key: null, params: {} };
  if (errors['duplicate']) return translated('duplicate');
  // Text that is no date leaves the control empty as well: the format is what the user needs to hear.
  if (errors['date']) return translated('date');
  if (errors['required']) return translated('required');
  if (errors['maxlength']) return translated('maxLength', { max: errors['maxlength'].requiredLength });
  if (errors['personalId']) return translated(`personalId_${errors['personalId']}`);
  if (errors['phone']) return translated('phone');
  if (errors['futureDate']) return translated('futureDate');
  if (errors['yearRange']) return translated('yearRange', errors['yearRange']);
  if (errors['ethnicity']) return translated('ethnicity');
  return translated('invalid');
}

function translated(rule: string, params: Record<string, unknown> = {}): FieldMessage {
  return { message: null, key: `students.form.errors.${rule}`, params };
}
