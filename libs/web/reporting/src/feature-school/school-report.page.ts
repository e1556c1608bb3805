import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ProblemDetails } from '@emis/contracts';
import { AuthStore, LanguageService, loadOnChange, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { ChartComponent, saveDownload } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { ReportFilterState } from '../data-access/report-filter.state';
import { ReportsApi } from '../data-access/reports.api';
import { codeLabel } from '../ui/code-label';
import { KpiTilesComponent } from '../ui/kpi-tiles.component';
import { hasFigures, levelsByGrade, pupilsByGender, sharesSideBySide, withoutEmpty } from '../ui/report-charts';
import { ReportColumn } from '../ui/report-columns';
import { ReportFigureComponent } from '../ui/report-figure.component';
import { ReportFiltersComponent } from '../ui/report-filters.component';
import { ReportHeadingComponent } from '../ui/report-heading.component';
import { ReportPrintStylesComponent } from '../ui/report-print-styles.component';
import { ReportRowsTableComponent } from '../ui/report-rows-table.component';
import { reportTexts } from '../ui/report-texts';
import { SubjectsTableComponent } from '../ui/subjects-table.component';
import { againstProvince } from './against-province';

const CLASS_COLUMNS: readonly ReportColumn[] = ['pupils', 'female', 'resultsMissing', 'attendanceRate', 'droppedOut'];

/**
 * /reports/schools/:schoolId — the school's figures against the province's: side-by-side bars and the differences,
 * its classes (each drills to the class), its grades and subjects, the Excel download.
 */
@Component({
  selector: 'emis-school-report-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    ProblemAlertComponent,
    ChartComponent,
    KpiTilesComponent,
    ReportFigureComponent,
    ReportFiltersComponent,
    ReportHeadingComponent,
    ReportPrintStylesComponent,
    ReportRowsTableComponent,
    SubjectsTableComponent,
  ],
  providers: [ReportFilterState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './school-report.page.html',
  styleUrl: '../ui/report-page.css',
})
export class SchoolReportPage {
  private readonly api = inject(ReportsApi);
  private readonly language = inject(LanguageService).language;
  private readonly t = reportTexts();
  protected readonly state = inject(ReportFilterState);
  private readonly auth = inject(AuthStore);
  /** The finance page asks finance.read besides reports.read. */
  protected readonly seesFinance = computed(() => this.auth.can('finance.read'));

  readonly schoolId = input.required<string>();
  readonly embedded = input(false);

  protected readonly years = loadOnChange(
    () => ({}),
    () => this.api.schoolYears(),
  );
  protected readonly report = loadOnChange(
    () => ({ id: this.schoolId(), filter: this.state.filter() }),
    ({ id, filter }) => this.api.school(id, filter),
  );
  protected readonly classColumns = CLASS_COLUMNS;

  protected readonly against = computed(() => {
    const r = this.report.value();
    if (!r) return [];
    const language = this.language();
    const t = this.t;
    return againstProvince(r.totals, r.province, (key, code) =>
      code
        ? `${t(`reporting.class.${key}`)}: ${codeLabel(code, language)}`
        : t(`reporting.measures.${key}`) + (key === 'female' ? ' (%)' : ''),
    );
  });

  protected readonly charts = computed(() => {
    const r = this.report.value();
    if (!r) return [];
    const language = this.language();
    const t = this.t;
    // Bare grade codes on the axis (6, 7, MG3…): they all fit; the table's header says they are grades.
    const grade = (g: string) => g;
    const code = (c: string) => codeLabel(c, language);
    const province = t('reporting.school.province');
    const charts = [
      {
        id: 'against',
        kind: 'bar' as const,
        label: t('reporting.charts.learningShares'),
        category: t('reporting.charts.level'),
        data: sharesSideBySide(r.totals.learning, r.province.learning, r.school.name, province, code),
      },
      {
        id: 'learning',
        kind: 'stacked-bar' as const,
        label: t('reporting.charts.learningByGrade'),
        category: t('reporting.charts.grade'),
        data: levelsByGrade(r.grades, 'learning', grade, code),
      },
      {
        id: 'pupils',
        kind: 'bar' as const,
        label: t('reporting.charts.pupilsByGrade'),
        category: t('reporting.charts.grade'),
        data: pupilsByGender(r.grades, grade, t('reporting.measures.female'), t('reporting.measures.male')),
      },
    ];
    return charts
      .map((chart) => ({ ...chart, data: withoutEmpty(chart.data) }))
      .filter((chart) => hasFigures(chart.data));
  });

  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected exportExcel(): void {
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .exportSchool(this.schoolId(), this.state.filter())
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (response) => saveDownload(response, 'bao-cao-truong.xlsx'),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected print(): void {
    window.print();
  }
}
