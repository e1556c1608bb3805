import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BankLine, ProblemDetails } from '@emis/contracts';
import { BANK_LINE_STATUSES, BankLineStatus } from '@emis/domain';
import {
  AuthStore,
  EmisDatePipe,
  EmisNumberPipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { ConfirmDialogComponent, DongPipe, PaginatorComponent } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { MoneyApi } from '../data-access/money.api';
import { BankMatchDialogComponent } from './match-dialog.component';
import { StatementImportComponent } from './statement-import.component';

const PAGE_SIZE = 50;

/**
 * The school's bank statements: import one, see what it matched, and match by hand the lines the API could not tie
 * to a pupil (or set aside those that are no pupil's payment). The unmatched lines come first: they are the work.
 */
@Component({
  selector: 'emis-bank-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    EmisNumberPipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    PaginatorComponent,
    ConfirmDialogComponent,
    StatementImportComponent,
    BankMatchDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bank.page.html',
  styleUrls: ['../ui/finance-page.css', '../ui/money-page.css'],
})
export class BankPage {
  private readonly api = inject(MoneyApi);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;
  private readonly auth = inject(AuthStore);
  protected readonly canManage = computed(() => this.auth.can('finance.manage'));

  protected readonly statuses = BANK_LINE_STATUSES;
  protected readonly status = signal<BankLineStatus>('UNMATCHED');
  protected readonly statementId = signal<string | null>(null);
  protected readonly page = signal(1);
  protected readonly pageSize = PAGE_SIZE;

  protected readonly statements = loadOnChange(
    () => this.schoolId() ?? undefined,
    (schoolId) => this.api.statements(schoolId),
  );
  protected readonly lines = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      if (!schoolId) return undefined;
      return { schoolId, status: this.status(), statementId: this.statementId() ?? undefined, page: this.page() };
    },
    ({ schoolId, ...query }) => this.api.bankLines(schoolId, { ...query, pageSize: PAGE_SIZE }),
  );

  /** The line being matched, with the suggestion clicked (preselected in the dialog). */
  protected readonly matching = signal<{ line: BankLine; suggested: string | null } | null>(null);
  protected readonly ignoring = signal<BankLine | null>(null);
  protected readonly ignoreNote = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly done = signal<{ key: string; reference: string } | null>(null);

  protected showStatus(status: BankLineStatus): void {
    this.status.set(status);
    this.page.set(1);
  }

  protected showStatement(statementId: string | null): void {
    this.statementId.set(statementId);
    this.page.set(1);
  }

  protected refresh(): void {
    this.statements.reload();
    this.lines.reload();
  }

  protected matched(line: BankLine): void {
    this.matching.set(null);
    this.done.set({ key: 'finance.money.bank.matchedDone', reference: line.reference });
    this.refresh();
  }

  protected startIgnoring(line: BankLine): void {
    this.ignoreNote.set('');
    this.problem.set(null);
    this.ignoring.set(line);
  }

  protected ignore(): void {
    const schoolId = this.schoolId();
    const line = this.ignoring();
    const note = this.ignoreNote().trim();
    if (!schoolId || !line || !note) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .ignoreLine(schoolId, line.id, note)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => {
          this.ignoring.set(null);
          this.done.set({ key: 'finance.money.bank.ignoredDone', reference: line.reference });
          this.refresh();
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
