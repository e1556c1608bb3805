import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { Budget, BudgetEntry, BudgetEntryInput } from '@emis/contracts';
import { can, Permission, todayInVietnam } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import {
  assertInScope,
  Principal,
  ProblemException,
  RawFieldError,
  Scope,
  TenantDb,
  ValidationProblem,
} from '@emis/api/platform';
import { QueryFailedError } from 'typeorm';
import { FinanceEvents } from '../finance-events';
import { BudgetRepository } from './budget.repository';
import { budgetOf, CountedEntry } from './budget-view';

/**
 * Who may write an entry of a kind: the school keeps its own estimate and adjustments (finance.manage); the
 * department, or the unit that manages the school, allocates (finance.allocate) — the school cannot grant itself
 * money. Reversing an entry needs the same permission as making it.
 */
const WRITER: Record<CountedEntry['countsAs'], Permission> = {
  ESTIMATE: 'finance.manage',
  ADJUSTMENT: 'finance.manage',
  ALLOCATION: 'finance.allocate',
};

/** The budget of a school's fiscal year as insert-only entries, and its execution by approved vouchers. */
@Injectable()
export class BudgetService {
  constructor(
    private readonly budget: BudgetRepository,
    private readonly events: FinanceEvents,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async view(scope: Scope, schoolId: string, fiscalYear: number): Promise<Budget> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) =>
      budgetOf(
        fiscalYear,
        await this.budget.entries(em, schoolId, fiscalYear),
        await this.budget.spending(em, schoolId, fiscalYear),
      ),
    );
  }

  /** Records an estimate, an allocation or an adjustment; the route is open to both writers, checked here by kind. */
  async addEntry(principal: Principal, scope: Scope, schoolId: string, input: BudgetEntryInput): Promise<BudgetEntry> {
    assertInScope(scope, schoolId);
    assertMayWrite(principal, input.kind);
    const errors = entryErrors(input);
    if (errors.length) throw new ValidationProblem(errors);
    return this.db.run(async (em) => {
      const id = await this.budget.insert(em, schoolId, input);
      const after = await this.budget.find(em, schoolId, id);
      if (!after) throw new Error(`budget entry ${id} not found after its insert`);
      await this.audit.record(em, { schoolId, entity: 'finance_budget_entry', entityId: id, action: 'CREATE', after });
      await this.events.publishFinanceChanged(em, schoolId);
      return plain(after);
    });
  }

  /**
   * Undoes an entry by a REVERSAL of the opposite amount, dated today, keeping the reason; the entry itself stays as it
   * was. An entry is reversed at most once (the table's unique reverses_id settles two reversals sent together), and a
   * reversal is not reversed: the entry is made again instead.
   */
  async reverse(
    principal: Principal,
    scope: Scope,
    schoolId: string,
    id: string,
    reason: string,
  ): Promise<BudgetEntry> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const original = await this.budget.find(em, schoolId, id);
      if (!original) throw new NotFoundException();
      assertMayWrite(principal, original.countsAs);
      if (original.kind === 'REVERSAL') throw new ProblemException(HttpStatus.CONFLICT, 'finance_reversal_reversed');
      if (original.reversedById) throw alreadyReversed();
      const reversalId = await this.budget
        .insert(em, schoolId, {
          ...original,
          kind: 'REVERSAL',
          amount: -original.amount,
          enteredOn: todayInVietnam(),
          note: reason,
          reversesId: original.id,
        })
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? alreadyReversed() : error;
        });
      const after = await this.budget.find(em, schoolId, reversalId);
      if (!after) throw new Error(`budget entry ${reversalId} not found after its insert`);
      await this.audit.record(em, {
        schoolId,
        entity: 'finance_budget_entry',
        entityId: reversalId,
        action: 'CREATE',
        after,
      });
      await this.events.publishFinanceChanged(em, schoolId);
      return plain(after);
    });
  }
}

function assertMayWrite(principal: Principal, kind: CountedEntry['countsAs']): void {
  if (!can(principal.role, WRITER[kind])) throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden');
}

/**
 * An estimate or an allocation gives money (> 0); only an adjustment may take some back (< 0), and none is zero. An
 * allocation is made by a decision (quyết định giao dự toán), whose number it must carry.
 */
function entryErrors(input: BudgetEntryInput): RawFieldError[] {
  const errors: RawFieldError[] = [];
  if (input.amount === 0) errors.push({ field: 'amount', rule: 'budgetAmountZero', args: [] });
  else if (input.amount < 0 && input.kind !== 'ADJUSTMENT')
    errors.push({ field: 'amount', rule: 'budgetAmountNegative', args: [] });
  if (input.kind === 'ALLOCATION' && !input.decisionNumber)
    errors.push({ field: 'decisionNumber', rule: 'budgetDecisionRequired', args: [] });
  return errors;
}

function plain({ countsAs: _countsAs, ...entry }: CountedEntry): BudgetEntry {
  return entry;
}

function alreadyReversed(): ProblemException {
  return new ProblemException(HttpStatus.CONFLICT, 'finance_already_reversed');
}

/** A second reversal of the same row, refused by the table's unique reverses_id (23505). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}
