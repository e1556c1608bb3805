import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ConductRow, ConductSheetSave, ProblemDetails } from '@emis/contracts';
import { Level4, PRIMARY_QUALITIES, QualityRating } from '@emis/domain';
import {
  AuthStore,
  guardLeaving,
  LanguageService,
  LeavesSafely,
  loadOnChange,
  OrgUnitContext,
  PendingChanges,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { GradingApi } from '../data-access/grading.api';
import { GradingLabelPipe } from '../ui/grading-label.pipe';

interface EditRow {
  source: ConductRow;
  training: Level4 | null;
  qualities: Record<string, QualityRating | null>;
  comment: string;
}

const LEVELS: readonly Level4[] = ['TOT', 'KHA', 'DAT', 'CHUA_DAT'];
/** Circular 58 names the four steps Tốt, Khá, Trung bình, Yếu (stored as the Circular 22 levels). */
const C58_WORDS: Readonly<Record<Level4, string>> = { TOT: 'TOT', KHA: 'KHA', DAT: 'TB', CHUA_DAT: 'YEU' };
const QUALITY_RATINGS: readonly QualityRating[] = ['TOT', 'DAT', 'CAN_CO_GANG'];

/**
 * /grades/:classId/conduct/:semester — the homeroom teacher records each student's training level (Circular 22
 * Art. 8; conduct under Circular 58) or, in primary school, the qualities and competencies (Circular 27 Art. 6),
 * with a comment. One save sends the changed rows with their versions. /conduct/CN: the year conduct of a Circular 58
 * class, entered by the homeroom teacher from the semester ratings shown beside it (Circular 58 Art. 3.2), never
 * derived.
 */
@Component({
  selector: 'emis-conduct-page',
  imports: [RouterLink, TranslocoPipe, ProblemAlertComponent, SchoolRequiredComponent, GradingLabelPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './conduct.page.html',
  styles: `
    .conduct-table th,
    .conduct-table td {
      vertical-align: middle;
    }
    .conduct-table select {
      min-width: 7rem;
    }
    .conduct-table .input {
      min-width: 14rem;
    }
    /* The pupil's name stays in view while the table scrolls sideways in its frame, never the page (phones). */
    .conduct-table .pinned {
      position: sticky;
      left: 0;
      z-index: 1;
      background: var(--surface);
      box-shadow: 1px 0 0 var(--border);
    }
    @media (max-width: 640px) {
      .conduct-table .pinned {
        min-width: 8rem;
        white-space: normal;
      }
      .conduct-table select {
        min-height: 44px;
      }
      .conduct-table .input {
        min-height: 44px;
      }
    }
    .save-bar {
      display: flex;
      gap: 1rem;
      align-items: center;
      margin-top: 1rem;
    }
    .state-saved {
      color: var(--success);
      font-weight: 600;
    }
  `,
})
export class ConductPage implements LeavesSafely {
  private readonly api = inject(GradingApi);
  private readonly auth = inject(AuthStore);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
  protected readonly language = inject(LanguageService).language;

  readonly classId = input.required<string>();
  readonly semester = input.required<string>();

  protected readonly levels = LEVELS;
  protected readonly qualityRatings = QUALITY_RATINGS;
  protected readonly qualities = PRIMARY_QUALITIES;
  protected readonly isYear = computed(() => this.semester() === 'CN');
  protected readonly semesterNumber = computed<1 | 2>(() => (this.semester() === '1' ? 1 : 2));
  private readonly period = computed<1 | 2 | 'CN'>(() => (this.isYear() ? 'CN' : this.semesterNumber()));
  protected readonly sheet = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, classId: this.classId(), semester: this.period() } : undefined;
    },
    ({ schoolId, classId, semester }) => this.api.conduct(schoolId, classId, semester),
  );
  protected readonly rows = signal<EditRow[]>([]);
  protected readonly isPrimary = computed(() => this.sheet.value()?.scheme === 'C27');
  /** The label code of a level: the Circular 58 words in a Circular 58 class. */
  protected levelLabel(level: Level4 | null | undefined): string {
    if (!level) return '';
    return this.sheet.value()?.scheme === 'C58' ? C58_WORDS[level] : level;
  }
  protected readonly editable = computed(() => !!this.sheet.value()?.editable && this.auth.can('conduct.record'));
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly changed = computed(() => this.rows().filter((r) => isChanged(r)));

  constructor() {
    effect(() => {
      const sheet = this.sheet.value();
      untracked(() => this.rows.set((sheet?.rows ?? []).map(toEditRow)));
    });
    guardLeaving(this);
  }

  /** The page saves on the teacher's command: unsaved rows are the teacher's decision when leaving. */
  pendingChanges(): PendingChanges {
    return { saving: this.saving() ? 1 : 0, invalid: 0, dirty: this.changed().length > 0 };
  }

  flush(): Promise<boolean> {
    return Promise.resolve(this.changed().length === 0 && !this.saving());
  }

  protected setTraining(index: number, value: string): void {
    this.update(index, (r) => ({ ...r, training: (value || null) as Level4 | null }));
  }

  protected setQuality(index: number, code: string, value: string): void {
    this.update(index, (r) => ({
      ...r,
      qualities: { ...r.qualities, [code]: (value || null) as QualityRating | null },
    }));
  }

  protected setComment(index: number, value: string): void {
    this.update(index, (r) => ({ ...r, comment: value }));
  }

  protected save(): void {
    const schoolId = this.schoolId();
    const changed = this.changed();
    if (!schoolId || changed.length === 0) return;
    const body: ConductSheetSave = {
      rows: changed.map((r) => ({
        studentId: r.source.studentId,
        version: r.source.version,
        comment: r.comment.trim() || null,
        ...(this.isPrimary() ? { qualities: r.qualities } : { training: r.training }),
      })),
    };
    this.saving.set(true);
    this.problem.set(null);
    this.api
      .saveConduct(schoolId, this.classId(), this.period(), body)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (sheet) => {
          this.sheet.set(sheet);
          this.saved.set(true);
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  private update(index: number, change: (row: EditRow) => EditRow): void {
    this.saved.set(false);
    this.rows.update((rows) => rows.map((r, i) => (i === index ? change(r) : r)));
  }
}

function toEditRow(row: ConductRow): EditRow {
  return { source: row, training: row.training, qualities: { ...row.qualities }, comment: row.comment ?? '' };
}

function isChanged(r: EditRow): boolean {
  const s = r.source;
  const qualitiesChanged = PRIMARY_QUALITIES.some(
    (q) => (r.qualities[q.code] ?? null) !== (s.qualities[q.code] ?? null),
  );
  return r.training !== s.training || r.comment.trim() !== (s.comment ?? '') || qualitiesChanged;
}
