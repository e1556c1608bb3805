import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { PasswordChangeRequest, ProblemDetails } from '@emis/contracts';
import { AuthStore, guardUnsaved, toProblem } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { PasswordChangeFormComponent } from '../ui/password-change-form.component';
import { MySessionsComponent } from './my-sessions.component';
import { SecondFactorComponent } from './second-factor.component';

/** The signed-in user's own account: profile, password, second factor, open sessions. */
@Component({
  selector: 'emis-account-page',
  imports: [TranslocoPipe, PasswordChangeFormComponent, SecondFactorComponent, MySessionsComponent],
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

  protected readonly passwordBusy = signal(false);
  protected readonly passwordProblem = signal<ProblemDetails | null>(null);
  protected readonly passwordChanged = signal(false);
  private readonly passwordForm = viewChild(PasswordChangeFormComponent);
  private readonly sessions = viewChild(MySessionsComponent);
  /** A password typed and not changed yet: leaving the page, signing out or the session's end asks first. */
  private readonly leaving = guardUnsaved(() => this.passwordForm());

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
          // The server ended every other session with the change: the list shows it.
          this.sessions()?.load();
        },
        error: (error: unknown) => this.passwordProblem.set(toProblem(error)),
      });
  }
}
