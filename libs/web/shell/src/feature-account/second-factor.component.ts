import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MfaEnrollmentStart, ProblemDetails } from '@emis/contracts';
import { AuthStore, ProblemAlertComponent, secondFactorFrom, toProblem } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { MfaCodeFormComponent } from '../ui/mfa-code-form.component';
import { MfaEnrolmentComponent } from '../ui/mfa-enrolment.component';
import { RecoveryCodesComponent } from '../ui/recovery-codes.component';

/**
 * Where the section is: at rest; asking the current factor (to change the app, or for new recovery codes); enrolling
 * an app (the first, or a new one); showing recovery codes, once, with what was done.
 */
type Stage =
  | { kind: 'rest' }
  | { kind: 'current'; purpose: 'change' | 'codes' }
  | { kind: 'enrol'; enrolment: MfaEnrollmentStart; replacing: boolean }
  | { kind: 'codes'; codes: string[]; doneKey: string };

/**
 * The account page's second factor (docs/domain/sign-in.md): turn it on; change the authenticator app or get new
 * recovery codes, each only against the current factor, so that a session left open is not enough to take the
 * account over.
 */
@Component({
  selector: 'emis-second-factor',
  imports: [TranslocoPipe, ProblemAlertComponent, MfaCodeFormComponent, MfaEnrolmentComponent, RecoveryCodesComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
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
    .factor-actions {
      display: grid;
      gap: 1rem;
      max-width: 40rem;
    }
    .factor-actions h3 {
      margin: 0 0 0.25rem;
      font-size: 1rem;
    }
    .factor-actions p {
      margin: 0 0 0.5rem;
      color: var(--text-muted);
    }
  `,
  template: `
    @if (user(); as user) {
      <div class="mfa-state">
        @if (user.mfaEnabled) {
          <span class="badge badge-success" data-testid="mfa-status">{{ 'account.mfaOn' | transloco }}</span>
          <p>{{ 'account.mfaOnText' | transloco }}</p>
        } @else {
          <span class="badge badge-warning" data-testid="mfa-status">{{ 'account.mfaOff' | transloco }}</span>
          <p>{{ 'account.mfaOffText' | transloco }}</p>
        }
      </div>

      @let s = stage();
      @switch (s.kind) {
        @case ('rest') {
          <emis-problem-alert [problem]="problem()" testId="mfa-error" />
          @if (user.mfaEnabled) {
            <div class="factor-actions">
              <div>
                <h3>{{ 'account.factor.changeTitle' | transloco }}</h3>
                <p>{{ 'account.factor.changeIntro' | transloco }}</p>
                <button type="button" class="btn btn-secondary" (click)="ask('change')" data-testid="mfa-change">
                  {{ 'account.factor.changeStart' | transloco }}
                </button>
              </div>
              <div>
                <h3>{{ 'account.factor.codesTitle' | transloco }}</h3>
                <p>{{ 'account.factor.codesIntro' | transloco }}</p>
                <button type="button" class="btn btn-secondary" (click)="ask('codes')" data-testid="mfa-new-codes">
                  {{ 'account.factor.codesStart' | transloco }}
                </button>
              </div>
            </div>
          } @else {
            <button
              type="button"
              class="btn btn-primary"
              [disabled]="busy()"
              (click)="startEnrolment()"
              data-testid="mfa-start"
            >
              {{ (busy() ? 'common.working' : 'account.mfaStart') | transloco }}
            </button>
          }
        }
        @case ('current') {
          <h3>
            {{ (s.purpose === 'change' ? 'account.factor.changeTitle' : 'account.factor.codesTitle') | transloco }}
          </h3>
          <emis-mfa-code-form
            kind="either"
            submitLabel="account.factor.continue"
            [busy]="busy()"
            [problem]="problem()"
            (submitted)="proveCurrent(s.purpose, $event)"
          />
          <button type="button" class="btn btn-link" (click)="rest()">{{ 'common.cancel' | transloco }}</button>
        }
        @case ('enrol') {
          <emis-mfa-enrolment
            [enrolment]="s.enrolment"
            [busy]="busy()"
            [problem]="problem()"
            (confirmed)="confirmEnrolment(s.replacing, $event)"
          />
          <button type="button" class="btn btn-link" (click)="rest()">{{ 'common.cancel' | transloco }}</button>
        }
        @case ('codes') {
          <div class="alert alert-success" role="status" data-testid="mfa-done">{{ s.doneKey | transloco }}</div>
          <emis-recovery-codes
            [codes]="s.codes"
            [username]="user.username"
            continueLabel="mfa.recoveryCodes.done"
            (kept)="rest()"
          />
        }
      }
    }
  `,
})
export class SecondFactorComponent {
  private readonly auth = inject(AuthStore);

  protected readonly user = this.auth.user;
  protected readonly stage = signal<Stage>({ kind: 'rest' });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected ask(purpose: 'change' | 'codes'): void {
    this.problem.set(null);
    this.stage.set({ kind: 'current', purpose });
  }

  protected rest(): void {
    this.problem.set(null);
    this.stage.set({ kind: 'rest' });
  }

  /** The first authenticator: no factor exists yet to prove. */
  protected startEnrolment(): void {
    this.run(this.auth.startMfaEnrolment(), (enrolment) =>
      this.stage.set({ kind: 'enrol', enrolment, replacing: false }),
    );
  }

  protected proveCurrent(purpose: 'change' | 'codes', typed: string): void {
    const current = secondFactorFrom(typed);
    if (purpose === 'change') {
      this.run(this.auth.startMfaReEnrolment(current), (enrolment) =>
        this.stage.set({ kind: 'enrol', enrolment, replacing: true }),
      );
    } else {
      this.run(this.auth.issueRecoveryCodes(current), ({ codes }) =>
        this.showCodes(codes, 'account.factor.codesIssued'),
      );
    }
  }

  protected confirmEnrolment(replacing: boolean, code: string): void {
    if (replacing) {
      this.run(this.auth.confirmMfaReEnrolment(code), ({ codes }) => this.showCodes(codes, 'account.factor.changed'));
    } else {
      // An API that issues no recovery codes (one older than them) leaves nothing to keep.
      this.run(this.auth.confirmMfaEnrolment(code), ({ recoveryCodes }) =>
        recoveryCodes?.length ? this.showCodes(recoveryCodes, 'account.mfaEnabledNow') : this.rest(),
      );
    }
  }

  private showCodes(codes: string[], doneKey: string): void {
    this.stage.set({ kind: 'codes', codes, doneKey });
  }

  private run<T>(call: Observable<T>, done: (value: T) => void): void {
    this.busy.set(true);
    this.problem.set(null);
    call.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: done,
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }
}
