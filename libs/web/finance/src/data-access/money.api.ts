import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  BankLine,
  BankStatement,
  BankStatementImport,
  Budget,
  BudgetEntry,
  BudgetEntryInput,
  CashBook,
  Claim,
  CollectionSummary,
  Expense,
  ExpenseInput,
  ExpenseUpdate,
  FinanceMonth,
  Page,
  Reconciliation,
} from '@emis/contracts';
import { BankLineStatus, BudgetSource, CashAccount, ExpenseStatus } from '@emis/domain';
import { toParams } from '@emis/web/core';
import { Observable } from 'rxjs';

type Download = Observable<HttpResponse<Blob>>;
export type FileFormat = 'xlsx' | 'pdf';
export type SummaryBy = CollectionSummary['by'];

export interface DateRange {
  from: string;
  to: string;
}

export interface BankLineQuery {
  status?: BankLineStatus;
  statementId?: string;
  page?: number;
  pageSize?: number;
}

export interface ExpenseQuery {
  from?: string;
  to?: string;
  status?: ExpenseStatus;
  fundingSource?: BudgetSource;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface SummaryQuery {
  schoolYearId: string;
  periodId?: string;
  by: SummaryBy;
}

/**
 * Calls of a school's money (libs/contracts/src/finance.ts, parts D and E): bank statements and matching, the cash and
 * bank books, the collection summary, the reconciliation, closed months, the budget, expense vouchers and the
 * reimbursement claims. Files (Excel, PDF) come through HttpClient so the token never sits in a URL.
 */
@Injectable({ providedIn: 'root' })
export class MoneyApi {
  private readonly http = inject(HttpClient);

  // — bank statements —

  /** bankAccount: the account the statement is of, when the bank's file does not say. */
  importStatement(schoolId: string, file: File, bankAccount: string | null): Observable<BankStatementImport> {
    const body = new FormData();
    body.append('file', file, file.name);
    if (bankAccount) body.append('bankAccount', bankAccount);
    return this.http.post<BankStatementImport>(`${school(schoolId)}/bank-statements`, body);
  }

  statements(schoolId: string): Observable<BankStatement[]> {
    return this.http.get<BankStatement[]>(`${school(schoolId)}/bank-statements`);
  }

  bankLines(schoolId: string, query: BankLineQuery): Observable<Page<BankLine>> {
    return this.http.get<Page<BankLine>>(`${school(schoolId)}/bank-lines`, { params: toParams({ ...query }) });
  }

  /** Records a BANK payment of the pupil with the line's reference, settling the oldest charges first. */
  matchLine(schoolId: string, lineId: string, studentId: string): Observable<BankLine> {
    return this.http.post<BankLine>(`${bankLine(schoolId, lineId)}/match`, { studentId });
  }

  ignoreLine(schoolId: string, lineId: string, note: string): Observable<BankLine> {
    return this.http.post<BankLine>(`${bankLine(schoolId, lineId)}/ignore`, { note });
  }

  // — books, summary, reconciliation, closed months —

  book(schoolId: string, account: CashAccount, range: DateRange): Observable<CashBook> {
    return this.http.get<CashBook>(`${school(schoolId)}/books/${bookPath(account)}`, {
      params: toParams({ ...range }),
    });
  }

  bookFile(schoolId: string, account: CashAccount, range: DateRange, format: FileFormat): Download {
    return this.download(`${school(schoolId)}/books/${bookPath(account)}.${format}`, { ...range });
  }

  collectionSummary(schoolId: string, query: SummaryQuery): Observable<CollectionSummary> {
    return this.http.get<CollectionSummary>(`${school(schoolId)}/collection-summary`, {
      params: toParams({ ...query }),
    });
  }

  collectionSummaryFile(schoolId: string, query: SummaryQuery, format: FileFormat): Download {
    return this.download(`${school(schoolId)}/collection-summary.${format}`, { ...query });
  }

  reconciliation(schoolId: string, range: DateRange): Observable<Reconciliation> {
    return this.http.get<Reconciliation>(`${school(schoolId)}/reconciliation`, { params: toParams({ ...range }) });
  }

  months(schoolId: string): Observable<FinanceMonth[]> {
    return this.http.get<FinanceMonth[]>(`${school(schoolId)}/finance-months`);
  }

  /** month: 'YYYY-MM'. Everything dated in it is refused afterwards (409 finance_month_closed). */
  closeMonth(schoolId: string, month: string): Observable<FinanceMonth> {
    return this.http.post<FinanceMonth>(`${school(schoolId)}/finance-months/${encodeURIComponent(month)}/close`, {});
  }

  // — the budget —

  budget(schoolId: string, fiscalYear: number): Observable<Budget> {
    return this.http.get<Budget>(`${school(schoolId)}/budget`, { params: toParams({ fiscalYear }) });
  }

  addBudgetEntry(schoolId: string, body: BudgetEntryInput): Observable<BudgetEntry> {
    return this.http.post<BudgetEntry>(`${school(schoolId)}/budget/entries`, body);
  }

  reverseBudgetEntry(schoolId: string, entryId: string, reason: string): Observable<BudgetEntry> {
    return this.http.post<BudgetEntry>(`${school(schoolId)}/budget/entries/${encodeURIComponent(entryId)}/reverse`, {
      reason,
    });
  }

  budgetFile(schoolId: string, fiscalYear: number, format: FileFormat): Download {
    return this.download(`${school(schoolId)}/budget/execution.${format}`, { fiscalYear });
  }

  // — expense vouchers —

  expenses(schoolId: string, query: ExpenseQuery): Observable<Page<Expense>> {
    return this.http.get<Page<Expense>>(`${school(schoolId)}/expenses`, { params: toParams({ ...query }) });
  }

  expense(schoolId: string, expenseId: string): Observable<Expense> {
    return this.http.get<Expense>(expense(schoolId, expenseId));
  }

  createExpense(schoolId: string, body: ExpenseInput): Observable<Expense> {
    return this.http.post<Expense>(`${school(schoolId)}/expenses`, body);
  }

  updateExpense(schoolId: string, expenseId: string, body: ExpenseUpdate): Observable<Expense> {
    return this.http.patch<Expense>(expense(schoolId, expenseId), body);
  }

  approveExpense(schoolId: string, expenseId: string): Observable<Expense> {
    return this.http.post<Expense>(`${expense(schoolId, expenseId)}/approve`, {});
  }

  rejectExpense(schoolId: string, expenseId: string, note: string): Observable<Expense> {
    return this.http.post<Expense>(`${expense(schoolId, expenseId)}/reject`, { note });
  }

  /** The REVERSAL voucher dated enteredOn; the original keeps its number and is marked reversed. */
  reverseExpense(schoolId: string, expenseId: string, reason: string, enteredOn: string): Observable<Expense> {
    return this.http.post<Expense>(`${expense(schoolId, expenseId)}/reverse`, { reason, enteredOn });
  }

  attach(schoolId: string, expenseId: string, file: File): Observable<unknown> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post(`${expense(schoolId, expenseId)}/attachments`, body);
  }

  attachment(schoolId: string, expenseId: string, attachmentId: string): Download {
    return this.download(`${expense(schoolId, expenseId)}/attachments/${encodeURIComponent(attachmentId)}`);
  }

  removeAttachment(schoolId: string, expenseId: string, attachmentId: string): Observable<void> {
    return this.http.delete<void>(`${expense(schoolId, expenseId)}/attachments/${encodeURIComponent(attachmentId)}`);
  }

  voucherPdf(schoolId: string, expenseId: string): Download {
    return this.download(`${expense(schoolId, expenseId)}/voucher.pdf`);
  }

  // — the reimbursement claim —

  claims(schoolId: string, schoolYearId: string): Observable<Claim[]> {
    return this.http.get<Claim[]>(`${school(schoolId)}/claims`, { params: toParams({ schoolYearId }) });
  }

  /** Creates the period's claim, or recomputes it while it is a DRAFT. */
  prepareClaim(schoolId: string, periodId: string): Observable<Claim> {
    return this.http.post<Claim>(`${school(schoolId)}/claims`, { periodId });
  }

  submitClaim(schoolId: string, claimId: string): Observable<Claim> {
    return this.http.post<Claim>(`${school(schoolId)}/claims/${encodeURIComponent(claimId)}/submit`, {});
  }

  claimFile(schoolId: string, claimId: string, format: FileFormat): Download {
    return this.download(`${school(schoolId)}/claims/${encodeURIComponent(claimId)}.${format}`);
  }

  private download(url: string, params: Record<string, string | number | undefined> = {}): Download {
    return this.http.get(url, { params: toParams(params), responseType: 'blob', observe: 'response' });
  }
}

function school(schoolId: string): string {
  return `/api/schools/${encodeURIComponent(schoolId)}`;
}

function bankLine(schoolId: string, lineId: string): string {
  return `${school(schoolId)}/bank-lines/${encodeURIComponent(lineId)}`;
}

function expense(schoolId: string, expenseId: string): string {
  return `${school(schoolId)}/expenses/${encodeURIComponent(expenseId)}`;
}

function bookPath(account: CashAccount): string {
  return account === 'CASH' ? 'cash' : 'bank';
}
