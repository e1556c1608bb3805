import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { ReportFilter, ReportFilterQuery, SchoolYear } from '@emis/contracts';
import { SCHOOL_LEVELS, SCHOOL_OWNERSHIPS, SchoolLevel, SchoolOwnership } from '@emis/domain';
import { DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { REPORT_PERIODS } from '../data-access/report-filter';

export type FilterField = 'year' | 'period' | 'level' | 'ownership' | 'asOf';

/**
 * The filters bar of every report page. An empty choice leaves the API's default, named beside it from the filter
 * the API applied ("Current school year (2026-2027)"), so the user sees what the figures are for.
 */
@Component({
  selector: 'emis-report-filters',
  imports: [TranslocoPipe, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="report-filters no-print"
      role="search"
      [attr.aria-label]="'reporting.filters.label' | transloco"
      (submit)="$event.preventDefault()"
      data-testid="report-filters"
    >
      @if (shows('year')) {
        <div class="field">
          <label class="label" for="report-year">{{ 'reporting.filters.year' | transloco }}</label>
          <select id="report-year" class="select" (change)="pick('yearId', $event)" data-testid="filter-year">
            <option value="" [selected]="!filter().yearId">
              {{ 'reporting.filters.defaultYear' | transloco
              }}{{ defaultYearCode() ? ' (' + defaultYearCode() + ')' : '' }}
            </option>
            @for (year of years(); track year.id) {
              <option [value]="year.id" [selected]="year.id === filter().yearId">{{ year.code }}</option>
            }
          </select>
        </div>
      }
      @if (shows('period')) {
        <div class="field">
          <label class="label" for="report-period">{{ 'reporting.filters.period' | transloco }}</label>
          <select id="report-period" class="select" (change)="pick('period', $event)" data-testid="filter-period">
            <option value="" [selected]="!filter().period">
              {{ 'reporting.filters.defaultPeriod' | transloco }}
              @if (applied(); as a) {
                ({{ 'reporting.periods.' + a.period | transloco }})
              }
            </option>
            @for (period of periods; track period) {
              <option [value]="period" [selected]="period === filter().period">
                {{ 'reporting.periods.' + period | transloco }}
              </option>
            }
          </select>
        </div>
      }
      @if (shows('level')) {
        <div class="field">
          <label class="label" for="report-level">{{ 'reporting.filters.level' | transloco }}</label>
          <select id="report-level" class="select" (change)="pick('level', $event)" data-testid="filter-level">
            <option value="" [selected]="!filter().level">{{ 'reporting.filters.all' | transloco }}</option>
            @for (level of levels; track level) {
              <option [value]="level" [selected]="level === filter().level">{{ 'levels.' + level | transloco }}</option>
            }
          </select>
        </div>
      }
      @if (shows('ownership')) {
        <div class="field">
          <label class="label" for="report-ownership">{{ 'reporting.filters.ownership' | transloco }}</label>
          <select
            id="report-ownership"
            class="select"
            (change)="pick('ownership', $event)"
            data-testid="filter-ownership"
          >
            <option value="" [selected]="!filter().ownership">{{ 'reporting.filters.all' | transloco }}</option>
            @for (ownership of ownerships; track ownership) {
              <option [value]="ownership" [selected]="ownership === filter().ownership">
                {{ 'ownership.' + ownership | transloco }}
              </option>
            }
          </select>
        </div>
      }
      @if (shows('asOf')) {
        <div class="field">
          <label class="label" for="report-as-of">{{ 'reporting.filters.asOf' | transloco }}</label>
          <input
            id="report-as-of"
            class="input"
            emisDateInput
            [isoValue]="filter().asOf ?? applied()?.asOf ?? ''"
            (isoChange)="pickDate('asOf', $event)"
            data-testid="filter-as-of"
          />
        </div>
      }
      @if (filtered()) {
        <button type="button" class="btn btn-link btn-small" (click)="reset.emit()" data-testid="filter-reset">
          {{ 'reporting.filters.reset' | transloco }}
        </button>
      }
    </form>
  `,
  styles: `
    .report-filters {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.75rem 1rem;
      margin-bottom: 1rem;
    }
    .report-filters .field {
      margin: 0;
      min-width: 9rem;
    }
    @media (max-width: 36rem) {
      .report-filters .field {
        flex: 1 1 40%;
        min-width: 0;
      }
      .report-filters .select,
      .report-filters .input {
        width: 100%;
      }
    }
  `,
})
export class ReportFiltersComponent {
  readonly filter = input.required<ReportFilterQuery>();
  /** The filter the API applied (defaults resolved), once a report has loaded. */
  readonly applied = input<ReportFilter | null | undefined>(null);
  readonly years = input<readonly SchoolYear[]>([]);
  readonly fields = input<readonly FilterField[]>(['year', 'period', 'level', 'ownership', 'asOf']);
  readonly filtered = input(false);
  readonly changed = output<Partial<ReportFilterQuery>>();
  readonly reset = output<void>();

  protected readonly periods = REPORT_PERIODS;
  protected readonly levels: readonly SchoolLevel[] = SCHOOL_LEVELS;
  protected readonly ownerships: readonly SchoolOwnership[] = SCHOOL_OWNERSHIPS;
  protected readonly defaultYearCode = computed(() => {
    const applied = this.applied();
    if (applied) return applied.yearCode;
    return this.years().find((y) => y.status === 'OPEN')?.code ?? '';
  });

  protected shows(field: FilterField): boolean {
    return this.fields().includes(field);
  }

  protected pick(key: keyof ReportFilterQuery, event: Event): void {
    const value = (event.target as HTMLSelectElement | HTMLInputElement).value;
    this.changed.emit({ [key]: value === '' ? undefined : value });
  }

  /** A date typed dd/mm/yyyy, sent as ISO when the field is left (empty: the API's default). */
  protected pickDate(key: 'asOf', iso: string): void {
    this.changed.emit({ [key]: iso === '' ? undefined : iso });
  }
}
