import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  input,
  output,
  viewChild,
} from '@angular/core';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { ProblemDetails } from '@emis/contracts';
import { ProblemAlertComponent, TOTP_CODE_PATTERN } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * A recovery code as printed for the user: letters, digits and dashes. Only a typing slip is caught here; the server
 * decides whether the code is one of the user's.
 */
const RECOVERY_CODE_PATTERN = /^[A-Za-z0-9-]{6,64}$/;

/**
 * Which factor the form takes: the app's code (sign-in, enrolment), a recovery code (sign-in without the phone), or
 * either (the account page's "current factor", see secondFactorFrom).
 */
export type CodeKind = 'totp' | 'recovery' | 'either';

const FIELD: Record<CodeKind, { id: string; label: string; hint: string; invalid: string }> = {
  totp: { id: 'mfa-code', label: 'mfa.codeLabel', hint: 'mfa.codeHint', invalid: 'mfa.codeInvalid' },
  recovery: {
    id: 'recovery-code',
    label: 'mfa.recovery.label',
    hint: 'mfa.recovery.hint',
    invalid: 'mfa.recovery.invalid',
  },
  either: {
    id: 'current-factor',
    label: 'mfa.current.label',
    hint: 'mfa.current.hint',
    invalid: 'mfa.current.invalid',
  },
};

export function codeFits(kind: CodeKind, value: string): boolean {
  if (kind === 'totp') return TOTP_CODE_PATTERN.test(value);
  if (kind === 'recovery') return RECOVERY_CODE_PATTERN.test(value);
  return TOTP_CODE_PATTERN.test(value) || RECOVERY_CODE_PATTERN.test(value);
}

/** One code of the second factor, for sign-in verification, enrolment and the account page's checks. */
@Component({
  selector: 'emis-mfa-code-form',
  imports: [ReactiveFormsModule, TranslocoPipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      max-width: 26rem;
    }
  `,
  template: `
    <form class="stack" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      @let f = field();
      <div class="field">
        <label [for]="f.id">{{ f.label | transloco }}</label>
        <input
          #codeInput
          [id]="f.id"
          class="input input-code"
          type="text"
          [attr.inputmode]="kind() === 'totp' ? 'numeric' : 'text'"
          [attr.autocomplete]="kind() === 'totp' ? 'one-time-code' : 'off'"
          autocapitalize="none"
          spellcheck="false"
          [attr.maxlength]="kind() === 'totp' ? 6 : 64"
          formControlName="code"
          [attr.aria-invalid]="showInvalid()"
          [attr.aria-describedby]="f.id + '-hint ' + f.id + '-error'"
          [attr.data-testid]="f.id"
        />
        <p [id]="f.id + '-hint'" class="field-hint">{{ f.hint | transloco }}</p>
        <p [id]="f.id + '-error'" class="field-error" aria-live="polite">
          @if (showInvalid()) {
            {{ f.invalid | transloco }}
          }
        </p>
      </div>
      <emis-problem-alert
        [problem]="problem()"
        [messageKey]="messageKey()"
        [messageParams]="messageParams()"
        testId="mfa-error"
      />
      <button type="submit" class="btn btn-primary btn-block" [disabled]="busy()" data-testid="mfa-submit">
        {{ (busy() ? 'common.working' : submitLabel()) | transloco }}
      </button>
    </form>
  `,
})
export class MfaCodeFormComponent {
  readonly busy = input(false);
  readonly problem = input<ProblemDetails | null>(null);
  readonly submitLabel = input('mfa.verify');
  readonly kind = input<CodeKind>('totp');
  /** The page's own words for the problem (a throttled sign-in with its wait), instead of the API's title. */
  readonly messageKey = input<string | null>(null);
  readonly messageParams = input<Record<string, unknown>>({});
  readonly submitted = output<string>();

  protected readonly field = computed(() => FIELD[this.kind()]);
  protected readonly form = new FormGroup({
    code: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, (control: AbstractControl<string>) => this.fits(control)],
    }),
  });
  private readonly code = this.form.controls.code;
  private readonly codeInput = viewChild.required<ElementRef<HTMLInputElement>>('codeInput');

  constructor() {
    afterNextRender(() => this.codeInput().nativeElement.focus());
    // A rejected code is cleared so the next one can be typed straight away.
    effect(() => {
      if (this.problem()) {
        this.code.reset();
        this.codeInput().nativeElement.focus();
      }
    });
  }

  protected showInvalid(): boolean {
    return this.code.invalid && this.code.touched;
  }

  protected submit(): void {
    const value = this.code.value.replace(/\s/g, '');
    this.code.setValue(value);
    if (!codeFits(this.kind(), value)) {
      this.code.markAsTouched();
      this.codeInput().nativeElement.focus();
      return;
    }
    this.submitted.emit(value);
  }

  private fits(control: AbstractControl<string>): ValidationErrors | null {
    return codeFits(this.kind(), control.value.replace(/\s/g, '')) ? null : { code: true };
  }
}
