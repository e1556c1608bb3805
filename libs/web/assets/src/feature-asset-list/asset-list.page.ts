import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ProblemDetails } from '@emis/contracts';
import { ASSET_CLASSES, ASSET_KINDS, ASSET_STATUSES, FUNDING_SOURCES } from '@emis/domain';
import {
  AuthStore,
  EmisDatePipe,
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
  debounceUntilLeaving,
} from '@emis/web/core';
import {
  ColumnChoice,
  ColumnChooserComponent,
  DongPipe,
  PaginatorComponent,
  saveDownload,
  showPdf,
} from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { distinctUntilChanged, finalize, map } from 'rxjs';
import { ASSET_SORT_KEYS, AssetFilters, AssetSort, AssetSortKey, AssetsApi } from '../data-access/assets.api';

const SEARCH_DEBOUNCE_MS = 300;
type AssetColumn = 'name' | 'assetClass' | 'kind' | 'quantity' | 'cost' | 'wear' | 'remaining' | 'location' | 'status';
type FilterName = 'assetClass' | 'kind' | 'status' | 'locationId' | 'fundingSource';

/**
 * The current school's register. Filters, sort and page live in the URL so a filtered list can be bookmarked and
 * the Excel export gets the same question; a selection of rows prints their labels on one A4 sheet. Keyboard: "/"
 * jumps to the search, the arrows move between rows.
 */
@Component({
  selector: 'emis-asset-list-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    EmisNumberPipe,
    EmisDatePipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    PaginatorComponent,
    ColumnChooserComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'shortcut($event)' },
  templateUrl: './asset-list.page.html',
  styleUrl: './asset-list.page.css',
})
export class AssetListPage {
  private readonly api = inject(AssetsApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  readonly q = input<string>();
  readonly assetClass = input<string>();
  readonly kind = input<string>();
  readonly status = input<string>();
  readonly locationId = input<string>();
  readonly fundingSource = input<string>();
  readonly sort = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly classes = ASSET_CLASSES;
  protected readonly kinds = ASSET_KINDS;
  protected readonly statuses = ASSET_STATUSES;
  protected readonly sources = FUNDING_SOURCES;
  protected readonly canManage = computed(() => this.auth.can('assets.manage'));
  protected readonly canConfigure = computed(() => this.auth.can('assets.configure'));
  protected readonly columns = new ColumnChoice<AssetColumn>(
    'emis.columns.assets',
    [
      { key: 'name', labelKey: 'assets.register.fields.name', fixed: true },
      { key: 'assetClass', labelKey: 'assets.register.fields.assetClass' },
      { key: 'kind', labelKey: 'assets.register.fields.kind' },
      { key: 'quantity', labelKey: 'assets.register.fields.quantity' },
      { key: 'cost', labelKey: 'assets.register.fields.cost' },
      { key: 'wear', labelKey: 'assets.register.fields.accumulatedWear' },
      { key: 'remaining', labelKey: 'assets.register.fields.remainingValue' },
      { key: 'location', labelKey: 'assets.register.fields.location' },
      { key: 'status', labelKey: 'assets.register.fields.status' },
    ],
    ['assetClass'],
  );
  protected readonly search = new FormControl('', { nonNullable: true });
  private readonly searchBox = viewChild<ElementRef<HTMLInputElement>>('searchBox');

  protected readonly sortOrder = computed<AssetSort>(() => parseSort(this.sort()));
  protected readonly pageNumber = computed(() => positiveInt(this.page(), 1));
  protected readonly size = computed(() => Math.min(positiveInt(this.pageSize(), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE));
  private readonly filters = computed<AssetFilters>(() => ({
    q: this.q()?.trim() || undefined,
    assetClass: pick(ASSET_CLASSES, this.assetClass()),
    kind: pick(ASSET_KINDS, this.kind()),
    status: pick(ASSET_STATUSES, this.status()),
    locationId: this.locationId() || undefined,
    fundingSource: pick(FUNDING_SOURCES, this.fundingSource()),
    sort: this.sortOrder(),
  }));
  protected readonly hasFilters = computed(() => {
    const { sort: _sort, ...filters } = this.filters();
    return Object.values(filters).some((value) => value !== undefined);
  });

  protected readonly result = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, ...this.filters(), page: this.pageNumber(), pageSize: this.size() } : undefined;
    },
    ({ schoolId, ...request }) => this.api.list(schoolId, request),
  );
  protected readonly locations = loadOnChange(
    () => this.schoolId() ?? undefined,
    (schoolId) => this.api.locations(schoolId),
  );

  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  private readonly pageIds = computed(() => (this.result.value()?.items ?? []).map((a) => a.id));
  protected readonly allOnPageSelected = computed(
    () => this.pageIds().length > 0 && this.pageIds().every((id) => this.selected().has(id)),
  );
  protected readonly busy = signal<'export' | 'labels' | null>(null);
  protected readonly fileProblem = signal<ProblemDetails | null>(null);

  constructor() {
    effect(() => {
      const q = this.q() ?? '';
      untracked(() => {
        if (this.search.value.trim() !== q.trim()) this.search.setValue(q, { emitEvent: false });
      });
    });
    // A selection belongs to the school it was made in.
    effect(() => {
      this.schoolId();
      untracked(() => this.selected.set(new Set()));
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
  }

  protected changeFilter(name: FilterName, event: Event): void {
    this.navigate({ [name]: (event.target as HTMLSelectElement).value || null, page: null });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.navigate({
      q: null,
      assetClass: null,
      kind: null,
      status: null,
      locationId: null,
      fundingSource: null,
      page: null,
    });
  }

  /** A first click sorts ascending (cost and date: descending, the question usually asked), a second reverses. */
  protected sortBy(key: AssetSortKey): void {
    const current = this.sortOrder();
    const firstOrder: AssetSort = key === 'cost' || key === 'inUseOn' ? `-${key}` : key;
    const next: AssetSort = current === firstOrder ? reverse(firstOrder) : firstOrder;
    this.navigate({ sort: next === 'code' ? null : next, page: null });
  }

  protected ariaSort(key: AssetSortKey): 'ascending' | 'descending' | 'none' {
    const sort = this.sortOrder();
    return sort === key ? 'ascending' : sort === `-${key}` ? 'descending' : 'none';
  }

  protected sortMark(key: AssetSortKey): string {
    const order = this.ariaSort(key);
    return order === 'ascending' ? '▲' : order === 'descending' ? '▼' : '↕';
  }

  protected goToPage(page: number): void {
    this.navigate({ page: page === 1 ? null : page });
  }

  protected changePageSize(pageSize: number): void {
    this.navigate({ pageSize: pageSize === DEFAULT_PAGE_SIZE ? null : pageSize, page: null });
  }

  protected toggleRow(id: string, checked: boolean): void {
    const next = new Set(this.selected());
    if (checked) next.add(id);
    else next.delete(id);
    this.selected.set(next);
  }

  protected toggleAll(checked: boolean): void {
    const next = new Set(this.selected());
    for (const id of this.pageIds()) {
      if (checked) next.add(id);
      else next.delete(id);
    }
    this.selected.set(next);
  }

  protected clearSelection(): void {
    this.selected.set(new Set());
  }

  protected exportList(): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.startFile('export');
    this.api
      .exportList(schoolId, this.filters())
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({
        next: (response) => saveDownload(response, 'so-tai-san.xlsx'),
        error: (error: unknown) => this.fileProblem.set(toProblem(error)),
      });
  }

  protected printLabels(): void {
    const schoolId = this.schoolId();
    if (!schoolId || this.selected().size === 0) return;
    this.startFile('labels');
    showPdf(this.api.labels(schoolId, [...this.selected()]), 'nhan-tai-san.pdf')
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({ error: (error: unknown) => this.fileProblem.set(toProblem(error)) });
  }

  /** "/" focuses the search unless the user is typing somewhere. */
  protected shortcut(event: KeyboardEvent): void {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    event.preventDefault();
    this.searchBox()?.nativeElement.focus();
  }

  /** Up and down move the focus to the same control of the previous or next row. */
  protected moveInRows(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const target = event.target as HTMLElement;
    const row = target.closest('tr');
    const sibling = (
      event.key === 'ArrowDown' ? row?.nextElementSibling : row?.previousElementSibling
    ) as HTMLElement | null;
    const role = target.getAttribute('data-testid');
    const next = sibling?.querySelector<HTMLElement>(role ? `[data-testid="${role}"]` : 'a');
    if (!next) return;
    event.preventDefault();
    next.focus();
  }

  private startFile(kind: 'export' | 'labels'): void {
    this.busy.set(kind);
    this.fileProblem.set(null);
  }

  private navigate(queryParams: Record<string, string | number | null>, replaceUrl = false): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl });
  }
}

function parseSort(value: string | undefined): AssetSort {
  const key = value?.startsWith('-') ? value.slice(1) : value;
  const known = ASSET_SORT_KEYS.find((k) => k === key);
  if (!known) return 'code';
  return value?.startsWith('-') ? `-${known}` : known;
}

function reverse(sort: AssetSort): AssetSort {
  return sort.startsWith('-') ? (sort.slice(1) as AssetSortKey) : `-${sort as AssetSortKey}`;
}

function pick<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.find((v) => v === value);
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}
