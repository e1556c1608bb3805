import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Page, ProblemDetails, PromotionPreview, PromotionResult, StudentSummary } from '@emis/contracts';
import { GradeLevel, isGradeLevel } from '@emis/domain';
import {
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { DialogComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { EMPTY, expand, finalize, forkJoin, map, Observable, reduce } from 'rxjs';
import { currentYear, SchoolClassesApi } from '../data-access/school-classes.api';
import { StudentsApi } from '../data-access/students.api';

/** The largest page the API serves; a grade of a big school takes a few of them. */
const PAGE = 200;

/**
 * Year-end promotion of a whole grade (Circular 22/2021 Art. 12: the school council decides who repeats): choose
 * the year and grade, read the preview, tick the repeaters, confirm with the counts, read the result.
 */
@Component({
  selector: 'emis-promotion-page',
  imports: [RouterLink, TranslocoPipe, EmisNumberPipe, ProblemAlertComponent, SchoolRequiredComponent, DialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './promotion.page.html',
  styleUrl: './promotion.page.css',
})
export class PromotionPage {
  private readonly api = inject(StudentsApi);
  private readonly lookups = inject(SchoolClassesApi);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  protected readonly years = loadOnChange(
    () => (this.schoolId() ? { schoolId: this.schoolId() } : undefined),
    () => this.lookups.schoolYears(),
  );
  protected readonly yearId = signal('');
  protected readonly grade = signal<GradeLevel | ''>('');
  private readonly classes = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId && this.yearId() ? { schoolId, yearId: this.yearId() } : undefined;
    },
    ({ schoolId, yearId }) => this.lookups.classes(schoolId, yearId),
  );
  protected readonly grades = computed(() => [...new Set((this.classes.value() ?? []).map((c) => c.grade))]);

  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly preview = signal<PromotionPreview | null>(null);
  protected readonly students = signal<StudentSummary[]>([]);
  protected readonly repeaters = signal<ReadonlySet<string>>(new Set());
  protected readonly confirming = signal(false);
  protected readonly saving = signal(false);
  protected readonly result = signal<PromotionResult | null>(null);

  protected readonly moving = computed(() => Math.max((this.preview()?.students ?? 0) - this.repeaters().size, 0));

  constructor() {
    effect(() => {
      const year = currentYear(this.years.value() ?? []);
      untracked(() => {
        if (year && !this.yearId()) this.yearId.set(year.id);
      });
    });
  }

  protected chooseYear(value: string): void {
    this.yearId.set(value);
    this.grade.set('');
    this.reset();
  }

  protected chooseGrade(value: string): void {
    this.grade.set(isGradeLevel(value) ? value : '');
    this.reset();
  }

  protected loadPreview(): void {
    const schoolId = this.schoolId();
    const grade = this.grade();
    if (!schoolId || !this.yearId() || !grade) return;
    this.reset();
    this.loading.set(true);
    forkJoin({
      preview: this.api.promotionPreview(schoolId, this.yearId(), grade),
      students: this.gradeStudents(schoolId, this.yearId(), grade),
    })
      .pipe(finalize(() => this.loading.set(false)))
      .subscribe({
        next: ({ preview, students }) => {
          this.preview.set(preview);
          this.students.set(students);
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected toggleRepeater(id: string, checked: boolean): void {
    const next = new Set(this.repeaters());
    if (checked) next.add(id);
    else next.delete(id);
    this.repeaters.set(next);
  }

  protected promote(): void {
    const schoolId = this.schoolId();
    const preview = this.preview();
    if (!schoolId || !preview) return;
    this.saving.set(true);
    this.problem.set(null);
    this.api
      .promote(schoolId, {
        schoolYearId: preview.schoolYearId,
        grade: preview.grade,
        repeaterIds: [...this.repeaters()],
      })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (result) => {
          this.confirming.set(false);
          this.result.set(result);
          this.preview.set(null);
          this.students.set([]);
          this.repeaters.set(new Set());
        },
        error: (error: unknown) => {
          this.confirming.set(false);
          this.problem.set(toProblem(error));
        },
      });
  }

  private reset(): void {
    this.preview.set(null);
    this.students.set([]);
    this.repeaters.set(new Set());
    this.result.set(null);
    this.problem.set(null);
  }

  /** Every studying student of the grade, page after page, in the Vietnamese name order. */
  private gradeStudents(schoolId: string, yearId: string, grade: GradeLevel): Observable<StudentSummary[]> {
    const page = (n: number) =>
      this.api
        .list(schoolId, { yearId, grade, status: 'STUDYING', page: n, pageSize: PAGE, sort: 'name' })
        .pipe(map((p) => ({ n, p })));
    return page(1).pipe(
      expand(({ n, p }: { n: number; p: Page<StudentSummary> }) => (n * PAGE < p.total ? page(n + 1) : EMPTY)),
      reduce((all, { p }) => [...all, ...p.items], [] as StudentSummary[]),
    );
  }
}
