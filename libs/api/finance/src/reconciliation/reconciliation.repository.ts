import { Injectable } from '@nestjs/common';
import { sqlRow, sqlRows } from '@emis/api/platform';
import type { DocumentSeries } from '@emis/domain';
import { EntityManager } from 'typeorm';

/** How many of the rows behind a difference are named (the page shows them; the figures count them all). */
export const CAUSES_SHOWN = 20;

/** The two sides of a check as the database sums them, and the rows that make them differ. */
export interface Sides<C> {
  left: number;
  right: number;
  causes: C[];
}

export interface NumberGap {
  series: DocumentSeries;
  year: number;
  number: number;
}

export interface PaymentCause {
  id: string;
  series: DocumentSeries | null;
  year: number | null;
  number: number | null;
  paidOn: string;
  amount: number;
  /** What the other side holds for it (its allocations, its bank line). */
  counted: number;
}

export interface BankLineCause {
  id: string;
  reference: string;
  bookedOn: string;
  amount: number;
  status: string;
}

export interface ChargeCause {
  id: string;
  studentId: string;
  outstanding: number;
}

/**
 * The reconciliation's sums. Each check's two sides come from different tables (the counters and the documents, the
 * payments and their allocations, the payments and the bank's lines, the charges and the payments), so a row missing
 * on one side, or written on one side only, shows as a difference.
 */
@Injectable()
export class ReconciliationRepository {
  /**
   * Numbers issued by the counters of `years` (the last number of each) against the documents that hold a number of
   * the series; the numbers no document holds are the causes (a gap, a number given twice shows as a count too).
   */
  async numbering(
    em: EntityManager,
    schoolId: string,
    series: DocumentSeries,
    years: number[],
  ): Promise<Sides<NumberGap>> {
    const documents = `select doc_year, doc_number from finance_payment
                        where school_id = $1 and doc_series = $2 and doc_year = any($3)
                       union all
                       select doc_year, doc_number from finance_expense
                        where school_id = $1 and doc_series = $2 and doc_year = any($3)`;
    const sums = await sqlRow<{ issued: string; held: string }>(
      em,
      `select (select coalesce(sum(last_number), 0) from finance_counter
                where school_id = $1 and series = $2 and year = any($3)) as issued,
              (select count(*) from (${documents}) d) as held`,
      [schoolId, series, years],
    );
    const gaps = await sqlRows<{ year: number; number: number }>(
      em,
      `select c.year, n.number
         from finance_counter c, generate_series(1, c.last_number) as n(number)
        where c.school_id = $1 and c.series = $2 and c.year = any($3)
          and not exists (select 1 from (${documents}) d where d.doc_year = c.year and d.doc_number = n.number)
        order by c.year, n.number limit ${CAUSES_SHOWN}`,
      [schoolId, series, years],
    );
    return {
      left: Number(sums?.issued ?? 0),
      right: Number(sums?.held ?? 0),
      causes: gaps.map((g) => ({ series, year: g.year, number: g.number })),
    };
  }

  /** Σ payments, refunds and reversals of [from, to] against Σ their allocations to charges. */
  async allocation(em: EntityManager, schoolId: string, from: string, to: string): Promise<Sides<PaymentCause>> {
    const perPayment = `
      select p.id, p.doc_series, p.doc_year, p.doc_number, p.paid_on::text, p.amount,
             coalesce((select sum(a.amount) from finance_allocation a
                        where a.school_id = p.school_id and a.payment_id = p.id), 0) as counted
        from finance_payment p
       where p.school_id = $1 and p.paid_on between $2 and $3`;
    return this.paymentSides(em, perPayment, [schoolId, from, to]);
  }

  /**
   * Σ bank receipts of [from, to] — PAYMENTs by BANK not reversed — against Σ the statement lines matched to them:
   * a bank receipt no statement shows (yet), or shows with another amount, is a cause.
   */
  async bankReceipts(em: EntityManager, schoolId: string, from: string, to: string): Promise<Sides<PaymentCause>> {
    const perPayment = `
      select p.id, p.doc_series, p.doc_year, p.doc_number, p.paid_on::text, p.amount,
             coalesce((select sum(l.amount) from finance_bank_line l
                        where l.school_id = p.school_id and l.payment_id = p.id and l.status = 'MATCHED'), 0) as counted
        from finance_payment p
       where p.school_id = $1 and p.kind = 'PAYMENT' and p.method = 'BANK' and p.paid_on between $2 and $3
         and not exists (select 1 from finance_payment r where r.school_id = p.school_id and r.reverses_id = p.id)`;
    return this.paymentSides(em, perPayment, [schoolId, from, to]);
  }

  /**
   * Σ money received on the statements in [from, to] (credit lines not set aside) against Σ those matched to a bank
   * receipt still standing: a line left unmatched, or matched to a receipt since reversed, is a cause.
   */
  async bankLines(em: EntityManager, schoolId: string, from: string, to: string): Promise<Sides<BankLineCause>> {
    const perLine = `
      select l.id, l.reference, l.booked_on::text, l.amount, l.status,
             case when l.status = 'MATCHED' and not exists (select 1 from finance_payment r
                    where r.school_id = l.school_id and r.reverses_id = l.payment_id) then l.amount else 0 end as counted
        from finance_bank_line l
       where l.school_id = $1 and l.amount > 0 and l.status <> 'IGNORED' and l.booked_on between $2 and $3`;
    const sums = await sqlRow<{ left: string; right: string }>(
      em,
      `select coalesce(sum(amount), 0) as left, coalesce(sum(counted), 0) as right from (${perLine}) x`,
      [schoolId, from, to],
    );
    const causes = await sqlRows<{ id: string; reference: string; booked_on: string; amount: string; status: string }>(
      em,
      `select * from (${perLine}) x where x.amount <> x.counted order by x.booked_on, x.reference limit ${CAUSES_SHOWN}`,
      [schoolId, from, to],
    );
    return {
      left: Number(sums?.left ?? 0),
      right: Number(sums?.right ?? 0),
      causes: causes.map((c) => ({
        id: c.id,
        reference: c.reference,
        bookedOn: c.booked_on,
        amount: Number(c.amount),
        status: c.status,
      })),
    };
  }

  /**
   * What pupils owe at the end of `to`, two ways: Σ charges due + Σ adjustments − Σ money received from pupils
   * (payments, refunds, reversals), against Σ each charge's own outstanding (due + its adjustments − what was
   * allocated to it). They differ by money received but settling no charge.
   * `overpaid` sums only the charges settled beyond what they owe: over-payment is refused, so it is 0.
   */
  async outstanding(
    em: EntityManager,
    schoolId: string,
    to: string,
  ): Promise<{ owedLessReceived: number; perCharge: number; notOverpaid: number; overpaid: ChargeCause[] }> {
    const perCharge = `
      select c.id, c.student_id,
             c.due_amount
             + coalesce((select sum(j.amount) from finance_charge_adjustment j
                          where j.school_id = c.school_id and j.charge_id = c.id and j.entered_on <= $2), 0)
             - coalesce((select sum(a.amount) from finance_allocation a
                           join finance_payment p on p.school_id = a.school_id and p.id = a.payment_id
                          where a.school_id = c.school_id and a.charge_id = c.id and p.paid_on <= $2), 0) as outstanding
        from finance_charge c where c.school_id = $1`;
    const sums = await sqlRow<{ owed: string; received: string; per_charge: string; not_overpaid: string }>(
      em,
      `select (select coalesce(sum(due_amount), 0) from finance_charge where school_id = $1)
              + (select coalesce(sum(amount), 0) from finance_charge_adjustment where school_id = $1 and entered_on <= $2)
              as owed,
              (select coalesce(sum(amount), 0) from finance_payment where school_id = $1 and paid_on <= $2) as received,
              coalesce(sum(x.outstanding), 0) as per_charge,
              coalesce(sum(greatest(x.outstanding, 0)), 0) as not_overpaid
         from (${perCharge}) x`,
      [schoolId, to],
    );
    const overpaid = await sqlRows<{ id: string; student_id: string; outstanding: string }>(
      em,
      `select * from (${perCharge}) x where x.outstanding < 0 order by x.outstanding limit ${CAUSES_SHOWN}`,
      [schoolId, to],
    );
    return {
      owedLessReceived: Number(sums?.owed ?? 0) - Number(sums?.received ?? 0),
      perCharge: Number(sums?.per_charge ?? 0),
      notOverpaid: Number(sums?.not_overpaid ?? 0),
      overpaid: overpaid.map((c) => ({ id: c.id, studentId: c.student_id, outstanding: Number(c.outstanding) })),
    };
  }

  private async paymentSides(em: EntityManager, perPayment: string, params: unknown[]): Promise<Sides<PaymentCause>> {
    const sums = await sqlRow<{ left: string; right: string }>(
      em,
      `select coalesce(sum(amount), 0) as left, coalesce(sum(counted), 0) as right from (${perPayment}) x`,
      params,
    );
    const causes = await sqlRows<{
      id: string;
      doc_series: DocumentSeries | null;
      doc_year: number | null;
      doc_number: number | null;
      paid_on: string;
      amount: string;
      counted: string;
    }>(
      em,
      `select * from (${perPayment}) x where x.amount <> x.counted order by x.paid_on, x.doc_number limit ${CAUSES_SHOWN}`,
      params,
    );
    return {
      left: Number(sums?.left ?? 0),
      right: Number(sums?.right ?? 0),
      causes: causes.map((c) => ({
        id: c.id,
        series: c.doc_series,
        year: c.doc_year,
        number: c.doc_number,
        paidOn: c.paid_on,
        amount: Number(c.amount),
        counted: Number(c.counted),
      })),
    };
  }
}
