import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthStore, EmisDatePipe, loadOnChange, ProblemAlertComponent } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AccountsApi } from '../data-access/accounts.api';
import { AccountCommand, accountCommands } from './account-actions';
import { AccountCommandDialogComponent } from './account-command-dialog.component';

/**
 * One account: who, where, its state, its open sessions, and what the administrator may do to it. Every action asks
 * for a reason that goes to the audit trail (docs/domain/accounts.md).
 */
@Component({
  selector: 'emis-account-detail-page',
  imports: [RouterLink, TranslocoPipe, EmisDatePipe, ProblemAlertComponent, AccountCommandDialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-detail.page.html',
  styleUrl: '../ui/accounts-page.css',
})
export class AccountDetailPage {
  private readonly api = inject(AccountsApi);
  private readonly auth = inject(AuthStore);

  readonly accountId = input.required<string>();

  protected readonly account = loadOnChange(
    () => this.accountId(),
    (id) => this.api.get(id),
  );
  protected readonly canManage = computed(() => this.auth.can('accounts.manage'));
  /** An account's sessions are shown to those who may end them (the API answers them to accounts.manage only). */
  protected readonly sessions = loadOnChange(
    () => (this.canManage() ? this.accountId() : undefined),
    (id) => this.api.sessions(id),
  );
  protected readonly self = computed(() => this.account.value()?.id === this.auth.user()?.id);
  protected readonly commands = computed(() => {
    const account = this.account.value();
    return account && this.canManage() ? accountCommands(account, this.self()) : [];
  });
  protected readonly notFound = computed(() => this.account.error()?.status === 404);

  protected readonly command = signal<AccountCommand | null>(null);
  protected readonly done = signal<AccountCommand | null>(null);

  protected open(command: AccountCommand): void {
    this.done.set(null);
    this.command.set(command);
  }

  protected finished(command: AccountCommand): void {
    this.done.set(command);
    this.account.reload();
    this.sessions.reload();
  }
}
