import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type { Page, Payment, PaymentInput, RefundInput } from '@emis/contracts';
import {
  allocatePayment,
  allocateRefund,
  Allocation,
  AllocationRefusal,
  DocumentSeries,
  todayInVietnam,
} from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { PupilRoster } from '@emis/api/people';
import {
  assertInScope,
  Principal,
  ProblemException,
  RawFieldError,
  Scope,
  TenantDb,
  toPage,
  toSqlPaging,
  ValidationProblem,
} from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { DocumentNumbers } from '../documents/document-numbers.repository';
import { FinanceEvents } from '../finance-events';
import { PaymentViews } from './payment-views';
import { PaymentListQueryDto } from './payments.dto';
import { NewPayment, PaymentFilter, PaymentRecord, PaymentsRepository } from './payments.repository';

/** How many pupils a search of the payment list looks among (by name or code, through the roster). */
const SEARCH_PUPILS = 200;

/**
 * Money received from and paid back to families (docs/domain/finance.md, "Payments"): a payment is a receipt (phiếu
 * thu) numbered in the school's RECEIPT series of its year, settling charges oldest first or as the cashier chose; a
 * refund is a voucher (phiếu chi) in the VOUCHER series, paying back part of one payment; a mistaken payment or refund
 * is undone by a REVERSAL row with the opposite amount and allocations, numbered by nothing, and the original keeps
 * its number. Nothing is ever edited. Each is one transaction: the school's payments lock, the number, the rows, the audit and
 * the finance.changed event.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly db: TenantDb,
    private readonly repo: PaymentsRepository,
    private readonly numbers: DocumentNumbers,
    private readonly views: PaymentViews,
    private readonly roster: PupilRoster,
    private readonly events: FinanceEvents,
    private readonly audit: AuditService,
  ) {}

  record(scope: Scope, schoolId: string, input: PaymentInput): Promise<Payment> {
    assertInScope(scope, schoolId);
    return this.db.run((em) => this.recordIn(em, schoolId, input));
  }

  /**
   * Records a payment in the caller's transaction: a bank line matched to a pupil, a row of an imported collection
   * list. `actor`: who records it when the transaction is not a request's (an import job's uploader).
   */
  async recordIn(em: EntityManager, schoolId: string, input: PaymentInput, actor?: Principal): Promise<Payment> {
    assertDocumentDate('paidOn', input.paidOn);
    if (!(await this.roster.byIds(em, schoolId, [input.studentId])).has(input.studentId))
      throw new ValidationProblem([{ field: 'studentId', rule: 'financeUnknownPupil', args: [] }]);
    await this.repo.lockPayments(em, schoolId);
    const open = (await this.repo.balances(em, schoolId, input.studentId)).filter((c) => c.outstanding > 0);
    const result = allocatePayment(input.amount, open, input.allocations);
    if ('refused' in result) throw refusal(result.refused);
    return this.write(em, schoolId, 'RECEIPT', result.allocations, actor, {
      kind: 'PAYMENT',
      studentId: input.studentId,
      payerName: input.payerName ?? null,
      paidOn: input.paidOn,
      method: input.method,
      bankReference: input.method === 'BANK' ? (input.bankReference ?? null) : null,
      amount: input.amount,
      reversesId: null,
      refundsId: null,
      note: input.note ?? null,
    });
  }

  /**
   * Pays part of a payment back (a pupil leaves, a waiver came after the family paid): a voucher whose negative
   * allocations take the money off the charges that payment settled — a credit first, then the latest charges.
   */
  async refund(scope: Scope, schoolId: string, paymentId: string, input: RefundInput): Promise<Payment> {
    assertInScope(scope, schoolId);
    assertDocumentDate('paidOn', input.paidOn);
    return this.db.run(async (em) => {
      const payment = await this.lockedPayment(em, schoolId, paymentId);
      if (payment.kind !== 'PAYMENT' || payment.reversedById)
        throw new ProblemException(HttpStatus.CONFLICT, 'finance_payment_not_refundable');
      if (input.paidOn < payment.paidOn)
        throw new ValidationProblem([{ field: 'paidOn', rule: 'financeNotBeforePayment', args: [payment.paidOn] }]);
      const held = await this.repo.heldBy(em, schoolId, paymentId);
      const settled = (await this.repo.balances(em, schoolId, payment.studentId))
        .filter((c) => held.has(c.chargeId))
        .map((c) => ({ chargeId: c.chargeId, paid: held.get(c.chargeId) ?? 0, outstanding: c.outstanding }));
      const result = allocateRefund(input.amount, settled);
      if ('refused' in result)
        throw new ValidationProblem([
          { field: 'amount', rule: 'financeOverRefund', args: [dong(result.refused.refundable)] },
        ]);
      return this.write(em, schoolId, 'VOUCHER', result.allocations, undefined, {
        kind: 'REFUND',
        studentId: payment.studentId,
        payerName: payment.payerName,
        paidOn: input.paidOn,
        method: input.method,
        bankReference: input.method === 'BANK' ? (input.bankReference ?? null) : null,
        amount: -input.amount,
        reversesId: null,
        refundsId: payment.id,
        note: input.reason,
      });
    });
  }

  /**
   * Undoes a payment or a refund recorded by mistake: a REVERSAL dated today with the opposite amount and the
   * opposite allocations. A payment with a refund still standing is reversed after its refund, so that no charge is
   * left with more paid back than was paid.
   */
  async reverse(scope: Scope, schoolId: string, paymentId: string, reason: string): Promise<Payment> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const original = await this.lockedPayment(em, schoolId, paymentId);
      if (original.kind === 'REVERSAL') throw new ProblemException(HttpStatus.CONFLICT, 'finance_reversal_reversed');
      if (original.reversedById) throw new ProblemException(HttpStatus.CONFLICT, 'finance_already_reversed');
      if (original.kind === 'PAYMENT' && (await this.repo.liveRefunds(em, schoolId, paymentId)) > 0)
        throw new ProblemException(HttpStatus.CONFLICT, 'finance_payment_has_refunds');
      const allocations = (await this.repo.allocationsOf(em, schoolId, paymentId)).map((a) => ({
        chargeId: a.chargeId,
        amount: -a.amount,
      }));
      return this.write(em, schoolId, null, allocations, undefined, {
        kind: 'REVERSAL',
        studentId: original.studentId,
        payerName: original.payerName,
        paidOn: todayInVietnam(),
        method: original.method,
        bankReference: original.bankReference,
        amount: -original.amount,
        reversesId: original.id,
        refundsId: null,
        note: reason,
      });
    });
  }

  async get(scope: Scope, schoolId: string, paymentId: string): Promise<Payment> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const payment = await this.views.one(em, schoolId, paymentId);
      if (!payment) throw new NotFoundException();
      return payment;
    });
  }

  async list(scope: Scope, schoolId: string, query: PaymentListQueryDto): Promise<Page<Payment>> {
    assertInScope(scope, schoolId);
    const paging = toSqlPaging(query, {}, '');
    return this.db.run(async (em) => {
      const { rows, total } = await this.repo.list(em, schoolId, await this.filterOf(em, schoolId, query), paging);
      return toPage(await this.views.many(em, schoolId, rows), total, paging);
    });
  }

  /** Every payment the filter names, for the export (no paging): oldest first, as the cash book reads. */
  async all(em: EntityManager, schoolId: string, filter: PaymentFilter): Promise<Payment[]> {
    const { rows } = await this.repo.list(em, schoolId, filter, null);
    return this.views.many(em, schoolId, [...rows].reverse());
  }

  /** The list's filters; `q` finds pupils by name or code through the roster, and a receipt by its number. */
  async filterOf(
    em: EntityManager,
    schoolId: string,
    query: Omit<PaymentListQueryDto, 'page' | 'pageSize' | 'sort'>,
  ): Promise<PaymentFilter> {
    const filter: PaymentFilter = { from: query.from, to: query.to, method: query.method, studentId: query.studentId };
    const q = query.q?.trim();
    if (!q) return filter;
    const pupils = await this.roster.search(em, schoolId, q, SEARCH_PUPILS);
    return { ...filter, studentIds: pupils.map((p) => p.studentId), document: documentOf(q) };
  }

  private async lockedPayment(em: EntityManager, schoolId: string, paymentId: string): Promise<PaymentRecord> {
    await this.repo.lockPayments(em, schoolId);
    const payment = await this.repo.find(em, schoolId, paymentId);
    if (!payment) throw new NotFoundException();
    return payment;
  }

  /**
   * The rows of one money movement. The document number is taken last, just before the row that carries it, so the
   * school's counter row stays locked for as short a time as possible; a failure after it (a closed month: EF001)
   * rolls the number back with everything else, leaving no gap.
   */
  private async write(
    em: EntityManager,
    schoolId: string,
    series: DocumentSeries | null,
    allocations: readonly Allocation[],
    actor: Principal | undefined,
    p: Omit<NewPayment, 'series' | 'docYear' | 'docNumber' | 'recordedBy'>,
  ): Promise<Payment> {
    const docYear = series ? Number(p.paidOn.slice(0, 4)) : null;
    const docNumber = series && docYear ? await this.numbers.next(em, schoolId, series, docYear) : null;
    const id = await this.repo.insert(em, schoolId, {
      ...p,
      series,
      docYear,
      docNumber,
      recordedBy: actor?.userId ?? null,
    });
    await this.repo.insertAllocations(em, schoolId, id, allocations);
    const payment = await this.views.one(em, schoolId, id);
    if (!payment) throw new Error(`payment ${id} not readable after insert`);
    await this.audit.record(
      em,
      { schoolId, entity: 'finance_payment', entityId: id, action: 'CREATE', after: payment },
      actor,
    );
    await this.events.publishFinanceChanged(em, schoolId);
    return payment;
  }
}

/** A document number as typed in a search box: 'PT-2025-000012', 'pc-2025-12', or '12'. */
function documentOf(q: string): PaymentFilter['document'] {
  const printed = /^(P[TC])-(\d{4})-0*(\d{1,9})$/i.exec(q);
  if (printed)
    return {
      series: printed[1].toUpperCase() === 'PT' ? 'RECEIPT' : 'VOUCHER',
      year: Number(printed[2]),
      number: Number(printed[3]),
    };
  const bare = /^0*(\d{1,9})$/.exec(q);
  return bare ? { series: null, year: null, number: Number(bare[1]) } : undefined;
}

/** An amount in a message, grouped as Vietnamese writes it (1.250.000). */
function dong(amount: number): string {
  return amount.toLocaleString('vi-VN');
}

/** The first day a document may be dated: the document counters hold the years 2000 to 2200. */
const FIRST_DAY = '2000-01-01';

/** A receipt or voucher is dated today or before, and within the counters' years. */
function assertDocumentDate(field: string, date: string): void {
  if (date > todayInVietnam()) throw new ValidationProblem([{ field, rule: 'notInFuture', args: [] }]);
  if (date < FIRST_DAY) throw new ValidationProblem([{ field, rule: 'min', args: [FIRST_DAY] }]);
}

/** A refused allocation as the field it is about: the amount, or the chosen line. */
function refusal(r: AllocationRefusal): ValidationProblem {
  const errors: RawFieldError[] = [];
  if (r.reason === 'OVERPAYMENT')
    errors.push({ field: 'amount', rule: 'financeOverpayment', args: [dong(r.outstanding)] });
  if (r.reason === 'ALLOCATION_SUM')
    errors.push({ field: 'allocations', rule: 'financeAllocationSum', args: [dong(r.allocated)] });
  if (r.reason === 'CHARGE_NOT_OPEN')
    errors.push({ field: 'allocations', rule: 'financeChargeNotOpen', args: [r.chargeId] });
  if (r.reason === 'CHARGE_OVERPAID')
    errors.push({ field: 'allocations', rule: 'financeChargeOverpaid', args: [r.chargeId, dong(r.outstanding)] });
  return new ValidationProblem(errors);
}
