import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { ProblemDetails } from '@emis/contracts';
import { STATISTICAL_FORMS } from '@emis/domain';
import { LanguageService, loadOnChange, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { saveBlob } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { StatisticalFormsApi, UnitFormRequest } from '../data-access/statistical-forms.api';
import { StatisticalSectionTableComponent } from '../ui/statistical-section-table.component';
import { isReportKind } from './statistical-forms.model';

/** The unit's (or the province's) report summed from its schools' submitted snapshots, and its Excel layout. */
@Component({
  selector: 'emis-statistical-aggregate-page',
  imports: [RouterLink, TranslocoPipe, ProblemAlertComponent, StatisticalSectionTableComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .header-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
  template: `
    @if (report.value(); as r) {
      <header class="page-header">
        <div>
          <h1 class="page-title">
            {{ 'reporting.forms.aggregate.title' | transloco: { kind: ('reporting.forms.kind.' + r.kind | transloco), year: r.yearCode } }}
            — {{ r.schoolName }}
          </h1>
          <p class="page-subtitle">
            {{ 'reporting.forms.number' | transloco: { number: formNumber() } }} ·
            <span data-testid="aggregate-coverage">{{
              'reporting.forms.aggregate.coverage'
                | transloco: { included: r.coverage?.included ?? 0, schools: r.coverage?.schools ?? 0 }
            }}</span>
          </p>
        </div>
        <div class="header-actions">
          <a class="btn btn-secondary" routerLink="/reports/forms" [queryParams]="{ yearId: r.yearId, kind: r.kind }">{{
            'reporting.forms.form.back' | transloco
          }}</a>
          <button type="button" class="btn btn-primary" [disabled]="exporting()" (click)="exportAggregate()" data-testid="aggregate-export">
            {{ (exporting() ? 'reporting.forms.form.exporting' : 'reporting.forms.aggregate.export') | transloco }}
          </button>
        </div>
      </header>
      <emis-problem-alert [problem]="problem()" />
      @for (section of r.sections; track section.code) {
        <emis-statistical-section-table [section]="section" [lang]="lang()" [lineHeading]="'reporting.forms.form.line' | transloco" />
      }
    } @else {
      <emis-problem-alert [problem]="report.error()" />
      @if (report.loading()) {
        <p>{{ 'common.loading' | transloco }}</p>
      }
    }
  `,
})
export class AggregatePage {
  private readonly api = inject(StatisticalFormsApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly lang = inject(LanguageService).language;

  readonly yearId = input<string>();
  readonly kind = input<string>();
  readonly orgUnitId = input<string>();

  private readonly request = computed<UnitFormRequest | undefined>(() => {
    const yearId = this.yearId();
    const kind = this.kind();
    return yearId && isReportKind(kind) ? { yearId, kind, orgUnitId: this.orgUnitId() || undefined } : undefined;
  });
  protected readonly report = loadOnChange(this.request, (request) => this.api.aggregate(request));
  protected readonly formNumber = computed(() => {
    const kind = this.kind();
    return isReportKind(kind) ? STATISTICAL_FORMS[kind].number : '';
  });
  protected readonly exporting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected exportAggregate(): void {
    const request = this.request();
    const report = this.report.value();
    if (!request || !report) return;
    this.exporting.set(true);
    this.problem.set(null);
    this.api
      .exportAggregate(request)
      .pipe(
        finalize(() => this.exporting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (blob) => saveBlob(blob, `bao-cao-tong-hop-${report.yearCode}-${report.schoolCode}.xlsx`),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
