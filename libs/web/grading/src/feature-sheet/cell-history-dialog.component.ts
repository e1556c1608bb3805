import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { ScoreChange } from '@emis/contracts';
import { formatCell } from '@emis/domain';
import { EmisDatePipe, loadOnChange, ProblemAlertComponent } from '@emis/web/core';
import { DialogComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { GradingApi } from '../data-access/grading.api';
import { FocusedCell } from './sheet-view';

export interface HistoryTarget {
  schoolId: string;
  classId: string;
  semester: 1 | 2;
  subjectCode: string;
  cell: FocusedCell;
}

/** Every change of one cell, newest first (who, when, from → to, and the correction it came from). */
@Component({
  selector: 'emis-cell-history-dialog',
  imports: [TranslocoPipe, DialogComponent, EmisDatePipe, ProblemAlertComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      --dialog-width: 40rem;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      margin-top: 1rem;
    }
  `,
  template: `
    <emis-dialog [open]="target() !== null" [heading]="heading()" testId="grade-history" (closed)="closed.emit()">
      <emis-problem-alert [problem]="changes.error()" />
      @if (changes.value(); as list) {
        @if (list.length === 0) {
          <p class="empty-state" data-testid="grade-history-empty">{{ 'grading.history.none' | transloco }}</p>
        } @else {
          <div class="table-wrap">
            <table class="table" data-testid="grade-history-table">
              <thead>
                <tr>
                  <th scope="col">{{ 'grading.history.at' | transloco }}</th>
                  <th scope="col">{{ 'grading.history.by' | transloco }}</th>
                  <th scope="col">{{ 'grading.history.from' | transloco }}</th>
                  <th scope="col">{{ 'grading.history.to' | transloco }}</th>
                  <th scope="col">{{ 'grading.history.reason' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (c of list; track $index) {
                  <tr data-testid="grade-history-row">
                    <td>{{ c.changedAt | emisDate: 'datetime' }}</td>
                    <td>{{ c.changedByName ?? '—' }}</td>
                    <td>{{ show(c.oldValue) }}</td>
                    <td>{{ show(c.newValue) }}</td>
                    <td>{{ c.reason ?? '' }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      } @else if (changes.loading()) {
        <div class="loading-block" role="status">
          <span class="spinner" aria-hidden="true"></span>{{ 'common.loading' | transloco }}
        </div>
      }
      <div class="actions">
        <button type="button" class="btn btn-secondary" (click)="closed.emit()" data-testid="grade-history-close">
          {{ 'grading.common.close' | transloco }}
        </button>
      </div>
    </emis-dialog>
  `,
})
export class CellHistoryDialogComponent {
  private readonly api = inject(GradingApi);
  readonly target = input<HistoryTarget | null>(null);
  readonly headingText = input('');
  readonly closed = output<void>();

  protected readonly heading = computed(() => this.headingText());
  protected readonly changes = loadOnChange(
    () => this.target() ?? undefined,
    (t) => this.api.history(t.schoolId, t.classId, t.semester, t.subjectCode, t.cell.studentId, t.cell.key),
  );

  protected show(value: ScoreChange['newValue']): string {
    if (value === null || value === '') return '—';
    return typeof value === 'number' || value === 'D' || value === 'CD' ? formatCell(value) : String(value);
  }
}
