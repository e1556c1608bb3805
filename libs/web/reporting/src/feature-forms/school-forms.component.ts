import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { StatisticalReportKind } from '@emis/contracts';
import { STATISTICAL_FORMS, STATISTICAL_REPORT_KINDS } from '@emis/domain';
import { EmisDatePipe, loadOnChange, ProblemAlertComponent } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { forkJoin } from 'rxjs';
import { StatisticalFormsApi } from '../data-access/statistical-forms.api';

/** A school's two reports of the year with their status, and the reminders it has not answered yet. */
@Component({
  selector: 'emis-school-forms',
  imports: [RouterLink, TranslocoPipe, EmisDatePipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .forms {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      gap: 1rem;
    }
    .card h2 {
      font-size: 1.1rem;
      margin: 0 0 0.25rem;
    }
  `,
  template: `
    @for (reminder of reminders.value() ?? []; track reminder.sentAt + reminder.kind) {
      <div class="alert alert-warning" role="status" data-testid="forms-reminder">
        <p>
          {{
            'reporting.forms.reminder.banner'
              | transloco
                : {
                    kind: ('reporting.forms.kind.' + reminder.kind | transloco),
                    year: reminder.yearCode,
                    at: (reminder.sentAt | emisDate: 'datetime'),
                    from: reminder.sentBy ? ('reporting.forms.reminder.from' | transloco: { name: reminder.sentBy }) : '',
                    message: reminder.message,
                  }
          }}
        </p>
      </div>
    }
    <p class="page-subtitle">{{ 'reporting.forms.school.subtitle' | transloco }}</p>
    <emis-problem-alert [problem]="reports.error()" />
    <div class="forms">
      @for (kind of kinds; track kind) {
        <section class="card" [attr.data-testid]="'forms-card-' + kind">
          <h2>{{ 'reporting.forms.kind.' + kind | transloco }} {{ yearCode() }}</h2>
          <p>{{ 'reporting.forms.number' | transloco: { number: number(kind) } }}</p>
          @if (statusOf(kind); as report) {
            <p>
              <span class="badge" data-testid="forms-card-status">{{ 'reporting.forms.status.' + report.status | transloco }}</span>
              @if (report.submittedAt) {
                {{ 'reporting.forms.school.submittedAt' | transloco: { at: (report.submittedAt | emisDate: 'datetime') } }}
              }
            </p>
          }
          <a
            class="btn btn-primary"
            [routerLink]="['/reports/forms/schools', schoolId(), yearId(), kind]"
            [attr.data-testid]="'forms-open-' + kind"
            >{{ 'reporting.forms.school.open' | transloco }}</a
          >
        </section>
      }
    </div>
  `,
})
export class SchoolFormsComponent {
  private readonly api = inject(StatisticalFormsApi);
  readonly schoolId = input.required<string>();
  readonly yearId = input.required<string>();
  readonly yearCode = input.required<string>();

  protected readonly kinds = STATISTICAL_REPORT_KINDS;
  protected readonly reminders = loadOnChange(
    () => this.schoolId(),
    (schoolId) => this.api.reminders(schoolId),
  );
  protected readonly reports = loadOnChange(
    () => ({ schoolId: this.schoolId(), yearId: this.yearId() }),
    ({ schoolId, yearId }) =>
      forkJoin(STATISTICAL_REPORT_KINDS.map((kind) => this.api.get({ schoolId, yearId, kind }))),
  );
  private readonly byKind = computed(() => new Map((this.reports.value() ?? []).map((r) => [r.kind, r])));

  protected statusOf(kind: StatisticalReportKind) {
    return this.byKind().get(kind);
  }

  protected number(kind: StatisticalReportKind): string {
    return STATISTICAL_FORMS[kind].number;
  }
}
