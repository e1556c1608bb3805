import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { LoginResponse, MfaEnrollmentStart, ProblemDetails } from '@emis/contracts';
import { AuthStore, formatEmisDate, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { LanguageToggleComponent } from '../layout/language-toggle.component';
import { MfaCodeFormComponent } from '../ui/mfa-code-form.component';
import { MfaEnrolmentComponent } from '../ui/mfa-enrolment.component';

type Step =
  | { kind: 'credentials' }
  | { kind: 'verify'; mfaToken: string }
  | { kind: 'enrol'; mfaToken: string; enrolment: MfaEnrollmentStart | null };

interface Message {
  key: string;
  params: Record<string, unknown>;
}

@Component({
  selector: 'emis-login-page',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    ProblemAlertComponent,
    LanguageToggleComponent,
    MfaCodeFormComponent,
    MfaEnrolmentComponent,
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
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly showPassword = signal(false);
  protected readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  protected readonly enrolment = computed(() => {
    const step = this.step();
    return step.kind === 'enrol' ? step.enrolment : null;
  });
  protected readonly message = computed(() => messageFor(this.problem()));

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
    this.run(
      this.auth.login(this.form.getRawValue()),
      (response) => this.afterLogin(response),
      () => {
        this.form.controls.password.reset();
        this.passwordInput()?.nativeElement.focus();
      },
    );
  }

  protected verify(code: string): void {
    const step = this.step();
    if (step.kind !== 'verify') return;
    this.run(this.auth.verifyMfa(step.mfaToken, code), () => this.goOn());
  }

  protected startEnrolment(): void {
    const step = this.step();
    if (step.kind !== 'enrol') return;
    this.run(this.auth.startMfaEnrolment(step.mfaToken), (enrolment) =>
      this.step.set({ kind: 'enrol', mfaToken: step.mfaToken, enrolment }),
    );
  }

  protected confirmEnrolment(code: string): void {
    const step = this.step();
    if (step.kind !== 'enrol') return;
    this.run(this.auth.confirmMfaEnrolment(code, step.mfaToken), () => this.goOn());
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

  private afterLogin(response: LoginResponse): void {
    if (response.status === 'ok') {
      this.goOn();
    } else if (response.status === 'mfa_required') {
      this.step.set({ kind: 'verify', mfaToken: response.mfaToken });
    } else {
      this.step.set({ kind: 'enrol', mfaToken: response.mfaToken, enrolment: null });
      this.startEnrolment();
    }
  }

  private run<T>(call: Observable<T>, done: (value: T) => void, failed?: () => void): void {
    this.busy.set(true);
    this.problem.set(null);
    call.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: done,
      error: (error: unknown) => {
        const problem = toProblem(error);
        // The half-finished sign-in lasts a few minutes; once it has expired only the password step helps.
        if (this.step().kind !== 'credentials' && problem.code === 'session_expired') this.backToCredentials();
        this.problem.set(problem);
        failed?.();
      },
    });
  }

  private goOn(): void {
    const returnUrl = this.route.snapshot.queryParamMap.get('returnUrl');
    const safe =
      returnUrl && returnUrl.startsWith('/') && !returnUrl.startsWith('//') && !returnUrl.startsWith('/login');
    void this.router.navigateByUrl(safe ? returnUrl : '/');
  }
}

/** Sign-in failures get the page's own words; other problems show the API's localized title. */
function messageFor(problem: ProblemDetails | null): Message | null {
  if (!problem) return null;
  switch (problem.status) {
    case 401:
      if (problem.code === 'invalid_credentials') return { key: 'login.errors.invalidCredentials', params: {} };
      if (problem.code === 'session_expired') return { key: 'login.errors.mfaExpired', params: {} };
      return null;
    case 423: {
      const lockedUntil = (problem as ProblemDetails & { lockedUntil?: string }).lockedUntil;
      return lockedUntil
        ? { key: 'login.errors.lockedUntil', params: { until: formatEmisDate(lockedUntil, 'datetime') } }
        : { key: 'login.errors.locked', params: {} };
    }
    case 429:
      return { key: 'login.errors.throttled', params: {} };
    default:
      return null;
  }
}
