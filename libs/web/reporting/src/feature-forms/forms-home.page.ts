import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthStore, loadOnChange, OrgUnitContext, ProblemAlertComponent } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { StatisticalFormsApi } from '../data-access/statistical-forms.api';
import { defaultYearId } from './statistical-forms.model';
import { SchoolFormsComponent } from './school-forms.component';
import { SubmissionStatusComponent } from './submission-status.component';

/**
 * /reports/forms: a school sees its two reports of the year; the department or a unit sees who has submitted. The
 * year (and for the list the report, the search and the status) live in the URL.
 */
@Component({
  selector: 'emis-forms-home-page',
  imports: [TranslocoPipe, ProblemAlertComponent, SchoolFormsComponent, SubmissionStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div>
        <h1 class="page-title">{{ 'reporting.forms.titles.home' | transloco }}</h1>
      </div>
      <div class="field field-inline">
        <label for="forms-year">{{ 'reporting.forms.year' | transloco }}</label>
        <select id="forms-year" class="select" (change)="pickYear($event)" data-testid="forms-year">
          @for (year of years.value() ?? []; track year.id) {
            <option [value]="year.id" [selected]="year.id === currentYearId()">{{ year.code }}</option>
          }
        </select>
      </div>
    </header>
    <emis-problem-alert [problem]="years.error()" />
    @if (currentYear(); as year) {
      @if (schoolId(); as school) {
        <emis-school-forms [schoolId]="school" [yearId]="year.id" [yearCode]="year.code" />
      } @else if (canReview()) {
        <emis-submission-status
          [yearId]="year.id"
          [yearCode]="year.code"
          [kind]="kind()"
          [q]="q()"
          [status]="status()"
          [unit]="unit()"
        />
      }
    }
  `,
})
export class FormsHomePage {
  private readonly api = inject(StatisticalFormsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  readonly yearId = input<string>();
  readonly kind = input<string>();
  readonly q = input<string>();
  readonly status = input<string>();
  readonly unit = input<string>();

  protected readonly canReview = computed(() => this.auth.can('reports.review'));
  protected readonly years = loadOnChange(
    () => true,
    () => this.api.schoolYears(),
  );
  protected readonly currentYearId = computed(() => {
    const years = this.years.value() ?? [];
    return years.some((y) => y.id === this.yearId()) ? this.yearId()! : defaultYearId(years);
  });
  protected readonly currentYear = computed(() => (this.years.value() ?? []).find((y) => y.id === this.currentYearId()));

  protected pickYear(event: Event): void {
    const yearId = (event.target as HTMLSelectElement).value;
    void this.router.navigate([], { relativeTo: this.route, queryParams: { yearId }, queryParamsHandling: 'merge' });
  }
}
