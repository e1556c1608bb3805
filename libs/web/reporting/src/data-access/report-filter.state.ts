import { computed, inject, Injectable } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Params, Router } from '@angular/router';
import { ReportFilterQuery } from '@emis/contracts';
import { map } from 'rxjs';
import { compareFromQuery, filterFromQuery, filterToQuery } from './report-filter';

const sameJson = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The page's report filter, read from and written to the URL's query (provided per page). A change navigates, so the
 * back button steps through filters, a drill-down link carries `linkQuery` along and a copied URL opens the same view.
 */
@Injectable()
export class ReportFilterState {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.queryParams.pipe(map((p: Params) => p as Record<string, string>)), {
    initialValue: {} as Record<string, string>,
  });

  /** Equal filters do not re-emit, so an unrelated query change (e.g. the comparison's measure) reloads nothing twice. */
  readonly filter = computed<ReportFilterQuery>(() => filterFromQuery(this.params()), { equal: sameJson });
  readonly compare = computed(() => compareFromQuery(this.params()), { equal: sameJson });

  /** The filter as query params of a link: only the keys set, so defaults stay the API's. */
  readonly linkQuery = computed<Record<string, string>>(() => {
    const query: Record<string, string> = {};
    for (const [key, value] of Object.entries(filterToQuery(this.filter()))) if (value !== null) query[key] = value;
    return query;
  });

  readonly isFiltered = computed(() => Object.keys(this.linkQuery()).length > 0);

  update(patch: Partial<ReportFilterQuery>): void {
    this.navigate(filterToQuery({ ...this.filter(), ...patch }));
  }

  /** Sets other query keys of the page (the comparison's measure, subject, grade, unit). */
  setQuery(values: Record<string, string | null>): void {
    this.navigate(values);
  }

  reset(): void {
    this.navigate(filterToQuery({}));
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}
