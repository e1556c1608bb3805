import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, ProblemDetails, StudentTransfer } from '@emis/contracts';
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
import { DialogComponent, PaginatorComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { loadCurrentClasses } from '../data-access/school-classes.api';
import { TransferDirection, TransfersApi } from '../data-access/transfers.api';
import { StatusBadgeComponent } from '../ui/status-badge.component';

type Decision = { kind: 'accept' | 'reject' | 'cancel'; transfer: StudentTransfer };

/**
 * Incoming and outgoing transfers of the current school. The receiving school accepts (enrolling the student into
 * one of its classes) or rejects with a note; the sending school may cancel while the transfer is pending.
 */
@Component({
  selector: 'emis-transfers-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    EmisNumberPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    PaginatorComponent,
    StatusBadgeComponent,
    DialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './transfers.page.html',
  styleUrl: './transfers.page.css',
})
export class TransfersPage {
  private readonly api = inject(TransfersApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  /** ?tab=IN|OUT */
  readonly tab = input<string>();

  protected readonly direction = computed<TransferDirection>(() => (this.tab() === 'OUT' ? 'OUT' : 'IN'));
  protected readonly pageNumber = signal(1);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly canDecide = computed(() => this.auth.can('students.transfer'));

  protected readonly result = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId
        ? { schoolId, direction: this.direction(), page: this.pageNumber(), pageSize: this.pageSize() }
        : undefined;
    },
    ({ schoolId, ...request }) => this.api.list(schoolId, request),
  );
  protected readonly classes = loadCurrentClasses(this.schoolId).classes;

  protected readonly decision = signal<Decision | null>(null);
  protected readonly classId = signal('');
  protected readonly note = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly message = signal<string | null>(null);

  protected showTab(direction: TransferDirection): void {
    this.pageNumber.set(1);
    void this.router.navigate([], {
      queryParams: { tab: direction === 'IN' ? null : direction },
      queryParamsHandling: 'merge',
    });
  }

  protected open(kind: Decision['kind'], transfer: StudentTransfer): void {
    this.decision.set({ kind, transfer });
    this.classId.set('');
    this.note.set('');
    this.problem.set(null);
    this.message.set(null);
  }

  protected confirm(): void {
    const decision = this.decision();
    const schoolId = this.schoolId();
    if (!decision || !schoolId) return;
    const { kind, transfer } = decision;
    if (kind === 'reject' && this.note().trim() === '') return;
    const request: Observable<StudentTransfer> =
      kind === 'accept'
        ? this.api.accept(schoolId, transfer.id, { classId: this.classId() || null })
        : kind === 'reject'
          ? this.api.reject(schoolId, transfer.id, { note: this.note().trim() })
          : this.api.cancel(schoolId, transfer.id);
    this.busy.set(true);
    this.problem.set(null);
    request.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: () => {
        this.decision.set(null);
        this.message.set(`students.transfers.done.${kind}`);
        this.result.reload();
      },
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  protected changePageSize(size: number): void {
    this.pageSize.set(size);
    this.pageNumber.set(1);
  }
}
