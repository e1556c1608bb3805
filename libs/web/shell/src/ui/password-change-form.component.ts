import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { PasswordChangeRequest, ProblemDetails } from '@emis/contracts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PasswordProblem, passwordProblems } from '@emis/domain';
import { fieldErrorMap, ProblemAlertComponent } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';

type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';

/** The fields the API names in its errors; the confirmation never leaves the browser. */
const SERVER_FIELDS = ['currentPassword', 'newPassword'] as const satisfies readonly PasswordField[];

/** The checklist shown while typing. Too long (over 200 characters) is reported as an error only. */
const CHECKLIST = [
  'tooShort',
  'needsLetter',
  'needsDigit',
  'containsUsername',
] as const satisfies readonly PasswordProblem[];

interface FieldInput {
  name: PasswordField;
  /** The element id, also its data-testid. */
  id: string;
  labelKey: string;
  autocomplete: 'current-password' | 'new-password';
}

const FIELD_INPUTS: readonly FieldInput[] = [
  {
    name: 'currentPassword',
    id: 'password-current',
    labelKey: 'account.password.currentLabel',
    autocomplete: 'current-password',
  },
  { name: 'newPassword', id: 'password-new', labelKey: 'account.password.newLabel', autocomplete: 'new-password' },
  {
    name: 'confirmPassword',
    id: 'password-confirm',
    labelKey: 'account.password.confirmLabel',
    autocomplete: 'new-password',
  },
];

/**
 * `change`: the signed-in user's own change, which proves the current password. `first`: the sign-in step after an
 * administrator's one-time password, which the sign-in itself has just proved (docs/domain/accounts.md).
 */
export type PasswordFormMode = 'change' | 'first';

/**
 * Changing one's own password: the current one (not in `first` mode), a new one checked live against the shared policy from
 * libs/domain (the API enforces the same rules), and the new one again. Server errors go under their fields.
 */
@Component({
  selector: 'emis-password-change-form',
  imports: [ReactiveFormsModule, TranslocoPipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './password-change-form.component.html',
  styles: `
    :host {
      display: block;
      max-width: 28rem;
    }
    .rules {
      margin: 0.125rem 0 0.25rem;
      padding: 0.625rem 0.75rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface-muted);
      font-size: 0.875rem;
    }
    .rules-title {
      margin: 0 0 0.375rem;
      font-weight: 600;
    }
    .rules ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.25rem;
    }
    .rule {
      display: flex;
      align-items: flex-start;
      gap: 0.5rem;
      color: var(--text-muted);
      overflow-wrap: anywhere;
    }
    .rule-mark {
      flex: none;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 1.125rem;
      height: 1.125rem;
      margin-top: 0.0625rem;
      border: 1.5px solid var(--border-strong);
      border-radius: 50%;
      font-size: 0.75rem;
      font-weight: 700;
      line-height: 1;
    }
    .rule[data-met='true'] {
      color: var(--success);
    }
    .rule[data-met='true'] .rule-mark {
      border-color: var(--success);
      background: var(--success);
      color: #fff;
    }
    .rules.show-unmet .rule[data-met='false'] {
      color: var(--danger);
    }
    .rules.show-unmet .rule[data-met='false'] .rule-mark {
      border-color: var(--danger);
    }
    .rules-tip {
      margin: 0.5rem 0 0;
      color: var(--text-muted);
      font-size: 0.8125rem;
    }
    .show-passwords {
      display: flex;
      width: fit-content;
      align-items: center;
      gap: 0.5rem;
      margin: 0 0 1rem;
      font-size: 0.875rem;
      cursor: pointer;
    }
    .show-passwords input {
      width: 1rem;
      height: 1rem;
      margin: 0;
      accent-color: var(--primary);
    }
    .btn[aria-disabled='true'] {
      opacity: 0.65;
      cursor: progress;
    }
  `,
})
export class PasswordChangeFormComponent {
  /** The signed-in user's name: the new password must not contain it. */
  readonly username = input.required<string>();
  readonly busy = input(false);
  readonly problem = input<ProblemDetails | null>(null);
  readonly mode = input<PasswordFormMode>('change');
  /** `change` mode: the current and the new password. */
  readonly submitted = output<PasswordChangeRequest>();
  /** `first` mode: the new password. */
  readonly chosen = output<string>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly form = new FormGroup({
    currentPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    newPassword: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, (c: AbstractControl<string>) => this.policy(c)],
    }),
    confirmPassword: new FormControl('', { nonNullable: true, validators: [Validators.required, matchesNewPassword] }),
  });
  protected readonly inputs = computed(() =>
    this.mode() === 'first' ? FIELD_INPUTS.filter((field) => field.name !== 'currentPassword') : FIELD_INPUTS,
  );
  protected readonly submitLabel = computed(() =>
    this.mode() === 'first' ? 'account.password.submitFirst' : 'account.password.submit',
  );
  protected readonly serverFields = SERVER_FIELDS;
  protected readonly showPasswords = signal(false);

  private readonly newPassword = toSignal(this.form.controls.newPassword.valueChanges, { initialValue: '' });

  /** Each rule of the policy, met or not, for what is typed now. Nothing counts as met before anything is typed. */
  protected readonly checklist = computed(() => {
    const value = this.newPassword();
    const username = this.username();
    const problems = passwordProblems(value, username);
    return CHECKLIST.map((rule) => ({
      rule,
      met: value !== '' && !problems.includes(rule),
      params: { min: PASSWORD_MIN_LENGTH, username },
    }));
  });

  /** The last answer's problem, until the next attempt: a stale alert would contradict the fixed fields. */
  private readonly currentProblem = linkedSignal(() => this.problem());

  /** What the alert shows. Field errors are under their fields already, so their summary (the detail) is dropped. */
  protected readonly alertProblem = computed(() => {
    const problem = this.currentProblem();
    const errors = problem?.errors ?? [];
    const allShown = errors.length > 0 && errors.every((e) => (SERVER_FIELDS as readonly string[]).includes(e.field));
    return problem && allShown ? { ...problem, detail: undefined } : problem;
  });

  /** The page's own words for what the fields cannot show; other problems keep the API's localized title. */
  protected readonly problemMessage = computed(() => {
    const problem = this.currentProblem();
    if (problem?.status === 429) return 'account.password.errors.throttled';
    if (problem?.status === 400 && (problem.errors ?? []).length > 0) return 'account.password.errors.notChanged';
    return null;
  });

  constructor() {
    // The first password is set without the one-time one: its field is neither shown nor required.
    effect(() => {
      const current = this.form.controls.currentPassword;
      const first = this.mode() === 'first';
      untracked(() => (first ? current.disable() : current.enable()));
    });
    // The confirmation is checked against the new password whenever either changes.
    this.form.controls.newPassword.valueChanges
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => this.form.controls.confirmPassword.updateValueAndValidity({ emitEvent: false }));
    // Server-side field errors go under their fields, like the browser-side ones.
    effect(() => {
      const errors = fieldErrorMap(this.problem());
      untracked(() => {
        for (const field of SERVER_FIELDS) {
          const message = errors[field];
          if (message) {
            const control = this.form.controls[field];
            control.setErrors({ ...control.errors, server: message });
            control.markAsTouched();
          }
        }
        if (Object.keys(errors).length > 0) this.focusFirstInvalid();
      });
    });
  }

  /** A password typed and not submitted yet (the leave guard's DirtyForm): cleared by `clear()`. */
  get dirty(): boolean {
    return this.form.dirty;
  }

  /** After a successful change: empty fields, nothing flagged, passwords hidden again. */
  clear(): void {
    this.form.reset();
    this.showPasswords.set(false);
  }

  protected errorOf(field: PasswordField): FieldMessage | null {
    const control = this.form.controls[field];
    if (!control.touched || !control.errors) return null;
    const errors = control.errors;
    if (typeof errors['server'] === 'string') return { message: errors['server'], key: null, params: {} };
    if (errors['required']) return translated(`${field}Required`);
    if (errors['tooLong']) return translated('tooLong', { max: PASSWORD_MAX_LENGTH });
    if (errors['policy']) return translated('rules');
    if (errors['mismatch']) return translated('mismatch');
    return null;
  }

  /** Unmet rules turn red once the new password has been left or submitted unfit. */
  protected rulesFlagged(): boolean {
    const control = this.form.controls.newPassword;
    return control.touched && control.invalid;
  }

  protected submit(): void {
    if (this.busy()) return;
    // Server errors belong to the values that were sent; resubmitting clears them.
    for (const field of SERVER_FIELDS) this.clearServerError(field);
    this.currentProblem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    if (this.mode() === 'first') this.chosen.emit(newPassword);
    else this.submitted.emit({ currentPassword, newPassword });
  }

  private policy(control: AbstractControl<string>): ValidationErrors | null {
    if (control.value === '') return null;
    const problems = passwordProblems(control.value, this.username());
    if (problems.includes('tooLong')) return { tooLong: true };
    return problems.length > 0 ? { policy: problems } : null;
  }

  /** Re-running the validators drops an error the server gave for an earlier value. */
  private clearServerError(field: PasswordField): void {
    const control = this.form.controls[field];
    if (control.errors?.['server']) control.updateValueAndValidity({ emitEvent: false });
  }

  private focusFirstInvalid(): void {
    const first = this.inputs().find((field) => this.form.controls[field.name].invalid);
    if (first) this.host.nativeElement.querySelector<HTMLInputElement>(`#${first.id}`)?.focus();
  }
}

function matchesNewPassword(control: AbstractControl<string>): ValidationErrors | null {
  const newPassword = control.parent?.get('newPassword')?.value as string | undefined;
  return control.value !== '' && newPassword !== undefined && control.value !== newPassword ? { mismatch: true } : null;
}

interface FieldMessage {
  /** The server's own localized message, when it sent one for this field. */
  message: string | null;
  key: string | null;
  params: Record<string, unknown>;
}

function translated(rule: string, params: Record<string, unknown> = {}): FieldMessage {
  return { message: null, key: `account.password.errors.${rule}`, params };
}
