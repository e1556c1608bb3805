import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { OneTimeCredential, ProblemDetails } from '@emis/contracts';
import { Role } from '@emis/domain';
import { ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent, DialogComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { AccountsApi } from '../data-access/accounts.api';
import { reasonProblem } from '../ui/reason';
import { ReasonFieldComponent } from '../ui/reason-field.component';
import { OneTimeCredentialsComponent } from '../ui/one-time-credentials.component';
import { AccountCommand, isDestructive } from './account-actions';

/** What the dialog needs of an account: a list row will do, except for a role change (grantable roles). */
export interface CommandTarget {
  id: string;
  fullName: string;
  role?: Role;
  grantableRoles?: readonly Role[];
}

/**
 * One administrator's action on an account: says what will happen, asks for the reason (the audit keeps it), sends
 * it, and — for a password reset — shows the one-time password once before closing.
 */
@Component({
  selector: 'emis-account-command-dialog',
  imports: [
    TranslocoPipe,
    ConfirmDialogComponent,
    DialogComponent,
    ProblemAlertComponent,
    OneTimeCredentialsComponent,
    ReasonFieldComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (command(); as command) {
      <emis-confirm-dialog
        [open]="!credential()"
        [title]="'accounts.confirm.' + command | transloco: { name: account().fullName }"
        [confirmLabel]="'accounts.actions.' + command | transloco"
        [busy]="busy()"
        [danger]="destructive()"
        [confirmDisabled]="!ready()"
        [unsaved]="unsaved()"
        testId="account-command"
        (confirmed)="submit()"
        (cancelled)="closed.emit()"
      >
        <p>{{ 'accounts.explain.' + command | transloco }}</p>
        @if (command === 'role') {
          <div class="field">
            <label for="account-command-role">{{ 'accounts.newRole' | transloco }}</label>
            <select
              id="account-command-role"
              class="select"
              (change)="role.set($any($event.target).value || null)"
              data-testid="account-command-role"
            >
              <option value="" [selected]="!role()"></option>
              @for (r of otherRoles(); track r) {
                <option [value]="r" [selected]="role() === r">{{ 'roles.' + r | transloco }}</option>
              }
            </select>
          </div>
        }
        <emis-reason-field [(reason)]="reason" testId="account-command-reason" />
        <emis-problem-alert [problem]="problem()" testId="account-command-error" />
      </emis-confirm-dialog>

      <emis-dialog
        [open]="!!credential()"
        [heading]="'accounts.credentials.title' | transloco"
        testId="account-credential"
        (closed)="credentialKept()"
      >
        @if (credential(); as credential) {
          <emis-one-time-credentials [credentials]="[credential]" />
        }
        <div class="dialog-actions">
          <button
            type="button"
            class="btn btn-primary"
            (click)="credentialKept()"
            data-testid="account-credential-close"
          >
            {{ 'accounts.credentials.kept' | transloco }}
          </button>
        </div>
      </emis-dialog>
    }
  `,
  styles: `
    .dialog-actions {
      display: flex;
      justify-content: flex-end;
      margin-top: 1rem;
    }
  `,
})
export class AccountCommandDialogComponent {
  private readonly api = inject(AccountsApi);

  readonly account = input.required<CommandTarget>();
  /** The action to confirm; null: no dialog. */
  readonly command = input<AccountCommand | null>(null);
  /** The action went through (after the one-time password was shown, for a reset). */
  readonly done = output<AccountCommand>();
  readonly closed = output<void>();

  protected readonly reason = signal('');
  protected readonly role = signal<Role | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly credential = signal<OneTimeCredential | null>(null);

  protected readonly destructive = computed(() => {
    const command = this.command();
    return command !== null && isDestructive(command);
  });
  protected readonly otherRoles = computed(() =>
    (this.account().grantableRoles ?? []).filter((role) => role !== this.account().role),
  );
  /** A reason typed or a role chosen and not sent: closing asks first, and the page under it is guarded. */
  protected readonly unsaved = computed(() => this.reason().trim() !== '' || this.role() !== null);
  protected readonly ready = computed(
    () => reasonProblem(this.reason()) === null && (this.command() !== 'role' || this.role() !== null),
  );

  constructor() {
    // A fresh form each time the dialog opens, whichever account or action it is for.
    effect(() => {
      this.command();
      this.account();
      this.reason.set('');
      this.role.set(null);
      this.problem.set(null);
      this.credential.set(null);
    });
  }

  protected submit(): void {
    const command = this.command();
    if (!command || !this.ready()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.send(command, this.reason().trim())
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (answer) => {
          if (command === 'reset-password') {
            this.credential.set(answer as OneTimeCredential);
            return;
          }
          this.done.emit(command);
          this.closed.emit();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  /** The page reloads the account only now: the one-time password stays on screen until the administrator is done. */
  protected credentialKept(): void {
    this.done.emit('reset-password');
    this.closed.emit();
  }

  private send(command: AccountCommand, reason: string): Observable<unknown> {
    const id = this.account().id;
    if (command === 'role') return this.api.changeRole(id, this.role() as Role, reason);
    if (command === 'reset-password') return this.api.resetPassword(id, reason);
    return this.api.act(id, command, reason);
  }
}
