import {
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  inject,
  input,
  output,
  untracked,
} from '@angular/core';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { ProblemDetails, SchoolProfile, SchoolProfileUpdate } from '@emis/contracts';
import { isVietnamesePhone } from '@emis/domain';
import { fieldErrorMap, ProblemAlertComponent } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';

export const PROFILE_FIELDS = ['address', 'phone', 'email', 'principalName', 'foundedYear', 'website'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Limits mirror the API's SchoolProfileUpdateDto, so most mistakes are caught before the round trip. */
const MAX_LENGTH: Record<Exclude<ProfileField, 'foundedYear'>, number> = {
  address: 300,
  phone: 20,
  email: 200,
  principalName: 120,
  website: 200,
};
const FIRST_FOUNDED_YEAR = 1900;

/** The same rule as the API's, from the domain library: 10-digit mobiles, 11-digit landlines. */
function vietnamesePhone(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' || isVietnamesePhone(control.value) ? null : { phone: true };
}

function webAddress(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  if (value === '') return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') ? null : { url: true };
  } catch {
    return { url: true };
  }
}

function wholeYear(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  if (value === '') return null;
  if (!/^\d{4}$/.test(value)) return { year: true };
  const year = Number(value);
  const thisYear = new Date().getFullYear();
  return year < FIRST_FOUNDED_YEAR || year > thisYear
    ? { yearRange: { min: FIRST_FOUNDED_YEAR, max: thisYear } }
    : null;
}

function text(maxLength: number, ...more: ((c: AbstractControl<string>) => ValidationErrors | null)[]) {
  return new FormControl('', { nonNullable: true, validators: [Validators.maxLength(maxLength), ...more] });
}

@Component({
  selector: 'emis-school-profile-form',
  imports: [ReactiveFormsModule, TranslocoPipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './school-profile-form.component.html',
  styles: `
    .form-grid {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0 1.25rem;
    }
    .span-2 {
      grid-column: 1 / -1;
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
export class SchoolProfileFormComponent {
  readonly profile = input.required<SchoolProfile>();
  readonly busy = input(false);
  readonly problem = input<ProblemDetails | null>(null);
  readonly save = output<SchoolProfileUpdate>();
  readonly cancelled = output<void>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly form = new FormGroup({
    address: text(MAX_LENGTH.address),
    phone: text(MAX_LENGTH.phone, vietnamesePhone),
    email: text(MAX_LENGTH.email, Validators.email),
    principalName: text(MAX_LENGTH.principalName),
    foundedYear: new FormControl('', { nonNullable: true, validators: [wholeYear] }),
    website: text(MAX_LENGTH.website, webAddress),
  });
  protected readonly fields = PROFILE_FIELDS;
  protected readonly inputs = FIELD_INPUTS;

  /** Something changed and not saved (a value typed back to what it was is no change): read by the leave guard. */
  get dirty(): boolean {
    return this.form.dirty && Object.keys(changedFields(this.profile(), this.form.getRawValue())).length > 0;
  }

  constructor() {
    // A new profile (first load, or reloaded after a conflict) replaces what the form shows.
    effect(() => {
      const profile = this.profile();
      untracked(() => this.form.reset(toFormValue(profile)));
    });
    // Server-side field errors go under their fields, like the browser-side ones.
    effect(() => {
      const errors = fieldErrorMap(this.problem());
      untracked(() => {
        for (const field of PROFILE_FIELDS) {
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

  protected errorOf(field: ProfileField): FieldMessage | null {
    const control = this.form.controls[field];
    if (!control.touched || !control.errors) return null;
    const errors = control.errors;
    if (typeof errors['server'] === 'string') return { message: errors['server'], key: null, params: {} };
    if (errors['maxlength']) return translated('maxLength', { max: errors['maxlength'].requiredLength });
    if (errors['email']) return translated('email');
    if (errors['phone']) return translated('phone');
    if (errors['url']) return translated('url');
    if (errors['year']) return translated('year');
    if (errors['yearRange']) return translated('yearRange', errors['yearRange']);
    return translated('invalid');
  }

  protected submit(): void {
    // Server errors belong to the values that were sent; editing or resubmitting clears them.
    for (const field of PROFILE_FIELDS) this.clearServerError(field);
    // A stored value that today's rules reject blocks nothing unless the user edits it: it is not sent.
    const invalid = PROFILE_FIELDS.filter(
      (field) => this.form.controls[field].invalid && this.form.controls[field].dirty,
    );
    if (invalid.length > 0) {
      for (const field of invalid) this.form.controls[field].markAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const update = changedFields(this.profile(), this.form.getRawValue());
    if (Object.keys(update).length === 0) {
      this.cancelled.emit();
      return;
    }
    this.save.emit({ ...update, version: this.profile().version });
  }

  /** Re-running the validators drops an error the server gave for an earlier value. */
  private clearServerError(field: ProfileField): void {
    const control = this.form.controls[field];
    if (control.errors?.['server']) control.updateValueAndValidity({ emitEvent: false });
  }

  private focusFirstInvalid(): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }
}

interface FieldMessage {
  /** The server's own localized message, when it sent one for this field. */
  message: string | null;
  key: string | null;
  params: Record<string, unknown>;
}

function translated(rule: string, params: Record<string, unknown> = {}): FieldMessage {
  return { message: null, key: `profileForm.errors.${rule}`, params };
}

interface FieldInput {
  name: ProfileField;
  type: 'text' | 'email' | 'tel' | 'url';
  autocomplete: string;
  inputmode: string | null;
  wide: boolean;
  hintKey: string | null;
}

const FIELD_INPUTS: readonly FieldInput[] = [
  { name: 'address', type: 'text', autocomplete: 'street-address', inputmode: null, wide: true, hintKey: null },
  {
    name: 'phone',
    type: 'tel',
    autocomplete: 'tel',
    inputmode: 'tel',
    wide: false,
    hintKey: 'profileForm.hints.phone',
  },
  { name: 'email', type: 'email', autocomplete: 'email', inputmode: 'email', wide: false, hintKey: null },
  { name: 'principalName', type: 'text', autocomplete: 'off', inputmode: null, wide: false, hintKey: null },
  {
    name: 'foundedYear',
    type: 'text',
    autocomplete: 'off',
    inputmode: 'numeric',
    wide: false,
    hintKey: 'profileForm.hints.foundedYear',
  },
  {
    name: 'website',
    type: 'url',
    autocomplete: 'url',
    inputmode: 'url',
    wide: true,
    hintKey: 'profileForm.hints.website',
  },
];

function toFormValue(profile: SchoolProfile) {
  return {
    address: profile.address ?? '',
    phone: profile.phone ?? '',
    email: profile.email ?? '',
    principalName: profile.principalName ?? '',
    foundedYear: profile.foundedYear === null ? '' : String(profile.foundedYear),
    website: profile.website ?? '',
  };
}

type FormValue = ReturnType<typeof toFormValue>;

/**
 * Only the fields the user changed are sent: a PATCH that re-sent untouched values would fail on a stored
 * value that today's rules reject, and would record no-op changes in the audit log.
 */
function changedFields(profile: SchoolProfile, value: FormValue): Omit<SchoolProfileUpdate, 'version'> {
  const next = {
    address: orNull(value.address),
    phone: orNull(value.phone),
    email: orNull(value.email),
    principalName: orNull(value.principalName),
    foundedYear: value.foundedYear.trim() === '' ? null : Number(value.foundedYear.trim()),
    website: orNull(value.website),
  };
  const update: Omit<SchoolProfileUpdate, 'version'> = {};
  for (const field of PROFILE_FIELDS) {
    if (next[field] !== profile[field]) Object.assign(update, { [field]: next[field] });
  }
  return update;
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
