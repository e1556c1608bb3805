import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ProblemDetails, RecognitionRecord, YearRecognitionRow, YearRecognitionSave } from '@emis/contracts';
import { RecognitionDecision } from '@emis/domain';
import {
  defaultYear,
  AuthStore,
  EmisDatePipe,
  guardLeaving,
  loadOnChange,
  OrgUnitContext,
  PendingChanges,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { DateInputDirective, saveDownload } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, map, Observable, of, switchMap } from 'rxjs';
import { GradingApi } from '../data-access/grading.api';
import { RecognitionApi } from '../data-access/recognition.api';
import { GradingLabelPipe } from '../ui/grading-label.pipe';

/** What the principal chose for a pupil's proposal at this sitting: '' = nothing yet. */
type Choice = '' | 'confirm' | 'reject';

interface Draft {
  choice: Choice;
  reason: string;
}

/** A pupil of the class on the screen: the award proposed, the decision recorded, the choice being made. */
interface AwardRow {
  studentId: string;
  ordinal: number;
  fullName: string;
  /** The award the year's results propose (null while incomplete, NONE when there is none). */
  proposed: RecognitionDecision | null;
  decided: RecognitionRecord | null;
}

/**
 * /grades/awards — the principal's award decisions (docs/domain/gradebook.md, "The award-decisions screen"): the
 * year's classes with the decisions recorded so far; for the class chosen, each pupil's proposed award or title
 * (Học sinh Xuất sắc / Giỏi under Circular 22, Học sinh Xuất sắc / tiêu biểu under Circular 27, Học sinh giỏi / tiên
 * tiến under Circular 58) confirmed or rejected under the principal's decision (its number and date), with a reason
 * where the rules ask one; the list of the awards granted, in Excel.
 */
@Component({
  selector: 'emis-awards-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    GradingLabelPipe,
    EmisDatePipe,
    DateInputDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './awards.page.html',
  styles: `
    .awards-layout {
      display: grid;
      grid-template-columns: minmax(12rem, 16rem) 1fr;
      gap: 1rem;
      align-items: start;
    }
    .class-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.25rem;
    }
    .class-list button {
      width: 100%;
      display: flex;
      justify-content: space-between;
      gap: 0.5rem;
      text-align: left;
    }
    .class-list button[aria-current='true'] {
      background: var(--primary);
      border-color: var(--primary);
      color: var(--on-primary);
    }
    .document {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
      align-items: end;
      margin-bottom: 1rem;
    }
    .awards-table select {
      min-width: 9rem;
    }
    .awards-table .input {
      min-width: 14rem;
    }
    @media (max-width: 900px) {
      .awards-layout {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class AwardsPage {
  private readonly api = inject(RecognitionApi);
  private readonly grading = inject(GradingApi);
  protected readonly auth = inject(AuthStore);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  /** The open year (else the latest) and its classes with their decisions counted. */
  protected readonly overview = loadOnChange(
    () => this.schoolId() ?? undefined,
    (schoolId) =>
      this.grading.schoolYears().pipe(
        map(defaultYear),
        switchMap((year) => (year ? this.api.overview(schoolId, year.id) : of(null))),
      ),
  );
  protected readonly chosenClassId = signal<string | null>(null);
  protected readonly classId = computed(
    () => this.chosenClassId() ?? this.overview.value()?.classes[0]?.classId ?? null,
  );
  protected readonly sheet = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const classId = this.classId();
      return schoolId && classId ? { schoolId, classId } : undefined;
    },
    ({ schoolId, classId }) => this.api.sheet(schoolId, classId),
  );
  protected readonly rows = computed<AwardRow[]>(() =>
    (this.sheet.value()?.rows ?? []).map((r: YearRecognitionRow) => ({
      studentId: r.studentId,
      ordinal: r.ordinal,
      fullName: r.fullName,
      proposed: r.proposed.AWARD ?? null,
      decided: r.decided.AWARD ?? null,
    })),
  );
  protected readonly className = computed(
    () => this.overview.value()?.classes.find((c) => c.classId === this.classId())?.className ?? '',
  );
  protected readonly drafts = signal<Record<string, Draft>>({});
  protected readonly decisionNumber = signal('');
  protected readonly decisionDate = signal<string | null>(null);
  protected readonly busy = signal<'save' | 'export' | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly saved = signal<number | null>(null);
  protected readonly chosen = computed(() => Object.values(this.drafts()).filter((d) => d.choice !== '').length);
  /** The decision document is filled: the save needs its number and date. */
  protected readonly documented = computed(() => this.decisionNumber().trim() !== '' && this.decisionDate() !== null);

  constructor() {
    // Another class, another sheet: the choices made belong to the class they were made in.
    effect(() => {
      this.classId();
      untracked(() => this.drafts.set({}));
    });
    guardLeaving(this);
  }

  /** The page saves on the principal's command: unsaved choices are the principal's decision when leaving. */
  pendingChanges(): PendingChanges {
    return { saving: this.busy() === 'save' ? 1 : 0, invalid: 0, dirty: this.chosen() > 0 };
  }

  flush(): Promise<boolean> {
    return Promise.resolve(this.chosen() === 0 && this.busy() !== 'save');
  }

  /** A pupil's proposal is decided here when the results propose an award or title. */
  protected decidable(r: AwardRow): boolean {
    return !!this.sheet.value()?.editable && r.proposed !== null && r.proposed !== 'NONE';
  }

  protected draft(r: AwardRow): Draft {
    return this.drafts()[r.studentId] ?? { choice: '', reason: '' };
  }

  protected choose(r: AwardRow, choice: string): void {
    this.drafts.update((d) => ({ ...d, [r.studentId]: { ...this.draft(r), choice: choice as Choice } }));
    this.saved.set(null);
  }

  protected setReason(r: AwardRow, reason: string): void {
    this.drafts.update((d) => ({ ...d, [r.studentId]: { ...this.draft(r), reason } }));
  }

  /** Every proposal of the class not decided yet, confirmed (a choice the principal still saves). */
  protected confirmAllProposed(): void {
    const next = { ...this.drafts() };
    for (const r of this.rows())
      if (this.decidable(r) && !r.decided && !next[r.studentId]?.choice)
        next[r.studentId] = { choice: 'confirm', reason: next[r.studentId]?.reason ?? '' };
    this.drafts.set(next);
  }

  protected pickClass(classId: string): void {
    this.chosenClassId.set(classId);
    this.problem.set(null);
    this.saved.set(null);
  }

  protected save(): void {
    const schoolId = this.schoolId();
    const classId = this.classId();
    if (!schoolId || !classId) return;
    const byId = new Map(this.rows().map((r) => [r.studentId, r]));
    const decisions: YearRecognitionSave['decisions'] = Object.entries(this.drafts())
      .filter(([, d]) => d.choice !== '')
      .map(([studentId, d]) => {
        const row = byId.get(studentId)!;
        return {
          studentId,
          kind: 'AWARD' as const,
          decision: d.choice === 'confirm' ? row.proposed! : ('NONE' as const),
          reason: d.reason.trim() || null,
          version: row.decided?.version ?? 0,
        };
      });
    if (!decisions.length) return;
    const body: YearRecognitionSave = {
      decisions,
      decisionNumber: this.decisionNumber().trim() || null,
      decisionDate: this.decisionDate(),
    };
    this.run('save', this.api.decide(schoolId, classId, body), () => {
      this.drafts.set({});
      this.saved.set(decisions.length);
      this.sheet.reload();
      this.overview.reload();
    });
  }

  protected exportList(): void {
    const schoolId = this.schoolId();
    const year = this.overview.value();
    if (!schoolId || !year) return;
    this.run('export', this.api.exportGranted(schoolId, year.schoolYearId), (response) =>
      saveDownload(response, `khen-thuong-${year.schoolYearCode}.xlsx`),
    );
  }

  private run<T>(key: 'save' | 'export', call: Observable<T>, done: (value: T) => void): void {
    this.busy.set(key);
    this.problem.set(null);
    call
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({ next: done, error: (error: unknown) => this.problem.set(toProblem(error)) });
  }
}
