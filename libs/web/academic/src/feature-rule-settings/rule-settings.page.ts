import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { ProblemDetails, ProvinceRuleSettingsView, ResultsRecomputeRun } from '@emis/contracts';
import {
  C22_ADJUSTMENT_READINGS,
  C22AdjustmentReading,
  GRADE_LEVELS,
  GradeLevel,
  MISSING_ASSESSMENT_READINGS,
  MissingAssessmentReading,
} from '@emis/domain';
import { AuthStore, EmisDatePipe, guardUnsaved, loadOnChange, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { AcademicApi } from '../data-access/academic.api';

type CeilingControls = Record<GradeLevel, FormControl<number>>;

/** How often the page asks for a recomputation's progress. */
const POLL_MS = 1000;

/**
 * The province's rule settings of a school year (docs/domain/secondary-assessment-c22.md, "Province rule settings"):
 * everyone who reads the calendar sees them; the department's administrator changes them and asks for the stored
 * results to be recomputed, following the run's progress.
 */
@Component({
  selector: 'emis-rule-settings-page',
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, EmisDatePipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rule-settings.page.html',
  styleUrl: './rule-settings.page.css',
})
export class RuleSettingsPage {
  readonly yearId = input.required<string>();

  private readonly api = inject(AcademicApi);
  private readonly auth = inject(AuthStore);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly canConfigure = computed(() => this.auth.can('rules.configure'));
  protected readonly adjustments = C22_ADJUSTMENT_READINGS;
  protected readonly missingReadings = MISSING_ASSESSMENT_READINGS;
  protected readonly grades = GRADE_LEVELS;

  protected readonly view = loadOnChange(
    () => ({ yearId: this.yearId(), user: this.auth.user()?.id }),
    ({ yearId }) => this.api.ruleSettings(yearId),
  );

  protected readonly form = new FormGroup({
    c22Adjustment: new FormControl<C22AdjustmentReading>('EXCEPT_ONE_SUBJECT', { nonNullable: true }),
    missingAssessment: new FormControl<MissingAssessmentReading>('NOT_COMPUTED', { nonNullable: true }),
    c58ForeignLanguage: new FormControl(true, { nonNullable: true }),
    classSizeCeilings: new FormGroup(
      Object.fromEntries(GRADE_LEVELS.map((g) => [g, new FormControl(0, { nonNullable: true })])) as CeilingControls,
    ),
  });

  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<ProblemDetails | null>(null);
  protected readonly saved = signal(false);
  protected readonly run = signal<ResultsRecomputeRun | null>(null);
  protected readonly runProblem = signal<ProblemDetails | null>(null);
  private poll?: ReturnType<typeof setTimeout>;
  /** Settings changed and not saved: leaving asks first (docs/domain/gradebook.md, "Leaving a page"). */
  private readonly leaving = guardUnsaved(() => this.form);

  constructor() {
    effect(() => {
      const view = this.view.value();
      const editable = this.canConfigure();
      untracked(() => {
        if (view) this.form.reset(view.settings);
        if (editable) this.form.enable();
        else this.form.disable();
      });
    });
    this.destroyRef.onDestroy(() => clearTimeout(this.poll));
  }

  protected save(): void {
    const view = this.view.value();
    if (!view || !this.canConfigure()) return;
    this.saving.set(true);
    this.saveProblem.set(null);
    this.saved.set(false);
    this.api
      .saveRuleSettings(view.schoolYearId, { ...this.form.getRawValue(), version: view.version })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (after: ProvinceRuleSettingsView) => {
          this.view.set(after);
          this.saved.set(true);
        },
        error: (error: unknown) => this.saveProblem.set(toProblem(error)),
      });
  }

  protected recompute(): void {
    this.runProblem.set(null);
    this.api.startRecompute(this.yearId()).subscribe({
      next: (run) => this.follow(run),
      error: (error: unknown) => this.runProblem.set(toProblem(error)),
    });
  }

  private follow(run: ResultsRecomputeRun): void {
    this.run.set(run);
    if (run.status === 'DONE' || run.status === 'FAILED') return;
    this.poll = setTimeout(
      () =>
        this.api.recomputeRun(this.yearId(), run.id).subscribe({
          next: (next) => this.follow(next),
          error: (error: unknown) => this.runProblem.set(toProblem(error)),
        }),
      POLL_MS,
    );
  }
}
