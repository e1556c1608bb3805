import { HttpResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { ProblemDetails, ReportJob } from '@emis/contracts';
import { AuthStore, LanguageService, loadOnChange, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ChartComponent, saveDownload } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { ReportFilterState } from '../data-access/report-filter.state';
import { followJob } from '../data-access/report-job';
import { ReportsApi } from '../data-access/reports.api';
import { codeLabel } from '../ui/code-label';
import { KpiTilesComponent } from '../ui/kpi-tiles.component';
import {
  hasFigures,
  withoutEmpty,
  levelsByGrade,
  levelsPie,
  outcomesByGrade,
  pupilsByGender,
  staffSplit,
} from '../ui/report-charts';
import { ReportColumn } from '../ui/report-columns';
import { ReportFiltersComponent } from '../ui/report-filters.component';
import { ReportHeadingComponent } from '../ui/report-heading.component';
import { ReportPrintStylesComponent } from '../ui/report-print-styles.component';
import { ReportRowsTableComponent } from '../ui/report-rows-table.component';
import { reportTexts } from '../ui/report-texts';
import { SubjectsTableComponent } from '../ui/subjects-table.component';

const CHILD_COLUMNS: readonly ReportColumn[] = [
  'schools',
  'classes',
  'pupils',
  'staff',
  'classSizeBreaches',
  'attendanceRate',
  'droppedOut',
];

/**
 * /reports/units/:orgUnitId — "the province at a glance" for the department, or a unit's: key figures, charts (each
 * with its table), the units or schools under it as they sat on the filter's day, the grade × subject results, the
 * Excel download and the every-school workbook built in the background.
 */
@Component({
  selector: 'emis-unit-report-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    ProblemAlertComponent,
    ChartComponent,
    KpiTilesComponent,
    ReportFiltersComponent,
    ReportHeadingComponent,
    ReportRowsTableComponent,
    SubjectsTableComponent,
    ReportPrintStylesComponent,
  ],
  providers: [ReportFilterState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './unit-report.page.html',
  styleUrl: '../ui/report-page.css',
})
export class UnitReportPage {
  private readonly api = inject(ReportsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly language = inject(LanguageService).language;
  private readonly t = reportTexts();
  protected readonly state = inject(ReportFilterState);
  private readonly auth = inject(AuthStore);
  /** The finance page asks finance.read besides reports.read. */
  protected readonly seesFinance = computed(() => this.auth.can('finance.read'));

  readonly orgUnitId = input.required<string>();
  /** Shown on the home page inside another page: no breadcrumbs, an h2 title. */
  readonly embedded = input(false);

  protected readonly years = loadOnChange(
    () => ({}),
    () => this.api.schoolYears(),
  );
  protected readonly report = loadOnChange(
    () => ({ id: this.orgUnitId(), filter: this.state.filter() }),
    ({ id, filter }) => this.api.unit(id, filter),
  );
  protected readonly childColumns = CHILD_COLUMNS;
  protected readonly childrenAreSchools = computed(
    () => this.report.value()?.children.every((row) => row.kind === 'SCHOOL') ?? false,
  );
  /** Some figure on the page is withheld: the legend explains the dashes. */
  protected readonly anySuppressed = computed(() => {
    const r = this.report.value();
    return (
      !!r &&
      (r.totals.suppressed || r.children.some((c) => c.measures.suppressed) || r.subjects.some((s) => s.suppressed))
    );
  });
  protected readonly compareQuery = computed(() => ({ ...this.state.linkQuery(), unit: this.orgUnitId() }));

  protected readonly charts = computed(() => {
    const report = this.report.value();
    if (!report) return [];
    const language = this.language();
    const t = this.t;
    // Bare grade codes on the axis (6, 7, MG3…): they all fit; the table's header says they are grades.
    const grade = (g: string) => g;
    const code = (c: string) => codeLabel(c, language);
    const charts = [
      {
        id: 'learning',
        kind: 'stacked-bar' as const,
        label: t('reporting.charts.learningByGrade'),
        category: t('reporting.charts.grade'),
        data: levelsByGrade(report.grades, 'learning', grade, code),
      },
      {
        id: 'training',
        kind: 'pie' as const,
        label: t('reporting.charts.trainingLevels'),
        category: t('reporting.charts.level'),
        data: levelsPie(report.totals.training, t('reporting.charts.count'), code),
      },
      {
        id: 'outcomes',
        kind: 'stacked-bar' as const,
        label: t('reporting.charts.outcomesByGrade'),
        category: t('reporting.charts.grade'),
        data: outcomesByGrade(report.grades, grade, code, t('reporting.measures.droppedOut')),
      },
      {
        id: 'pupils',
        kind: 'bar' as const,
        label: t('reporting.charts.pupilsByGrade'),
        category: t('reporting.charts.grade'),
        data: pupilsByGender(report.grades, grade, t('reporting.measures.female'), t('reporting.measures.male')),
      },
      {
        id: 'staff',
        kind: 'pie' as const,
        label: t('reporting.charts.staffByPosition'),
        category: t('reporting.charts.position'),
        data: staffSplit(
          report.totals,
          t('reporting.charts.count'),
          t('reporting.measures.teachers'),
          t('reporting.measures.otherStaff'),
        ),
      },
    ];
    return charts
      .map((chart) => ({ ...chart, data: withoutEmpty(chart.data) }))
      .filter((chart) => hasFigures(chart.data));
  });

  protected readonly busy = signal<string | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly job = signal<ReportJob | null>(null);

  protected exportExcel(): void {
    this.download('excel', this.api.exportUnit(this.orgUnitId(), this.state.filter()), 'bao-cao-don-vi.xlsx');
  }

  protected startWorkbook(): void {
    this.problem.set(null);
    this.job.set(null);
    followJob(this.api.startProvinceWorkbook(this.orgUnitId(), this.state.filter()), (id) => this.api.job(id))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (job) => this.job.set(job),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected downloadWorkbook(job: ReportJob): void {
    this.download('workbook', this.api.jobFile(job.id), job.fileName ?? 'so-lieu-toan-tinh.xlsx');
  }

  protected print(): void {
    window.print();
  }

  private download(key: string, call: Observable<HttpResponse<Blob>>, fallback: string): void {
    this.busy.set(key);
    this.problem.set(null);
    call.pipe(finalize(() => this.busy.set(null))).subscribe({
      next: (response) => saveDownload(response, fallback),
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }
}
