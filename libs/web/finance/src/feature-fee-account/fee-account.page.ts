import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ChargeAdjustment, Payment, ProblemDetails } from '@emis/contracts';
import {
  AuthStore,
  EmisDatePipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { ConfirmDialogComponent, DongPipe } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { CollectionApi } from '../data-access/collection.api';
import { ChargeTableComponent } from '../ui/charge-table.component';
import { PaymentCorrection, PaymentCorrectionDialogComponent } from '../ui/payment-correction-dialog.component';
import { PaymentRowsComponent } from '../ui/payment-rows.component';

/**
 * One pupil's fee account for a school year: every charge with its computation, the adjustments and the payments,
 * the totals, and the payment code families write in a bank transfer. Corrections are entries: an adjustment is
 * reversed, a receipt refunded or reversed, nothing is edited.
 */
@Component({
  selector: 'emis-fee-account-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    ConfirmDialogComponent,
    ChargeTableComponent,
    PaymentRowsComponent,
    PaymentCorrectionDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fee-account.page.html',
  styleUrl: '../ui/finance-page.css',
})
export class FeeAccountPage {
  private readonly api = inject(CollectionApi);
  private readonly auth = inject(AuthStore);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
  protected readonly canManage = computed(() => this.auth.can('finance.manage'));

  readonly studentId = input.required<string>();
  readonly yearId = input<string>();

  protected readonly account = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, studentId: this.studentId(), yearId: this.yearId() } : undefined;
    },
    ({ schoolId, studentId, yearId }) => this.api.feeAccount(schoolId, studentId, yearId),
  );
  protected readonly payments = computed(() =>
    [...(this.account.value()?.payments ?? [])].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)),
  );

  protected readonly correcting = signal<{ payment: Payment; kind: PaymentCorrection } | null>(null);
  protected readonly reversing = signal<ChargeAdjustment | null>(null);
  protected readonly reason = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected corrected(): void {
    this.correcting.set(null);
    this.account.reload();
  }

  protected startReversing(adjustment: ChargeAdjustment): void {
    this.reason.set('');
    this.problem.set(null);
    this.reversing.set(adjustment);
  }

  protected reverseAdjustment(): void {
    const schoolId = this.schoolId();
    const adjustment = this.reversing();
    if (!schoolId || !adjustment || this.reason().trim() === '') return;
    this.busy.set(true);
    this.api
      .reverseAdjustment(schoolId, adjustment.id, this.reason().trim())
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => {
          this.reversing.set(null);
          this.account.reload();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
