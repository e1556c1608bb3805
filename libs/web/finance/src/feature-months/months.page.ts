import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ProblemDetails } from '@emis/contracts';
import {
  AuthStore,
  EmisDatePipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { ConfirmDialogComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { MoneyApi } from '../data-access/money.api';
import { monthRange, nextClosable } from './closing-months';

/**
 * Closing the school's months: once closed, the database refuses anything dated in the month (a correction is an entry
 * in an open month). The principal (finance.approve) closes the next ended month, after reconciling it.
 */
@Component({
  selector: 'emis-months-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    ConfirmDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <ol>
        <li>
          <a routerLink="/finance">{{ 'finance.title' | transloco }}</a>
        </li>
        <li>
          <span aria-current="page">{{ 'finance.money.titles.months' | transloco }}</span>
        </li>
      </ol>
    </nav>
    <header class="page-header">
      <div>
        <h1 class="page-title">{{ 'finance.money.titles.months' | transloco }}</h1>
        <p class="page-subtitle">{{ 'finance.money.months.subtitle' | transloco }}</p>
      </div>
    </header>
    @if (schoolId()) {
      <section class="card" [attr.aria-busy]="months.loading()">
        <emis-problem-alert [problem]="months.error()" />
        <div aria-live="polite">
          @if (closedNow(); as m) {
            <p class="alert alert-success" data-testid="months-closed">
              {{ 'finance.money.months.closedDone' | transloco: { month: m } }}
            </p>
          }
        </div>
        @if (months.value(); as list) {
          @if (list.length === 0) {
            <p class="muted">{{ 'finance.money.months.empty' | transloco }}</p>
          } @else {
            <div class="table-wrap">
              <table class="table" data-testid="finance-months">
                <thead>
                  <tr>
                    <th scope="col">{{ 'finance.money.months.month' | transloco }}</th>
                    <th scope="col">{{ 'finance.money.common.status' | transloco }}</th>
                    <th scope="col">
                      <span class="visually-hidden">{{ 'finance.money.common.actions' | transloco }}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  @for (m of list; track m.month) {
                    <tr data-testid="finance-month" [attr.data-month]="m.month">
                      <th scope="row" class="nowrap">{{ m.month.slice(5) }}/{{ m.month.slice(0, 4) }}</th>
                      <td>
                        @if (m.closedAt) {
                          {{ 'finance.money.months.closedAt' | transloco: { at: (m.closedAt | emisDate: 'datetime') } }}
                        } @else {
                          {{ 'finance.money.months.open' | transloco }}
                        }
                      </td>
                      <td>
                        @if (m.month === closable()) {
                          <div class="row-actions">
                            <a
                              class="btn btn-link btn-small"
                              routerLink="/finance/reconciliation"
                              [queryParams]="reconcileRange(m.month)"
                            >
                              {{ 'finance.money.months.reconcileFirst' | transloco }}
                            </a>
                            @if (canApprove()) {
                              <button
                                type="button"
                                class="btn btn-secondary btn-small"
                                (click)="closing.set(m.month)"
                                data-testid="finance-month-close"
                              >
                                {{ 'finance.money.months.close' | transloco }}
                              </button>
                            }
                          </div>
                        }
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        }
      </section>
      <emis-confirm-dialog
        [open]="closing() !== null"
        [title]="'finance.money.months.closeTitle' | transloco: { month: closing() }"
        [confirmLabel]="'finance.money.months.closeConfirm' | transloco"
        [busy]="busy()"
        [danger]="true"
        testId="finance-month-confirm"
        (confirmed)="close()"
        (cancelled)="closing.set(null)"
      >
        <p>{{ 'finance.money.months.closeBody' | transloco: { month: closing() } }}</p>
        <emis-problem-alert [problem]="problem()" testId="finance-month-error" />
      </emis-confirm-dialog>
    } @else {
      <emis-school-required />
    }
  `,
})
export class MonthsPage {
  private readonly api = inject(MoneyApi);
  private readonly auth = inject(AuthStore);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
  protected readonly canApprove = computed(() => this.auth.can('finance.approve'));

  protected readonly months = loadOnChange(
    () => this.schoolId() ?? undefined,
    (schoolId) => this.api.months(schoolId),
  );
  protected readonly closable = computed(() => nextClosable(this.months.value() ?? []));
  protected readonly closing = signal<string | null>(null);
  protected readonly closedNow = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected reconcileRange(month: string): Record<string, string> {
    return { ...monthRange(month) };
  }

  protected close(): void {
    const schoolId = this.schoolId();
    const month = this.closing();
    if (!schoolId || !month) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .closeMonth(schoolId, month)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => {
          this.closing.set(null);
          this.closedNow.set(month);
          this.months.reload();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
