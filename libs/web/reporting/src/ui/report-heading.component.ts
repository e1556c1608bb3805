import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Freshness, OrgPathItem } from '@emis/contracts';
import { formatEmisDate } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';

/** The link of an org unit's report: a school's own page, or a unit's (the department is a unit too). */
export function reportLinkOf(item: { id: string; kind: string }): string[] {
  return item.kind === 'SCHOOL' ? ['/reports/schools', item.id] : ['/reports/units', item.id];
}

/**
 * A report's breadcrumbs (from the response's path, each a link keeping the filter), its title and its freshness:
 * "Số liệu đến HH:mm" and how many schools are still being updated.
 */
@Component({
  selector: 'emis-report-heading',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!embedded()) {
      <nav
        class="breadcrumb no-print"
        [attr.aria-label]="'common.breadcrumb' | transloco"
        data-testid="report-breadcrumb"
      >
        <ol>
          @for (item of crumbs(); track item.id) {
            <li>
              <a [routerLink]="linkOf(item)" [queryParams]="linkQuery()" data-testid="breadcrumb-link">{{
                item.name
              }}</a>
            </li>
          }
          <li>
            <span aria-current="page">{{ trailing() ?? title() }}</span>
          </li>
        </ol>
      </nav>
    }
    <header class="page-header report-heading">
      <div>
        @if (embedded()) {
          <h2 class="page-title" data-testid="report-title">{{ title() }}</h2>
        } @else {
          <h1 class="page-title" data-testid="report-title">{{ title() }}</h1>
        }
        @if (freshness(); as f) {
          <p class="page-subtitle freshness" data-testid="report-freshness">
            <span>{{ 'reporting.freshness.asOf' | transloco: { time: time() } }}</span>
            @if (f.pendingSchools > 0) {
              <span class="badge badge-warning" data-testid="report-pending">
                {{ 'reporting.freshness.pending' | transloco: { count: f.pendingSchools } }}
              </span>
            }
          </p>
        }
      </div>
      <div class="report-actions no-print">
        <ng-content />
      </div>
    </header>
  `,
  styles: `
    .report-heading {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.75rem;
    }
    .freshness {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .report-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: flex-start;
    }
  `,
})
export class ReportHeadingComponent {
  readonly title = input.required<string>();
  readonly path = input<readonly OrgPathItem[]>([]);
  /** The unit the page shows: left out of the links, the page's own title ends the trail instead. */
  readonly currentId = input<string | null>(null);
  /** The last crumb when it is not the title (a class, the comparison). */
  readonly trailing = input<string | null>(null);
  readonly freshness = input<Freshness | null | undefined>(null);
  readonly linkQuery = input<Record<string, string>>({});
  /** Shown inside another page (the home dashboard): no breadcrumbs, an h2. */
  readonly embedded = input(false);
  /** Where a crumb leads: the unit's or school's report, or the same section of it (the public assets). */
  readonly linkTo = input<(item: OrgPathItem) => string[]>(reportLinkOf);

  protected readonly crumbs = computed(() => this.path().filter((item) => item.id !== this.currentId()));

  /** HH:mm in Vietnam's time zone; the date too when the figures are not from today. */
  protected readonly time = computed(() => {
    const at = this.freshness()?.dataAsOf;
    if (!at) return '';
    const full = formatEmisDate(at, 'datetime');
    const today = formatEmisDate(new Date(), 'date');
    return full.startsWith(today) ? full.slice(today.length + 1) : full;
  });

  protected linkOf(item: OrgPathItem): string[] {
    return this.linkTo()(item);
  }
}
