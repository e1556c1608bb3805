import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { Payment, ProblemDetails, RefundInput } from '@emis/contracts';
import { PAYMENT_METHODS, PaymentMethod, todayInVietnam } from '@emis/domain';
import { fieldErrorMap, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ConfirmDialogComponent, DongPipe, parseDong, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { CollectionApi } from '../data-access/collection.api';

export type PaymentCorrection = 'refund' | 'reverse';

/**
 * Correcting a receipt is never an edit: a refund is a new voucher (numbered in the VOUCHER series) paying money
 * back; a reversal is an entry cancelling the receipt, which keeps its number and is marked reversed, and its
 * allocations are reversed so the debt comes back. Both need a reason, asked here before anything is written.
 */
@Component({
  selector: 'emis-payment-correction-dialog',
  imports: [TranslocoPipe, DongPipe, ConfirmDialogComponent, ProblemAlertComponent, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let p = payment();
    <emis-confirm-dialog
      [unsaved]="unsaved()"
      [open]="true"
      [title]="
        (kind() === 'refund' ? 'finance.collection.payments.refundTitle' : 'finance.collection.payments.reverseTitle')
          | transloco: { number: p.documentNumber }
      "
      [confirmLabel]="
        (kind() === 'refund' ? 'finance.collection.payments.refund' : 'finance.collection.payments.reverse') | transloco
      "
      [busy]="busy()"
      [danger]="kind() === 'reverse'"
      [confirmDisabled]="!valid()"
      [testId]="'payment-' + kind() + '-dialog'"
      (confirmed)="submit()"
      (cancelled)="cancelled.emit()"
    >
      @if (kind() === 'refund') {
        <p>{{ 'finance.collection.payments.refundConfirm' | transloco }}</p>
        <div class="field">
          <label for="refund-amount">{{ 'finance.collection.fields.amount' | transloco }}</label>
          <input
            id="refund-amount"
            class="input"
            inputmode="numeric"
            [value]="amountText()"
            (input)="amountText.set($any($event.target).value)"
            data-testid="refund-amount"
          />
          <p class="field-error" aria-live="polite">{{ errors()['amount'] }}</p>
        </div>
        <fieldset class="field">
          <legend>{{ 'finance.collection.fields.method' | transloco }}</legend>
          @for (m of methods; track m) {
            <label class="field-inline">
              <input
                type="radio"
                name="refund-method"
                [value]="m"
                [checked]="method() === m"
                (change)="method.set(m)"
              />
              {{ 'finance.collection.method.' + m | transloco }}
            </label>
          }
        </fieldset>
        @if (method() === 'BANK') {
          <div class="field">
            <label for="refund-bank-reference">{{ 'finance.collection.fields.bankReference' | transloco }}</label>
            <input
              id="refund-bank-reference"
              class="input"
              maxlength="100"
              [value]="bankReference()"
              (input)="bankReference.set($any($event.target).value)"
            />
          </div>
        }
        <div class="field">
          <label for="refund-paid-on">{{ 'finance.collection.fields.date' | transloco }}</label>
          <input
            id="refund-paid-on"
            class="input"
            emisDateInput
            [isoValue]="paidOn()"
            (isoInput)="paidOn.set($event)"
          />
        </div>
      } @else {
        <p>
          {{
            'finance.collection.payments.reverseConfirm'
              | transloco: { number: p.documentNumber, amount: (p.amount | emisDong) }
          }}
        </p>
      }
      <div class="field">
        <label for="correction-reason">{{ 'finance.collection.fields.reason' | transloco }}</label>
        <textarea
          id="correction-reason"
          class="input"
          rows="2"
          maxlength="500"
          [value]="reason()"
          (input)="reason.set($any($event.target).value)"
          data-testid="correction-reason"
        ></textarea>
        <p class="field-error" aria-live="polite">{{ errors()['reason'] }}</p>
      </div>
      <emis-problem-alert [problem]="problem()" [shownFields]="['amount', 'reason']" testId="correction-error" />
    </emis-confirm-dialog>
  `,
})
export class PaymentCorrectionDialogComponent {
  private readonly api = inject(CollectionApi);

  readonly schoolId = input.required<string>();
  readonly payment = input.required<Payment>();
  readonly kind = input.required<PaymentCorrection>();
  /** The refund voucher or the reversal entry. */
  readonly done = output<Payment>();
  readonly cancelled = output<void>();

  protected readonly methods = PAYMENT_METHODS;
  protected readonly amountText = signal('');
  protected readonly method = signal<PaymentMethod>('CASH');
  protected readonly bankReference = signal('');
  private readonly today = todayInVietnam();
  protected readonly paidOn = signal(this.today);
  protected readonly reason = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));
  /** Typed or chosen and not sent: Cancel and Escape ask first, and the page under it is guarded. */
  protected readonly unsaved = computed(
    () =>
      this.amountText().trim() !== '' ||
      this.bankReference().trim() !== '' ||
      this.paidOn() !== this.today ||
      this.reason().trim() !== '',
  );
  private readonly amount = computed(() => parseDong(this.amountText()));
  protected readonly valid = computed(() => {
    if (this.reason().trim() === '') return false;
    if (this.kind() === 'reverse') return true;
    const amount = this.amount();
    return amount.ok && amount.value !== null && amount.value > 0 && this.paidOn() !== '';
  });

  protected submit(): void {
    if (!this.valid() || this.busy()) return;
    const amount = this.amount();
    const refund: RefundInput = {
      amount: amount.ok ? (amount.value ?? 0) : 0,
      paidOn: this.paidOn(),
      method: this.method(),
      bankReference: this.method() === 'BANK' ? this.bankReference().trim() || null : null,
      reason: this.reason().trim(),
    };
    const call =
      this.kind() === 'refund'
        ? this.api.refund(this.schoolId(), this.payment().id, refund)
        : this.api.reversePayment(this.schoolId(), this.payment().id, refund.reason);
    this.busy.set(true);
    this.problem.set(null);
    call.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: (entry) => this.done.emit(entry),
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }
}
