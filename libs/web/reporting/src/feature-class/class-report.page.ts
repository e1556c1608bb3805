import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import { LanguageService, loadOnChange, OrgUnitContext, ProblemAlertComponent } from '@emis/web/core';
import { ChartComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { ReportFilterState } from '../data-access/report-filter.state';
import { ReportsApi } from '../data-access/reports.api';
import { codeLabel, CodeLabelPipe } from '../ui/code-label';
import { KpiTilesComponent } from '../ui/kpi-tiles.component';
import { awardCodes, hasFigures, levelsPie, orderedCodes, promotionCodes, subjectMeans } from '../ui/report-charts';
import { ReportFigureComponent } from '../ui/report-figure.component';
import { ReportFiltersComponent } from '../ui/report-filters.component';
import { ReportHeadingComponent } from '../ui/report-heading.component';
import { ReportPrintStylesComponent } from '../ui/report-print-styles.component';
import { reportTexts } from '../ui/report-texts';
import { SubjectsTableComponent } from '../ui/subjects-table.component';

/**
 * /reports/schools/:schoolId/classes/:classId — the class's subjects and outcomes. Its pupils, one by one, are the
 * gradebook's results page (/grades/:classId/results?period=…), which reads the school picked in the switcher: the
 * link picks the class's school first.
 */
@Component({
  selector: 'emis-class-report-page',
  imports: [
    TranslocoPipe,
    ProblemAlertComponent,
    CodeLabelPipe,
    ChartComponent,
    KpiTilesComponent,
    ReportFigureComponent,
    ReportFiltersComponent,
    ReportHeadingComponent,
    ReportPrintStylesComponent,
    SubjectsTableComponent,
  ],
  providers: [ReportFilterState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './class-report.page.html',
  styleUrl: '../ui/report-page.css',
})
export class ClassReportPage {
  private readonly api = inject(ReportsApi);
  private readonly router = inject(Router);
  private readonly orgUnits = inject(OrgUnitContext);
  private readonly language = inject(LanguageService).language;
  private readonly t = reportTexts();
  protected readonly state = inject(ReportFilterState);

  readonly schoolId = input.required<string>();
  readonly classId = input.required<string>();

  protected readonly years = loadOnChange(
    () => ({}),
    () => this.api.schoolYears(),
  );
  protected readonly report = loadOnChange(
    () => ({ schoolId: this.schoolId(), classId: this.classId(), filter: this.state.filter() }),
    ({ schoolId, classId, filter }) => this.api.classReport(schoolId, classId, filter),
  );

  protected readonly title = computed(() => {
    const r = this.report.value();
    return r ? `${this.t('reporting.school.className')} ${r.class.name} — ${r.school.name}` : this.t('reporting.titles.class');
  });

  /** The outcome groups the period has: learning and training always; awards and promotion at the year's end. */
  protected readonly outcomes = computed(() => {
    const r = this.report.value();
    if (!r) return [];
    const m = r.totals;
    const groups = [
      { key: 'learning', record: m.learning, codes: orderedCodes([m.learning]) },
      { key: 'training', record: m.training, codes: orderedCodes([m.training]) },
      { key: 'awards', record: m.awards, codes: awardCodes([m.awards]) },
      { key: 'promotion', record: m.promotion, codes: promotionCodes([m.promotion]) },
    ];
    return groups.filter((group) => group.codes.length > 0);
  });

  protected readonly charts = computed(() => {
    const r = this.report.value();
    if (!r) return [];
    const t = this.t;
    const language = this.language();
    const charts = [
      {
        id: 'subjects',
        kind: 'bar' as const,
        label: t('reporting.charts.subjectMeans'),
        category: t('reporting.subjects.subject'),
        data: subjectMeans(r.subjects, t('reporting.subjects.mean')),
      },
      {
        id: 'learning',
        kind: 'pie' as const,
        label: t('reporting.class.learning'),
        category: t('reporting.charts.level'),
        data: levelsPie(r.totals.learning, t('reporting.charts.count'), (c) => codeLabel(c, language)),
      },
    ];
    return charts.filter((chart) => hasFigures(chart.data));
  });

  protected openPupils(): void {
    const r = this.report.value();
    if (!r) return;
    this.orgUnits.select(r.school.id);
    void this.router.navigate(['/grades', r.class.id, 'results'], { queryParams: { period: r.filter.period } });
  }

  protected print(): void {
    window.print();
  }
}
