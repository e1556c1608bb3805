import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Expense, ProblemDetails } from '@emis/contracts';
import { todayInVietnam } from '@emis/domain';
import {
  AuthStore,
  EmisDatePipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { ConfirmDialogComponent, DongPipe, showPdf, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable } from 'rxjs';
import { MoneyApi } from '../data-access/money.api';
import { ExpenseAttachmentsComponent } from './expense-attachments.component';
import { ExpenseAction, expenseActions } from './expense.model';

type Decision = 'approve' | 'reject' | 'reverse';

/**
 * One expense voucher: what it pays, from which source, its status and number, its documents, and what may be done
 * with it now (expenseActions): the principal approves (the API numbers it in the VOUCHER series), rejects with a
 * note, or reverses an approved voucher by a REVERSAL voucher; a numbered voucher prints as a PDF.
 */
@Component({
  selector: 'emis-expense-detail-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    ConfirmDialogComponent,
    ExpenseAttachmentsComponent,
    DateInputDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './expense-detail.page.html',
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
})
export class ExpenseDetailPage {
  private readonly api = inject(MoneyApi);
  private readonly auth = inject(AuthStore);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  readonly expenseId = input.required<string>();

  protected readonly expense = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, expenseId: this.expenseId() } : undefined;
    },
    ({ schoolId, expenseId }) => this.api.expense(schoolId, expenseId),
  );
  protected readonly actions = computed(() => {
    const expense = this.expense.value();
    const rights = { manage: this.auth.can('finance.manage'), approve: this.auth.can('finance.approve') };
    return expense ? expenseActions(expense, rights) : new Set<ExpenseAction>();
  });

  protected readonly deciding = signal<Decision | null>(null);
  protected readonly note = signal('');
  protected readonly reverseOn = signal(todayInVietnam());
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly done = signal<string | null>(null);

  protected can(action: ExpenseAction): boolean {
    return this.actions().has(action);
  }

  protected open(decision: Decision): void {
    this.note.set('');
    this.reverseOn.set(todayInVietnam());
    this.problem.set(null);
    this.deciding.set(decision);
  }

  protected decide(): void {
    const schoolId = this.schoolId();
    const expense = this.expense.value();
    const decision = this.deciding();
    if (!schoolId || !expense || !decision) return;
    const request: Record<Decision, () => Observable<Expense>> = {
      approve: () => this.api.approveExpense(schoolId, expense.id),
      reject: () => this.api.rejectExpense(schoolId, expense.id, this.note().trim()),
      reverse: () => this.api.reverseExpense(schoolId, expense.id, this.note().trim(), this.reverseOn()),
    };
    this.busy.set(true);
    this.problem.set(null);
    request[decision]()
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (answer) => {
          this.deciding.set(null);
          this.done.set(decision === 'approve' ? answer.documentNumber : decision);
          this.expense.reload();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected print(): void {
    const schoolId = this.schoolId();
    const expense = this.expense.value();
    if (!schoolId || !expense) return;
    this.problem.set(null);
    showPdf(
      this.api.voucherPdf(schoolId, expense.id),
      `phieu-chi-${expense.documentNumber ?? expense.id}.pdf`,
    ).subscribe({
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }
}
