import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { COMPARE_MEASURES, CompareQuery, OrgPathItem, ProblemDetails } from '@emis/contracts';
import { loadOnChange, OrgUnitContext, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ChartComponent, saveDownload } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { ReportFilterState } from '../data-access/report-filter.state';
import { ReportsApi } from '../data-access/reports.api';
import { compareChart } from './compare-chart';
import { ReportFigureComponent } from '../ui/report-figure.component';
import { ReportFiltersComponent } from '../ui/report-filters.component';
import { ReportHeadingComponent } from '../ui/report-heading.component';
import { ReportPrintStylesComponent } from '../ui/report-print-styles.component';
import { reportTexts } from '../ui/report-texts';

/**
 * /reports/compare — the schools of a unit side by side for one measure (a subject's mean needs a subject and a
 * grade), ranked, with the unit's and the province's value as reference lines; as a chart and a table, and as Excel.
 */
@Component({
  selector: 'emis-compare-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    ProblemAlertComponent,
    ChartComponent,
    ReportFigureComponent,
    ReportFiltersComponent,
    ReportHeadingComponent,
    ReportPrintStylesComponent,
  ],
  providers: [ReportFilterState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './compare.page.html',
  styleUrl: '../ui/report-page.css',
})
export class ComparePage {
  private readonly api = inject(ReportsApi);
  private readonly orgUnits = inject(OrgUnitContext);
  private readonly t = reportTexts();
  protected readonly state = inject(ReportFilterState);
  protected readonly measures = COMPARE_MEASURES;

  /** The unit compared: the URL's, else the unit picked in the switcher (a school's own view has no unit). */
  protected readonly query = computed<CompareQuery>(() => {
    const query = this.state.compare();
    if (query.orgUnitId) return query;
    const unit = this.orgUnits.currentUnit();
    return unit && unit.kind !== 'SCHOOL' ? { ...query, orgUnitId: unit.id } : query;
  });
  /** The breadcrumb back to the unit compared (named from the switcher's tree, which holds the caller's units). */
  protected readonly unitPath = computed<OrgPathItem[]>(() => {
    const unitId = this.query().orgUnitId;
    const node = unitId ? this.orgUnits.nodesById().get(unitId) : undefined;
    return node ? [{ id: node.id, name: node.name, kind: node.kind }] : [];
  });
  protected readonly needsSubject = computed(() => {
    const q = this.query();
    return q.measure === 'subjectMean' && (!q.subjectCode || !q.grade);
  });

  protected readonly years = loadOnChange(
    () => ({}),
    () => this.api.schoolYears(),
  );
  protected readonly report = loadOnChange(
    () => (this.needsSubject() ? undefined : this.query()),
    (query) => this.api.compare(query),
  );
  /** Subjects and grades to choose from for a subject's mean: those the unit has results for. */
  private readonly unitReport = loadOnChange(
    () => {
      const q = this.query();
      return q.measure === 'subjectMean' && q.orgUnitId ? { id: q.orgUnitId, filter: this.state.filter() } : undefined;
    },
    ({ id, filter }) => this.api.unit(id, filter),
  );
  protected readonly subjectOptions = computed(() => {
    const subjects = this.unitReport.value()?.subjects ?? [];
    const byCode = new Map(subjects.map((s) => [s.subjectCode, s.subjectName]));
    return [...byCode].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  });
  protected readonly gradeOptions = computed(() => {
    const subjects = this.unitReport.value()?.subjects ?? [];
    const code = this.query().subjectCode;
    const grades = new Set(subjects.filter((s) => !code || s.subjectCode === code).map((s) => s.grade));
    return [...grades].sort((a, b) => a.localeCompare(b, 'vi', { numeric: true }));
  });

  protected readonly ranked = computed(() => {
    const r = this.report.value();
    return r ? [...r.rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name, 'vi')) : [];
  });
  protected readonly anySuppressed = computed(() => this.report.value()?.rows.some((row) => row.suppressed) ?? false);
  protected readonly chart = computed(() => {
    const r = this.report.value();
    if (!r || r.rows.length === 0) return null;
    const label = this.t(`reporting.compare.measures.${r.measure}`);
    return {
      label,
      ...compareChart(r, label, this.t('reporting.compare.unitValue'), this.t('reporting.compare.provinceValue')),
      height: Math.max(240, r.rows.length * 26 + 80),
    };
  });
  protected readonly isPercent = computed(() => {
    const measure = this.query().measure;
    return measure !== 'pupils' && measure !== 'classSizeBreaches' && measure !== 'subjectMean';
  });

  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected pickMeasure(event: Event): void {
    const measure = (event.target as HTMLSelectElement).value;
    this.state.setQuery({ measure, subject: null, grade: null });
  }

  protected pick(key: 'subject' | 'grade', event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.state.setQuery({ [key]: value === '' ? null : value });
  }

  protected exportExcel(): void {
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .exportCompare(this.query())
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (response) => saveDownload(response, 'so-sanh-truong.xlsx'),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected print(): void {
    window.print();
  }
}
