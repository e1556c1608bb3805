import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { EnrollmentConfirmed, LoginResponse, MfaEnrollmentStart } from '@emis/contracts';
import { AuthStore, ProblemAlertComponent, SecondFactor, toProblem } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { LanguageToggleComponent } from '../layout/language-toggle.component';
import { MfaCodeFormComponent } from '../ui/mfa-code-form.component';
import { MfaEnrolmentComponent } from '../ui/mfa-enrolment.component';
import { PasswordChangeFormComponent } from '../ui/password-change-form.component';
import { RecoveryCodesComponent } from '../ui/recovery-codes.component';
import { retryAfterSeconds, SignInProblem, signInMessage } from './sign-in-messages';

/**
 * The steps of a sign-in (docs/domain/sign-in.md): the password; the first password after an administrator's
 * one-time one; the second factor (the app's code, or a recovery code without the phone), or its enrolment followed
 * by the recovery codes shown once; and, off the main path, "Quên mật khẩu".
 */
type Step =
  | { kind: 'credentials' }
  | { kind: 'firstPassword'; mfaToken: string }
  | { kind: 'verify'; mfaToken: string; factor: 'totp' | 'recovery' }
  | { kind: 'enrol'; mfaToken: string; enrolment: MfaEnrollmentStart | null }
  | { kind: 'recoveryCodes'; codes: string[] }
  | { kind: 'forgot' }
  | { kind: 'forgotSent' };

@Component({
  selector: 'emis-login-page',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    ProblemAlertComponent,
    LanguageToggleComponent,
    MfaCodeFormComponent,
    MfaEnrolmentComponent,
    PasswordChangeFormComponent,
    RecoveryCodesComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login.page.html',
  styleUrl: './login.page.css',
})
export class LoginPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly step = signal<Step>({ kind: 'credentials' });
  protected readonly busy = signal(false);
  protected readonly problem = signal<SignInProblem | null>(null);
  protected readonly showPassword = signal(false);
  /** Why the last session ended under the user, said once above the form. */
  protected readonly notice = this.auth.signOutNotice;
  protected readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly forgotForm = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  protected readonly enrolment = computed(() => {
    const step = this.step();
    return step.kind === 'enrol' ? step.enrolment : null;
  });
  protected readonly usesRecoveryCode = computed(() => {
    const step = this.step();
    return step.kind === 'verify' && step.factor === 'recovery';
  });
  protected readonly recoveryCodes = computed(() => {
    const step = this.step();
    return step.kind === 'recoveryCodes' ? step.codes : null;
  });
  protected readonly message = computed(() => signInMessage(this.problem()));

  private readonly usernameInput = viewChild<ElementRef<HTMLInputElement>>('usernameInput');
  private readonly passwordInput = viewChild<ElementRef<HTMLInputElement>>('passwordInput');

  protected submitCredentials(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      const first = this.form.controls.username.invalid ? this.usernameInput() : this.passwordInput();
      first?.nativeElement.focus();
      return;
    }
    this.auth.dismissSignOutNotice();
    this.run(
      this.auth.login(this.form.getRawValue()),
      (response) => this.afterPassword(response),
      () => {
        this.form.controls.password.reset();
        this.passwordInput()?.nativeElement.focus();
      },
    );
  }

  protected setFirstPassword(newPassword: string): void {
    const step = this.step();
    if (step.kind !== 'firstPassword') return;
    this.run(this.auth.setFirstPassword({ mfaToken: step.mfaToken, newPassword }), (response) =>
      this.afterPassword(response),
    );
  }

  protected verify(typed: string): void {
    const step = this.step();
    if (step.kind !== 'verify') return;
    const factor: SecondFactor = step.factor === 'totp' ? { code: typed } : { recoveryCode: typed };
    this.run(this.auth.verifyMfa(step.mfaToken, factor), () => this.goOn());
  }

  /** Between the app's code and a recovery code, for a user without the phone at hand. */
  protected switchFactor(): void {
    const step = this.step();
    if (step.kind !== 'verify') return;
    this.problem.set(null);
    this.step.set({ ...step, factor: step.factor === 'totp' ? 'recovery' : 'totp' });
  }

  protected startEnrolment(): void {
    const step = this.step();
    if (step.kind !== 'enrol') return;
    this.run(this.auth.startMfaEnrolment(step.mfaToken), (enrolment) =>
      this.step.set({ kind: 'enrol', mfaToken: step.mfaToken, enrolment }),
    );
  }

  /** The session has started; the recovery codes are shown before the user goes on. */
  protected confirmEnrolment(code: string): void {
    const step = this.step();
    if (step.kind !== 'enrol') return;
    this.run(this.auth.confirmMfaEnrolment(code, step.mfaToken), (confirmed: EnrollmentConfirmed) => {
      // An API that issues no recovery codes (one older than them) leaves nothing to keep.
      const codes = confirmed.recoveryCodes ?? [];
      if (codes.length > 0) this.step.set({ kind: 'recoveryCodes', codes });
      else this.goOn();
    });
  }

  protected openForgot(): void {
    this.problem.set(null);
    this.forgotForm.reset({ username: this.form.controls.username.value });
    this.step.set({ kind: 'forgot' });
  }

  /** Sent, whatever the answer says about the name: the server answers the same for every name. */
  protected submitForgot(): void {
    if (this.busy()) return;
    if (this.forgotForm.invalid) {
      this.forgotForm.markAllAsTouched();
      return;
    }
    this.run(this.auth.requestPasswordReset(this.forgotForm.getRawValue().username.trim()), () =>
      this.step.set({ kind: 'forgotSent' }),
    );
  }

  protected backToCredentials(): void {
    this.step.set({ kind: 'credentials' });
    this.problem.set(null);
    this.form.controls.password.reset();
  }

  protected fieldInvalid(name: 'username' | 'password'): boolean {
    const control = this.form.controls[name];
    return control.invalid && control.touched;
  }

  protected forgotInvalid(): boolean {
    const control = this.forgotForm.controls.username;
    return control.invalid && control.touched;
  }

  protected goOn(): void {
    const returnUrl = this.route.snapshot.queryParamMap.get('returnUrl');
    const safe =
      returnUrl && returnUrl.startsWith('/') && !returnUrl.startsWith('//') && !returnUrl.startsWith('/login');
    void this.router.navigateByUrl(safe ? returnUrl : '/');
  }

  /** The answer to a password (the user's own, or the first one): the session, or the next step before it. */
  private afterPassword(response: LoginResponse): void {
    switch (response.status) {
      case 'ok':
        return this.goOn();
      case 'password_change_required':
        return this.step.set({ kind: 'firstPassword', mfaToken: response.mfaToken });
      case 'mfa_required':
        return this.step.set({ kind: 'verify', mfaToken: response.mfaToken, factor: 'totp' });
      case 'mfa_enrollment_required':
        this.step.set({ kind: 'enrol', mfaToken: response.mfaToken, enrolment: null });
        return this.startEnrolment();
    }
  }

  private run<T>(call: Observable<T>, done: (value: T) => void, failed?: () => void): void {
    this.busy.set(true);
    this.problem.set(null);
    call.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: done,
      error: (error: unknown) => {
        const problem: SignInProblem = { ...toProblem(error), retryAfter: retryAfterSeconds(error) ?? undefined };
        // The half-finished sign-in lasts a few minutes and serves once; then only the password step helps.
        if (this.step().kind !== 'credentials' && problem.code === 'session_expired') this.backToCredentials();
        this.problem.set(problem);
        failed?.();
      },
    });
  }
}
