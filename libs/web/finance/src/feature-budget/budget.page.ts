import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BudgetEntry, ProblemDetails } from '@emis/contracts';
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
import { ConfirmDialogComponent, DongPipe } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { FileFormat, MoneyApi } from '../data-access/money.api';
import { BudgetEntryDialogComponent } from './budget-entry-dialog.component';
import { openMoneyFile } from '../ui/money-files';
import { enterableKinds, isReversible } from './budget-entry.model';

/** The fiscal years offered: the current one, the two before and the next (an estimate is drafted ahead). */
function fiscalYears(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return [year + 1, year, year - 1, year - 2];
}

/**
 * A school's budget for a fiscal year: the execution per funding source × spending group (estimate, allocated,
 * adjusted, available, spent from approved vouchers, remaining) and the entries behind it, each reversible once by
 * whoever may write its kind. The department and units reach it through the school switcher to allocate.
 */
@Component({
  selector: 'emis-budget-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    ConfirmDialogComponent,
    BudgetEntryDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './budget.page.html',
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
})
export class BudgetPage {
  private readonly api = inject(MoneyApi);
  private readonly auth = inject(AuthStore);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  protected readonly years = fiscalYears(todayInVietnam());
  protected readonly fiscalYear = signal(this.years[1]);
  protected readonly kinds = computed(() =>
    enterableKinds({ manage: this.auth.can('finance.manage'), allocate: this.auth.can('finance.allocate') }),
  );
  protected readonly budget = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, fiscalYear: this.fiscalYear() } : undefined;
    },
    ({ schoolId, fiscalYear }) => this.api.budget(schoolId, fiscalYear),
  );

  protected readonly adding = signal(false);
  protected readonly reversing = signal<BudgetEntry | null>(null);
  protected readonly reason = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly done = signal<string | null>(null);

  protected reversible(entry: BudgetEntry): boolean {
    return isReversible(entry, this.kinds());
  }

  protected chooseYear(value: string): void {
    this.fiscalYear.set(Number(value));
    this.done.set(null);
  }

  protected added(): void {
    this.adding.set(false);
    this.done.set('finance.money.budget.saved');
    this.budget.reload();
  }

  protected startReversing(entry: BudgetEntry): void {
    this.reason.set('');
    this.problem.set(null);
    this.reversing.set(entry);
  }

  protected reverse(): void {
    const schoolId = this.schoolId();
    const entry = this.reversing();
    const reason = this.reason().trim();
    if (!schoolId || !entry || !reason) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .reverseBudgetEntry(schoolId, entry.id, reason)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => {
          this.reversing.set(null);
          this.done.set('finance.money.budget.reversedDone');
          this.budget.reload();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected download(format: FileFormat): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    const year = this.fiscalYear();
    this.problem.set(null);
    openMoneyFile(
      this.api.budgetFile(schoolId, year, format),
      format,
      `thuc-hien-ngan-sach-${year}.${format}`,
    ).subscribe({
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }
}
