import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@emis/contracts';
import { loadOnChange, OrgUnitContext, ProblemAlertComponent, SchoolRequiredComponent } from '@emis/web/core';
import { PaginatorComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { ChargeFilters, CollectionApi } from '../data-access/collection.api';
import { ChargeTableComponent } from '../ui/charge-table.component';
import { SchoolYearSelectComponent } from '../ui/school-year-select.component';
import { chooseYearId } from '../ui/school-years';
import { positiveInt } from '../ui/url-filters';

/**
 * What pupils owe in a period, by class: one line per pupil and fee with its computation. The filters live in the
 * URL so a class's list can be bookmarked; a pupil's name opens their account.
 */
@Component({
  selector: 'emis-charges-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    PaginatorComponent,
    ChargeTableComponent,
    SchoolYearSelectComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './charges.page.html',
  styleUrl: '../ui/finance-page.css',
})
export class ChargesPage {
  private readonly api = inject(CollectionApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  readonly yearId = input<string>();
  readonly periodId = input<string>();
  readonly classId = input<string>();
  readonly outstanding = input<string>();
  readonly q = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly years = loadOnChange(
    () => true,
    () => this.api.schoolYears(),
  );
  protected readonly year = computed(() => chooseYearId(this.years.value() ?? [], this.yearId()));
  private readonly inYear = computed(() => {
    const schoolId = this.schoolId();
    const yearId = this.year();
    return schoolId && yearId ? { schoolId, yearId } : undefined;
  });
  protected readonly periods = loadOnChange(this.inYear, ({ schoolId, yearId }) => this.api.periods(schoolId, yearId));
  protected readonly classes = loadOnChange(this.inYear, ({ schoolId, yearId }) => this.api.classes(schoolId, yearId));
  /** The period asked for, else the year's latest that has started. */
  protected readonly period = computed(() => {
    const periods = [...(this.periods.value() ?? [])].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
    return periods.find((p) => p.id === this.periodId())?.id ?? periods[0]?.id ?? null;
  });
  protected readonly onlyOutstanding = computed(() => this.outstanding() === 'true');
  protected readonly pageNumber = computed(() => positiveInt(this.page(), 1));
  protected readonly size = computed(() => Math.min(positiveInt(this.pageSize(), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE));

  protected readonly result = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const periodId = this.period();
      if (!schoolId || !periodId) return undefined;
      const filters: ChargeFilters = {
        periodId,
        classId: this.classId() || undefined,
        outstanding: this.onlyOutstanding(),
        q: this.q()?.trim() || undefined,
        page: this.pageNumber(),
        pageSize: this.size(),
      };
      return { schoolId, filters };
    },
    ({ schoolId, filters }) => this.api.charges(schoolId, filters),
  );

  protected changeFilter(name: 'yearId' | 'periodId' | 'classId' | 'q' | 'outstanding', value: string): void {
    const reset: Record<string, null> = name === 'yearId' ? { periodId: null, classId: null } : {};
    this.navigate({ [name]: value.trim() || null, ...reset, page: null });
  }

  protected goToPage(page: number): void {
    this.navigate({ page: page === 1 ? null : page });
  }

  protected changePageSize(pageSize: number): void {
    this.navigate({ pageSize: pageSize === DEFAULT_PAGE_SIZE ? null : pageSize, page: null });
  }

  private navigate(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}
