import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { BulkResult, ClassSummary, ProblemDetails } from '@emis/contracts';
import { fieldErrorMap, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { DialogComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { todayInVietnam } from '@emis/domain';
import { StudentsApi } from '../data-access/students.api';

/**
 * "Chuyển lớp" for the selected students: pick the class, read how many records change, confirm. The request
 * is sent only on the confirm button (one transaction on the server).
 */
@Component({
  selector: 'emis-bulk-enrol-dialog',
  imports: [TranslocoPipe, DialogComponent, ProblemAlertComponent, DateInputDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <emis-dialog
      #dialog
      [unsaved]="unsaved()"
      [open]="true"
      [heading]="'students.bulk.title' | transloco"
      [busy]="busy()"
      testId="bulk-enrol-dialog"
      (closed)="cancelled.emit()"
    >
      <div class="field">
        <label for="bulk-class">{{ 'students.bulk.class' | transloco }}</label>
        <select
          id="bulk-class"
          class="select"
          (change)="classId.set($any($event.target).value)"
          data-testid="bulk-enrol-class"
        >
          <option value="">{{ 'students.bulk.chooseClass' | transloco }}</option>
          @for (c of classes(); track c.id) {
            <option [value]="c.id">{{ c.name }} · {{ 'students.grades.' + c.grade | transloco }} ({{ c.size }})</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="bulk-date">{{ 'students.move.fromDate' | transloco }}</label>
        <input
          id="bulk-date"
          class="input"
          emisDateInput
          [isoValue]="fromDate()"
          (isoInput)="fromDate.set($event)"
          data-testid="bulk-enrol-date"
        />
        <p class="field-error" aria-live="polite" data-testid="bulk-enrol-date-error">{{ errors()['fromDate'] }}</p>
      </div>
      <p class="confirm-text" aria-live="polite" data-testid="bulk-enrol-confirm-text">
        @if (chosen(); as c) {
          {{ 'students.bulk.confirm' | transloco: { count: studentIds().length, class: c.name } }}
        } @else {
          {{ 'students.bulk.selectedCount' | transloco: { count: studentIds().length } }}
        }
      </p>
      <emis-problem-alert [problem]="problem()" [shownFields]="['fromDate']" testId="bulk-enrol-error" />
      <div class="dialog-actions">
        <button
          type="button"
          class="btn btn-primary"
          [disabled]="!chosen() || busy()"
          (click)="confirm()"
          data-testid="bulk-enrol-submit"
        >
          {{ (busy() ? 'common.working' : 'students.bulk.submit') | transloco }}
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          [disabled]="busy()"
          (click)="dialog.requestClose()"
          data-testid="bulk-enrol-cancel"
        >
          {{ 'common.cancel' | transloco }}
        </button>
      </div>
    </emis-dialog>
  `,
  styles: `
    .field {
      margin-bottom: 0.5rem;
    }
    .confirm-text {
      font-weight: 600;
    }
    .dialog-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 1rem;
    }
  `,
})
export class BulkEnrolDialogComponent {
  private readonly api = inject(StudentsApi);

  readonly schoolId = input.required<string>();
  readonly studentIds = input.required<string[]>();
  readonly classes = input.required<ClassSummary[]>();
  readonly done = output<BulkResult>();
  readonly cancelled = output<void>();

  protected readonly classId = signal('');
  protected readonly chosen = computed(() => this.classes().find((c) => c.id === this.classId()) ?? null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));
  private readonly today = todayInVietnam();
  protected readonly fromDate = signal(this.today);
  /** Typed or chosen and not sent: closing asks first, and the page under it is guarded. */
  protected readonly unsaved = computed(() => this.classId() !== '' || this.fromDate() !== this.today);

  protected confirm(): void {
    const chosen = this.chosen();
    if (!chosen) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .bulkEnrol(this.schoolId(), {
        studentIds: this.studentIds(),
        classId: chosen.id,
        fromDate: this.fromDate() || undefined,
      })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (result) => this.done.emit(result),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
