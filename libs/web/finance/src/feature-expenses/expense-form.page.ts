import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { Expense, ProblemDetails } from '@emis/contracts';
import { BUDGET_SOURCES, PAYMENT_METHODS, SPENDING_GROUPS } from '@emis/domain';
import {
  fieldErrorMap,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
  FormLeave,
  guardForm,
  LeavesSafely,
  PendingChanges,
} from '@emis/web/core';
import { DongInputDirective, FieldMessageComponent, DateInputDirective } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize, Observable, of } from 'rxjs';
import { MoneyApi } from '../data-access/money.api';
import { createExpenseForm, fillExpenseForm, toExpenseInput, toExpenseUpdate } from './expense.model';

const FIELDS = ['spentOn', 'fundingSource', 'spendingGroup', 'method', 'amount', 'payee', 'description'];
type ExpenseField = keyof ReturnType<typeof createExpenseForm>['controls'];

/**
 * A new expense voucher, or a draft's edit (with the version read: an edit over someone else's is refused). Saved as
 * a draft; the principal approves it on the voucher's page.
 */
@Component({
  selector: 'emis-expense-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    DongInputDirective,
    FieldMessageComponent,
    DateInputDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './expense-form.page.html',
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
})
export class ExpenseFormPage implements LeavesSafely {
  private readonly api = inject(MoneyApi);
  private readonly router = inject(Router);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  /** Absent for a new voucher (the route 'expenses/new'). */
  readonly expenseId = input<string>();

  protected readonly sources = BUDGET_SOURCES;
  protected readonly groups = SPENDING_GROUPS;
  protected readonly methods = PAYMENT_METHODS;
  protected readonly form = createExpenseForm();
  protected readonly existing = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      const expenseId = this.expenseId();
      return schoolId && expenseId ? { schoolId, expenseId } : undefined;
    },
    ({ schoolId, expenseId }) => this.api.expense(schoolId, expenseId),
  );
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly errors = computed(() => fieldErrorMap(this.problem()));
  protected readonly shownFields = FIELDS;

  /** Typed and not saved: leaving is the user's decision (docs/domain/gradebook.md, "Leaving a page"). */
  private readonly leaving: FormLeave = guardForm(this, () => this.form);

  pendingChanges(): PendingChanges {
    return this.leaving.pendingChanges();
  }

  flush(): Promise<boolean> {
    return this.leaving.flush();
  }

  constructor() {
    effect(() => {
      const expense = this.existing.value();
      if (expense) untracked(() => fillExpenseForm(this.form, expense));
    });
  }

  protected invalid(name: ExpenseField): boolean {
    const control = this.form.controls[name];
    return control.touched && control.invalid;
  }

  /** The API's words for the field (marked "!"), else the page's own key once the field was left invalid. */
  protected message(name: ExpenseField, key: string): string | null {
    const server = this.errors()[name];
    if (server) return `!${server}`;
    if (!this.invalid(name)) return null;
    // A date typed that is no date (emisDateInput) leaves the control empty too: the format is what to say.
    return this.form.controls[name].hasError('date') ? 'dateInput.invalid' : key;
  }

  protected save(): void {
    const schoolId = this.schoolId();
    this.form.markAllAsTouched();
    if (!schoolId) return;
    const request = this.request(schoolId, this.existing.value());
    if (!request) return;
    this.busy.set(true);
    this.problem.set(null);
    request.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: (saved) => {
        this.leaving.saved();
        void this.router.navigate(['/finance/expenses', saved.id]);
      },
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  private request(schoolId: string, expense: Expense | undefined): Observable<Expense> | null {
    if (!expense) {
      const input = toExpenseInput(this.form);
      return input ? this.api.createExpense(schoolId, input) : null;
    }
    const update = toExpenseUpdate(this.form, expense);
    if (!update) return null;
    return Object.keys(update).length === 1 ? of(expense) : this.api.updateExpense(schoolId, expense.id, update);
  }
}
