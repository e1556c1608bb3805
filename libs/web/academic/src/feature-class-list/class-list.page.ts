import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ProblemDetails } from '@emis/contracts';
import { GradeLevel, gradesOfSchool, isGradeLevel } from '@emis/domain';
import {
  defaultYear,
  AuthStore,
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
  debounceUntilLeaving,
} from '@emis/web/core';
import { ColumnChoice, ColumnChooserComponent, PaginatorComponent, saveBlob } from '@emis/web/ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { distinctUntilChanged, finalize, map } from 'rxjs';
import { AcademicApi, ClassListRequest } from '../data-access/academic.api';

const SEARCH_DEBOUNCE_MS = 300;
type ClassColumn = 'name' | 'grade' | 'homeroom' | 'room' | 'programme' | 'size';

/**
 * The current school's classes of one school year. The filters live in the URL (yearId, q, grade, page) so a
 * filtered list can be bookmarked and restored by the back button; the export sends the same filters.
 */
@Component({
  selector: 'emis-class-list-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    EmisNumberPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    PaginatorComponent,
    ColumnChooserComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './class-list.page.html',
  styleUrl: './class-list.page.css',
})
export class ClassListPage {
  private readonly api = inject(AcademicApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  readonly yearId = input<string>();
  readonly q = input<string>();
  readonly grade = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly canManage = computed(() => this.auth.can('classes.manage'));
  protected readonly canExport = computed(() => this.auth.can('people.export'));
  protected readonly columns = new ColumnChoice<ClassColumn>(
    'emis.columns.classes',
    [
      { key: 'name', labelKey: 'academic.classes.columns.name', fixed: true },
      { key: 'grade', labelKey: 'academic.classes.columns.grade' },
      { key: 'homeroom', labelKey: 'academic.classes.columns.homeroom' },
      { key: 'room', labelKey: 'academic.classes.columns.room' },
      { key: 'programme', labelKey: 'academic.classes.columns.programme' },
      { key: 'size', labelKey: 'academic.classes.columns.size' },
    ],
    ['programme'],
  );
  protected readonly search = new FormControl('', { nonNullable: true });

  protected readonly years = loadOnChange(
    () => ({ user: this.auth.user()?.id }),
    () => this.api.schoolYears(),
  );
  protected readonly school = loadOnChange(
    () => this.schoolId() ?? undefined,
    (id) => this.api.school(id),
  );
  protected readonly sortedYears = computed(() =>
    [...(this.years.value() ?? [])].sort((a, b) => b.code.localeCompare(a.code)),
  );
  protected readonly selectedYear = computed(() => {
    const years = this.years.value() ?? [];
    return years.find((y) => y.id === this.yearId()) ?? defaultYear(years);
  });
  protected readonly grades = computed(() => gradesOfSchool(this.school.value()?.levels ?? []));
  protected readonly gradeFilter = computed<GradeLevel | null>(() => {
    const grade = this.grade();
    return isGradeLevel(grade) ? grade : null;
  });
  protected readonly pageNumber = computed(() => positiveInt(this.page(), 1));
  protected readonly size = computed(() => Math.min(positiveInt(this.pageSize(), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE));
  protected readonly hasFilters = computed(() => !!this.q()?.trim() || this.gradeFilter() !== null);

  private readonly request = computed<(ClassListRequest & { schoolId: string }) | undefined>(() => {
    const schoolId = this.schoolId();
    const year = this.selectedYear();
    if (!schoolId || !year) return undefined;
    return {
      schoolId,
      yearId: year.id,
      grade: this.gradeFilter() ?? undefined,
      q: this.q()?.trim() || undefined,
      page: this.pageNumber(),
      pageSize: this.size(),
      sort: 'grade',
    };
  });
  protected readonly result = loadOnChange(this.request, ({ schoolId, ...request }) =>
    this.api.classes(schoolId, request),
  );

  protected readonly exporting = signal(false);
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

  protected sizeTitle(ceiling: number, over: number): string {
    return this.transloco.translate('academic.classes.sizeWarning', { ceiling, over });
  }

  protected changeYear(event: Event): void {
    this.navigate({ yearId: (event.target as HTMLSelectElement).value || null, page: null });
  }

  protected changeGrade(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.navigate({ grade: isGradeLevel(value) ? value : null, page: null });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.navigate({ q: null, grade: null, page: null });
  }

  protected goToPage(page: number): void {
    this.navigate({ page: page === 1 ? null : page });
  }

  protected changePageSize(pageSize: number): void {
    this.navigate({ pageSize: pageSize === DEFAULT_PAGE_SIZE ? null : pageSize, page: null });
  }

  protected exportList(): void {
    const request = this.request();
    if (!request) return;
    const { schoolId, ...filters } = request;
    this.exporting.set(true);
    this.exportProblem.set(null);
    this.api
      .exportClasses(schoolId, filters)
      .pipe(finalize(() => this.exporting.set(false)))
      .subscribe({
        next: (blob) => saveBlob(blob, `lop-hoc-${this.selectedYear()?.code ?? ''}.xlsx`),
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
