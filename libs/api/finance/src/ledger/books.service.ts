import { HttpStatus, Injectable } from '@nestjs/common';
import { bookDocument, bookWorkbook } from '@emis/api/assets';
import { AuditService } from '@emis/api/audit';
import { assertInScope, Principal, ProblemException, renderPdf, Scope, TenantDb } from '@emis/api/platform';
import { OrgTreeService, SchoolsService } from '@emis/api/tenancy';
import type { CashBook, OpeningBalances } from '@emis/contracts';
import { CASH_ACCOUNTS, CashAccount } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { FinanceMonthsRepository } from '../months/finance-months.repository';
import { PupilLabels } from './pupil-labels';
import { composeCashBook } from './cash-book';
import { printedCashBook } from './cash-book.print';
import { CashMovementsRepository } from './cash-movements.repository';
import { assertDateRange } from './date-range';

export type BookFileFormat = 'xlsx' | 'pdf';

/**
 * The cash book and the bank book of a school (forms S11-H, S12-H of Circular 107/2017/TT-BTC), on screen, in Excel
 * and in PDF, and the opening balances they start from.
 */
@Injectable()
export class BooksService {
  constructor(
    private readonly db: TenantDb,
    private readonly movements: CashMovementsRepository,
    private readonly months: FinanceMonthsRepository,
    private readonly pupils: PupilLabels,
    private readonly tree: OrgTreeService,
    private readonly audit: AuditService,
    private readonly schools: SchoolsService,
  ) {}

  async book(scope: Scope, schoolId: string, account: CashAccount, from: string, to: string): Promise<CashBook> {
    assertInScope(scope, schoolId);
    assertDateRange(from, to);
    return this.db.run((em) => this.compose(em, schoolId, account, from, to));
  }

  async bookFile(
    scope: Scope,
    schoolId: string,
    account: CashAccount,
    from: string,
    to: string,
    format: BookFileFormat,
  ): Promise<{ fileName: string; file: Buffer }> {
    const book = await this.book(scope, schoolId, account, from, to);
    const { governingBody } = await this.schools.printedHeading(scope, schoolId, '');
    const printed = { ...printedCashBook((await this.tree.get(schoolId))?.name ?? '', book), governingBody };
    const file = format === 'xlsx' ? await bookWorkbook(printed) : await renderPdf(bookDocument(printed));
    return { fileName: `${printed.fileName}.${format}`, file };
  }

  /** The book of [from, to]: opening = the balance at the start of `from` (cash-movements.repository.ts). */
  async compose(em: EntityManager, schoolId: string, account: CashAccount, from: string, to: string) {
    const opening = await this.movements.balanceBefore(em, schoolId, account, from);
    const movements = await this.movements.movements(em, schoolId, account, from, to);
    const label = await this.pupils.labels(
      em,
      schoolId,
      movements.flatMap((m) => (m.studentId ? [m.studentId] : [])),
    );
    return composeCashBook(account, from, to, opening, movements, label);
  }

  async openingBalances(scope: Scope, schoolId: string, fiscalYear: number): Promise<OpeningBalances> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) =>
      openingBalancesOf(fiscalYear, await this.movements.openings(em, schoolId, fiscalYear)),
    );
  }

  /**
   * Sets the balances of 1 January of a fiscal year, while its January is open: once January is closed (the books
   * of the month are final) the balance they started from is final too.
   */
  async saveOpeningBalances(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    input: { fiscalYear: number; cash: number; bank: number },
  ): Promise<OpeningBalances> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      if (await this.months.isClosed(em, schoolId, `${input.fiscalYear}-01-01`)) {
        throw new ProblemException(HttpStatus.CONFLICT, 'finance_month_closed');
      }
      const before = openingBalancesOf(input.fiscalYear, await this.movements.openings(em, schoolId, input.fiscalYear));
      for (const account of CASH_ACCOUNTS) {
        const amount = account === 'CASH' ? input.cash : input.bank;
        await this.movements.saveOpening(em, schoolId, input.fiscalYear, account, amount, actor.userId);
      }
      const after = openingBalancesOf(input.fiscalYear, await this.movements.openings(em, schoolId, input.fiscalYear));
      await this.audit.record(em, {
        schoolId,
        entity: 'finance_opening_balance',
        entityId: `${schoolId}:${input.fiscalYear}`,
        action: 'UPDATE',
        before,
        after,
      });
      return after;
    });
  }
}

function openingBalancesOf(fiscalYear: number, recorded: Map<CashAccount, number>): OpeningBalances {
  return { fiscalYear, cash: recorded.get('CASH') ?? null, bank: recorded.get('BANK') ?? null };
}
