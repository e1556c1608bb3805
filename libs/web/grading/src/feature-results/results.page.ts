import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ProblemDetails, ResultPeriod, StudentResult } from '@emis/contracts';
import { formatAverage, formatCell, hasOverallAverage } from '@emis/domain';
import {
  AuthStore,
  EmisDatePipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { saveDownload } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { HttpResponse } from '@angular/common/http';
import { GradingApi } from '../data-access/grading.api';
import { GradingLabelPipe } from '../ui/grading-label.pipe';

const PERIODS: readonly ResultPeriod[] = ['HK1', 'HK2', 'CN'];
const PERCENT = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

/**
 * /grades/:classId/results?period=HK1|HK2|CN — the class's results computed from its gradebooks: each subject's
 * result, learning and training levels, awards, the summary counts (tổng hợp) and, for the year, the promotion
 * proposals for the school council. Stores the results, exports them to Excel and prints report cards (PDF).
 */
@Component({
  selector: 'emis-results-page',
  imports: [RouterLink, TranslocoPipe, ProblemAlertComponent, SchoolRequiredComponent, GradingLabelPipe, EmisDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './results.page.html',
  styleUrl: './results.page.css',
})
export class ResultsPage {
  private readonly api = inject(GradingApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly auth = inject(AuthStore);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  readonly classId = input.required<string>();
  readonly period = input<string>();

  protected readonly periods = PERIODS;
  protected readonly selectedPeriod = computed<ResultPeriod>(() =>
    (PERIODS as readonly string[]).includes(this.period() ?? '') ? (this.period() as ResultPeriod) : 'HK1',
  );
  protected readonly results = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, classId: this.classId(), period: this.selectedPeriod() } : undefined;
    },
    ({ schoolId, classId, period }) => this.api.results(schoolId, classId, period),
  );
  protected readonly summaryGroups = computed(() => {
    const summary = this.results.value()?.summary;
    if (!summary) return [];
    const groups: { key: string; counts: [string, number][] }[] = [
      { key: 'learning', counts: Object.entries(summary.learning) },
      { key: 'training', counts: Object.entries(summary.training) },
      { key: 'awards', counts: Object.entries(summary.awards) },
    ];
    if (this.selectedPeriod() === 'CN') groups.push({ key: 'promotion', counts: Object.entries(summary.promotion) });
    return groups;
  });
  protected readonly busy = signal<string | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly stored = signal(false);

  protected pickPeriod(period: string): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { period },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected subjectText(row: StudentResult, code: string): string {
    const result = row.subjects[code];
    if (!result) return '';
    return result.average !== null ? formatAverage(result.average) : formatCell(result.rating);
  }

  /** ĐTB các môn only where the circular has one (hasOverallAverage: Circular 58; never 22 or 27). */
  protected readonly overall = computed(() => {
    const scheme = this.results.value()?.scheme;
    return !!scheme && hasOverallAverage(scheme);
  });

  /** A count's share of the class, as the statistics print it: one decimal, Vietnamese comma (26,7%). */
  protected share(count: number, total: number): string {
    return total > 0 ? PERCENT.format(count / total) : '—';
  }

  protected average(value: number | null): string {
    return formatAverage(value);
  }

  protected store(): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.run('store', this.api.storeResults(schoolId, this.classId(), this.selectedPeriod()), (result) => {
      this.results.set(result);
      this.stored.set(true);
    });
  }

  protected exportExcel(): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.download(
      'excel',
      this.api.exportResults(schoolId, this.classId(), this.selectedPeriod()),
      `ket-qua-${this.selectedPeriod()}.xlsx`,
    );
  }

  protected reportCards(studentId?: string): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.download(
      studentId ?? 'pdf',
      this.api.reportCards(schoolId, this.classId(), this.selectedPeriod(), studentId),
      `phieu-lien-lac-${this.selectedPeriod()}.pdf`,
    );
  }

  private download(key: string, call: Observable<HttpResponse<Blob>>, fallback: string): void {
    this.run(key, call, (response) => saveDownload(response, fallback));
  }

  private run<T>(key: string, call: Observable<T>, done: (value: T) => void): void {
    this.busy.set(key);
    this.problem.set(null);
    this.stored.set(false);
    call
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({ next: done, error: (error: unknown) => this.problem.set(toProblem(error)) });
  }
}
