import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  input,
  output,
  viewChild,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { ProblemDetails } from '@emis/contracts';
import { ProblemAlertComponent } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';

const CODE_PATTERN = /^\d{6}$/;

/** The six-digit authenticator code, for both sign-in verification and enrolment. */
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
      <div class="field">
        <label for="mfa-code">{{ 'mfa.codeLabel' | transloco }}</label>
        <input
          #codeInput
          id="mfa-code"
          class="input input-code"
          type="text"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength="6"
          formControlName="code"
          [attr.aria-invalid]="showInvalid()"
          aria-describedby="mfa-code-hint mfa-code-error"
          data-testid="mfa-code"
        />
        <p id="mfa-code-hint" class="field-hint">{{ 'mfa.codeHint' | transloco }}</p>
        <p id="mfa-code-error" class="field-error" aria-live="polite">
          @if (showInvalid()) {
            {{ 'mfa.codeInvalid' | transloco }}
          }
        </p>
      </div>
      <emis-problem-alert [problem]="problem()" testId="mfa-error" />
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
  readonly submitted = output<string>();

  protected readonly form = new FormGroup({
    code: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(CODE_PATTERN)],
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
    if (!CODE_PATTERN.test(value)) {
      this.code.markAsTouched();
      this.codeInput().nativeElement.focus();
      return;
    }
    this.submitted.emit(value);
  }
}
