import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { ProblemDetails } from '@emis/contracts';
import { GradeColumn, parseCell } from '@emis/domain';
import { ProblemAlertComponent, toProblem } from '@emis/web/core';
import { DialogComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { GradingApi } from '../data-access/grading.api';
import { HistoryTarget } from './cell-history-dialog.component';

/**
 * "Yêu cầu sửa điểm" on a locked semester: the subject's teacher asks the principal to change one cell, with a
 * reason (required). The new value is checked with the domain's parseCell before anything is sent.
 */
@Component({
  selector: 'emis-correction-dialog',
  imports: [TranslocoPipe, DialogComponent, ProblemAlertComponent, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      --dialog-width: 32rem;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-top: 1rem;
    }
  `,
  template: `
    <emis-dialog
      #dialog
      [unsaved]="form.dirty"
      [open]="target() !== null"
      [heading]="'grading.correction.title' | transloco"
      testId="grade-correction"
      [busy]="busy()"
      (closed)="closed.emit()"
    >
      @if (target(); as t) {
        <p>
          {{
            'grading.correction.cell'
              | transloco: { name: t.cell.fullName, column: t.cell.label, value: t.cell.value || '—' }
          }}
        </p>
        <form class="stack" [formGroup]="form" (ngSubmit)="submit()">
          <div class="field">
            <label class="label" for="correction-value">{{ 'grading.correction.newValue' | transloco }}</label>
            <input
              id="correction-value"
              class="input"
              [formControl]="value"
              data-testid="grade-correction-value"
              autocomplete="off"
            />
            @if (valueError(); as e) {
              <p class="field-error" role="alert">{{ 'grading.sheet.cellErrors.' + e | transloco }}</p>
            }
          </div>
          <div class="field">
            <label class="label" for="correction-reason">{{ 'grading.correction.reason' | transloco }}</label>
            <textarea
              id="correction-reason"
              class="input"
              rows="3"
              maxlength="500"
              [formControl]="reason"
              data-testid="grade-correction-reason"
            ></textarea>
            @if (submitted() && reason.invalid) {
              <p class="field-error" role="alert">{{ 'grading.correction.reasonRequired' | transloco }}</p>
            }
          </div>
          <emis-problem-alert [problem]="problem()" />
          <div class="actions">
            <button type="button" class="btn btn-secondary" (click)="dialog.requestClose()" [disabled]="busy()">
              {{ 'common.cancel' | transloco }}
            </button>
            <button type="submit" class="btn btn-primary" [disabled]="busy()" data-testid="grade-correction-submit">
              {{ 'grading.correction.submit' | transloco }}
            </button>
          </div>
        </form>
      }
    </emis-dialog>
  `,
})
export class CorrectionDialogComponent {
  private readonly api = inject(GradingApi);
  readonly target = input<HistoryTarget | null>(null);
  readonly columns = input<readonly GradeColumn[]>([]);
  readonly closed = output<void>();
  readonly sent = output<void>();

  protected readonly value = new FormControl('', { nonNullable: true });
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(/\S/)],
  });
  protected readonly form = new FormGroup({ value: this.value, reason: this.reason });
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  private readonly typed = signal('');
  private readonly column = computed(() => this.columns().find((c) => c.key === this.target()?.cell.key) ?? null);
  protected readonly valueError = computed(() => {
    const column = this.column();
    if (!column || !this.submitted()) return null;
    const parsed = parseCell(column, this.typed());
    return 'error' in parsed ? parsed.error : null;
  });

  protected submit(): void {
    const t = this.target();
    const column = this.column();
    this.typed.set(this.value.value);
    this.submitted.set(true);
    if (!t || !column || this.valueError() || this.reason.invalid) return;
    const parsed = parseCell(column, this.value.value);
    if ('error' in parsed) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .requestCorrection(t.schoolId, {
        classId: t.classId,
        subjectCode: t.subjectCode,
        semester: t.semester,
        studentId: t.cell.studentId,
        cells: { [column.key]: parsed.value },
        reason: this.reason.value.trim(),
      })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => {
          this.value.reset();
          this.reason.reset();
          this.submitted.set(false);
          this.sent.emit();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
