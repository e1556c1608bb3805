import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE } from '@emis/contracts';
import { BUDGET_SOURCES, BudgetSource, EXPENSE_STATUSES, ExpenseStatus } from '@emis/domain';
import {
  AuthStore,
  EmisDatePipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
} from '@emis/web/core';
import { DongPipe, PaginatorComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { MoneyApi } from '../data-access/money.api';

/**
 * The school's expense vouchers, newest first: drafts waiting for the principal, approved vouchers with their number,
 * rejected ones and reversals; filtered by status, funding source and a search over payee, description and number.
 */
@Component({
  selector: 'emis-expense-list-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    PaginatorComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './expense-list.page.html',
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
})
export class ExpenseListPage {
  private readonly api = inject(MoneyApi);
  private readonly auth = inject(AuthStore);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
  protected readonly canManage = computed(() => this.auth.can('finance.manage'));

  protected readonly statuses = EXPENSE_STATUSES;
  protected readonly sources = BUDGET_SOURCES;
  protected readonly status = signal<ExpenseStatus | undefined>(undefined);
  protected readonly source = signal<BudgetSource | undefined>(undefined);
  protected readonly typed = signal('');
  private readonly q = signal('');
  protected readonly page = signal(1);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);

  protected readonly expenses = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      if (!schoolId) return undefined;
      return {
        schoolId,
        status: this.status(),
        fundingSource: this.source(),
        q: this.q() || undefined,
        page: this.page(),
        pageSize: this.pageSize(),
      };
    },
    ({ schoolId, ...query }) => this.api.expenses(schoolId, query),
  );

  constructor() {
    toObservable(this.typed)
      .pipe(
        map((q) => q.trim()),
        debounceTime(300),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => {
        this.q.set(q);
        this.page.set(1);
      });
  }

  protected chooseStatus(value: string): void {
    this.status.set(EXPENSE_STATUSES.find((s) => s === value));
    this.page.set(1);
  }

  protected chooseSource(value: string): void {
    this.source.set(BUDGET_SOURCES.find((s) => s === value));
    this.page.set(1);
  }

  protected changePageSize(size: number): void {
    this.pageSize.set(size);
    this.page.set(1);
  }
}
