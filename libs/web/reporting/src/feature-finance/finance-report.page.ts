import { HttpResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { FinanceReport, FinanceReportRow, OrgPathItem, ProblemDetails } from '@emis/contracts';
import { BUDGET_SOURCE_LABELS } from '@emis/domain';
import { LanguageService, loadOnChange, OrgUnitContext, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { formatEmisNumber, saveDownload } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, map, Observable } from 'rxjs';
import { ReportFilterState } from '../data-access/report-filter.state';
import { ReportsApi } from '../data-access/reports.api';
import { FinanceFiguresTableComponent, FinanceTableRow } from '../ui/finance-figures-table.component';
import { ReportFiltersComponent } from '../ui/report-filters.component';
import { ReportHeadingComponent } from '../ui/report-heading.component';
import { ReportPrintStylesComponent } from '../ui/report-print-styles.component';

/** The finance page of a unit or school: the drill-down and the breadcrumbs stay in this section. */
export function financeLinkOf(item: { id: string }): string[] {
  return ['/reports/finance', item.id];
}

/** The budget year in the URL (?fiscal=2026); anything else falls back to the API's default. */
function fiscalYearOf(value: string | undefined): number | undefined {
  return value && /^\d{4}$/.test(value) ? Number(value) : undefined;
}

/**
 * /reports/finance(/:orgUnitId) — "Tài chính": the school year's dues and collection and the fiscal year's budget and
 * spending of the department, a unit or a school (the unit picked in the shell's switcher when none is named): tiles,
 * the budget by funding source, the units or schools under it (each drills down), and the Excel download.
 */
@Component({
  selector: 'emis-finance-report-page',
  imports: [
    TranslocoPipe,
    ProblemAlertComponent,
    FinanceFiguresTableComponent,
    ReportFiltersComponent,
    ReportHeadingComponent,
    ReportPrintStylesComponent,
  ],
  providers: [ReportFilterState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './finance-report.page.html',
  styleUrl: '../ui/report-page.css',
})
export class FinanceReportPage {
  private readonly api = inject(ReportsApi);
  private readonly language = inject(LanguageService).language;
  private readonly current = inject(OrgUnitContext).currentUnit;
  protected readonly state = inject(ReportFilterState);

  /** From the route; absent on /reports/finance, which shows the unit picked in the switcher. */
  readonly orgUnitId = input<string>();
  protected readonly unitId = computed(() => this.orgUnitId() ?? this.current()?.id);
  protected readonly fiscalYear = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(map((q) => fiscalYearOf(q.get('fiscal') ?? undefined))),
  );

  protected readonly years = loadOnChange(
    () => ({}),
    () => this.api.schoolYears(),
  );
  protected readonly report = loadOnChange(
    () => {
      const id = this.unitId();
      return id ? { id, filter: this.state.filter(), fiscalYear: this.fiscalYear() } : undefined;
    },
    ({ id, filter, fiscalYear }) => this.api.finance(id, filter, fiscalYear),
  );
  protected readonly linkTo = (item: OrgPathItem) => financeLinkOf(item);
  /** Drill-down links carry the budget year with the filter. */
  protected readonly linkQuery = computed(() => {
    const fiscal = this.fiscalYear();
    return fiscal ? { ...this.state.linkQuery(), fiscal: String(fiscal) } : this.state.linkQuery();
  });

  protected readonly tiles = computed(() => {
    const r = this.report.value();
    if (!r) return [];
    return [
      { key: 'due', value: money(r.total.due) },
      { key: 'paid', value: money(r.total.paid) },
      { key: 'outstanding', value: money(r.total.outstanding) },
      { key: 'reimbursedAmount', value: money(r.total.reimbursedAmount) },
      { key: 'budgetAvailable', value: money(r.total.budgetAvailable) },
      { key: 'spent', value: money(r.total.spent) },
    ];
  });

  protected readonly bySource = computed(() => {
    const language = this.language() === 'en' ? 'en' : 'vi';
    return (this.report.value()?.bySource ?? []).map((s) => ({
      ...s,
      label: BUDGET_SOURCE_LABELS[s.fundingSource][language],
    }));
  });

  protected readonly children = computed(() => unitRows(this.report.value()?.rows ?? []));
  protected readonly schools = computed(() => unitRows(this.report.value()?.schools ?? []));
  /** The schools' table repeats the children's when the children are the schools. */
  protected readonly childrenAreSchools = computed(() => this.children().every((c) => c.kind === 'SCHOOL'));

  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected pickFiscalYear(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.state.setQuery({ fiscal: fiscalYearOf(value)?.toString() ?? null });
  }

  protected exportExcel(report: FinanceReport): void {
    this.busy.set(true);
    this.problem.set(null);
    this.download(
      this.api.exportFinance(report.unit.id, this.state.filter(), this.fiscalYear()),
      `tai-chinh-${report.unit.code}.xlsx`,
    );
  }

  protected print(): void {
    window.print();
  }

  protected format(value: number): string {
    return formatEmisNumber(value);
  }

  private download(call: Observable<HttpResponse<Blob>>, fallback: string): void {
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

function unitRows(rows: readonly FinanceReportRow[]): (FinanceTableRow & { kind: string })[] {
  return rows.map((row) => ({
    ...row,
    key: row.orgUnitId,
    label: row.name,
    detail: row.parentName ?? '',
    link: financeLinkOf({ id: row.orgUnitId }),
  }));
}
