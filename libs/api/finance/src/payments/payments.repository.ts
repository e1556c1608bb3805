import { Injectable } from '@nestjs/common';
import { cappedCountSql, ListTotal, listTotal, sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import type { Allocation, DocumentSeries, PaymentKind, PaymentMethod } from '@emis/domain';
import { EntityManager } from 'typeorm';

/** One of a pupil's charges with what is left on it: due + adjustments − allocations (negative: a credit). */
export interface ChargeBalance {
  chargeId: string;
  outstanding: number;
}

/** A row of finance_payment as the services read it. */
export interface PaymentRecord {
  id: string;
  kind: PaymentKind;
  docSeries: DocumentSeries | null;
  docYear: number | null;
  docNumber: number | null;
  studentId: string;
  payerName: string | null;
  paidOn: string;
  method: PaymentMethod;
  bankReference: string | null;
  amount: number;
  reversesId: string | null;
  refundsId: string | null;
  reversedById: string | null;
  note: string | null;
  recordedAt: string;
  recordedBy: string | null;
}

export interface PaymentAllocationLine {
  paymentId: string;
  chargeId: string;
  periodCode: string;
  feeName: string;
  amount: number;
}

export interface NewPayment {
  kind: PaymentKind;
  series: DocumentSeries | null;
  docYear: number | null;
  docNumber: number | null;
  studentId: string;
  payerName: string | null;
  paidOn: string;
  method: PaymentMethod;
  bankReference: string | null;
  amount: number;
  reversesId: string | null;
  refundsId: string | null;
  note: string | null;
  /** The user recording it when not the request's (an import job's uploader); else the transaction's user. */
  recordedBy: string | null;
}

export interface PaymentFilter {
  from?: string;
  to?: string;
  method?: PaymentMethod;
  studentId?: string;
  /** Pupils whose name or code matches, resolved through the roster before the query. */
  studentIds?: string[];
  /** A document typed as printed (PT-2025-000012: series, year and number) or by its number alone. */
  document?: { series: DocumentSeries | null; year: number | null; number: number };
}

const PAYMENT_COLUMNS = `
  p.id, p.kind, p.doc_series as "docSeries", p.doc_year as "docYear", p.doc_number as "docNumber",
  p.student_id as "studentId", p.payer_name as "payerName", to_char(p.paid_on, 'YYYY-MM-DD') as "paidOn",
  p.method, p.bank_reference as "bankReference", p.amount, p.reverses_id as "reversesId",
  p.refunds_id as "refundsId", r.id as "reversedById", p.note, p.recorded_at as "recordedAt",
  p.recorded_by as "recordedBy"`;

/** pg answers bigint as text. */
type PaymentRow = Omit<PaymentRecord, 'amount'> & { amount: string };

function toRecord(row: PaymentRow): PaymentRecord {
  return { ...row, amount: Number(row.amount) };
}

const PAYMENT_FROM = `
  finance_payment p
  left join finance_payment r on r.school_id = p.school_id and r.reverses_id = p.id`;

/** Payments, refunds, reversals and their allocations: the only SQL of the payments. Inserts only (a ledger). */
@Injectable()
export class PaymentsRepository {
  /**
   * Serialises the school's payments, refunds and reversals until the transaction ends, so two cashiers paying the
   * same charge at once cannot both see it outstanding (the API's role may not lock charge rows: it cannot update
   * them). It costs no concurrency the receipt counter does not already take — a school's numbered documents are
   * written one at a time — and taken first, before the counter and the audit chain, it keeps a transaction that
   * records many payments (a bank statement) from deadlocking with a cashier.
   */
  async lockPayments(em: EntityManager, schoolId: string): Promise<void> {
    await sqlExec(em, `select pg_advisory_xact_lock(hashtextextended('finance_payment:' || $1, 0))`, [schoolId]);
  }

  /** Every charge of the pupil with what is left on it, the oldest period first: the order payments settle them. */
  async balances(em: EntityManager, schoolId: string, studentId: string): Promise<ChargeBalance[]> {
    const rows = await sqlRows<{ chargeId: string; outstanding: string }>(
      em,
      `select c.id as "chargeId",
              c.due_amount + coalesce((select sum(a.amount) from finance_charge_adjustment a
                                        where a.school_id = c.school_id and a.charge_id = c.id), 0)
                           - coalesce((select sum(l.amount) from finance_allocation l
                                        where l.school_id = c.school_id and l.charge_id = c.id), 0) as outstanding
         from finance_charge c
         join finance_period pe on pe.school_id = c.school_id and pe.id = c.period_id
        where c.school_id = $1 and c.student_id = $2
        order by pe.starts_on, pe.code, c.created_at, c.id`,
      [schoolId, studentId],
    );
    return rows.map((r) => ({ chargeId: r.chargeId, outstanding: Number(r.outstanding) }));
  }

  /**
   * What a payment still has on each charge: its own allocations, less its refunds' and plus the reversals of those
   * refunds, per charge where something is left.
   */
  async heldBy(em: EntityManager, schoolId: string, paymentId: string): Promise<Map<string, number>> {
    const rows = await sqlRows<{ chargeId: string; held: string }>(
      em,
      `with family as (
         select id from finance_payment where school_id = $1 and (id = $2 or refunds_id = $2)
         union all
         select v.id from finance_payment v
           join finance_payment f on f.school_id = v.school_id and f.id = v.reverses_id
          where v.school_id = $1 and f.refunds_id = $2
       )
       select l.charge_id as "chargeId", sum(l.amount) as held
         from finance_allocation l
        where l.school_id = $1 and l.payment_id in (select id from family)
        group by l.charge_id
       having sum(l.amount) > 0`,
      [schoolId, paymentId],
    );
    return new Map(rows.map((r) => [r.chargeId, Number(r.held)]));
  }

  /** Refunds of a payment that are not reversed: a payment with one cannot be reversed before it is. */
  async liveRefunds(em: EntityManager, schoolId: string, paymentId: string): Promise<number> {
    const row = await sqlRow<{ n: number }>(
      em,
      `select count(*)::int as n from finance_payment f
        where f.school_id = $1 and f.refunds_id = $2
          and not exists (select 1 from finance_payment v where v.school_id = f.school_id and v.reverses_id = f.id)`,
      [schoolId, paymentId],
    );
    return row?.n ?? 0;
  }

  async insert(em: EntityManager, schoolId: string, p: NewPayment): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into finance_payment (school_id, kind, doc_series, doc_year, doc_number, student_id, payer_name, paid_on,
         method, bank_reference, amount, reverses_id, refunds_id, note, recorded_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
               coalesce($15::uuid, nullif(current_setting('app.user_id', true), '')::uuid))
       returning id`,
      [
        schoolId,
        p.kind,
        p.series,
        p.docYear,
        p.docNumber,
        p.studentId,
        p.payerName,
        p.paidOn,
        p.method,
        p.bankReference,
        p.amount,
        p.reversesId,
        p.refundsId,
        p.note,
        p.recordedBy,
      ],
    );
    if (!row) throw new Error('finance_payment insert answered no row');
    return row.id;
  }

  async insertAllocations(
    em: EntityManager,
    schoolId: string,
    paymentId: string,
    allocations: readonly Allocation[],
  ): Promise<void> {
    if (allocations.length === 0) return;
    await sqlExec(
      em,
      `insert into finance_allocation (school_id, payment_id, charge_id, amount)
       select $1, $2, charge_id, amount from unnest($3::uuid[], $4::bigint[]) as a (charge_id, amount)
       returning 1`,
      [schoolId, paymentId, allocations.map((a) => a.chargeId), allocations.map((a) => a.amount)],
    );
  }

  async allocationsOf(em: EntityManager, schoolId: string, paymentId: string): Promise<Allocation[]> {
    const rows = await sqlRows<{ chargeId: string; amount: string }>(
      em,
      `select charge_id as "chargeId", amount from finance_allocation where school_id = $1 and payment_id = $2
        order by charge_id`,
      [schoolId, paymentId],
    );
    return rows.map((r) => ({ chargeId: r.chargeId, amount: Number(r.amount) }));
  }

  async find(em: EntityManager, schoolId: string, paymentId: string): Promise<PaymentRecord | undefined> {
    const row = await sqlRow<PaymentRow>(
      em,
      `select ${PAYMENT_COLUMNS} from ${PAYMENT_FROM} where p.school_id = $1 and p.id = $2`,
      [schoolId, paymentId],
    );
    return row && toRecord(row);
  }

  /**
   * A page of the school's payments, newest first, and how many match (up to COUNT_CAP: docs/conventions.md,
   * "Counts"). The page and the count are two statements: a window count over the page's statement read and sorted
   * every payment of the school before the first page was cut.
   */
  async list(
    em: EntityManager,
    schoolId: string,
    filter: PaymentFilter,
    paging: { limit: number; offset: number } | null,
  ): Promise<{ rows: PaymentRecord[]; total: ListTotal }> {
    const { sql, countSql, params } = paymentListStatements(schoolId, filter, paging);
    const rows = (await sqlRows<PaymentRow>(em, sql, params)).map(toRecord);
    if (!paging) return { rows, total: { total: rows.length, totalCapped: false } };
    return { rows, total: listTotal((await sqlRow<{ n: number }>(em, countSql, params))?.n) };
  }

  /** The allocations of the given payments with their period and fee, for lists and receipts. */
  async allocationLines(em: EntityManager, schoolId: string, paymentIds: string[]): Promise<PaymentAllocationLine[]> {
    if (paymentIds.length === 0) return [];
    const rows = await sqlRows<PaymentAllocationLine & { amount: string }>(
      em,
      `select l.payment_id as "paymentId", l.charge_id as "chargeId", pe.code as "periodCode", s.name as "feeName",
              l.amount
         from finance_allocation l
         join finance_charge c on c.school_id = l.school_id and c.id = l.charge_id
         join finance_period pe on pe.school_id = c.school_id and pe.id = c.period_id
         join finance_fee_schedule s on s.school_id = c.school_id and s.id = c.fee_schedule_id
        where l.school_id = $1 and l.payment_id = any($2::uuid[])
        order by pe.starts_on, pe.code, s.name`,
      [schoolId, paymentIds],
    );
    return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
  }

  /** What each of the given pupils owes in total on their open charges (a credit on one charge pays no other). */
  async outstandingOf(
    em: EntityManager,
    schoolId: string,
    studentIds: readonly string[],
  ): Promise<Map<string, number>> {
    const rows = await sqlRows<{ studentId: string; outstanding: string }>(
      em,
      `select b.student_id as "studentId", sum(greatest(b.outstanding, 0)) as outstanding
         from (select c.student_id,
                      c.due_amount + coalesce((select sum(a.amount) from finance_charge_adjustment a
                                                where a.school_id = c.school_id and a.charge_id = c.id), 0)
                                   - coalesce((select sum(l.amount) from finance_allocation l
                                                where l.school_id = c.school_id and l.charge_id = c.id), 0) as outstanding
                 from finance_charge c
                where c.school_id = $1 and c.student_id = any($2::uuid[])) b
        group by b.student_id`,
      [schoolId, studentIds],
    );
    return new Map(rows.map((r) => [r.studentId, Number(r.outstanding)]));
  }

  /**
   * Standing payments (not reversed) of the given pupils, or carrying one of the given bank references: what an
   * imported list is checked against so that the same list uploaded twice records nothing twice.
   */
  async standingPayments(
    em: EntityManager,
    schoolId: string,
    studentIds: readonly string[],
    bankReferences: readonly string[],
  ): Promise<PaymentRecord[]> {
    const rows = await sqlRows<PaymentRow>(
      em,
      `select ${PAYMENT_COLUMNS} from ${PAYMENT_FROM}
        where p.school_id = $1 and p.kind = 'PAYMENT' and r.id is null
          and (p.student_id = any($2::uuid[]) or p.bank_reference = any($3::text[]))`,
      [schoolId, studentIds, bankReferences],
    );
    return rows.map(toRecord);
  }
}

/**
 * The statements of a page of the school's payments and of its count (exported for the spec that checks their plans
 * at scale): newest first, read through the date index so the first page stops after its rows.
 */
export function paymentListStatements(
  schoolId: string,
  filter: PaymentFilter,
  paging: { limit: number; offset: number } | null,
): { sql: string; countSql: string; params: unknown[] } {
  const where = [`p.school_id = $1`];
  const params: unknown[] = [schoolId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.from) add(`p.paid_on >= ?`, filter.from);
  if (filter.to) add(`p.paid_on <= ?`, filter.to);
  if (filter.method) add(`p.method = ?`, filter.method);
  if (filter.studentId) add(`p.student_id = ?`, filter.studentId);
  const found: string[] = [];
  if (filter.studentIds) {
    params.push(filter.studentIds);
    found.push(`p.student_id = any($${params.length}::uuid[])`);
  }
  if (filter.document) {
    const { series, year, number } = filter.document;
    params.push(number, series, year);
    const [n, s, y] = [params.length - 2, params.length - 1, params.length];
    found.push(
      `(p.doc_number = $${n} and ($${s}::text is null or p.doc_series = $${s}) and ($${y}::int is null or p.doc_year = $${y}))`,
    );
  }
  if (found.length > 0) where.push(`(${found.join(' or ')})`);
  const page = paging ? `limit ${paging.limit} offset ${paging.offset}` : '';
  return {
    sql: `select ${PAYMENT_COLUMNS} from ${PAYMENT_FROM}
        where ${where.join(' and ')}
        order by p.paid_on desc, p.recorded_at desc, p.id ${page}`,
    countSql: cappedCountSql(`from finance_payment p where ${where.join(' and ')}`),
    params,
  };
}
