import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ProblemDetails } from '@emis/contracts';
import { Role } from '@emis/domain';
import { guardUnsaved, loadOnChange, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { AccountsApi } from '../data-access/accounts.api';
import { mfaPolicyUpdate } from './mfa-policy.model';

/** The department's second-factor policy, role by role (docs/domain/sign-in.md, "Second factor"). */
@Component({
  selector: 'emis-mfa-policy-page',
  imports: [RouterLink, TranslocoPipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './mfa-policy.page.html',
  styleUrl: '../ui/accounts-page.css',
})
export class MfaPolicyPage {
  private readonly api = inject(AccountsApi);

  protected readonly policy = loadOnChange(
    () => true,
    () => this.api.mfaPolicy(),
  );
  protected readonly edited = signal<Partial<Record<Role, boolean>>>({});
  protected readonly update = computed(() => mfaPolicyUpdate(this.policy.value() ?? [], this.edited()));
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** A requirement switched and not saved: leaving asks first (docs/domain/gradebook.md, "Leaving a page"). */
  private readonly leaving = guardUnsaved(() => ({ dirty: !!this.update() }));

  protected required(role: Role, saved: boolean): boolean {
    return this.edited()[role] ?? saved;
  }

  protected toggle(role: Role, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.saved.set(false);
    this.edited.update((edited) => ({ ...edited, [role]: checked }));
  }

  protected save(): void {
    const update = this.update();
    if (!update) return;
    this.saving.set(true);
    this.problem.set(null);
    this.api
      .saveMfaPolicy(update)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (policy) => {
          this.policy.set(policy);
          this.edited.set({});
          this.saved.set(true);
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
