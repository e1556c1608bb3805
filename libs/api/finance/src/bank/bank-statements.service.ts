import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '@emis/api/audit';
import { assertInScope, Principal, ProblemException, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { ImportFailure } from '@emis/api/spreadsheets';
import type { BankLine, BankStatement, BankStatementImport, Page } from '@emis/contracts';
import { BankLineStatus, todayInVietnam } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { FinanceMonthsRepository } from '../months/finance-months.repository';
import { PaymentsService } from '../payments/payments.service';
import { BankLineRecord, BankStatementsRepository } from './bank-statements.repository';
import { PayingPupils } from './paying-pupils';
import { MAX_STATEMENT_LINES, readStatementFile, StatementUpload, tooManyLines } from './statement-file';
import { findStatementLayout } from './statement-layout';
import { readStatementLines, StatementError, StatementLine } from './statement-lines';

/** Suggestions shown for an unmatched line. */
const SUGGESTIONS = 5;

/**
 * Bank statements: imported from the bank's Excel or CSV export, every line checked before any is written; each new
 * line of money in is matched to the pupil whose payment code its description holds and becomes a BANK receipt, or
 * is left for a person to match or set aside. A line whose reference was imported before is skipped, so importing a
 * statement again (or one overlapping the last) adds nothing.
 */
@Injectable()
export class BankStatementsService {
  constructor(
    private readonly db: TenantDb,
    private readonly repo: BankStatementsRepository,
    private readonly months: FinanceMonthsRepository,
    private readonly pupils: PayingPupils,
    private readonly payments: PaymentsService,
    private readonly audit: AuditService,
  ) {}

  async importStatement(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    file: StatementUpload | undefined,
    bankAccount: string | null,
  ): Promise<BankStatementImport> {
    assertInScope(scope, schoolId);
    if (!file?.size) throw new ProblemException(HttpStatus.BAD_REQUEST, 'file_required');
    const { lines, errors, dateHeading } = await this.readFile(file);
    return this.db.run(async (em) => {
      errors.push(...(await this.closedMonthErrors(em, schoolId, lines, dateHeading)));
      if (errors.length) return { statement: null, duplicates: 0, matched: 0, unmatched: 0, errors: sorted(errors) };
      const known = await this.repo.knownReferences(
        em,
        schoolId,
        lines.map((l) => l.reference),
      );
      const fresh = lines.filter((l) => !known.has(l.reference));
      if (!fresh.length) return { statement: null, duplicates: lines.length, matched: 0, unmatched: 0, errors: [] };
      const statementId = await this.repo.insertStatement(em, schoolId, {
        fileName: file.originalname.slice(0, 255),
        bankAccount,
        lines: fresh,
        userId: actor.userId,
      });
      await this.repo.insertLines(em, schoolId, statementId, fresh);
      const matched = await this.matchNewLines(em, actor, schoolId, await this.repo.linesOf(em, schoolId, statementId));
      const statement = await this.repo.statement(em, schoolId, statementId);
      if (!statement) throw new Error(`bank statement ${statementId} not found after its insert`);
      await this.audit.record(em, {
        schoolId,
        entity: 'finance_bank_statement',
        entityId: statementId,
        action: 'CREATE',
        after: { ...statement, duplicates: lines.length - fresh.length, matched },
      });
      return {
        statement,
        duplicates: lines.length - fresh.length,
        matched,
        unmatched: statement.unmatched,
        errors: [],
      };
    });
  }

  async statements(scope: Scope, schoolId: string): Promise<BankStatement[]> {
    assertInScope(scope, schoolId);
    return this.db.run((em) => this.repo.statements(em, schoolId));
  }

  /** The lines, newest first; an unmatched line of money in carries the pupils it may be for. */
  async lines(
    scope: Scope,
    schoolId: string,
    f: { status?: BankLineStatus; statementId?: string; page: number; pageSize: number },
  ): Promise<Page<BankLine>> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const { items, total } = await this.repo.lines(em, schoolId, f, {
        limit: f.pageSize,
        offset: (f.page - 1) * f.pageSize,
      });
      const open = items.filter(needsPerson);
      const known = open.length ? await this.pupils.of(em, schoolId) : null;
      return {
        items: items.map((line) => ({
          ...lineOf(line),
          suggestions: known && needsPerson(line) ? known.suggest(line, SUGGESTIONS) : [],
        })),
        total,
        page: f.page,
        pageSize: f.pageSize,
      };
    });
  }

  /**
   * A person matches a line of money in to a pupil: it becomes that pupil's BANK receipt with the line's date,
   * amount and reference, settling the charges chosen or the oldest first. A line matched to a receipt since
   * reversed (or set aside) may be matched again.
   */
  async match(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    lineId: string,
    input: { studentId: string; allocations?: { chargeId: string; amount: number }[] },
  ): Promise<BankLine> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.lockOpenLine(em, schoolId, lineId);
      if (before.amount < 0) throw new ProblemException(HttpStatus.CONFLICT, 'bank_line_not_money_in');
      const payment = await this.payments.recordIn(
        em,
        schoolId,
        receiptOf(before, input.studentId, input.allocations),
        actor,
      );
      await this.repo.markMatched(em, schoolId, lineId, payment.id, actor.userId);
      return this.recorded(em, schoolId, lineId, before);
    });
  }

  /** A person sets a line aside (money out, a bank's fee, a transfer that is not a pupil's): with a note why. */
  async ignore(scope: Scope, actor: Principal, schoolId: string, lineId: string, note: string): Promise<BankLine> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.lockOpenLine(em, schoolId, lineId);
      if (before.status === 'IGNORED') throw new ProblemException(HttpStatus.CONFLICT, 'bank_line_already_settled');
      await this.repo.markIgnored(em, schoolId, lineId, note, actor.userId);
      return this.recorded(em, schoolId, lineId, before);
    });
  }

  private async readFile(
    file: StatementUpload,
  ): Promise<{ lines: StatementLine[]; errors: StatementError[]; dateHeading: string }> {
    try {
      const rows = await readStatementFile(file);
      const layout = findStatementLayout(rows);
      const read = readStatementLines(rows, layout, todayInVietnam());
      if (!read.lines.length && !read.errors.length) throw new ImportFailure('Sao kê không có dòng giao dịch nào');
      if (read.lines.length > MAX_STATEMENT_LINES) throw new ImportFailure(tooManyLines());
      return { ...read, dateHeading: layout.headings.date ?? 'Ngày' };
    } catch (error) {
      if (error instanceof ImportFailure) {
        throw new ProblemException(HttpStatus.BAD_REQUEST, 'bank_statement_unreadable', error.message);
      }
      throw error;
    }
  }

  /** A line dated in a closed month cannot be written (the database refuses it): named before anything is. */
  private async closedMonthErrors(
    em: EntityManager,
    schoolId: string,
    lines: StatementLine[],
    dateHeading: string,
  ): Promise<StatementError[]> {
    const closed = await this.months.closed(em, schoolId);
    return lines
      .filter((l) => closed.has(`${l.bookedOn.slice(0, 7)}-01`))
      .map((l) => ({
        row: l.row,
        column: dateHeading,
        message: `Tháng ${l.bookedOn.slice(5, 7)}/${l.bookedOn.slice(0, 4)} đã khoá sổ`,
      }));
  }

  /**
   * Matches the statement's new lines of money in: a line whose reference is a bank receipt recorded by hand, for the
   * same amount, is that receipt; a line whose description names exactly one pupil's payment code, for no more than
   * the pupil owes, becomes the pupil's receipt. Each receipt is tried under a savepoint, so one the payments refuse
   * leaves its line unmatched and the rest of the import standing. Answers how many were matched.
   */
  private async matchNewLines(
    em: EntityManager,
    actor: Principal,
    schoolId: string,
    lines: BankLineRecord[],
  ): Promise<number> {
    const moneyIn = lines.filter((l) => l.amount > 0);
    if (!moneyIn.length) return 0;
    const byReference = await this.repo.receiptsByReference(
      em,
      schoolId,
      moneyIn.map((l) => l.reference),
    );
    const known = await this.pupils.of(em, schoolId);
    let matched = 0;
    for (const line of moneyIn) {
      const recorded = byReference.get(line.reference);
      if (recorded && recorded.amount === line.amount) {
        await this.repo.markMatched(em, schoolId, line.id, recorded.id, actor.userId);
        matched++;
        continue;
      }
      const pupil = known.payer(line);
      if (!pupil || line.amount > pupil.outstanding) continue;
      const paymentId = await this.tryReceipt(em, schoolId, receiptOf(line, pupil.studentId), actor);
      if (!paymentId) continue;
      await this.repo.markMatched(em, schoolId, line.id, paymentId, actor.userId);
      known.settle(pupil.studentId, line.amount);
      matched++;
    }
    return matched;
  }

  private async tryReceipt(
    em: EntityManager,
    schoolId: string,
    input: ReturnType<typeof receiptOf>,
    actor: Principal,
  ): Promise<string | null> {
    const payment = await this.repo.underSavepoint(
      em,
      () => this.payments.recordIn(em, schoolId, input, actor),
      // The payments' refusals (over-payment, a closed month's date…) are thrown before anything is written.
      (error) => error instanceof ProblemException || error instanceof ValidationProblem,
    );
    return payment?.id ?? null;
  }

  private async lockOpenLine(em: EntityManager, schoolId: string, lineId: string): Promise<BankLineRecord> {
    const line = await this.repo.lockLine(em, schoolId, lineId);
    if (!line) throw new NotFoundException();
    if (line.status === 'MATCHED' && !line.paymentReversed) {
      throw new ProblemException(HttpStatus.CONFLICT, 'bank_line_already_settled');
    }
    return line;
  }

  private async recorded(
    em: EntityManager,
    schoolId: string,
    lineId: string,
    before: BankLineRecord,
  ): Promise<BankLine> {
    const after = await this.repo.lockLine(em, schoolId, lineId);
    if (!after) throw new Error(`bank line ${lineId} not found after its update`);
    await this.audit.record(em, {
      schoolId,
      entity: 'finance_bank_line',
      entityId: lineId,
      action: 'UPDATE',
      before,
      after,
    });
    return { ...lineOf(after), suggestions: [] };
  }
}

/** A line still waiting for a person: money in, unmatched, or matched to a receipt since reversed. */
function needsPerson(line: BankLineRecord): boolean {
  return line.amount > 0 && (line.status === 'UNMATCHED' || (line.status === 'MATCHED' && line.paymentReversed));
}

function lineOf(l: BankLineRecord): Omit<BankLine, 'suggestions'> {
  return {
    id: l.id,
    statementId: l.statementId,
    lineNo: l.lineNo,
    bookedOn: l.bookedOn,
    amount: l.amount,
    reference: l.reference,
    description: l.description,
    counterparty: l.counterparty,
    status: l.status,
    paymentId: l.paymentId,
  };
}

/** The BANK receipt a line becomes: its date, amount and reference; the counterparty as payer, its text as note. */
function receiptOf(
  line: Pick<BankLineRecord, 'bookedOn' | 'amount' | 'reference' | 'description' | 'counterparty'>,
  studentId: string,
  allocations?: { chargeId: string; amount: number }[],
) {
  return {
    studentId,
    paidOn: line.bookedOn,
    method: 'BANK' as const,
    bankReference: line.reference,
    amount: line.amount,
    payerName: line.counterparty,
    note: line.description.slice(0, 500) || null,
    ...(allocations?.length ? { allocations } : {}),
  };
}

function sorted(errors: StatementError[]): StatementError[] {
  return [...errors].sort((a, b) => a.row - b.row);
}
