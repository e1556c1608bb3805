import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AssetTransfer, ProblemDetails } from '@emis/contracts';
import {
  AuthStore,
  EmisDatePipe,
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { DialogComponent, DongPipe } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { AssetsApi } from '../data-access/assets.api';
import { OperationsApi, TransferDirection } from '../data-access/operations.api';

type Decision = { kind: 'accept' | 'reject' | 'cancel'; transfer: AssetTransfer };

const STATUS_TONE: Record<AssetTransfer['status'], string> = {
  PENDING: 'badge-warning',
  ACCEPTED: 'badge-success',
  REJECTED: 'badge-neutral',
  CANCELLED: 'badge-neutral',
};

/**
 * Assets transferred between the current school and others. The receiving school accepts (placing the asset in one
 * of its rooms; cost and accumulated wear continue on its books) or rejects with a reason; the sending school may
 * cancel while the transfer waits.
 */
@Component({
  selector: 'emis-asset-transfers-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    EmisNumberPipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    DialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './asset-transfers.page.html',
  styleUrl: './asset-transfers.page.css',
})
export class AssetTransfersPage {
  private readonly api = inject(OperationsApi);
  private readonly register = inject(AssetsApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  /** ?tab=IN|OUT */
  readonly tab = input<string>();

  protected readonly direction = computed<TransferDirection>(() => (this.tab() === 'OUT' ? 'OUT' : 'IN'));
  protected readonly canDecide = computed(() => this.auth.can('assets.approve'));
  protected readonly tone = STATUS_TONE;

  protected readonly transfers = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, direction: this.direction() } : undefined;
    },
    ({ schoolId, direction }) => this.api.transfers(schoolId, direction),
  );
  protected readonly locations = loadOnChange(
    () => (this.canDecide() ? (this.schoolId() ?? undefined) : undefined),
    (schoolId) => this.register.locations(schoolId),
  );

  protected readonly decision = signal<Decision | null>(null);
  protected readonly locationId = signal('');
  protected readonly reason = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly message = signal<string | null>(null);

  protected showTab(direction: TransferDirection): void {
    void this.router.navigate([], {
      queryParams: { tab: direction === 'IN' ? null : direction },
      queryParamsHandling: 'merge',
    });
  }

  protected open(kind: Decision['kind'], transfer: AssetTransfer): void {
    this.decision.set({ kind, transfer });
    this.locationId.set('');
    this.reason.set('');
    this.problem.set(null);
    this.message.set(null);
  }

  protected confirm(): void {
    const decision = this.decision();
    const schoolId = this.schoolId();
    if (!decision || !schoolId) return;
    const { kind, transfer } = decision;
    if (kind === 'reject' && this.reason().trim() === '') return;
    const request: Observable<AssetTransfer> =
      kind === 'accept'
        ? this.api.acceptTransfer(schoolId, transfer.id, this.locationId() || null)
        : kind === 'reject'
          ? this.api.rejectTransfer(schoolId, transfer.id, this.reason().trim())
          : this.api.cancelTransfer(schoolId, transfer.id);
    this.busy.set(true);
    this.problem.set(null);
    request.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: () => {
        this.decision.set(null);
        this.message.set(`assets.operations.transfers.done.${kind}`);
        this.transfers.reload();
      },
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }
}
