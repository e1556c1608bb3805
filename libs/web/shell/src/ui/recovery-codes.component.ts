import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { formatEmisDate } from '@emis/web/core';
import { saveBlob } from '@emis/web/ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { recoveryCodesFileName, recoveryCodesText } from './recovery-codes';

/**
 * The recovery codes, shown this once (the server keeps only their hashes): copy, download or print them, and say
 * they are kept before going on — a user who loses the phone without them needs an administrator.
 */
@Component({
  selector: 'emis-recovery-codes',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      max-width: 32rem;
    }
    .codes {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0.375rem 1rem;
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      list-style: none;
      font-family: var(--font-mono);
      font-size: 1rem;
      letter-spacing: 0.04em;
      background: var(--surface-muted);
      border: 1px solid var(--border);
      border-radius: var(--radius);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-bottom: 1rem;
    }
    .kept {
      display: flex;
      align-items: flex-start;
      gap: 0.5rem;
      margin: 0 0 1rem;
      cursor: pointer;
    }
    .kept input {
      width: 1rem;
      height: 1rem;
      margin: 0.2rem 0 0;
      accent-color: var(--primary);
    }
  `,
  template: `
    <div class="alert alert-warning" role="note">
      <p class="alert-title">{{ 'mfa.recoveryCodes.onceTitle' | transloco }}</p>
      <p class="alert-detail">{{ 'mfa.recoveryCodes.onceText' | transloco }}</p>
    </div>
    <ol class="codes" data-testid="recovery-codes" [attr.aria-label]="'mfa.recoveryCodes.listLabel' | transloco">
      @for (code of codes(); track code) {
        <li data-testid="recovery-code-item">{{ code }}</li>
      }
    </ol>
    <div class="actions">
      <button type="button" class="btn btn-secondary btn-small" (click)="copy()" data-testid="recovery-codes-copy">
        {{ (copied() ? 'mfa.recoveryCodes.copied' : 'mfa.recoveryCodes.copy') | transloco }}
      </button>
      <button
        type="button"
        class="btn btn-secondary btn-small"
        (click)="download()"
        data-testid="recovery-codes-download"
      >
        {{ 'mfa.recoveryCodes.download' | transloco }}
      </button>
      <button type="button" class="btn btn-secondary btn-small" (click)="print()" data-testid="recovery-codes-print">
        {{ 'mfa.recoveryCodes.print' | transloco }}
      </button>
    </div>
    <label class="kept">
      <input #keptBox type="checkbox" (change)="isKept.set(keptBox.checked)" data-testid="recovery-codes-kept" />
      <span>{{ 'mfa.recoveryCodes.kept' | transloco }}</span>
    </label>
    <button
      type="button"
      class="btn btn-primary"
      [disabled]="!isKept()"
      (click)="kept.emit()"
      data-testid="recovery-codes-continue"
    >
      {{ continueLabel() | transloco }}
    </button>
  `,
})
export class RecoveryCodesComponent {
  readonly codes = input.required<string[]>();
  /** Whose codes these are, written on the sheet. */
  readonly username = input.required<string>();
  readonly continueLabel = input('mfa.recoveryCodes.continue');
  readonly kept = output<void>();

  private readonly document = inject(DOCUMENT);
  private readonly transloco = inject(TranslocoService);
  private readonly issuedAt = new Date();

  protected readonly isKept = signal(false);
  protected readonly copied = signal(false);
  private readonly text = computed(() =>
    recoveryCodesText({
      heading: [
        this.transloco.translate('mfa.recoveryCodes.sheetTitle'),
        this.transloco.translate('mfa.recoveryCodes.sheetAccount', { username: this.username() }),
        this.transloco.translate('mfa.recoveryCodes.sheetIssued', {
          date: formatEmisDate(this.issuedAt, 'datetime'),
        }),
        this.transloco.translate('mfa.recoveryCodes.sheetUse'),
      ],
      codes: this.codes(),
    }),
  );

  protected copy(): void {
    navigator.clipboard?.writeText(this.text()).then(
      () => this.copied.set(true),
      () => this.copied.set(false),
    );
  }

  protected download(): void {
    const file = new Blob([this.text()], { type: 'text/plain;charset=utf-8' });
    saveBlob(file, recoveryCodesFileName(this.username(), this.issuedAt));
  }

  /** Prints the sheet alone, from a hidden frame, rather than the whole page around it. */
  protected print(): void {
    const frame = this.document.createElement('iframe');
    frame.style.position = 'fixed';
    frame.style.width = '0';
    frame.style.height = '0';
    frame.style.border = '0';
    this.document.body.appendChild(frame);
    const page = frame.contentDocument;
    if (!page || !frame.contentWindow) return frame.remove();
    const sheet = page.createElement('pre');
    sheet.style.font = '14pt monospace';
    sheet.textContent = this.text();
    page.body.appendChild(sheet);
    frame.contentWindow.addEventListener('afterprint', () => frame.remove());
    frame.contentWindow.print();
  }
}
