import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { CompletionPupil, ProblemDetails } from '@emis/contracts';
import {
  defaultYear,
  AuthStore,
  EmisDatePipe,
  guardUnsaved,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { saveDownload, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, map, Observable, of, switchMap } from 'rxjs';
import { CompletionApi } from '../data-access/completion.api';
import { GradingApi } from '../data-access/grading.api';
import { GradingLabelPipe } from '../ui/grading-label.pipe';

/** A pupil's decision as being edited: '' = not decided at this sitting. */
interface Draft {
  choice: '' | 'yes' | 'no';
  reason: string;
}

/**
 * /grades/completion — grade 9 completion under Circular 31/2023 (docs/domain/completion.md): every grade 9 pupil
 * of the open (else latest) year with the proposal and its unmet conditions; the council's sittings (at most two),
 * opened here by the principal; the decisions of the latest sitting entered per pupil, with a reason when the pupil
 * does not complete or the decision differs from the proposal; the printed decision list.
 */
@Component({
  selector: 'emis-completion-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    GradingLabelPipe,
    EmisDatePipe,
    DateInputDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './completion.page.html',
})
export class CompletionPage {
  private readonly api = inject(CompletionApi);
  private readonly grading = inject(GradingApi);
  protected readonly auth = inject(AuthStore);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  protected readonly overview = loadOnChange(
    () => this.schoolId() ?? undefined,
    (schoolId) =>
      this.grading.schoolYears().pipe(
        map(defaultYear),
        switchMap((year) => (year ? this.api.overview(schoolId, year.id) : of(null))),
      ),
  );
  /** The sitting decisions are entered for: the latest one. */
  protected readonly council = computed(() => this.overview.value()?.councils.at(-1) ?? null);
  protected readonly canOpen = computed(() => (this.overview.value()?.councils.length ?? 2) < 2);
  protected readonly drafts = signal<Record<string, Draft>>({});
  protected readonly busy = signal<string | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly saved = signal<string | null>(null);

  protected readonly councilForm = new FormGroup({
    heldOn: new FormControl('', { nonNullable: true }),
    chairName: new FormControl('', { nonNullable: true }),
    members: new FormControl('', { nonNullable: true }),
  });
  /**
   * A sitting's details or decisions typed and not saved: leaving the page, signing out or the session's end asks
   * first (docs/domain/gradebook.md, "Leaving a page").
   */
  private readonly leaving = guardUnsaved(() => ({
    dirty:
      this.councilForm.dirty || Object.values(this.drafts()).some((d) => d.choice !== '' || d.reason.trim() !== ''),
  }));

  protected draft(p: CompletionPupil): Draft {
    return this.drafts()[p.studentId] ?? { choice: '', reason: '' };
  }

  protected setChoice(p: CompletionPupil, choice: string): void {
    this.drafts.update((d) => ({ ...d, [p.studentId]: { ...this.draft(p), choice: choice as Draft['choice'] } }));
  }

  protected setReason(p: CompletionPupil, reason: string): void {
    this.drafts.update((d) => ({ ...d, [p.studentId]: { ...this.draft(p), reason } }));
  }

  /** A pupil already completed at another sitting is not decided again. */
  protected decidable(p: CompletionPupil): boolean {
    const council = this.council();
    return !!council && !(p.decision?.completes && p.decision.councilId !== council.id);
  }

  protected openCouncil(): void {
    const schoolId = this.schoolId();
    const year = this.overview.value();
    if (!schoolId || !year) return;
    const form = this.councilForm.getRawValue();
    const body = {
      schoolYearId: year.schoolYearId,
      heldOn: form.heldOn,
      chairName: form.chairName,
      members: form.members
        .split(/[,\n]/)
        .map((m) => m.trim())
        .filter((m) => m),
    };
    this.run('open', this.api.openCouncil(schoolId, body), () => {
      this.saved.set('opened');
      this.councilForm.reset();
      this.overview.reload();
    });
  }

  protected saveDecisions(): void {
    const schoolId = this.schoolId();
    const council = this.council();
    if (!schoolId || !council) return;
    const decisions = Object.entries(this.drafts())
      .filter(([, d]) => d.choice !== '')
      .map(([studentId, d]) => ({ studentId, completes: d.choice === 'yes', reason: d.reason.trim() || null }));
    if (!decisions.length) return;
    this.run('decide', this.api.decide(schoolId, council.id, { decisions }), () => {
      this.drafts.set({});
      this.saved.set('decided');
      this.overview.reload();
    });
  }

  protected printCouncil(councilId: string): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    this.run(`pdf-${councilId}`, this.api.councilPdf(schoolId, councilId), (response) =>
      saveDownload(response, 'hoan-thanh-thcs.pdf'),
    );
  }

  private run<T>(key: string, call: Observable<T>, done: (value: T) => void): void {
    this.busy.set(key);
    this.problem.set(null);
    this.saved.set(null);
    call
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({ next: done, error: (error: unknown) => this.problem.set(toProblem(error)) });
  }
}
