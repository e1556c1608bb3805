import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { ProblemDetails, StudentDetail } from '@emis/contracts';
import { EmisDatePipe, fieldErrorMap, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { DialogComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { StudentsApi } from '../data-access/students.api';
import { isEnrolledOn, isRealDate, lastDayBefore, todayInVietnam } from '@emis/domain';

/** Records that the student dropped out (reason and date); the record becomes read-only history. */
@Component({
  selector: 'emis-drop-out-dialog',
  imports: [TranslocoPipe, DialogComponent, ProblemAlertComponent, EmisDatePipe, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <emis-dialog
      #dialog
      [unsaved]="unsaved()"
      [open]="true"
      [heading]="'students.dropOut.title' | transloco"
      [busy]="busy()"
      testId="drop-out-dialog"
      (closed)="cancelled.emit()"
    >
      <div class="field">
        <label for="drop-out-reason">{{ 'students.dropOut.reason' | transloco }}</label>
        <textarea
          id="drop-out-reason"
          class="input"
          rows="3"
          maxlength="500"
          (input)="reason.set($any($event.target).value)"
          data-testid="drop-out-reason"
        ></textarea>
        <p class="field-error" aria-live="polite">{{ errors()['reason'] }}</p>
      </div>
      <div class="field">
        <label for="drop-out-date">{{ 'students.dropOut.date' | transloco }}</label>
        <input
          id="drop-out-date"
          class="input"
          emisDateInput
          [isoValue]="date()"
          (isoInput)="date.set($event)"
          data-testid="drop-out-date"
        />
        <p class="field-error" aria-live="polite">{{ errors()['date'] }}</p>
        @if (lastDayInClass(); as last) {
          <p class="muted" data-testid="drop-out-last-day">
            {{ 'students.dropOut.lastDay' | transloco: { class: student().className, date: (last | emisDate) } }}
          </p>
        }
      </div>
      <p class="alert alert-warning" data-testid="drop-out-confirm-text">
        {{ 'students.dropOut.confirm' | transloco: { name: student().fullName } }}
      </p>
      <emis-problem-alert [problem]="problem()" [shownFields]="['reason', 'date']" testId="drop-out-error" />
      <div class="dialog-actions">
        <button
          type="button"
          class="btn btn-danger"
          [disabled]="!valid() || busy()"
          (click)="confirm()"
          data-testid="drop-out-submit"
        >
          {{ (busy() ? 'common.working' : 'students.dropOut.submit') | transloco }}
        </button>
        <button type="button" class="btn btn-secondary" [disabled]="busy()" (click)="dialog.requestClose()">
          {{ 'common.cancel' | transloco }}
        </button>
      </div>
    </emis-dialog>
  `,
  styles: `
    .dialog-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 1rem;
    }
    .btn-danger {
      background: var(--danger);
      color: #fff;
      border-color: var(--danger);
    }
  `,
})
export class DropOutDialogComponent {
  private readonly api = inject(StudentsApi);

  readonly schoolId = input.required<string>();
  readonly student = input.required<StudentDetail>();
  readonly done = output<StudentDetail>();
  readonly cancelled = output<void>();

  protected readonly reason = signal('');
  private readonly today = todayInVietnam();
  protected readonly date = signal(this.today);
  /** The drop-out takes effect on its date, so the pupil's last day in their class is the day before. */
  protected readonly lastDayInClass = computed(() => {
    const current = this.student().enrolments.find((e) => e.toDate === null && e.classId === this.student().classId);
    const last = isRealDate(this.date()) ? lastDayBefore(this.date()) : null;
    return current && last && isEnrolledOn(current, last) ? last : null;
  });
  protected readonly valid = computed(() => this.reason().trim() !== '' && this.date() !== '');
  protected readonly busy = signal(false);
  /** Typed or chosen and not sent: closing asks first, and the page under it is guarded. */
  protected readonly unsaved = computed(() => this.date() !== this.today || this.reason().trim() !== '');
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));

  protected confirm(): void {
    if (!this.valid()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .dropOut(this.schoolId(), this.student().id, { reason: this.reason().trim(), date: this.date() })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (student) => this.done.emit(student),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
