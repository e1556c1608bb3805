import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ProblemDetails } from '@emis/contracts';
import { mayRevealStaffIds, STAFF_POSITIONS, STAFF_STATUSES } from '@emis/domain';
import {
  AuthStore,
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
  ExportReasonDialogComponent,
  PaginatorComponent,
  saveBlob,
} from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { distinctUntilChanged, finalize, map } from 'rxjs';
import { StaffApi, StaffListRequest } from '../data-access/staff.api';

const SEARCH_DEBOUNCE_MS = 300;
type StaffColumn = 'name' | 'personalId' | 'position' | 'contract' | 'subjects' | 'status' | 'phone';

/** The current school's staff; the filters live in the URL (q, status, position, page) and go along to the export. */
@Component({
  selector: 'emis-staff-list-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    EmisNumberPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    PaginatorComponent,
    ColumnChooserComponent,
    ExportReasonDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './staff-list.page.html',
  styleUrl: './staff-list.page.css',
})
export class StaffListPage {
  private readonly api = inject(StaffApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  readonly q = input<string>();
  readonly status = input<string>();
  readonly position = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly statuses = STAFF_STATUSES;
  protected readonly positions = STAFF_POSITIONS;
  protected readonly canManage = computed(() => this.auth.can('staff.manage'));
  protected readonly canImport = computed(() => this.auth.can('people.import'));
  protected readonly canExport = computed(() => this.auth.can('people.export'));
  protected readonly columns = new ColumnChoice<StaffColumn>('emis.columns.staff', [
    { key: 'name', labelKey: 'staff.columns.name', fixed: true },
    { key: 'personalId', labelKey: 'staff.columns.personalId' },
    { key: 'position', labelKey: 'staff.columns.position' },
    { key: 'contract', labelKey: 'staff.columns.contract' },
    { key: 'subjects', labelKey: 'staff.columns.subjects' },
    { key: 'status', labelKey: 'staff.columns.status' },
    { key: 'phone', labelKey: 'staff.columns.phone' },
  ]);
  protected readonly search = new FormControl('', { nonNullable: true });
  /** ID numbers in full (the API audits the list); offered only to roles that see them on the record. */
  protected readonly revealIds = signal(false);
  protected readonly mayReveal = computed(() => {
    const role = this.auth.user()?.role;
    return !!role && mayRevealStaffIds(role);
  });

  protected readonly statusFilter = computed(() => pick(STAFF_STATUSES, this.status()));
  protected readonly positionFilter = computed(() => pick(STAFF_POSITIONS, this.position()));
  protected readonly pageNumber = computed(() => positiveInt(this.page(), 1));
  protected readonly size = computed(() => Math.min(positiveInt(this.pageSize(), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE));
  protected readonly hasFilters = computed(
    () => !!this.q()?.trim() || !!this.statusFilter() || !!this.positionFilter(),
  );

  private readonly request = computed<(StaffListRequest & { schoolId: string }) | undefined>(() => {
    const schoolId = this.schoolId();
    if (!schoolId) return undefined;
    return {
      schoolId,
      q: this.q()?.trim() || undefined,
      status: this.statusFilter(),
      position: this.positionFilter(),
      page: this.pageNumber(),
      pageSize: this.size(),
      sort: 'name',
      reveal: this.revealIds() && this.mayReveal() ? 'personalId' : undefined,
    };
  });
  protected readonly result = loadOnChange(this.request, ({ schoolId, ...request }) =>
    this.api.list(schoolId, request),
  );
  protected readonly subjects = loadOnChange(
    () => true,
    () => this.api.subjects(),
  );
  private readonly subjectNames = computed(() => new Map((this.subjects.value() ?? []).map((s) => [s.code, s.name])));
  protected readonly exporting = signal(false);
  /** The reason dialog before an export of personal data (the API requires the reason). */
  protected readonly askingReason = signal(false);
  protected readonly exportProblem = signal<ProblemDetails | null>(null);

  constructor() {
    effect(() => {
      const q = this.q() ?? '';
      untracked(() => {
        if (this.search.value.trim() !== q.trim()) this.search.setValue(q, { emitEvent: false });
      });
    });
    this.search.valueChanges
      .pipe(
        debounceUntilLeaving(SEARCH_DEBOUNCE_MS),
        map((v) => v.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => {
        if (q !== (this.q() ?? '').trim()) this.navigate({ q: q || null, page: null }, true);
      });
  }

  protected subjectList(codes: readonly string[]): string {
    const names = this.subjectNames();
    return codes.map((code) => names.get(code) ?? code).join(', ');
  }

  protected changeFilter(name: 'status' | 'position', event: Event): void {
    this.navigate({ [name]: (event.target as HTMLSelectElement).value || null, page: null });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.navigate({ q: null, status: null, position: null, page: null });
  }

  protected goToPage(page: number): void {
    this.navigate({ page: page === 1 ? null : page });
  }

  protected changePageSize(pageSize: number): void {
    this.navigate({ pageSize: pageSize === DEFAULT_PAGE_SIZE ? null : pageSize, page: null });
  }

  protected exportList(reason: string): void {
    const request = this.request();
    if (!request) return;
    const { schoolId, ...filters } = request;
    this.exporting.set(true);
    this.exportProblem.set(null);
    this.api
      .export(schoolId, filters, reason)
      .pipe(
        finalize(() => {
          this.exporting.set(false);
          this.askingReason.set(false);
        }),
      )
      .subscribe({
        next: (blob) => saveBlob(blob, 'danh-sach-can-bo.xlsx'),
        error: (error: unknown) => this.exportProblem.set(toProblem(error)),
      });
  }

  private navigate(queryParams: Record<string, string | number | null>, replaceUrl = false): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl });
  }
}

function pick<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.find((v) => v === value);
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}
