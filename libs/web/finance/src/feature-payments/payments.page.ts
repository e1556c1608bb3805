import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Payment, ProblemDetails } from '@emis/contracts';
import { PAYMENT_METHODS } from '@emis/domain';
import {
  AuthStore,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { PaginatorComponent, saveDownload, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { CollectionApi, PaymentFilters } from '../data-access/collection.api';
import { PaymentCorrection, PaymentCorrectionDialogComponent } from '../ui/payment-correction-dialog.component';
import { PaymentRowsComponent } from '../ui/payment-rows.component';
import { pick, positiveInt } from '../ui/url-filters';

/**
 * Receipts and refund vouchers of the school, filtered by dates, method and pupil; the filters live in the URL and
 * the Excel export asks the same question. A receipt is corrected by a refund or a reversal, never edited.
 */
@Component({
  selector: 'emis-payments-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    PaginatorComponent,
    PaymentRowsComponent,
    PaymentCorrectionDialogComponent,
    DateInputDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './payments.page.html',
  styleUrl: '../ui/finance-page.css',
})
export class PaymentsPage {
  private readonly api = inject(CollectionApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
  protected readonly canManage = computed(() => this.auth.can('finance.manage'));
  protected readonly methods = PAYMENT_METHODS;

  readonly from = input<string>();
  readonly to = input<string>();
  readonly method = input<string>();
  readonly q = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly pageNumber = computed(() => positiveInt(this.page(), 1));
  protected readonly size = computed(() => Math.min(positiveInt(this.pageSize(), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE));
  private readonly filters = computed<PaymentFilters>(() => ({
    from: this.from() || undefined,
    to: this.to() || undefined,
    method: pick(PAYMENT_METHODS, this.method()),
    q: this.q()?.trim() || undefined,
  }));
  protected readonly result = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, ...this.filters(), page: this.pageNumber(), pageSize: this.size() } : undefined;
    },
    ({ schoolId, ...filters }) => this.api.payments(schoolId, filters),
  );

  protected readonly correcting = signal<{ payment: Payment; kind: PaymentCorrection } | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly exporting = signal(false);
  protected readonly fileProblem = signal<ProblemDetails | null>(null);

  protected changeFilter(name: 'from' | 'to' | 'method' | 'q', value: string): void {
    this.navigate({ [name]: value.trim() || null, page: null });
  }

  protected goToPage(page: number): void {
    this.navigate({ page: page === 1 ? null : page });
  }

  protected changePageSize(pageSize: number): void {
    this.navigate({ pageSize: pageSize === DEFAULT_PAGE_SIZE ? null : pageSize, page: null });
  }

  protected corrected(entry: Payment): void {
    const original = this.correcting()?.payment;
    const key = entry.kind === 'REFUND' ? 'refundDone' : 'reverseDone';
    this.notice.set(
      this.transloco.translate(`finance.collection.payments.${key}`, {
        number: entry.documentNumber ?? original?.documentNumber,
      }),
    );
    this.correcting.set(null);
    this.result.reload();
  }

  protected exportXlsx(): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.exporting.set(true);
    this.fileProblem.set(null);
    this.api
      .exportPayments(schoolId, this.filters())
      .pipe(finalize(() => this.exporting.set(false)))
      .subscribe({
        next: (response) => saveDownload(response, 'phieu-thu.xlsx'),
        error: (error: unknown) => this.fileProblem.set(toProblem(error)),
      });
  }

  private navigate(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}
