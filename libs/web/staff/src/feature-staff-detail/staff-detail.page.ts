import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ProblemDetails, StaffHistoryEntry, StaffTransferRequest } from '@emis/contracts';
import { ETHNICITIES } from '@emis/domain';
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
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { StaffApi } from '../data-access/staff.api';
import { StaffTransferComponent } from './staff-transfer.component';

/** A staff record: identity, employment, qualifications, subjects, and the employment history as a timeline. */
@Component({
  selector: 'emis-staff-detail-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    EmisNumberPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    StaffTransferComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './staff-detail.page.html',
  styleUrl: './staff-detail.page.css',
})
export class StaffDetailPage {
  private readonly api = inject(StaffApi);
  private readonly auth = inject(AuthStore);
  private readonly orgUnits = inject(OrgUnitContext);
  private readonly transloco = inject(TranslocoService);
  protected readonly schoolId = this.orgUnits.currentSchoolId;

  readonly staffId = input.required<string>();

  protected readonly canManage = computed(() => this.auth.can('staff.manage'));
  protected readonly canTransfer = computed(() => this.auth.can('staff.transfer'));
  protected readonly person = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, staffId: this.staffId() } : undefined;
    },
    ({ schoolId, staffId }) => this.api.get(schoolId, staffId),
  );
  private readonly subjects = loadOnChange(
    () => true,
    () => this.api.subjects(),
  );
  protected readonly subjectNames = computed(() => {
    const names = new Map((this.subjects.value() ?? []).map((s) => [s.code, s.name]));
    return (this.person.value()?.subjects ?? []).map((code) => names.get(code) ?? code);
  });
  protected readonly ethnicity = computed(
    () => ETHNICITIES.find((e) => e.code === this.person.value()?.ethnicity)?.name ?? '—',
  );
  /** Newest first, like a personnel file's last page. */
  protected readonly history = computed(() =>
    [...(this.person.value()?.history ?? [])].sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn)),
  );
  protected readonly notFound = computed(() => [400, 404].includes(this.person.error()?.status ?? 0));
  protected readonly justSaved = signal<boolean>(history.state?.saved === true);

  protected readonly transferOpen = signal(false);
  protected readonly transferBusy = signal(false);
  protected readonly transferProblem = signal<ProblemDetails | null>(null);
  protected readonly transferred = signal<string | null>(null);

  protected describe(entry: StaffHistoryEntry): string {
    const d = entry.details;
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    switch (entry.kind) {
      case 'HIRED':
        return t('staff.history.hiredDetail', {
          position: d['position'] ? t(`staff.position.${d['position']}`) : '—',
          contract: d['contractType'] ? t(`staff.contract.${d['contractType']}`) : '—',
        });
      case 'POSITION':
        return `${t(`staff.position.${d['from']}`)} → ${t(`staff.position.${d['to']}`)}`;
      case 'STATUS':
        return `${t(`staff.status.${d['from']}`)} → ${t(`staff.status.${d['to']}`)}`;
      case 'TRANSFER_IN':
      case 'TRANSFER_OUT':
        return t('staff.history.transferDetail', {
          from: this.schoolName(d['fromSchoolId']),
          to: this.schoolName(d['toSchoolId']),
          decision: String(d['decisionNumber'] ?? '—'),
        });
    }
  }

  protected doTransfer(request: StaffTransferRequest): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.transferBusy.set(true);
    this.transferProblem.set(null);
    this.api
      .transfer(schoolId, this.staffId(), request)
      .pipe(finalize(() => this.transferBusy.set(false)))
      .subscribe({
        next: () => {
          this.transferOpen.set(false);
          this.transferred.set(this.schoolName(request.toSchoolId));
          this.person.reload();
        },
        error: (error: unknown) => this.transferProblem.set(toProblem(error)),
      });
  }

  private schoolName(id: unknown): string {
    return typeof id === 'string' ? (this.orgUnits.nodesById().get(id)?.name ?? '—') : '—';
  }
}
