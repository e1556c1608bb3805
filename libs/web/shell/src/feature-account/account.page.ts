import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { MfaEnrollmentStart, PasswordChangeRequest, ProblemDetails } from '@emis/contracts';
import { AuthStore, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { MfaEnrolmentComponent } from '../ui/mfa-enrolment.component';
import { PasswordChangeFormComponent } from '../ui/password-change-form.component';

@Component({
  selector: 'emis-account-page',
  imports: [TranslocoPipe, ProblemAlertComponent, MfaEnrolmentComponent, PasswordChangeFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account.page.html',
  styles: `
    .profile-list {
      display: grid;
      grid-template-columns: minmax(8rem, 12rem) 1fr;
      gap: 0.75rem 1.5rem;
      margin: 0;
    }
    .profile-list dt {
      color: var(--text-muted);
    }
    .profile-list dd {
      margin: 0;
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .mfa-state {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
      margin-bottom: 1rem;
    }
    .mfa-state p {
      margin: 0;
    }
    .card-intro {
      margin: -0.25rem 0 1rem;
      color: var(--text-muted);
      max-width: 40rem;
    }
    @media (max-width: 36rem) {
      .profile-list {
        grid-template-columns: 1fr;
        gap: 0.125rem;
      }
      .profile-list dd {
        margin-bottom: 0.625rem;
      }
    }
  `,
})
export class AccountPage {
  private readonly auth = inject(AuthStore);

  protected readonly user = this.auth.user;
  protected readonly enrolment = signal<MfaEnrollmentStart | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly enabledNow = signal(false);

  protected readonly passwordBusy = signal(false);
  protected readonly passwordProblem = signal<ProblemDetails | null>(null);
  protected readonly passwordChanged = signal(false);
  private readonly passwordForm = viewChild(PasswordChangeFormComponent);

  /** The new session replaces this one in the store; the server has signed out every other. */
  protected changePassword(request: PasswordChangeRequest): void {
    this.passwordBusy.set(true);
    this.passwordProblem.set(null);
    this.passwordChanged.set(false);
    this.auth
      .changePassword(request)
      .pipe(finalize(() => this.passwordBusy.set(false)))
      .subscribe({
        next: () => {
          this.passwordForm()?.clear();
          this.passwordChanged.set(true);
        },
        error: (error: unknown) => this.passwordProblem.set(toProblem(error)),
      });
  }

  protected startEnrolment(): void {
    this.busy.set(true);
    this.problem.set(null);
    this.auth
      .startMfaEnrolment()
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (enrolment) => this.enrolment.set(enrolment),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected confirmEnrolment(code: string): void {
    this.busy.set(true);
    this.problem.set(null);
    this.auth
      .confirmMfaEnrolment(code)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => {
          this.enrolment.set(null);
          this.enabledNow.set(true);
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected cancelEnrolment(): void {
    this.enrolment.set(null);
    this.problem.set(null);
  }
}
