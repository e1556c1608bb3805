import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MfaEnrollmentStart, ProblemDetails } from '@emis/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { MfaCodeFormComponent } from './mfa-code-form.component';

/** Setting up an authenticator app: scan the QR code (or type the key), then prove it with a code. */
@Component({
  selector: 'emis-mfa-enrolment',
  imports: [TranslocoPipe, MfaCodeFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      max-width: 40rem;
    }
    .enrol-steps {
      margin: 0 0 1rem;
      padding-left: 1.25rem;
      display: grid;
      gap: 0.5rem;
    }
    .qr {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: center;
      margin-bottom: 1rem;
    }
    .qr img {
      width: 180px;
      height: 180px;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: #fff;
      image-rendering: pixelated;
    }
    .secret-box {
      flex: 1 1 12rem;
      min-width: 0;
    }
    .secret {
      display: block;
      font-family: var(--font-mono);
      font-size: 0.95rem;
      letter-spacing: 0.08em;
      word-break: break-all;
      padding: 0.5rem 0.75rem;
      background: var(--surface-muted);
      border: 1px solid var(--border);
      border-radius: var(--radius);
      margin: 0.25rem 0 0.5rem;
    }
  `,
  template: `
    <ol class="enrol-steps">
      <li>{{ 'mfa.enrol.stepInstall' | transloco }}</li>
      <li>{{ 'mfa.enrol.stepScan' | transloco }}</li>
      <li>{{ 'mfa.enrol.stepCode' | transloco }}</li>
    </ol>
    <div class="qr">
      <img
        [src]="enrolment().qrDataUrl"
        [alt]="'mfa.enrol.qrAlt' | transloco"
        width="180"
        height="180"
        data-testid="mfa-qr"
      />
      <div class="secret-box">
        <span class="field-hint" id="mfa-secret-label">{{ 'mfa.enrol.secretLabel' | transloco }}</span>
        <code class="secret" aria-labelledby="mfa-secret-label" data-testid="mfa-secret">{{ enrolment().secret }}</code>
        <button type="button" class="btn btn-secondary btn-small" (click)="copySecret()">
          {{ (copied() ? 'mfa.enrol.copied' : 'mfa.enrol.copy') | transloco }}
        </button>
      </div>
    </div>
    <emis-mfa-code-form
      [busy]="busy()"
      [problem]="problem()"
      submitLabel="mfa.enrol.confirm"
      (submitted)="confirmed.emit($event)"
    />
  `,
})
export class MfaEnrolmentComponent {
  readonly enrolment = input.required<MfaEnrollmentStart>();
  readonly busy = input(false);
  readonly problem = input<ProblemDetails | null>(null);
  readonly confirmed = output<string>();

  protected readonly copied = signal(false);

  protected copySecret(): void {
    navigator.clipboard?.writeText(this.enrolment().secret).then(
      () => this.copied.set(true),
      () => this.copied.set(false),
    );
  }
}
