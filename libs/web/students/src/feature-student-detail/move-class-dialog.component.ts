import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { ClassSummary, ProblemDetails, StudentDetail } from '@emis/contracts';
import { EmisDatePipe, fieldErrorMap, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { DialogComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { StudentsApi } from '../data-access/students.api';
import { isEnrolledOn, isRealDate, lastDayBefore, todayInVietnam } from '@emis/domain';

/** Enrols the student into a class of the current year, or moves them from their class to another. */
@Component({
  selector: 'emis-move-class-dialog',
  imports: [TranslocoPipe, DialogComponent, ProblemAlertComponent, EmisDatePipe, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <emis-dialog
      #dialog
      [unsaved]="unsaved()"
      [open]="true"
      [heading]="(student().classId ? 'students.move.title' : 'students.move.enrolTitle') | transloco"
      [busy]="busy()"
      testId="move-dialog"
      (closed)="cancelled.emit()"
    >
      @if (student().className; as current) {
        <p>{{ 'students.move.current' | transloco: { class: current } }}</p>
      }
      <div class="field">
        <label for="move-class">{{ 'students.move.class' | transloco }}</label>
        <select
          id="move-class"
          class="select"
          (change)="classId.set($any($event.target).value)"
          data-testid="move-class"
        >
          <option value="">{{ 'students.bulk.chooseClass' | transloco }}</option>
          @for (c of choices(); track c.id) {
            <option [value]="c.id">{{ c.name }} ({{ c.size }})</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="move-date">{{ 'students.move.fromDate' | transloco }}</label>
        <input
          id="move-date"
          class="input"
          emisDateInput
          [isoValue]="fromDate()"
          (isoInput)="fromDate.set($event)"
          data-testid="move-date"
        />
        <p class="field-error" aria-live="polite" data-testid="move-date-error">{{ errors()['fromDate'] }}</p>
        @if (lastDayInCurrent(); as last) {
          <p class="muted" data-testid="move-last-day">
            {{ 'students.move.lastDay' | transloco: { class: student().className, date: (last | emisDate) } }}
          </p>
        }
      </div>
      <div class="field">
        <label for="move-reason">{{ 'students.move.reason' | transloco }}</label>
        <input
          id="move-reason"
          class="input"
          maxlength="300"
          (input)="reason.set($any($event.target).value)"
          data-testid="move-reason"
        />
      </div>
      @if (chosen(); as c) {
        @if (c.sizeWarning; as w) {
          <p class="alert alert-warning">{{ 'students.move.sizeWarning' | transloco: { ceiling: w.ceiling } }}</p>
        }
      }
      <emis-problem-alert [problem]="problem()" [shownFields]="['fromDate']" testId="move-error" />
      <div class="dialog-actions">
        <button
          type="button"
          class="btn btn-primary"
          [disabled]="!chosen() || busy()"
          (click)="confirm()"
          data-testid="move-submit"
        >
          {{ (busy() ? 'common.working' : 'students.move.submit') | transloco }}
        </button>
        <button type="button" class="btn btn-secondary" [disabled]="busy()" (click)="dialog.requestClose()">
          {{ 'common.cancel' | transloco }}
        </button>
      </div>
    </emis-dialog>
  `,
  styles: `
    .field {
      margin-bottom: 0.5rem;
    }
    .dialog-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 1rem;
    }
  `,
})
export class MoveClassDialogComponent {
  private readonly api = inject(StudentsApi);

  readonly schoolId = input.required<string>();
  readonly student = input.required<StudentDetail>();
  readonly classes = input.required<ClassSummary[]>();
  readonly done = output<StudentDetail>();
  readonly cancelled = output<void>();

  protected readonly choices = computed(() => this.classes().filter((c) => c.id !== this.student().classId));
  protected readonly classId = signal('');
  protected readonly chosen = computed(() => this.choices().find((c) => c.id === this.classId()) ?? null);
  private readonly today = todayInVietnam();
  protected readonly fromDate = signal(this.today);
  /**
   * The last day in the current class when the move goes ahead: the day before the new class's first day. None for
   * a correction on the day the placement began (the class changes, no day is kept) or a date the API refuses.
   */
  protected readonly lastDayInCurrent = computed(() => {
    const current = this.student().enrolments.find((e) => e.toDate === null && e.classId === this.student().classId);
    const last = isRealDate(this.fromDate()) ? lastDayBefore(this.fromDate()) : null;
    return current && last && isEnrolledOn(current, last) ? last : null;
  });
  protected readonly reason = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** Typed or chosen and not sent: closing asks first, and the page under it is guarded. */
  protected readonly unsaved = computed(
    () => this.classId() !== '' || this.fromDate() !== this.today || this.reason().trim() !== '',
  );
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));

  protected confirm(): void {
    const chosen = this.chosen();
    if (!chosen) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .enrol(this.schoolId(), this.student().id, {
        classId: chosen.id,
        fromDate: this.fromDate() || undefined,
        reason: this.reason().trim() || null,
      })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (student) => this.done.emit(student),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
