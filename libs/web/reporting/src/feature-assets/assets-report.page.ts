import { HttpResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { AssetsReport, AssetTotalsRow, OrgPathItem, ProblemDetails } from '@emis/contracts';
import { ASSET_CLASS_LABELS, ASSET_KIND_LABELS, FUNDING_SOURCE_LABELS } from '@emis/domain';
import { LanguageService, loadOnChange, OrgUnitContext, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { formatEmisNumber, saveDownload } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { ReportFilterState } from '../data-access/report-filter.state';
import { ReportsApi } from '../data-access/reports.api';
import { AssetTableRow, AssetTotalsTableComponent } from '../ui/asset-totals-table.component';
import { ReportFiltersComponent } from '../ui/report-filters.component';
import { ReportHeadingComponent } from '../ui/report-heading.component';
import { ReportPrintStylesComponent } from '../ui/report-print-styles.component';

/** The assets page of a unit or school: the drill-down and the breadcrumbs stay in this section. */
export function assetsLinkOf(item: { id: string }): string[] {
  return ['/reports/assets', item.id];
}

type Labels = Record<string, { vi: string; en: string }>;

/**
 * /reports/assets(/:orgUnitId) — "Tài sản công": the public assets on the books of the department, a unit or a school
 * (the unit picked in the shell's switcher when none is named): tiles for original cost, accumulated wear and
 * remaining value, the totals by class and by funding source, the units or schools under it as they sat on the
 * filter's day (each drills down), and the Excel download.
 */
@Component({
  selector: 'emis-assets-report-page',
  imports: [
    TranslocoPipe,
    ProblemAlertComponent,
    AssetTotalsTableComponent,
    ReportFiltersComponent,
    ReportHeadingComponent,
    ReportPrintStylesComponent,
  ],
  providers: [ReportFilterState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assets-report.page.html',
  styleUrl: '../ui/report-page.css',
})
export class AssetsReportPage {
  private readonly api = inject(ReportsApi);
  private readonly language = inject(LanguageService).language;
  private readonly current = inject(OrgUnitContext).currentUnit;
  protected readonly state = inject(ReportFilterState);

  /** From the route; absent on /reports/assets, which shows the unit picked in the switcher. */
  readonly orgUnitId = input<string>();
  protected readonly unitId = computed(() => this.orgUnitId() ?? this.current()?.id);

  protected readonly report = loadOnChange(
    () => {
      const id = this.unitId();
      return id ? { id, filter: this.state.filter() } : undefined;
    },
    ({ id, filter }) => this.api.assets(id, filter),
  );
  protected readonly linkTo = (item: OrgPathItem) => assetsLinkOf(item);

  protected readonly tiles = computed(() => {
    const r = this.report.value();
    if (!r) return [];
    return [
      { key: 'cost', value: money(r.totals.cost) },
      { key: 'accumulatedWear', value: money(r.totals.accumulatedWear) },
      { key: 'remainingValue', value: money(r.totals.remainingValue) },
      { key: 'records', value: formatEmisNumber(r.totals.assets) },
    ];
  });

  protected readonly byClass = computed(() => {
    const r = this.report.value();
    const label = this.label();
    return (r?.byClass ?? []).map((c) => ({
      ...c,
      key: `${c.assetClass}/${c.kind}`,
      label: label(ASSET_CLASS_LABELS, c.assetClass),
      detail: label(ASSET_KIND_LABELS, c.kind),
    }));
  });

  protected readonly bySource = computed(() => {
    const r = this.report.value();
    const label = this.label();
    return (r?.bySource ?? []).map((s) => ({
      ...s,
      key: `${s.fundingSource}/${s.kind}`,
      label: label(FUNDING_SOURCE_LABELS, s.fundingSource),
      detail: label(ASSET_KIND_LABELS, s.kind),
    }));
  });

  protected readonly children = computed(() => unitRows(this.report.value()?.children ?? []));
  protected readonly schools = computed(() => unitRows(this.report.value()?.schools ?? []));
  /** The schools' table repeats the children's when the children are the schools. */
  protected readonly childrenAreSchools = computed(() => this.children().every((c) => c.kind === 'SCHOOL'));

  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected exportExcel(report: AssetsReport): void {
    this.download(this.api.exportAssets(report.unit.id, this.state.filter()), `tai-san-${report.unit.code}.xlsx`);
  }

  protected print(): void {
    window.print();
  }

  /** A vocabulary code in the interface's language. */
  private readonly label = computed(() => {
    const language = this.language() === 'en' ? 'en' : 'vi';
    return (labels: Labels, code: string) => labels[code]?.[language] ?? code;
  });

  private download(call: Observable<HttpResponse<Blob>>, fallback: string): void {
    this.busy.set(true);
    this.problem.set(null);
    call.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: (response) => saveDownload(response, fallback),
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }
}

/** Whole đồng in the vi-VN format: 1.250.000 ₫. */
function money(value: number): string {
  return `${formatEmisNumber(value)} ₫`;
}

function unitRows(rows: readonly AssetTotalsRow[]): (AssetTableRow & { kind: string })[] {
  return rows.map((row) => ({
    ...row,
    key: row.id,
    label: row.name,
    detail: row.parentName ?? '',
    link: assetsLinkOf(row),
  }));
}
