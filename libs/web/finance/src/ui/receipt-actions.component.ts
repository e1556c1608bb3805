import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Payment, ProblemDetails, ReceiptLink } from '@emis/contracts';
import { AuthStore, EmisDatePipe, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { showPdf } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { CollectionApi } from '../data-access/collection.api';

/**
 * A receipt's two ways out: the A5 PDF in a new tab (to print and hand over), and a signed link the family can open
 * without signing in (copied to the clipboard; shown when the browser refuses the clipboard).
 */
@Component({
  selector: 'emis-receipt-actions',
  imports: [TranslocoPipe, EmisDatePipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .actions {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: center;
    }
    .link {
      word-break: break-all;
      font-size: 0.8125rem;
    }
  `,
  template: `
    <span class="actions">
      <button
        type="button"
        class="btn btn-secondary btn-small"
        [disabled]="busy() !== null"
        (click)="print()"
        data-testid="receipt-print"
      >
        {{ 'finance.collection.payment.print' | transloco }}
      </button>
      @if (canLink()) {
        <button
          type="button"
          class="btn btn-ghost btn-small"
          [disabled]="busy() !== null"
          (click)="copyLink()"
          data-testid="receipt-link"
        >
          {{ 'finance.collection.payment.copyLink' | transloco }}
        </button>
      }
    </span>
    @if (link(); as l) {
      <p class="muted" role="status" data-testid="receipt-link-status">
        @if (copied()) {
          {{ 'finance.collection.payment.linkCopied' | transloco: { expires: (l.expiresAt | emisDate: 'datetime') } }}
        } @else {
          {{ 'finance.collection.payment.linkShown' | transloco: { expires: (l.expiresAt | emisDate: 'datetime') } }}
          <a class="link" [href]="l.url" target="_blank" rel="noopener">{{ l.url }}</a>
        }
      </p>
    }
    <emis-problem-alert [problem]="problem()" testId="receipt-error" />
  `,
})
export class ReceiptActionsComponent {
  private readonly api = inject(CollectionApi);
  /** A link anyone holding it can open is sent by the school's finance staff, not by every reader. */
  private readonly auth = inject(AuthStore);
  protected readonly canLink = computed(() => this.auth.can('finance.manage'));

  readonly schoolId = input.required<string>();
  readonly payment = input.required<Payment>();

  protected readonly busy = signal<'print' | 'link' | null>(null);
  protected readonly link = signal<ReceiptLink | null>(null);
  protected readonly copied = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  /** Call inside a click or key handler: the tab is opened while the gesture counts (see showPdf). */
  print(): void {
    const payment = this.payment();
    this.busy.set('print');
    this.problem.set(null);
    showPdf(this.api.receiptPdf(this.schoolId(), payment.id), `phieu-thu-${payment.documentNumber ?? payment.id}.pdf`)
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({ error: (error: unknown) => this.problem.set(toProblem(error)) });
  }

  protected copyLink(): void {
    this.busy.set('link');
    this.problem.set(null);
    this.api
      .receiptLink(this.schoolId(), this.payment().id)
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({
        next: (link) => {
          this.link.set(link);
          this.copied.set(false);
          navigator.clipboard?.writeText(link.url).then(
            () => this.copied.set(true),
            () => this.copied.set(false),
          );
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
