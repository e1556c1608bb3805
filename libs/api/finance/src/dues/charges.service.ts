import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { Charge, ChargeAdjustment, ChargeAdjustmentInput, FeeAccount, Page } from '@emis/contracts';
import { can, compareVietnameseNames, paymentCodeOf, todayInVietnam } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { NamedPupil, PupilRoster } from '@emis/api/people';
import {
  assertInScope,
  PageQueryDto,
  Principal,
  ProblemException,
  Scope,
  TenantDb,
  ValidationProblem,
} from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { FinanceEvents } from '../finance-events';
import { ChargeFilter, ChargeLine, ChargesRepository } from './charges.repository';

/** The most pupils a search of the charge list matches (payment entry narrows further by typing). */
const SEARCH_PUPILS = 500;
/** Class names (6A, 10A1) in Vietnamese collation. */
const BY_CLASS = new Intl.Collator('vi', { numeric: true });

/**
 * What pupils owe and the changes to it (docs/domain/finance.md, "Charges and adjustments"): the charge list, a
 * pupil's fee account, waivers (approved by the principal), corrections, and their reversals — entries, never edits.
 */
@Injectable()
export class ChargesService {
  constructor(
    private readonly db: TenantDb,
    private readonly charges: ChargesRepository,
    private readonly roster: PupilRoster,
    private readonly audit: AuditService,
    private readonly events: FinanceEvents,
  ) {}

  /** The charges of the filter, by period, class, pupil (Vietnamese name order) and fee. */
  async list(scope: Scope, schoolId: string, filter: ChargeFilter, page: PageQueryDto): Promise<Page<Charge>> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const q = page.q?.trim();
      const matched = q ? (await this.roster.search(em, schoolId, q, SEARCH_PUPILS)).map((p) => p.studentId) : null;
      const studentIds =
        matched && filter.studentIds ? matched.filter((id) => filter.studentIds?.includes(id)) : matched;
      const lines = await this.charges.lines(em, schoolId, { ...filter, studentIds: studentIds ?? filter.studentIds });
      const named = await this.named(em, schoolId, lines);
      named.sort(
        (a, b) =>
          a.periodStartsOn.localeCompare(b.periodStartsOn) ||
          BY_CLASS.compare(a.charge.className, b.charge.className) ||
          compareVietnameseNames(a.charge.studentName, b.charge.studentName) ||
          a.charge.studentId.localeCompare(b.charge.studentId) ||
          a.order - b.order,
      );
      const pageNo = page.page ?? 1;
      const pageSize = page.pageSize ?? 20;
      const items = named.slice((pageNo - 1) * pageSize, pageNo * pageSize).map((n) => n.charge);
      return { items, total: named.length, page: pageNo, pageSize };
    });
  }

  /** Every charge, adjustment and payment of one pupil, with the code their family writes in a bank transfer. */
  async account(scope: Scope, schoolId: string, studentId: string, schoolYearId?: string): Promise<FeeAccount> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const pupil = (await this.roster.byIds(em, schoolId, [studentId])).get(studentId);
      if (!pupil) throw new NotFoundException();
      const lines = await this.charges.lines(em, schoolId, { studentIds: [studentId], schoolYearId });
      const charges = (await this.named(em, schoolId, lines)).map((n) => n.charge);
      const adjustments = await this.charges.adjustments(
        em,
        schoolId,
        charges.map((c) => c.id),
      );
      const payments = (await this.charges.payments(em, schoolId, studentId)).map((p) => ({
        ...p,
        studentId,
        studentCode: pupil.code,
        studentName: pupil.fullName,
        className: pupil.className,
      }));
      const sum = (pick: (c: Charge) => number) => charges.reduce((total, c) => total + pick(c), 0);
      return {
        studentId,
        studentCode: pupil.code,
        studentName: pupil.fullName,
        className: pupil.className,
        paymentCode: paymentCodeOf(pupil.code),
        charges,
        adjustments,
        payments,
        totals: {
          due: sum((c) => c.dueAmount),
          adjusted: sum((c) => c.adjusted),
          paid: sum((c) => c.paid),
          outstanding: sum((c) => c.outstanding),
        },
      };
    });
  }

  /**
   * A waiver (negative, at most what is still owed; the principal's decision: finance.approve) or a correction (either
   * sign; what is owed may not fall below what is paid — refund first). A charge of a closed period is frozen.
   */
  async adjust(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    chargeId: string,
    input: ChargeAdjustmentInput,
  ): Promise<ChargeAdjustment> {
    assertInScope(scope, schoolId);
    if (input.kind === 'WAIVER' && !can(actor.role, 'finance.approve'))
      throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden');
    return this.db.run(async (em) => {
      const charge = await this.openCharge(em, schoolId, chargeId);
      if (input.kind === 'WAIVER' && (input.amount > 0 || -input.amount > charge.outstanding))
        throw new ValidationProblem([{ field: 'amount', rule: 'financeWaiverRange', args: [charge.outstanding] }]);
      if (charge.dueAmount + charge.adjusted + input.amount < charge.paid)
        throw new ValidationProblem([{ field: 'amount', rule: 'financeBelowPaid', args: [charge.outstanding] }]);
      const id = await this.charges.insertAdjustment(em, schoolId, {
        chargeId,
        kind: input.kind,
        amount: input.amount,
        reason: input.reason,
        enteredOn: input.enteredOn,
        reversesId: null,
        approvedBy: input.kind === 'WAIVER' ? actor.userId : null,
        createdBy: actor.userId,
      });
      return this.recorded(em, schoolId, id, input.kind === 'WAIVER' ? 'APPROVE' : 'CREATE');
    });
  }

  /**
   * The reversal of an adjustment: the opposite amount, dated today, naming what it reverses; once only, and not of
   * a reversal (enter the adjustment again instead). A waiver's reversal is the principal's like the waiver.
   */
  async reverse(
    scope: Scope,
    actor: Principal,
    schoolId: string,
    adjustmentId: string,
    reason: string,
  ): Promise<ChargeAdjustment> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const original = await this.charges.adjustment(em, schoolId, adjustmentId);
      if (!original) throw new NotFoundException();
      if (original.kind === 'WAIVER' && !can(actor.role, 'finance.approve'))
        throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden');
      const charge = await this.openCharge(em, schoolId, original.chargeId);
      if (original.kind === 'REVERSAL' || original.reversedBy)
        throw new ProblemException(HttpStatus.CONFLICT, 'finance_adjustment_reversed');
      if (charge.dueAmount + charge.adjusted - original.amount < charge.paid)
        throw new ValidationProblem([{ field: 'reason', rule: 'financeBelowPaid', args: [charge.outstanding] }]);
      const id = await this.charges.insertAdjustment(em, schoolId, {
        chargeId: original.chargeId,
        kind: 'REVERSAL',
        amount: -original.amount,
        reason,
        enteredOn: todayInVietnam(),
        reversesId: original.id,
        approvedBy: original.kind === 'WAIVER' ? actor.userId : null,
        createdBy: actor.userId,
      });
      return this.recorded(em, schoolId, id, 'CREATE');
    });
  }

  /** The charge, locked, of an open period. */
  private async openCharge(em: EntityManager, schoolId: string, chargeId: string): Promise<ChargeLine> {
    if (!(await this.charges.lockCharge(em, schoolId, chargeId))) throw new NotFoundException();
    const [charge] = await this.charges.lines(em, schoolId, { chargeId });
    if (!charge) throw new NotFoundException();
    if (charge.periodStatus === 'CLOSED') throw new ProblemException(HttpStatus.CONFLICT, 'finance_period_closed');
    return charge;
  }

  /** The written adjustment, audited, with the school's finance.changed event (what is owed moved). */
  private async recorded(
    em: EntityManager,
    schoolId: string,
    id: string,
    action: 'CREATE' | 'APPROVE',
  ): Promise<ChargeAdjustment> {
    const after = await this.charges.adjustment(em, schoolId, id);
    if (!after) throw new NotFoundException();
    await this.audit.record(em, { schoolId, entity: 'finance_charge_adjustment', entityId: id, action, after });
    await this.events.publishFinanceChanged(em, schoolId);
    return after;
  }

  /** Lines with the names of their pupils and classes (from the people context's roster). */
  private async named(em: EntityManager, schoolId: string, lines: ChargeLine[]) {
    const pupils = await this.roster.byIds(
      em,
      schoolId,
      lines.map((l) => l.studentId),
    );
    const classes = await this.roster.classes(
      em,
      schoolId,
      lines.map((l) => l.classId),
    );
    return lines.map((line, order) => ({
      order,
      periodStartsOn: line.periodStartsOn,
      charge: toCharge(line, pupils.get(line.studentId), classes.get(line.classId)?.name ?? ''),
    }));
  }
}

function toCharge(line: ChargeLine, pupil: NamedPupil | undefined, className: string): Charge {
  const { periodCode: _code, periodStartsOn: _startsOn, periodStatus: _status, ...charge } = line;
  return { ...charge, studentCode: pupil?.code ?? '', studentName: pupil?.fullName ?? '', className };
}
