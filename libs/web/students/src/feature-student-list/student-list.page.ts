import { HttpResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ProblemDetails } from '@emis/contracts';
import {
  isGradeLevel,
  mayRevealStudentIds,
  roleReadsWholeScope,
  STUDENT_STATUSES,
  StudentFieldGroup,
  studentListAccess,
  StudentStatus,
} from '@emis/domain';
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
import { ColumnChooserComponent, ExportReasonDialogComponent, PaginatorComponent, saveDownload } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { distinctUntilChanged, finalize, map } from 'rxjs';
import { loadCurrentClasses } from '../data-access/school-classes.api';
import { STUDENT_SORTS, StudentFilters, StudentSort, StudentsApi } from '../data-access/students.api';
import { EthnicityNamePipe } from '../ui/ethnicity-name.pipe';
import { StatusBadgeComponent } from '../ui/status-badge.component';
import { BulkEnrolDialogComponent } from './bulk-enrol-dialog.component';
import { storeColumns, storedColumns } from './stored-columns';

const SEARCH_DEBOUNCE_MS = 300;
const COLUMNS_KEY = 'emis.columns.students';
export const OPTIONAL_COLUMNS = ['personalId', 'dateOfBirth', 'gender', 'className', 'ethnicity', 'status'] as const;
type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];
/** The columns that carry a field group the API may withhold (docs/domain/personal-data.md, "Who sees which fields"). */
const COLUMN_GROUP: Partial<Record<OptionalColumn, StudentFieldGroup>> = {
  personalId: 'identityNumber',
  ethnicity: 'ethnicityReligion',
};

/**
 * The current school's students. The list's state lives in the URL (q, status, grade, classId, sort, page,
 * pageSize) so a filtered list can be bookmarked and restored by the back button; the column choice lives in
 * localStorage because it is a habit of the user, not part of the question asked.
 */
@Component({
  selector: 'emis-student-list-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    EmisNumberPipe,
    EmisDatePipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    PaginatorComponent,
    ColumnChooserComponent,
    StatusBadgeComponent,
    EthnicityNamePipe,
    BulkEnrolDialogComponent,
    ExportReasonDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './student-list.page.html',
  styleUrl: './student-list.page.css',
})
export class StudentListPage {
  private readonly api = inject(StudentsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);
  protected readonly orgUnits = inject(OrgUnitContext);

  readonly q = input<string>();
  readonly status = input<string>();
  readonly grade = input<string>();
  readonly classId = input<string>();
  readonly sort = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly statuses = STUDENT_STATUSES;
  protected readonly schoolId = this.orgUnits.currentSchoolId;
  protected readonly canManage = computed(() => this.auth.can('students.manage'));
  protected readonly canImport = computed(() => this.auth.can('people.import'));
  /** A department's or unit's list spanning many schools, offered before any school is picked. */
  protected readonly canImportMany = computed(() => this.auth.can('people.import.schools'));
  protected readonly canPromote = computed(() => this.auth.can('students.promote'));
  protected readonly canTransfer = computed(() => this.auth.can('students.transfer'));
  protected readonly canExport = computed(() => this.auth.can('people.export'));

  protected readonly search = new FormControl('', { nonNullable: true });
  /** Personal IDs in full (the API audits the list); only offered to roles that see them on the record. */
  protected readonly revealIds = signal(false);
  protected readonly mayReveal = computed(() => {
    const role = this.auth.user()?.role;
    return !!role && mayRevealStudentIds(role);
  });
  /** The list's field access, read from the API's own table: a column the API withholds is not offered. */
  private readonly listAccess = computed(() => {
    const role = this.auth.user()?.role;
    if (!role) return null;
    return studentListAccess(role, roleReadsWholeScope(role) ? 'SCOPE' : 'TEACHES', this.revealIds());
  });
  protected readonly columnOptions = computed(() =>
    OPTIONAL_COLUMNS.filter((key) => this.permitted(key)).map((key) => ({ key, labelKey: `students.fields.${key}` })),
  );
  protected readonly visibleColumns = signal<string[]>(storedColumns(COLUMNS_KEY, OPTIONAL_COLUMNS, OPTIONAL_COLUMNS));

  protected readonly statusFilter = computed<StudentStatus | null>(
    () => STUDENT_STATUSES.find((s) => s === this.status()) ?? null,
  );
  protected readonly gradeFilter = computed(() => {
    const grade = this.grade();
    return isGradeLevel(grade) ? grade : null;
  });
  protected readonly sortOrder = computed<StudentSort>(() => STUDENT_SORTS.find((s) => s === this.sort()) ?? 'name');
  protected readonly pageNumber = computed(() => positiveInt(this.page(), 1));
  protected readonly size = computed(() => Math.min(positiveInt(this.pageSize(), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE));
  protected readonly hasFilters = computed(
    () => !!this.q()?.trim() || !!this.statusFilter() || !!this.gradeFilter() || !!this.classId(),
  );

  protected readonly classes = loadCurrentClasses(this.schoolId).classes;
  protected readonly grades = computed(() => [...new Set((this.classes.value() ?? []).map((c) => c.grade))]);
  protected readonly classOptions = computed(() => {
    const grade = this.gradeFilter();
    return (this.classes.value() ?? []).filter((c) => !grade || c.grade === grade);
  });

  private readonly filters = computed<StudentFilters>(() => ({
    q: this.q()?.trim() || undefined,
    status: this.statusFilter() ?? undefined,
    grade: this.gradeFilter() ?? undefined,
    classId: this.classId() || undefined,
    sort: this.sortOrder(),
  }));

  protected readonly result = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      if (!schoolId) return undefined;
      const reveal = this.revealIds() && this.mayReveal() ? ('personalId' as const) : undefined;
      return { schoolId, ...this.filters(), page: this.pageNumber(), pageSize: this.size(), reveal };
    },
    ({ schoolId, ...request }) => this.api.list(schoolId, request),
  );

  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly selectedIds = computed(() => [...this.selected()]);
  protected readonly pageIds = computed(() => (this.result.value()?.items ?? []).map((s) => s.id));
  protected readonly allOnPageSelected = computed(
    () => this.pageIds().length > 0 && this.pageIds().every((id) => this.selected().has(id)),
  );
  protected readonly bulkOpen = signal(false);
  protected readonly bulkDone = signal<{ changed: number; unchanged: number } | null>(null);

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

  protected shows(column: OptionalColumn): boolean {
    return this.permitted(column) && this.visibleColumns().includes(column);
  }

  private permitted(column: OptionalColumn): boolean {
    const group = COLUMN_GROUP[column];
    return !group || this.listAccess()?.[group] !== 'WITHHELD';
  }

  protected changeColumns(columns: string[]): void {
    this.visibleColumns.set(columns);
    storeColumns(COLUMNS_KEY, columns);
  }

  protected changeFilter(name: 'status' | 'grade' | 'classId', event: Event): void {
    const value = (event.target as HTMLSelectElement).value || null;
    // A class belongs to one grade: changing the grade drops a class of another grade.
    const extra: Record<string, null> = name === 'grade' ? { classId: null } : {};
    this.navigate({ [name]: value, ...extra, page: null });
  }

  protected sortBy(column: 'name' | 'dateOfBirth'): void {
    const next: StudentSort = column === 'dateOfBirth' ? 'dateOfBirth' : this.sortOrder() === 'name' ? '-name' : 'name';
    this.navigate({ sort: next === 'name' ? null : next, page: null });
  }

  protected ariaSort(column: 'name' | 'dateOfBirth'): 'ascending' | 'descending' | 'none' {
    const sort = this.sortOrder();
    if (column === 'dateOfBirth') return sort === 'dateOfBirth' ? 'ascending' : 'none';
    return sort === 'name' ? 'ascending' : sort === '-name' ? 'descending' : 'none';
  }

  protected rowNumber(index: number): number {
    return (this.pageNumber() - 1) * this.size() + index + 1;
  }

  protected goToPage(page: number): void {
    this.navigate({ page: page === 1 ? null : page });
  }

  protected changePageSize(pageSize: number): void {
    this.navigate({ pageSize: pageSize === DEFAULT_PAGE_SIZE ? null : pageSize, page: null });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.navigate({ q: null, status: null, grade: null, classId: null, page: null });
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

  protected openBulk(): void {
    this.bulkDone.set(null);
    this.bulkOpen.set(true);
  }

  protected bulkFinished(result: { changed: number; unchanged: number }): void {
    this.bulkOpen.set(false);
    this.bulkDone.set(result);
    this.selected.set(new Set());
    this.result.reload();
  }

  protected exportList(reason: string): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.exporting.set(true);
    this.exportProblem.set(null);
    this.api
      .exportXlsx(schoolId, this.filters(), reason)
      .pipe(
        finalize(() => {
          this.exporting.set(false);
          this.askingReason.set(false);
        }),
      )
      .subscribe({
        next: (response: HttpResponse<Blob>) => saveDownload(response, 'hoc-sinh.xlsx'),
        error: (error: unknown) => this.exportProblem.set(toProblem(error)),
      });
  }

  private navigate(queryParams: Record<string, string | number | null>, replaceUrl = false): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl });
  }
}

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}
