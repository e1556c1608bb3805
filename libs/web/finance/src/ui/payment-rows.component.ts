import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Payment } from '@emis/contracts';
import { EmisDatePipe } from '@emis/web/core';
import { DongPipe } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { PaymentCorrection } from './payment-correction-dialog.component';
import { ReceiptActionsComponent } from './receipt-actions.component';

/**
 * Receipts, refund vouchers and reversals as a table: number, date, pupil, method, amount (refunds and reversals
 * negative), and for a receipt still standing its print, link, refund and reversal. Used by the payments list and a
 * pupil's account.
 */
@Component({
  selector: 'emis-payment-rows',
  imports: [RouterLink, TranslocoPipe, EmisDatePipe, DongPipe, ReceiptActionsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './finance-page.css',
  template: `
    <div class="table-wrap">
      <table class="table" data-testid="payments-table">
        <thead>
          <tr>
            <th scope="col">{{ 'finance.collection.fields.documentNumber' | transloco }}</th>
            <th scope="col">{{ 'finance.collection.fields.kind' | transloco }}</th>
            <th scope="col">{{ 'finance.collection.fields.paidOn' | transloco }}</th>
            @if (showPupil()) {
              <th scope="col">{{ 'finance.collection.fields.pupil' | transloco }}</th>
            }
            <th scope="col">{{ 'finance.collection.fields.method' | transloco }}</th>
            <th scope="col" class="num">{{ 'finance.collection.fields.amount' | transloco }}</th>
            <th scope="col">
              <span class="visually-hidden">{{ 'finance.collection.fields.actions' | transloco }}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          @for (p of payments(); track p.id) {
            <tr data-testid="payment-row" [attr.data-number]="p.documentNumber" [attr.data-kind]="p.kind">
              <td class="nowrap" [class.reversed]="p.reversedById !== null">
                {{ p.documentNumber ?? '—' }}
                @if (p.reversedById) {
                  <span class="visually-hidden">({{ 'finance.collection.common.reversed' | transloco }})</span>
                }
              </td>
              <td>{{ 'finance.collection.paymentKind.' + p.kind | transloco }}</td>
              <td class="nowrap">{{ p.paidOn | emisDate }}</td>
              @if (showPupil()) {
                <td>
                  <a [routerLink]="['/finance/pupils', p.studentId]">{{ p.studentName }}</a>
                  <span class="muted"> · {{ p.studentCode }}</span>
                </td>
              }
              <td>
                {{ 'finance.collection.method.' + p.method | transloco }}
                @if (p.bankReference) {
                  <span class="muted"> · {{ p.bankReference }}</span>
                }
              </td>
              <td class="num">{{ p.amount | emisDong }}</td>
              <td>
                @if (p.kind === 'PAYMENT') {
                  <div class="row-actions">
                    <emis-receipt-actions [schoolId]="schoolId()" [payment]="p" />
                    @if (canManage() && p.reversedById === null) {
                      <button
                        type="button"
                        class="btn btn-ghost btn-small"
                        (click)="correct.emit({ payment: p, kind: 'refund' })"
                        data-testid="payment-refund"
                      >
                        {{ 'finance.collection.payments.refund' | transloco }}
                      </button>
                      <button
                        type="button"
                        class="btn btn-ghost btn-small"
                        (click)="correct.emit({ payment: p, kind: 'reverse' })"
                        data-testid="payment-reverse"
                      >
                        {{ 'finance.collection.payments.reverse' | transloco }}
                      </button>
                    }
                  </div>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class PaymentRowsComponent {
  readonly schoolId = input.required<string>();
  readonly payments = input.required<readonly Payment[]>();
  readonly showPupil = input(true);
  readonly canManage = input(false);
  readonly correct = output<{ payment: Payment; kind: PaymentCorrection }>();
}
