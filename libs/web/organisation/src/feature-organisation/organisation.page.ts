import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, OrgUnitAdminDetail, ProblemDetails } from '@emis/contracts';
import { isSchoolLevel, SCHOOL_LEVELS, SchoolLevel } from '@emis/domain';
import {
  AuthStore,
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  toProblem,
  debounceUntilLeaving,
} from '@emis/web/core';
import { PaginatorComponent, saveDownload } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { distinctUntilChanged, finalize, map } from 'rxjs';
import { OrganisationApi, OrgUnitListRequest } from '../data-access/organisation.api';
import { ancestorIds, buildUnitTree } from '../model/unit-tree';
import { UnitBadgesComponent } from '../ui/unit-badges.component';
import { UnitFormDialogComponent } from '../ui/unit-form-dialog.component';
import { UnitTreeComponent } from '../ui/unit-tree.component';

const SEARCH_DEBOUNCE_MS = 300;
const KINDS = ['UNIT', 'SCHOOL'] as const;
type ListedKind = (typeof KINDS)[number];
const EXPORT_NAME = 'don-vi-truong.xlsx';

/**
 * The organisation of the caller's scope: the unit tree on one side, the units and schools under the picked unit on
 * the other, searched, filtered and paged. Its state lives in the URL (q, kind, level, closed, unit, page, pageSize)
 * so a view can be bookmarked and restored by the back button. The department adds schools and units from here.
 */
@Component({
  selector: 'emis-organisation-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    EmisNumberPipe,
    ProblemAlertComponent,
    PaginatorComponent,
    UnitBadgesComponent,
    UnitTreeComponent,
    UnitFormDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organisation.page.html',
  styleUrl: './organisation.page.css',
})
export class OrganisationPage {
  private readonly api = inject(OrganisationApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);
  private readonly orgUnits = inject(OrgUnitContext);

  readonly q = input<string>();
  readonly kind = input<string>();
  readonly level = input<string>();
  readonly closed = input<string>();
  readonly unit = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly kinds = KINDS;
  protected readonly levels = SCHOOL_LEVELS;
  protected readonly canManage = computed(() => this.auth.can('org.manage'));
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly kindFilter = computed<ListedKind | null>(() => KINDS.find((k) => k === this.kind()) ?? null);
  protected readonly levelFilter = computed<SchoolLevel | null>(() => {
    const level = this.level();
    return isSchoolLevel(level) ? level : null;
  });
  protected readonly includeClosed = computed(() => this.closed() === '1');
  protected readonly unitId = computed(() => this.unit() || null);
  protected readonly pageNumber = computed(() => positiveInt(this.page(), 1));
  protected readonly size = computed(() => Math.min(positiveInt(this.pageSize(), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE));
  protected readonly hasFilters = computed(
    () => !!this.q()?.trim() || !!this.kindFilter() || !!this.levelFilter() || this.includeClosed(),
  );

  /** Bumped after a change, so the tree and the list read the organisation again. */
  private readonly reloadUnits = signal(0);
  protected readonly units = loadOnChange(
    () => this.reloadUnits(),
    () => this.api.allUnits(),
  );
  protected readonly tree = computed(() => buildUnitTree(this.units.value() ?? []));
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly openParents = computed(() => (this.units.value() ?? []).filter((u) => u.closedOn === null));
  protected readonly unitName = computed(() => {
    const id = this.unitId();
    return id ? ((this.units.value() ?? []).find((u) => u.id === id)?.name ?? null) : null;
  });

  private readonly filters = computed<OrgUnitListRequest>(() => ({
    q: this.q()?.trim() || undefined,
    kind: this.kindFilter() ?? undefined,
    level: this.levelFilter() ?? undefined,
    includeClosed: this.includeClosed(),
    parentId: this.unitId() ?? undefined,
  }));
  protected readonly result = loadOnChange(
    () => ({ ...this.filters(), page: this.pageNumber(), pageSize: this.size(), reload: this.reloadUnits() }),
    ({ reload: _reload, ...request }) => this.api.list(request),
  );

  protected readonly creating = signal<'UNIT' | 'SCHOOL' | null>(null);
  protected readonly created = signal<OrgUnitAdminDetail | null>(null);
  protected readonly exporting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    effect(() => {
      const q = this.q() ?? '';
      untracked(() => {
        if (this.search.value.trim() !== q.trim()) this.search.setValue(q, { emitEvent: false });
      });
    });
    // The tree opens at the department (or the caller's own unit) and down to the unit named in the URL.
    effect(() => {
      const units = this.units.value();
      if (!units) return;
      const id = this.unitId();
      const roots = this.tree().map((node) => node.unit.id);
      untracked(() =>
        this.expanded.update((open) => new Set([...open, ...roots, ...(id ? ancestorIds(units, id) : [])])),
      );
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

  protected selectUnit(id: string | null): void {
    this.navigate({ unit: id, page: null });
  }

  protected toggle(id: string): void {
    this.expanded.update((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  protected changeKind(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.navigate({ kind: KINDS.find((k) => k === value) ?? null, page: null });
  }

  protected changeLevel(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.navigate({ level: isSchoolLevel(value) ? value : null, page: null });
  }

  protected changeClosed(event: Event): void {
    this.navigate({ closed: (event.target as HTMLInputElement).checked ? '1' : null, page: null });
  }

  protected goToPage(page: number): void {
    this.navigate({ page: page === 1 ? null : page });
  }

  protected changePageSize(pageSize: number): void {
    this.navigate({ pageSize: pageSize === DEFAULT_PAGE_SIZE ? null : pageSize, page: null });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.navigate({ q: null, kind: null, level: null, closed: null, page: null });
  }

  protected onCreated(unit: OrgUnitAdminDetail): void {
    this.creating.set(null);
    this.created.set(unit);
    this.reloadUnits.update((n) => n + 1);
    // The switcher offers the new unit at once.
    this.orgUnits.reloadTree().subscribe({ error: () => undefined });
  }

  protected exportWorkbook(): void {
    this.exporting.set(true);
    this.problem.set(null);
    this.api
      .exportWorkbook(this.filters())
      .pipe(finalize(() => this.exporting.set(false)))
      .subscribe({
        next: (response) => saveDownload(response, EXPORT_NAME),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
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
