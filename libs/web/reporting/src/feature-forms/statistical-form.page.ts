import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  WritableSignal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { ProblemDetails, StatisticalCheck, StatisticalReport } from '@emis/contracts';
import { FACILITY_LINES, formLabel, STATISTICAL_FORMS } from '@emis/domain';
import {
  AuthStore,
  EmisDatePipe,
  guardUnsaved,
  LanguageService,
  loadOnChange,
  ProblemAlertComponent,
  toProblem,
} from '@emis/web/core';
import { ConfirmDialogComponent, saveBlob } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { FormRef, StatisticalFormsApi } from '../data-access/statistical-forms.api';
import { StatisticalSectionTableComponent } from '../ui/statistical-section-table.component';
import { isEditable, isReportKind, manualOf, parseFigure } from './statistical-forms.model';

/**
 * One school's report of a year: the figures generated from its data (or frozen at submission), the rooms and
 * equipment it types in, the checks, the submission with a confirmation, the official Excel layout; the department
 * or the unit reopens a submitted report with a reason.
 */
@Component({
  selector: 'emis-statistical-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    ProblemAlertComponent,
    ConfirmDialogComponent,
    StatisticalSectionTableComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './statistical-form.page.html',
  styleUrl: './statistical-form.page.css',
})
export class StatisticalFormPage {
  private readonly api = inject(StatisticalFormsApi);
  private readonly auth = inject(AuthStore);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly lang = inject(LanguageService).language;

  readonly schoolId = input.required<string>();
  readonly yearId = input.required<string>();
  readonly kind = input.required<string>();

  protected readonly facilityLines = FACILITY_LINES;
  protected readonly canSubmit = computed(() => this.auth.can('reports.submit'));
  protected readonly canReview = computed(() => this.auth.can('reports.review'));
  private readonly ref = computed<FormRef | undefined>(() => {
    const kind = this.kind();
    return isReportKind(kind) ? { schoolId: this.schoolId(), yearId: this.yearId(), kind } : undefined;
  });
  protected readonly report = loadOnChange(this.ref, (ref) => this.api.get(ref));
  protected readonly formNumber = computed(() => {
    const kind = this.kind();
    return isReportKind(kind) ? STATISTICAL_FORMS[kind].number : '';
  });
  protected readonly editable = computed(() => {
    const report = this.report.value();
    return !!report && this.canSubmit() && isEditable(report);
  });
  protected readonly errors = computed(() => (this.report.value()?.checks ?? []).filter((c) => c.severity === 'ERROR'));
  protected readonly manual = new FormGroup(
    Object.fromEntries(FACILITY_LINES.map((line) => [line, new FormControl('', { nonNullable: true })])),
  );
  protected readonly invalid = signal<string[]>([]);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly confirmingSubmit = signal(false);
  protected readonly reopening = signal(false);
  protected readonly reopenReason = new FormControl('', { nonNullable: true });
  protected readonly exporting = signal(false);
  /** Figures typed and not saved: leaving asks first (docs/domain/gradebook.md, "Leaving a page"). */
  private readonly leaving = guardUnsaved(() => this.manual);

  constructor() {
    effect(() => {
      const report = this.report.value();
      if (report) this.fillManual(report);
    });
  }

  protected label(code: string): string {
    return formLabel(code, this.lang());
  }

  protected checkParams(check: StatisticalCheck): Record<string, string | number> {
    const line = check.params['line'];
    return typeof line === 'string' ? { ...check.params, line: this.label(line) } : check.params;
  }

  protected saveManual(): void {
    const report = this.report.value();
    const ref = this.ref();
    const figures = this.figures();
    if (!report || !ref || !figures) return;
    this.run(this.api.saveManual(ref, figures, report.version), this.saving, () => this.saved.set(true));
  }

  protected submit(): void {
    const report = this.report.value();
    const ref = this.ref();
    if (!report || !ref) return;
    this.run(this.api.submit(ref, report.version), this.saving, () => this.confirmingSubmit.set(false));
  }

  protected reopen(): void {
    const ref = this.ref();
    if (!ref) return;
    this.run(this.api.reopen(ref, this.reopenReason.value.trim()), this.saving, () => {
      this.reopening.set(false);
      this.reopenReason.setValue('');
    });
  }

  protected exportForm(): void {
    const ref = this.ref();
    const report = this.report.value();
    if (!ref || !report) return;
    this.exporting.set(true);
    this.api
      .export(ref)
      .pipe(
        finalize(() => this.exporting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (blob) => saveBlob(blob, `bao-cao-thong-ke-${report.yearCode}-${report.schoolCode}.xlsx`),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  /** The typed figures, or undefined (with the bad fields marked) when one is not a whole number. */
  private figures(): Record<string, number | null> | undefined {
    const values: Record<string, number | null> = {};
    const invalid: string[] = [];
    for (const line of FACILITY_LINES) {
      const value = parseFigure(this.manual.controls[line].value);
      if (value === undefined) invalid.push(line);
      else values[line] = value;
    }
    this.invalid.set(invalid);
    return invalid.length ? undefined : values;
  }

  private fillManual(report: StatisticalReport): void {
    const manual = manualOf(report);
    for (const line of FACILITY_LINES) this.manual.controls[line].setValue(manual[line]?.toString() ?? '');
    if (this.editable()) this.manual.enable({ emitEvent: false });
    else this.manual.disable({ emitEvent: false });
    // What the server holds now is on screen: nothing typed is pending.
    this.manual.markAsPristine();
  }

  private run(call: Observable<StatisticalReport>, busy: WritableSignal<boolean>, done: () => void): void {
    busy.set(true);
    this.problem.set(null);
    this.saved.set(false);
    call
      .pipe(
        finalize(() => busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (report) => {
          this.report.set(report);
          done();
        },
        error: (error: unknown) => {
          this.problem.set(toProblem(error));
          this.confirmingSubmit.set(false);
        },
      });
  }
}
