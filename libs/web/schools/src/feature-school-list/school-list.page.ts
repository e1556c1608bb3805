import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@emis/contracts';
import { isSchoolLevel, SCHOOL_LEVELS, SchoolLevel } from '@emis/domain';
import {
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  debounceUntilLeaving,
} from '@emis/web/core';
import { PaginatorComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { distinctUntilChanged, map } from 'rxjs';
import { SCHOOL_SORTS, SchoolSort, SchoolsApi } from '../data-access/schools.api';
import { LevelBadgesComponent } from '../ui/level-badges.component';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * The list's state lives in the URL (q, level, sort, page, pageSize, unitId), bound to inputs by the router,
 * so a filtered page can be bookmarked, shared, and restored by the back button.
 */
@Component({
  selector: 'emis-school-list-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    EmisNumberPipe,
    ProblemAlertComponent,
    PaginatorComponent,
    LevelBadgesComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './school-list.page.html',
  styleUrl: './school-list.page.css',
})
export class SchoolListPage {
  private readonly api = inject(SchoolsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly orgUnits = inject(OrgUnitContext);

  readonly q = input<string>();
  readonly level = input<string>();
  readonly sort = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();
  readonly unitId = input<string>();

  protected readonly levels = SCHOOL_LEVELS;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly levelFilter = computed<SchoolLevel | null>(() => {
    const level = this.level();
    return isSchoolLevel(level) ? level : null;
  });
  protected readonly sortOrder = computed<SchoolSort>(() => {
    const sort = this.sort();
    return SCHOOL_SORTS.find((s) => s === sort) ?? 'name';
  });
  protected readonly pageNumber = computed(() => positiveInt(this.page(), 1));
  protected readonly size = computed(() => Math.min(positiveInt(this.pageSize(), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE));
  protected readonly unitName = computed(() => {
    const id = this.unitId();
    return id ? (this.orgUnits.nodesById().get(id)?.name ?? null) : null;
  });
  protected readonly hasFilters = computed(() => !!this.q()?.trim() || this.levelFilter() !== null || !!this.unitId());

  protected readonly result = loadOnChange(
    () => ({
      q: this.q()?.trim() || undefined,
      level: this.levelFilter() ?? undefined,
      sort: this.sortOrder(),
      page: this.pageNumber(),
      pageSize: this.size(),
      unitId: this.unitId() || undefined,
      scope: this.orgUnits.selectedUnitId(),
    }),
    ({ scope: _scope, ...request }) => this.api.list(request),
  );

  constructor() {
    // The box follows the URL (back button, a link with ?q=) without echoing the change back.
    effect(() => {
      const q = this.q() ?? '';
      untracked(() => {
        if (this.search.value.trim() !== q.trim()) this.search.setValue(q, { emitEvent: false });
      });
    });
    this.search.valueChanges
      .pipe(
        debounceUntilLeaving(SEARCH_DEBOUNCE_MS),
        map((value) => value.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => {
        if (q !== (this.q() ?? '').trim()) this.navigate({ q: q || null, page: null }, true);
      });
    if (this.orgUnits.tree().length === 0) this.orgUnits.loadTree().subscribe({ error: () => undefined });
  }

  protected changeLevel(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.navigate({ level: isSchoolLevel(value) ? value : null, page: null });
  }

  protected sortBy(column: 'name' | 'code'): void {
    const next: SchoolSort = column === 'code' ? 'code' : this.sortOrder() === 'name' ? '-name' : 'name';
    this.navigate({ sort: next === 'name' ? null : next, page: null });
  }

  protected ariaSort(column: 'name' | 'code'): 'ascending' | 'descending' | 'none' {
    const sort = this.sortOrder();
    if (column === 'code') return sort === 'code' ? 'ascending' : 'none';
    return sort === 'name' ? 'ascending' : sort === '-name' ? 'descending' : 'none';
  }

  protected goToPage(page: number): void {
    this.navigate({ page: page === 1 ? null : page });
  }

  protected changePageSize(pageSize: number): void {
    this.navigate({ pageSize: pageSize === DEFAULT_PAGE_SIZE ? null : pageSize, page: null });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.navigate({ q: null, level: null, unitId: null, page: null });
  }

  /** Typing a search replaces the history entry instead of adding one per pause. */
  private navigate(queryParams: Record<string, string | number | null>, replaceUrl = false): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl });
  }
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}
