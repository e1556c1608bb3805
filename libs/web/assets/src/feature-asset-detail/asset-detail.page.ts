import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AssetHistoryEntry, CostChangeInput, ProblemDetails } from '@emis/contracts';
import {
  AuthStore,
  EmisDatePipe,
  EmisNumberPipe,
  LanguageService,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { DongPipe, formatDong, showPdf } from '@emis/web/ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { AssetsApi } from '../data-access/assets.api';
import { AssetActionsComponent } from '../ui/asset-actions/asset-actions.component';
import { AssetAttachmentsComponent } from './asset-attachments.component';
import { CostChangeDialogComponent } from './cost-change-dialog.component';

/** Statuses in which the asset has left the school's books: no edit, no cost change. */
const OFF_THE_BOOKS = ['DISPOSED', 'TRANSFERRED'];

/**
 * An asset's record: its facts and figures (cost, accumulated wear, remaining value), the wear posted year by year,
 * its history, attachments, the printable label and cost changes. The moves, loans, disposal and transfer actions
 * come from the operations part of this library (ui/asset-actions).
 */
@Component({
  selector: 'emis-asset-detail-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    EmisNumberPipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    AssetAttachmentsComponent,
    CostChangeDialogComponent,
    AssetActionsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './asset-detail.page.html',
  styleUrl: './asset-detail.page.css',
})
export class AssetDetailPage {
  private readonly api = inject(AssetsApi);
  private readonly auth = inject(AuthStore);
  private readonly orgUnits = inject(OrgUnitContext);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(LanguageService).language;
  protected readonly schoolId = this.orgUnits.currentSchoolId;

  readonly assetId = input.required<string>();

  protected readonly asset = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, assetId: this.assetId() } : undefined;
    },
    ({ schoolId, assetId }) => this.api.get(schoolId, assetId),
  );
  private readonly categories = loadOnChange(
    () => true,
    () => this.api.categories(),
  );
  protected readonly category = computed(() =>
    (this.categories.value() ?? []).find((c) => c.code === this.asset.value()?.categoryCode),
  );
  protected readonly onBooks = computed(() => !OFF_THE_BOOKS.includes(this.asset.value()?.status ?? ''));
  protected readonly canManage = computed(() => this.auth.can('assets.manage') && this.onBooks());
  protected readonly canChangeCost = computed(() => this.canManage() && this.asset.value()?.kind === 'FIXED');
  /** Newest first, like the last page of a ledger. */
  protected readonly history = computed(() =>
    [...(this.asset.value()?.history ?? [])].sort(
      (a, b) => b.effectiveOn.localeCompare(a.effectiveOn) || b.recordedAt.localeCompare(a.recordedAt),
    ),
  );
  protected readonly notFound = computed(() => [400, 404].includes(this.asset.error()?.status ?? 0));
  protected readonly justSaved = signal<boolean>(history.state?.saved === true);

  protected readonly labelBusy = signal(false);
  protected readonly labelProblem = signal<ProblemDetails | null>(null);
  protected readonly costOpen = signal(false);
  protected readonly costBusy = signal(false);
  protected readonly costProblem = signal<ProblemDetails | null>(null);
  protected readonly costChanged = signal(false);

  protected printLabel(): void {
    const schoolId = this.schoolId();
    const asset = this.asset.value();
    if (!schoolId || !asset) return;
    this.labelBusy.set(true);
    this.labelProblem.set(null);
    showPdf(this.api.label(schoolId, asset.id), `nhan-${asset.code}.pdf`)
      .pipe(finalize(() => this.labelBusy.set(false)))
      .subscribe({ error: (error: unknown) => this.labelProblem.set(toProblem(error)) });
  }

  protected openCostChange(): void {
    this.costProblem.set(null);
    this.costOpen.set(true);
  }

  protected changeCost(input: CostChangeInput): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.costBusy.set(true);
    this.costProblem.set(null);
    this.api
      .changeCost(schoolId, this.assetId(), input)
      .pipe(finalize(() => this.costBusy.set(false)))
      .subscribe({
        next: (detail) => {
          this.asset.set(detail);
          this.costOpen.set(false);
          this.costChanged.set(true);
        },
        error: (error: unknown) => {
          const problem = toProblem(error);
          if (problem.status === 409) this.asset.reload();
          this.costProblem.set(problem);
        },
      });
  }

  /** A line of the history in words, from the details the server recorded with it (unknown keys are left out). */
  protected describe(entry: AssetHistoryEntry): string {
    const d = entry.details;
    const amount = (key: string) => (typeof d[key] === 'number' ? formatDong(d[key] as number) : null);
    if (entry.kind === 'COST_CHANGED') {
      const before = amount('costBefore');
      const after = amount('costAfter');
      const kind = typeof d['kind'] === 'string' ? this.t(`costChange.${d['kind']}`) : '';
      const change = before && after ? this.t('detail.historyDetail.cost', { before, after }) : (after ?? before);
      const document = typeof d['documentNumber'] === 'string' ? d['documentNumber'] : null;
      return [[kind, change].filter(Boolean).join(': '), document].filter(Boolean).join(' · ');
    }
    if (entry.kind === 'WEAR_POSTED') {
      const posted = amount('amount');
      return typeof d['year'] === 'number' && posted
        ? this.t('detail.historyDetail.year', { year: d['year'], amount: posted })
        : '';
    }
    const text = d['fileName'] ?? d['note'];
    return typeof text === 'string' ? text : '';
  }

  private t(key: string, params: Record<string, unknown> = {}): string {
    return this.transloco.translate(`assets.register.${key}`, params);
  }
}
