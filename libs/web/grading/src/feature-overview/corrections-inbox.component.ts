import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { CorrectionRequest, ProblemDetails } from '@emis/contracts';
import { formatCell } from '@emis/domain';
import { EmisDatePipe, loadOnChange, ProblemAlertComponent, toProblem } from '@emis/web/core';
import { PaginatorComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { GradingApi } from '../data-access/grading.api';

/**
 * The principal's inbox of correction requests on locked semesters: each with the cell's old and new value and the
 * teacher's reason; approve applies the change (the server refuses if the cell changed since), reject keeps it.
 */
@Component({
  selector: 'emis-corrections-inbox',
  imports: [TranslocoPipe, EmisDatePipe, ProblemAlertComponent, PaginatorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
    .filters {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin-bottom: 0.75rem;
    }
    .decision {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .decision .input {
      min-width: 12rem;
    }
    th .muted {
      font-weight: 400;
    }
  `,
  template: `
    <section class="card" data-testid="corrections-inbox" aria-labelledby="corrections-title">
      <h2 class="card-title" id="corrections-title">{{ 'grading.corrections.title' | transloco }}</h2>
      <div class="filters">
        <label class="label" for="corrections-status">{{ 'grading.corrections.status' | transloco }}</label>
        <select
          id="corrections-status"
          class="select select-small"
          (change)="status.set($any($event.target).value); page.set(1)"
        >
          @for (s of statuses; track s) {
            <option [value]="s" [selected]="s === status()">
              {{ 'grading.corrections.statuses.' + s | transloco }}
            </option>
          }
        </select>
      </div>
      <emis-problem-alert [problem]="list.error() ?? problem()" />
      @if (list.value(); as p) {
        @if (p.items.length === 0) {
          <p class="empty-state" data-testid="corrections-empty">{{ 'grading.corrections.none' | transloco }}</p>
        } @else {
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{{ 'grading.corrections.requested' | transloco }}</th>
                  <th scope="col">{{ 'grading.corrections.where' | transloco }}</th>
                  <th scope="col">{{ 'grading.corrections.change' | transloco }}</th>
                  <th scope="col">{{ 'grading.corrections.reason' | transloco }}</th>
                  <th scope="col">{{ 'grading.corrections.decision' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (c of p.items; track c.id) {
                  <tr data-testid="correction-row">
                    <td>
                      {{ c.requestedAt | emisDate: 'datetime' }}<br /><span class="muted">{{
                        c.requestedByName ?? ''
                      }}</span>
                    </td>
                    <th scope="row">
                      {{ c.studentName }}<br /><span class="muted"
                        >{{ c.className }} · {{ c.subjectName }} ·
                        {{ 'grading.common.semester' + c.semester | transloco }}</span
                      >
                    </th>
                    <td>{{ changeText(c) }}</td>
                    <td>{{ c.reason }}</td>
                    <td>
                      @if (c.status === 'PENDING') {
                        <div class="decision">
                          <input
                            class="input"
                            [attr.aria-label]="'grading.corrections.note' | transloco"
                            [placeholder]="'grading.corrections.note' | transloco"
                            maxlength="500"
                            (input)="notes[c.id] = $any($event.target).value"
                            data-testid="correction-note"
                          />
                          <button
                            type="button"
                            class="btn btn-primary btn-small"
                            [disabled]="busy() === c.id"
                            (click)="decide(c, 'approve')"
                            data-testid="correction-approve"
                          >
                            {{ 'grading.corrections.approve' | transloco }}
                          </button>
                          <button
                            type="button"
                            class="btn btn-secondary btn-small"
                            [disabled]="busy() === c.id"
                            (click)="decide(c, 'reject')"
                            data-testid="correction-reject"
                          >
                            {{ 'grading.corrections.reject' | transloco }}
                          </button>
                        </div>
                      } @else {
                        {{ 'grading.corrections.statuses.' + c.status | transloco }} · {{ c.decidedByName ?? '' }}
                        @if (c.decisionNote) {
                          <br /><span class="muted">{{ c.decisionNote }}</span>
                        }
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          <emis-paginator [page]="p.page" [pageSize]="p.pageSize" [total]="p.total" (pageChange)="page.set($event)" />
        }
      }
      <p role="status" aria-live="polite" class="muted">
        {{ decided() ? ('grading.corrections.decided' | transloco) : '' }}
      </p>
    </section>
  `,
})
export class CorrectionsInboxComponent {
  private readonly api = inject(GradingApi);
  readonly schoolId = input.required<string>();

  protected readonly statuses: CorrectionRequest['status'][] = ['PENDING', 'APPROVED', 'REJECTED'];
  protected readonly status = signal<CorrectionRequest['status']>('PENDING');
  protected readonly page = signal(1);
  protected readonly busy = signal<string | null>(null);
  protected readonly decided = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly notes: Record<string, string> = {};
  protected readonly list = loadOnChange(
    () => ({ schoolId: this.schoolId(), status: this.status(), page: this.page() }),
    ({ schoolId, status, page }) => this.api.corrections(schoolId, { status, page, pageSize: 20 }),
  );

  protected changeText(c: CorrectionRequest): string {
    return Object.entries(c.changes)
      .map(([key, change]) => `${key}: ${formatCell(change.from) || '—'} → ${formatCell(change.to) || '—'}`)
      .join('; ');
  }

  protected decide(c: CorrectionRequest, decision: 'approve' | 'reject'): void {
    this.busy.set(c.id);
    this.problem.set(null);
    this.decided.set(false);
    this.api
      .decideCorrection(this.schoolId(), c.id, decision, (this.notes[c.id] ?? '').trim())
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({
        next: () => {
          this.decided.set(true);
          this.list.reload();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
