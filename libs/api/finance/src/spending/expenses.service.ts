import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { Expense, ExpenseInput, ExpenseUpdate, Page } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import {
  assertInScope,
  ProblemException,
  renderPdf,
  Scope,
  TenantDb,
  toPage,
  toSqlPaging,
  ValidationProblem,
} from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../budget/budget.service';
import { DocumentNumbers } from '../documents/document-numbers.repository';
import { FinanceEvents } from '../finance-events';
import { ExpenseListQueryDto } from './expenses.dto';
import { EXPENSE_SORT_COLUMNS, ExpensesRepository } from './expenses.repository';
import { voucherDocument } from './voucher.document';

/**
 * Expense vouchers (phiếu chi): the accountant drafts and edits them; the head of the school approves — which gives
 * the voucher its number in the school's VOUCHER series of the year it is dated, the series refunds share — or
 * rejects. An approved voucher is never edited: a mistake is undone by a reversal, an approved row of the opposite
 * amount dated when it is undone. Approved vouchers and reversals are the budget's execution.
 */
@Injectable()
export class ExpensesService {
  constructor(
    private readonly expenses: ExpensesRepository,
    private readonly numbers: DocumentNumbers,
    private readonly events: FinanceEvents,
    private readonly tree: OrgTreeService,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async list(scope: Scope, schoolId: string, query: ExpenseListQueryDto): Promise<Page<Expense>> {
    assertInScope(scope, schoolId);
    const paging = toSqlPaging(query, EXPENSE_SORT_COLUMNS, '-spentOn');
    const { from, to, status, fundingSource, q } = query;
    return this.db.run(async (em) => {
      const filter = { from, to, status, fundingSource, q: q?.trim() || undefined };
      const { items, total } = await this.expenses.list(em, schoolId, filter, paging, paging.orderBy);
      return toPage(items, total, paging);
    });
  }

  async detail(scope: Scope, schoolId: string, id: string): Promise<Expense> {
    assertInScope(scope, schoolId);
    return this.db.run((em) => this.load(em, schoolId, id));
  }

  /** The voucher printed on form C41-BB, named after its number (or "nháp" while a draft). */
  async voucherPdf(scope: Scope, schoolId: string, id: string): Promise<{ fileName: string; file: Buffer }> {
    const expense = await this.detail(scope, schoolId, id);
    const schoolName = (await this.tree.get(schoolId))?.name ?? '';
    const file = await renderPdf(voucherDocument(schoolName, expense));
    return { fileName: `phieu-chi-${expense.documentNumber ?? 'nhap'}.pdf`, file };
  }

  async create(scope: Scope, schoolId: string, input: ExpenseInput): Promise<Expense> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const id = await this.expenses.insertDraft(em, schoolId, input);
      const after = await this.load(em, schoolId, id);
      await this.audit.record(em, { schoolId, entity: 'finance_expense', entityId: id, action: 'CREATE', after });
      return after;
    });
  }

  /** Saves a draft's PATCH if nobody changed the voucher since `update.version`. */
  async update(scope: Scope, schoolId: string, id: string, update: ExpenseUpdate): Promise<Expense> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.draft(em, schoolId, id);
      if (before.version !== update.version)
        throw new ProblemException(HttpStatus.CONFLICT, 'version_conflict', undefined, {
          currentVersion: before.version,
        });
      const { version: _version, ...changes } = update;
      await this.expenses.updateDraft(em, schoolId, id, { ...before, ...definedOnly(changes) });
      const after = await this.load(em, schoolId, id);
      await this.audit.record(em, {
        schoolId,
        entity: 'finance_expense',
        entityId: id,
        action: 'UPDATE',
        before,
        after,
      });
      return after;
    });
  }

  /**
   * Approves a draft: its number is taken last, just before the row is written, so the counter's row lock is held
   * for as short a time as possible (concurrent receipts and refunds of the school wait on it).
   */
  async approve(scope: Scope, schoolId: string, id: string): Promise<Expense> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.draft(em, schoolId, id);
      const year = Number(before.spentOn.slice(0, 4));
      const number = await this.numbers.next(em, schoolId, 'VOUCHER', year);
      await this.expenses.decide(em, schoolId, id, { status: 'APPROVED', year, number });
      return this.recordDecision(em, schoolId, before);
    });
  }

  async reject(scope: Scope, schoolId: string, id: string, note: string | null): Promise<Expense> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.draft(em, schoolId, id);
      await this.expenses.decide(em, schoolId, id, { status: 'REJECTED', note });
      return this.recordDecision(em, schoolId, before);
    });
  }

  /** Undoes an approved voucher, once, by a reversal dated `enteredOn` (not before the voucher's own date). */
  async reverse(scope: Scope, schoolId: string, id: string, enteredOn: string, reason: string): Promise<Expense> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const original = await this.load(em, schoolId, id, true);
      if (original.kind !== 'EXPENSE' || original.status !== 'APPROVED')
        throw new ProblemException(HttpStatus.CONFLICT, 'finance_expense_not_approved');
      if (original.reversedById) throw new ProblemException(HttpStatus.CONFLICT, 'finance_already_reversed');
      if (enteredOn < original.spentOn)
        throw new ValidationProblem([{ field: 'enteredOn', rule: 'expenseReversalBeforeVoucher', args: [] }]);
      const reversalId = await this.expenses
        .insertReversal(em, schoolId, original, enteredOn, reason)
        .catch((error: unknown) => {
          throw isUniqueViolation(error)
            ? new ProblemException(HttpStatus.CONFLICT, 'finance_already_reversed')
            : error;
        });
      const reversal = await this.load(em, schoolId, reversalId);
      await this.audit.record(em, {
        schoolId,
        entity: 'finance_expense',
        entityId: reversalId,
        action: 'CREATE',
        after: reversal,
      });
      await this.events.publishFinanceChanged(em, schoolId);
      return reversal;
    });
  }

  private async recordDecision(em: EntityManager, schoolId: string, before: Expense): Promise<Expense> {
    const after = await this.load(em, schoolId, before.id);
    await this.audit.record(em, {
      schoolId,
      entity: 'finance_expense',
      entityId: before.id,
      action: 'UPDATE',
      before,
      after,
    });
    if (after.status === 'APPROVED') await this.events.publishFinanceChanged(em, schoolId);
    return after;
  }

  /** The voucher, locked, which must still be a draft: approved and rejected ones are final. */
  async draft(em: EntityManager, schoolId: string, id: string): Promise<Expense> {
    const expense = await this.load(em, schoolId, id, true);
    if (expense.status !== 'DRAFT') throw new ProblemException(HttpStatus.CONFLICT, 'finance_expense_not_draft');
    return expense;
  }

  private async load(em: EntityManager, schoolId: string, id: string, lock = false): Promise<Expense> {
    const expense = await this.expenses.find(em, schoolId, id, lock);
    if (!expense) throw new NotFoundException();
    return expense;
  }
}

/** The fields a PATCH names: an omitted or null field keeps the draft's value (none of them may be emptied). */
function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
