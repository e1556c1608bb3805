import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ReportRow } from '@emis/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { reportLinkOf } from './report-heading.component';
import {
  nextSort,
  PERCENT_COLUMNS,
  REPORT_COLUMNS,
  ReportColumn,
  SortKey,
  sortRows,
  SortState,
} from './report-columns';
import { ReportFigureComponent } from './report-figure.component';

/**
 * Units, schools or classes with their figures, sortable by any column (keyboard: the headers are buttons); each row
 * links to its own report, keeping the filter.
 */
@Component({
  selector: 'emis-report-rows-table',
  imports: [RouterLink, TranslocoPipe, ReportFigureComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="muted" data-testid="rows-empty">{{ 'reporting.children.empty' | transloco }}</p>
    } @else {
      <!-- A region that scrolls is reachable by keyboard (axe scrollable-region-focusable, WCAG 2.1.1). -->
      <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="caption()">
        <table class="table rows-table" [attr.data-testid]="testId()">
          <caption class="visually-hidden">
            {{
              caption()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col" [attr.aria-sort]="ariaSort('name')">
                <button type="button" class="sort-button" (click)="sortBy('name')">
                  {{ nameLabel() }}<span class="sort-mark" aria-hidden="true">{{ mark('name') }}</span>
                </button>
              </th>
              @if (showGrade()) {
                <th scope="col" [attr.aria-sort]="ariaSort('grade')">
                  <button type="button" class="sort-button" (click)="sortBy('grade')">
                    {{ 'reporting.charts.grade' | transloco
                    }}<span class="sort-mark" aria-hidden="true">{{ mark('grade') }}</span>
                  </button>
                </th>
              }
              @for (column of columns(); track column) {
                <th scope="col" class="num" [attr.aria-sort]="ariaSort(column)">
                  <button
                    type="button"
                    class="sort-button"
                    (click)="sortBy(column)"
                    [attr.data-testid]="'sort-' + column"
                  >
                    {{ 'reporting.measures.' + column | transloco
                    }}<span class="sort-mark" aria-hidden="true">{{ mark(column) }}</span>
                  </button>
                </th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of sorted(); track row.id) {
              <tr data-testid="report-row">
                <th scope="row">
                  <a [routerLink]="linkOf(row)" [queryParams]="linkQuery()" data-testid="report-row-link">{{
                    row.name
                  }}</a>
                </th>
                @if (showGrade()) {
                  <td>{{ row.grade }}</td>
                }
                @for (column of columns(); track column) {
                  <td class="num">
                    <emis-report-figure
                      [value]="value(row, column)"
                      [suppressed]="row.measures.suppressed"
                      [percent]="isPercent(column)"
                    />
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    /* Positioned, so visually hidden texts in cells scrolled out of view stay inside it, not widening the page. */
    .table-wrap {
      position: relative;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .rows-table th,
    .rows-table td {
      white-space: nowrap;
    }
    .rows-table thead .num .sort-button {
      margin-left: auto;
    }
  `,
})
export class ReportRowsTableComponent {
  readonly rows = input.required<readonly ReportRow[]>();
  readonly columns = input.required<readonly ReportColumn[]>();
  readonly caption = input('');
  readonly nameLabel = input('');
  readonly showGrade = input(false);
  /** For class rows: the school whose class reports they link to. */
  readonly schoolId = input<string | null>(null);
  readonly linkQuery = input<Record<string, string>>({});
  readonly testId = input('report-rows');

  protected readonly sort = signal<SortState>({ key: 'name', descending: false });
  protected readonly sorted = computed(() => sortRows(this.rows(), this.sort()));

  protected sortBy(key: SortKey): void {
    this.sort.update((current) => nextSort(current, key));
  }

  protected mark(key: SortKey): string {
    const sort = this.sort();
    return sort.key !== key ? '' : sort.descending ? ' ▼' : ' ▲';
  }

  protected ariaSort(key: SortKey): string | null {
    const sort = this.sort();
    return sort.key !== key ? null : sort.descending ? 'descending' : 'ascending';
  }

  protected value(row: ReportRow, column: ReportColumn): number | null {
    return REPORT_COLUMNS[column](row.measures);
  }

  protected isPercent(column: ReportColumn): boolean {
    return PERCENT_COLUMNS.includes(column);
  }

  protected linkOf(row: ReportRow): string[] {
    const schoolId = this.schoolId();
    if (row.kind === 'CLASS' && schoolId) return ['/reports/schools', schoolId, 'classes', row.id];
    return reportLinkOf(row);
  }
}
