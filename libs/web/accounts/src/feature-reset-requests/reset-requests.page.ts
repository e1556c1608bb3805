import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, PasswordResetRequestItem, ProblemDetails } from '@emis/contracts';
import { EmisDatePipe, EmisNumberPipe, loadOnChange, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent, PaginatorComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { AccountsApi } from '../data-access/accounts.api';
import { AccountCommand } from '../feature-account-detail/account-actions';
import {
  AccountCommandDialogComponent,
  CommandTarget,
} from '../feature-account-detail/account-command-dialog.component';
import { reasonProblem } from '../ui/reason';
import { ReasonFieldComponent } from '../ui/reason-field.component';

/**
 * "Forgot password" requests waiting for the administrator (docs/domain/sign-in.md): resetting the account's password
 * answers the request; a request that should not be answered (not the user's, a duplicate) is dismissed, with a reason.
 */
@Component({
  selector: 'emis-reset-requests-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    EmisNumberPipe,
    ProblemAlertComponent,
    PaginatorComponent,
    ConfirmDialogComponent,
    AccountCommandDialogComponent,
    ReasonFieldComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reset-requests.page.html',
  styleUrl: '../ui/accounts-page.css',
})
export class ResetRequestsPage {
  private readonly api = inject(AccountsApi);

  protected readonly page = signal(1);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly requests = loadOnChange(
    () => ({ page: this.page(), pageSize: this.pageSize() }),
    ({ page, pageSize }) => this.api.resetRequests(page, pageSize),
  );

  /** The account whose password is being reset from a request. */
  protected readonly resetting = signal<CommandTarget | null>(null);
  protected readonly resetCommand = computed<AccountCommand | null>(() => (this.resetting() ? 'reset-password' : null));

  protected readonly dismissing = signal<PasswordResetRequestItem | null>(null);
  protected readonly reason = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly message = signal<string | null>(null);

  protected reset(request: PasswordResetRequestItem): void {
    this.message.set(null);
    this.resetting.set({ id: request.accountId, fullName: request.fullName });
  }

  protected askDismiss(request: PasswordResetRequestItem): void {
    this.message.set(null);
    this.problem.set(null);
    this.reason.set('');
    this.dismissing.set(request);
  }

  protected reasonValid(): boolean {
    return reasonProblem(this.reason()) === null;
  }

  protected dismiss(): void {
    const request = this.dismissing();
    if (!request || !this.reasonValid()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .dismissResetRequest(request.id, this.reason().trim())
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => {
          this.dismissing.set(null);
          this.message.set('accounts.resetRequests.dismissed');
          this.requests.reload();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected resetDone(): void {
    this.requests.reload();
  }
}
