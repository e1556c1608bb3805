import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ProblemDetails } from '@emis/contracts';
import { CASH_ACCOUNTS, CashAccount } from '@emis/domain';
import {
  EmisDatePipe,
  loadOnChange,
  OrgUnitContext,
  ProblemAlertComponent,
  SchoolRequiredComponent,
  toProblem,
} from '@emis/web/core';
import { DongPipe } from '@emis/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { DateRange, FileFormat, MoneyApi } from '../data-access/money.api';
import { DateRangeComponent } from '../ui/date-range.component';
import { monthToDate } from '../ui/date-range';
import { openMoneyFile } from '../ui/money-files';

/**
 * The cash book (sổ quỹ tiền mặt) and the bank book (sổ tiền gửi) over a range: the opening balance, each receipt,
 * refund and voucher by date with the balance after it, the totals and the closing balance; as Excel or a PDF to sign.
 */
@Component({
  selector: 'emis-books-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    EmisDatePipe,
    DongPipe,
    ProblemAlertComponent,
    SchoolRequiredComponent,
    DateRangeComponent,
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
          <span aria-current="page">{{ 'finance.money.titles.books' | transloco }}</span>
        </li>
      </ol>
    </nav>
    <header class="page-header">
      <div>
        <h1 class="page-title">{{ 'finance.money.titles.books' | transloco }}</h1>
        <p class="page-subtitle">{{ 'finance.money.books.subtitle' | transloco }}</p>
      </div>
    </header>
    @if (schoolId()) {
      <section class="card" [attr.aria-busy]="book.loading()">
        <div class="row-actions" role="group" [attr.aria-label]="'finance.money.titles.books' | transloco">
          @for (a of accounts; track a) {
            <button
              type="button"
              class="btn btn-small"
              [class.btn-primary]="account() === a"
              [class.btn-secondary]="account() !== a"
              [attr.aria-pressed]="account() === a"
              (click)="account.set(a)"
              [attr.data-testid]="'book-' + a"
            >
              {{ (a === 'CASH' ? 'finance.money.books.cash' : 'finance.money.books.bank') | transloco }}
            </button>
          }
        </div>
        <emis-date-range [range]="range()" idPrefix="book" (rangeChange)="range.set($event)">
          <button type="button" class="btn btn-secondary" (click)="download('xlsx')" data-testid="book-xlsx">
            {{ 'finance.money.common.excel' | transloco }}
          </button>
          <button type="button" class="btn btn-secondary" (click)="download('pdf')" data-testid="book-pdf">
            {{ 'finance.money.common.pdf' | transloco }}
          </button>
        </emis-date-range>
        <emis-problem-alert [problem]="book.error() ?? problem()" />
        @if (book.value(); as b) {
          <div class="table-wrap">
            <table class="table" data-testid="book">
              <thead>
                <tr>
                  <th scope="col">{{ 'finance.money.common.date' | transloco }}</th>
                  <th scope="col">{{ 'finance.money.books.document' | transloco }}</th>
                  <th scope="col">{{ 'finance.money.books.description' | transloco }}</th>
                  <th scope="col" class="num">{{ 'finance.money.books.receipt' | transloco }}</th>
                  <th scope="col" class="num">{{ 'finance.money.books.spending' | transloco }}</th>
                  <th scope="col" class="num">{{ 'finance.money.books.balance' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                <tr class="total-row">
                  <th scope="row" colspan="5">{{ 'finance.money.books.opening' | transloco }}</th>
                  <td class="num" data-testid="book-opening">{{ b.opening | emisDong }}</td>
                </tr>
                @for (r of b.rows; track $index) {
                  <tr data-testid="book-row">
                    <td class="nowrap">{{ r.date | emisDate }}</td>
                    <td class="code">{{ r.documentNumber ?? '' }}</td>
                    <td>{{ r.description }}</td>
                    <td class="num">{{ r.receipt ? (r.receipt | emisDong) : '' }}</td>
                    <td class="num">{{ r.spending ? (r.spending | emisDong) : '' }}</td>
                    <td class="num">{{ r.balance | emisDong }}</td>
                  </tr>
                } @empty {
                  <tr>
                    <td colspan="6" class="muted">{{ 'finance.money.books.empty' | transloco }}</td>
                  </tr>
                }
              </tbody>
              <tfoot>
                <tr class="total-row">
                  <th scope="row" colspan="3">{{ 'finance.money.common.total' | transloco }}</th>
                  <td class="num">{{ b.totalIn | emisDong }}</td>
                  <td class="num">{{ b.totalOut | emisDong }}</td>
                  <td></td>
                </tr>
                <tr class="total-row">
                  <th scope="row" colspan="5">{{ 'finance.money.books.closing' | transloco }}</th>
                  <td class="num" data-testid="book-closing">{{ b.closing | emisDong }}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        }
      </section>
    } @else {
      <emis-school-required />
    }
  `,
})
export class BooksPage {
  private readonly api = inject(MoneyApi);
  protected readonly schoolId = inject(OrgUnitContext).currentSchoolId;

  protected readonly accounts = CASH_ACCOUNTS;
  protected readonly account = signal<CashAccount>('CASH');
  protected readonly range = signal<DateRange>(monthToDate());
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly book = loadOnChange(
    () => {
      const schoolId = this.schoolId();
      return schoolId ? { schoolId, account: this.account(), range: this.range() } : undefined;
    },
    ({ schoolId, account, range }) => this.api.book(schoolId, account, range),
  );

  protected download(format: FileFormat): void {
    const schoolId = this.schoolId();
    if (!schoolId) return;
    const { from, to } = this.range();
    const name = `${this.account() === 'CASH' ? 'so-quy-tien-mat' : 'so-tien-gui'}-${from}-${to}.${format}`;
    this.problem.set(null);
    openMoneyFile(this.api.bookFile(schoolId, this.account(), this.range(), format), format, name).subscribe({
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }
}
