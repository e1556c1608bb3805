import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { ProblemDetails } from '@emis/contracts';
import { SCHEME_VERSIONS } from '@emis/domain';
import {
  AuthStore,
  guardLeaving,
  LeavesSafely,
  loadOnChange,
  NOTHING_PENDING,
  PendingChanges,
  OrgUnitContext,
  OrgUnitsApi,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { PrintHeadingComponent, PrintSignaturesComponent, saveDownload } from '@emis/web/ui';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { finalize, forkJoin } from 'rxjs';
import { GradingApi } from '../data-access/grading.api';
import { CellHistoryDialogComponent, HistoryTarget } from './cell-history-dialog.component';
import { CorrectionDialogComponent } from './correction-dialog.component';
import { GradeGridComponent } from './grade-grid.component';
import { PhoneSheetComponent } from './phone-sheet.component';
import { SheetContext } from './sheet-model';
import { SheetView } from './sheet-view';
import { ImportTarget, SheetImportDialogComponent } from './sheet-import-dialog.component';

/** Screens this narrow (phones held upright) get the phone sheet instead of the spreadsheet grid. */
export const PHONE_QUERY = '(max-width: 640px)';
/** How long the width must stay on one side of PHONE_QUERY before the sheet changes its view. */
const VIEW_SETTLE_MS = 400;

/**
 * /grades/:classId/:semester/:subjectCode — one subject's semester sheet of a class. Loads the sheet with the class
 * overview (grade and year: the domain's average functions need them) and hosts the grid, its toolbar and dialogs.
 */
@Component({
  selector: 'emis-grade-sheet-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    GradeGridComponent,
    PhoneSheetComponent,
    CellHistoryDialogComponent,
    CorrectionDialogComponent,
    SheetImportDialogComponent,
    PrintHeadingComponent,
    PrintSignaturesComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './grade-sheet.page.html',
  styles: `
    .sheet-toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-bottom: 0.75rem;
    }
    .sheet-meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
    }
  `,
})
export class GradeSheetPage implements LeavesSafely {
  private readonly api = inject(GradingApi);
  private readonly auth = inject(AuthStore);
  private readonly transloco = inject(TranslocoService);
  private readonly orgUnits = inject(OrgUnitsApi);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  readonly classId = input.required<string>();
  readonly semester = input.required<string>();
  readonly subjectCode = input.required<string>();

  /** The view in use: the phone sheet on a narrow screen (PHONE_QUERY), the spreadsheet grid otherwise. */
  private readonly grid = viewChild(SheetView);
  protected readonly phone = signal(window.matchMedia(PHONE_QUERY).matches);
  protected readonly semesterNumber = computed<1 | 2>(() => (this.semester() === '2' ? 2 : 1));
  protected readonly data = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId
        ? { schoolId, classId: this.classId(), semester: this.semesterNumber(), subjectCode: this.subjectCode() }
        : undefined;
    },
    ({ schoolId, classId, semester, subjectCode }) =>
      forkJoin({
        overview: this.api.gradebook(schoolId, classId, semester),
        sheet: this.api.sheet(schoolId, classId, semester, subjectCode),
        years: this.api.schoolYears(),
      }),
  );
  /** The printed sheet's issuer lines (governing body, school, principal). */
  protected readonly letterhead = loadOnChange(
    () => this.schoolId() ?? undefined,
    (schoolId) => this.orgUnits.letterhead(schoolId),
  );
  /** The printed sheet's title, in Vietnamese as official papers are. */
  protected readonly printTitle = computed(() => {
    const d = this.data.value();
    if (!d) return '';
    const semester = d.sheet.semester === 2 ? 'II' : 'I';
    return `SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH — MÔN ${d.sheet.subjectName.toLocaleUpperCase('vi')} — LỚP ${d.overview.className} — HỌC KÌ ${semester} — NĂM HỌC ${d.overview.schoolYearCode}`;
  });
  protected readonly lockedMeanwhile = signal(false);
  protected readonly context = computed<SheetContext | null>(() => {
    const d = this.data.value();
    if (!d) return null;
    const { sheet, overview } = d;
    return {
      scheme: sheet.scheme,
      grade: overview.grade,
      semester: sheet.semester,
      yearCode: overview.schoolYearCode,
      columns: sheet.columns,
      missingAssessment: sheet.missingAssessment,
      subject: { code: sheet.subjectCode, assessment: sheet.assessment, periodsPerYear: sheet.periodsPerYear },
    };
  });
  protected readonly subject = computed(
    () => this.data.value()?.overview.subjects.find((s) => s.code === this.subjectCode()) ?? null,
  );
  protected readonly yearClosed = computed(() => {
    const d = this.data.value();
    return d?.years.find((y) => y.id === d.overview.schoolYearId)?.status === 'CLOSED';
  });
  protected readonly locked = computed(() => this.lockedMeanwhile() || !!this.data.value()?.sheet.locked);
  /** Why the grid is read-only, or null when the caller may type. */
  protected readonly readOnlyReason = computed<string | null>(() => {
    const sheet = this.data.value()?.sheet;
    if (!sheet) return null;
    if (this.locked()) return 'locked';
    if (this.yearClosed()) return 'yearClosed';
    if (!this.auth.can('grades.enter')) return 'role';
    return sheet.editable ? null : 'notYourSubject';
  });
  protected readonly canRequestCorrection = computed(() => this.locked() && this.auth.can('grades.correction.request'));
  protected readonly schemeVersion = computed(() => {
    const sheet = this.data.value()?.sheet;
    return sheet ? sheet.schemeVersion || SCHEME_VERSIONS[sheet.scheme] : '';
  });

  protected readonly historyTarget = signal<HistoryTarget | null>(null);
  protected readonly correctionTarget = signal<HistoryTarget | null>(null);
  protected readonly importTarget = signal<ImportTarget | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly downloading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly historyHeading = computed(() => {
    const cell = this.historyTarget()?.cell;
    return cell ? this.transloco.translate('grading.history.title', { name: cell.fullName, column: cell.label }) : '';
  });

  /** The grid's accessible name: "Bảng điểm Toán, lớp 6A, Học kì I". */
  protected readonly gridLabel = computed(() => {
    const d = this.data.value();
    return d
      ? this.transloco.translate('grading.grid.label', {
          subject: d.sheet.subjectName,
          className: d.overview.className,
          semester: this.transloco.translate(`grading.common.semester${d.sheet.semester}`),
        })
      : '';
  });

  constructor() {
    // The grid's chunk (AG Grid: most of the sheet's code) is deferred in the template, so a phone never loads it; on a
    // wider screen it is fetched now, alongside the sheet's requests, and the @defer block finds it loaded.
    if (!this.phone()) void import('./grade-grid.component');
    // Leaving (a link, Back, sign-out, the session's end) first sends the pending saves; reload/close: beforeunload.
    guardLeaving(this);
    // The view follows the screen's width only once the width has settled (a rotation, a resized window), never on a
    // passing resize such as a full-page capture's, which re-created the grid and lost its conflicts (seen in e2e).
    // A sheet with anything pending (saves, invalid cells, conflicts) keeps its view until that is settled.
    const narrow = window.matchMedia(PHONE_QUERY);
    let settle: ReturnType<typeof setTimeout> | undefined;
    const onWidth = () => {
      clearTimeout(settle);
      settle = setTimeout(() => {
        const pending = this.pendingChanges();
        if (pending.saving === 0 && pending.invalid === 0 && !pending.dirty) this.phone.set(narrow.matches);
      }, VIEW_SETTLE_MS);
    };
    narrow.addEventListener('change', onWidth);
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(settle);
      narrow.removeEventListener('change', onWidth);
    });
  }

  pendingChanges(): PendingChanges {
    return this.grid()?.pendingChanges() ?? NOTHING_PENDING;
  }

  flush(): Promise<boolean> {
    return this.grid()?.flush() ?? Promise.resolve(true);
  }

  protected showHistory(): void {
    const target = this.targetOfFocus();
    if (target) this.historyTarget.set(target);
    else this.notice.set(this.transloco.translate('grading.sheet.focusACell'));
  }

  protected askCorrection(): void {
    const target = this.targetOfFocus();
    if (target && target.cell.key !== 'comment') this.correctionTarget.set(target);
    else this.notice.set(this.transloco.translate('grading.sheet.focusACell'));
  }

  protected correctionSent(): void {
    this.correctionTarget.set(null);
    this.notice.set(this.transloco.translate('grading.correction.sent'));
  }

  protected openImport(): void {
    const schoolId = this.schoolId();
    if (schoolId)
      this.importTarget.set({
        schoolId,
        classId: this.classId(),
        semester: this.semesterNumber(),
        subjectCode: this.subjectCode(),
      });
  }

  protected exportSheet(): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.downloading.set(true);
    this.problem.set(null);
    this.api
      .exportSheet(schoolId, this.classId(), this.semesterNumber(), this.subjectCode())
      .pipe(finalize(() => this.downloading.set(false)))
      .subscribe({
        next: (response) => saveDownload(response, `so-diem-${this.subjectCode()}-hk${this.semesterNumber()}.xlsx`),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  private targetOfFocus(): HistoryTarget | null {
    const cell = this.grid()?.focused();
    const schoolId = this.schoolId();
    if (!cell || !schoolId) return null;
    this.notice.set(null);
    return {
      schoolId,
      classId: this.classId(),
      semester: this.semesterNumber(),
      subjectCode: this.subjectCode(),
      cell,
    };
  }
}
