import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ClassSummary, ProblemDetails } from '@emis/contracts';
import {
  defaultYear,
  AuthStore,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { ConfirmDialogComponent, saveDownload } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, forkJoin, map, of, switchMap } from 'rxjs';
import { GradingApi } from '../data-access/grading.api';
import { CorrectionsInboxComponent } from './corrections-inbox.component';

/**
 * /grades?classId=&semester= — pick a class of the school's current year and a semester, see its subjects with
 * their teachers and the lock, and open a sheet, the conduct sheet or the results. A teacher finds the classes they
 * teach or lead first. The principal locks and unlocks semesters and decides correction requests here.
 */
@Component({
  selector: 'emis-grades-overview-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    ConfirmDialogComponent,
    CorrectionsInboxComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './grades-overview.page.html',
  styleUrl: './grades-overview.page.css',
})
export class GradesOverviewPage {
  private readonly api = inject(GradingApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly auth = inject(AuthStore);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  /** Query parameters (bound by the router). */
  readonly classId = input<string>();
  readonly semester = input<string>();

  protected readonly semesterNumber = computed<1 | 2>(() => (this.semester() === '2' ? 2 : 1));
  /** The school's classes of the open (else the latest) year, with the caller's own classes marked. */
  protected readonly classes = loadOnChange(
    () => this.schoolId() ?? undefined,
    (schoolId) =>
      this.api.schoolYears().pipe(
        switchMap((years) => {
          const year = defaultYear(years);
          if (!year) return of({ year: null, mine: [] as ClassSummary[], others: [] as ClassSummary[] });
          return forkJoin({
            page: this.api.classes(schoolId, year.id),
            assignments: this.api.assignments(schoolId, year.id),
          }).pipe(
            map(({ page, assignments }) => {
              // The session carries no staff id: a teacher's classes are recognised by their name on the homeroom and
              // the teaching assignments (the API decides what they may edit anyway).
              const me = this.auth.user()?.fullName;
              const taught = new Set(assignments.filter((a) => a.staffName === me).map((a) => a.classId));
              const isMine = (c: ClassSummary) => c.homeroomName === me || taught.has(c.id);
              return { year, mine: page.items.filter(isMine), others: page.items.filter((c) => !isMine(c)) };
            }),
          );
        }),
      ),
  );
  protected readonly selectedClassId = computed(() => {
    const loaded = this.classes.value();
    const wanted = this.classId();
    const all = [...(loaded?.mine ?? []), ...(loaded?.others ?? [])];
    return all.some((c) => c.id === wanted) ? wanted! : (all[0]?.id ?? null);
  });
  protected readonly gradebook = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const classId = this.selectedClassId();
      return schoolId && classId ? { schoolId, classId, semester: this.semesterNumber() } : undefined;
    },
    ({ schoolId, classId, semester }) => this.api.gradebook(schoolId, classId, semester),
  );
  /** The loaded gradebook only while it is the one picked: links never point at the previous class or semester. */
  protected readonly current = computed(() => {
    const gb = this.gradebook.value();
    return gb && gb.classId === this.selectedClassId() && gb.semester === this.semesterNumber() ? gb : null;
  });
  protected readonly locks = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const yearId = this.classes.value()?.year?.id;
      return schoolId && yearId ? { schoolId, yearId } : undefined;
    },
    ({ schoolId, yearId }) => this.api.locks(schoolId, yearId),
  );
  /** The whole school's lock of the semester (narrower locks are kept on /grades/locks, issue 16). */
  private readonly schoolLocks = computed(() =>
    (this.locks.value() ?? []).filter((l) => !l.grade && !l.classId && !l.subjectCode && !l.columnKey),
  );
  protected readonly semesterLocked = computed(() =>
    this.schoolLocks().some((l) => l.semester === this.semesterNumber()),
  );
  protected readonly lockOf = computed(
    () => this.schoolLocks().find((l) => l.semester === this.semesterNumber()) ?? null,
  );

  protected readonly confirming = signal<'lock' | 'unlock' | null>(null);
  protected readonly busy = signal(false);
  protected readonly lockProblem = signal<ProblemDetails | null>(null);
  protected readonly exporting = signal(false);
  protected readonly exportProblem = signal<ProblemDetails | null>(null);

  protected pickClass(classId: string): void {
    this.navigate({ classId });
  }

  protected pickSemester(value: string): void {
    this.navigate({ semester: value === '2' ? '2' : '1' });
  }

  protected changeLock(): void {
    const schoolId = this.schoolId();
    const yearId = this.classes.value()?.year?.id;
    const action = this.confirming();
    if (!schoolId || !yearId || !action) return;
    this.busy.set(true);
    this.lockProblem.set(null);
    const call =
      action === 'lock'
        ? this.api.lock(schoolId, yearId, this.semesterNumber())
        : this.api.unlock(schoolId, yearId, this.semesterNumber());
    call.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: () => {
        this.confirming.set(null);
        this.locks.reload();
        this.gradebook.reload();
      },
      error: (error: unknown) => {
        this.confirming.set(null);
        this.lockProblem.set(toProblem(error));
      },
    });
  }

  protected exportSchool(): void {
    const schoolId = this.schoolId();
    const yearId = this.classes.value()?.year?.id;
    if (!schoolId || !yearId) return;
    this.exporting.set(true);
    this.exportProblem.set(null);
    this.api
      .exportSchool(schoolId, yearId, this.semesterNumber())
      .pipe(finalize(() => this.exporting.set(false)))
      .subscribe({
        next: (response) => saveDownload(response, `so-diem-hk${this.semesterNumber()}.xlsx`),
        error: (error: unknown) => this.exportProblem.set(toProblem(error)),
      });
  }

  private navigate(queryParams: Record<string, string>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
