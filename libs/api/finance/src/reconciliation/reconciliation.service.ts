import { Injectable } from '@nestjs/common';
import { assertInScope, Scope, TenantDb } from '@emis/api/platform';
import type {
  Reconciliation,
  ReconciliationCause,
  ReconciliationCheck,
  ReconciliationCheckCode,
} from '@emis/contracts';
import { CashAccount, formatDocumentNumber } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { BooksService } from '../ledger/books.service';
import { CashMovementsRepository } from '../ledger/cash-movements.repository';
import { assertDateRange } from '../ledger/date-range';
import { PupilLabels } from '../ledger/pupil-labels';
import { BankLineCause, NumberGap, PaymentCause, ReconciliationRepository } from './reconciliation.repository';

/**
 * The reconciliation of a school's money over [from, to] (issue: "receipts = collected = bank-matched + cash"):
 * every check is an equation whose two sides are summed from different records, so that a document missing, written
 * twice, or written on one side only shows as a difference, with the rows that cause it. The checks and their
 * meaning: RECONCILIATION_CHECKS in libs/contracts/src/finance.ts.
 */
@Injectable()
export class ReconciliationService {
  constructor(
    private readonly db: TenantDb,
    private readonly repo: ReconciliationRepository,
    private readonly books: BooksService,
    private readonly movements: CashMovementsRepository,
    private readonly pupils: PupilLabels,
  ) {}

  async reconcile(scope: Scope, schoolId: string, from: string, to: string): Promise<Reconciliation> {
    assertInScope(scope, schoolId);
    assertDateRange(from, to);
    return this.db.run(async (em) => {
      const years = yearsOf(from, to);
      const receipts = await this.repo.numbering(em, schoolId, 'RECEIPT', years);
      const vouchers = await this.repo.numbering(em, schoolId, 'VOUCHER', years);
      const allocated = await this.repo.allocation(em, schoolId, from, to);
      const bankReceipts = await this.repo.bankReceipts(em, schoolId, from, to);
      const bankLines = await this.repo.bankLines(em, schoolId, from, to);
      const owed = await this.repo.outstanding(em, schoolId, to);
      const pupil = await this.pupils.labels(
        em,
        schoolId,
        owed.overpaid.map((c) => c.studentId),
      );
      const checks: ReconciliationCheck[] = [
        check('RECEIPTS_NUMBERED', receipts, receipts.causes.map(numberCause)),
        check('VOUCHERS_NUMBERED', vouchers, vouchers.causes.map(numberCause)),
        check('PAYMENTS_ALLOCATED', allocated, allocated.causes.map(paymentCause)),
        check('BANK_RECEIPTS_MATCHED', bankReceipts, bankReceipts.causes.map(paymentCause)),
        check('BANK_LINES_RECORDED', bankLines, bankLines.causes.map(bankLineCause)),
        await this.bookCheck(em, schoolId, 'CASH', from, to),
        await this.bookCheck(em, schoolId, 'BANK', from, to),
        // Money received that settles no charge: PAYMENTS_ALLOCATED names the payments.
        check('OUTSTANDING', { left: owed.owedLessReceived, right: owed.perCharge }, []),
        check(
          'NO_CHARGE_OVERPAID',
          { left: owed.perCharge, right: owed.notOverpaid },
          owed.overpaid.map((c) => ({ kind: 'CHARGE', id: c.id, label: pupil(c.studentId), amount: c.outstanding })),
        ),
      ];
      return { from, to, checks, balanced: checks.every((c) => c.difference === 0) };
    });
  }

  /**
   * The book's closing balance, run line by line from the balance at `from`, against the balance of 1 January of
   * `to`'s year (recorded, or carried from the year before) plus that year's movements up to `to`. Within one year
   * both start from the same opening; across a new year they differ when the opening recorded for it is not the
   * closing of the year before.
   */
  private async bookCheck(
    em: EntityManager,
    schoolId: string,
    account: CashAccount,
    from: string,
    to: string,
  ): Promise<ReconciliationCheck> {
    const book = await this.books.compose(em, schoolId, account, from, to);
    const year = to.slice(0, 4);
    const opening = await this.movements.balanceBefore(em, schoolId, account, `${year}-01-01`);
    const moved = await this.movements.totals(em, schoolId, account, `${year}-01-01`, to);
    const right = opening + moved.receipt - moved.spending;
    const label = `${account === 'CASH' ? 'Tiền mặt' : 'Tiền gửi'}: số dư đầu năm ${year}`;
    return check(account === 'CASH' ? 'CASH_BOOK' : 'BANK_BOOK', { left: book.closing, right }, [
      { kind: 'OPENING', id: null, label, amount: book.closing - right },
    ]);
  }
}

function check(
  code: ReconciliationCheckCode,
  sides: { left: number; right: number },
  causes: ReconciliationCause[],
): ReconciliationCheck {
  const difference = sides.left - sides.right;
  return { code, left: sides.left, right: sides.right, difference, causes: difference === 0 ? [] : causes };
}

function numberCause(gap: NumberGap): ReconciliationCause {
  return { kind: 'NUMBER', id: null, label: formatDocumentNumber(gap.series, gap.year, gap.number), amount: 1 };
}

function bankLineCause(line: BankLineCause): ReconciliationCause {
  return { kind: 'BANK_LINE', id: line.id, label: `${line.reference} (${line.bookedOn})`, amount: line.amount };
}

function paymentCause(p: PaymentCause): ReconciliationCause {
  const label = p.series && p.year && p.number ? formatDocumentNumber(p.series, p.year, p.number) : `(${p.paidOn})`;
  return { kind: 'PAYMENT', id: p.id, label, amount: p.amount - p.counted };
}

/** The fiscal (calendar) years a range touches: document numbers restart each year. */
function yearsOf(from: string, to: string): number[] {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(y);
  return years;
}
