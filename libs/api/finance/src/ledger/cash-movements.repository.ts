import { Injectable } from '@nestjs/common';
import { sqlRow, sqlRows } from '@emis/api/platform';
import type { CashAccount, DocumentSeries, PaymentKind } from '@emis/domain';
import { EntityManager } from 'typeorm';

/**
 * One movement of the cash box or the bank account, as the books print it: a pupil's payment, refund or the reversal
 * of either (finance_payment), or an approved expense voucher or its reversal (finance_expense). `receipt` and
 * `spending` are the two columns of the book; a reversal is written in its original's column with the opposite sign
 * (ghi âm), so each column's total is what was really received or spent.
 */
export interface CashMovement {
  date: string;
  source: 'PAYMENT' | 'EXPENSE';
  id: string;
  docSeries: DocumentSeries | null;
  docYear: number | null;
  docNumber: number | null;
  /** PAYMENT, REFUND, REVERSAL for payments; EXPENSE or REVERSAL for vouchers. */
  kind: PaymentKind | 'EXPENSE';
  /** The number of the document a reversal undoes. */
  reverses: { docSeries: DocumentSeries | null; docYear: number | null; docNumber: number | null } | null;
  studentId: string | null;
  text: string | null;
  receipt: number;
  spending: number;
}

interface MovementRow {
  date: string;
  source: 'PAYMENT' | 'EXPENSE';
  id: string;
  doc_series: DocumentSeries | null;
  doc_year: number | null;
  doc_number: number | null;
  kind: PaymentKind | 'EXPENSE';
  r_series: DocumentSeries | null;
  r_year: number | null;
  r_number: number | null;
  reversal: boolean;
  student_id: string | null;
  text: string | null;
  receipt: string;
  spending: string;
}

/**
 * The movements of an account as one query: payments by their method, and vouchers approved (or reversing an
 * approved one) by theirs. Payments of pupils go in the receipt column except refunds; a reversal takes the column
 * of what it reverses. `$3`/`$4` bound the dates (inclusive, exclusive).
 */
const MOVEMENTS = `
  select p.paid_on::text as date, 'PAYMENT' as source, p.id, p.doc_series, p.doc_year, p.doc_number, p.kind,
         o.doc_series as r_series, o.doc_year as r_year, o.doc_number as r_number, o.id is not null as reversal,
         p.student_id, coalesce(p.payer_name, p.note) as text, p.recorded_at as at,
         case when coalesce(o.kind, p.kind) = 'PAYMENT' then p.amount else 0 end as receipt,
         case when coalesce(o.kind, p.kind) = 'REFUND' then -p.amount else 0 end as spending
    from finance_payment p
    left join finance_payment o on o.school_id = p.school_id and o.id = p.reverses_id
   where p.school_id = $1 and p.method = $2 and p.paid_on >= $3 and p.paid_on < $4
  union all
  select e.spent_on::text, 'EXPENSE', e.id, e.doc_series, e.doc_year, e.doc_number, e.kind,
         o.doc_series, o.doc_year, o.doc_number, o.id is not null,
         null, e.payee || ': ' || e.description, e.created_at,
         0, e.amount
    from finance_expense e
    left join finance_expense o on o.school_id = e.school_id and o.id = e.reverses_id
   where e.school_id = $1 and e.method = $2 and e.spent_on >= $3 and e.spent_on < $4
     and ((e.kind = 'EXPENSE' and e.status = 'APPROVED') or e.kind = 'REVERSAL')`;

/** The cash box's and the bank account's movements and balances (the cash book and the bank book). */
@Injectable()
export class CashMovementsRepository {
  /** Every movement of [from, to] (inclusive), in the order of the book: by date, then as recorded. */
  async movements(
    em: EntityManager,
    schoolId: string,
    account: CashAccount,
    from: string,
    to: string,
  ): Promise<CashMovement[]> {
    const rows = await sqlRows<MovementRow>(
      em,
      `select * from (${MOVEMENTS}) m order by m.date, m.at, m.doc_number nulls last, m.id`,
      [schoolId, account, from, dayAfter(to)],
    );
    return rows.map((r) => ({
      date: r.date,
      source: r.source,
      id: r.id,
      docSeries: r.doc_series,
      docYear: r.doc_year,
      docNumber: r.doc_number,
      kind: r.kind,
      reverses: r.reversal ? { docSeries: r.r_series, docYear: r.r_year, docNumber: r.r_number } : null,
      studentId: r.student_id,
      text: r.text,
      receipt: Number(r.receipt),
      spending: Number(r.spending),
    }));
  }

  /** Σ receipts and Σ spending of [from, to] (inclusive), summed by the database: the reconciliation's other side. */
  async totals(
    em: EntityManager,
    schoolId: string,
    account: CashAccount,
    from: string,
    to: string,
  ): Promise<{ receipt: number; spending: number }> {
    const row = await sqlRow<{ receipt: string; spending: string }>(
      em,
      `select coalesce(sum(receipt), 0) as receipt, coalesce(sum(spending), 0) as spending from (${MOVEMENTS}) m`,
      [schoolId, account, from, dayAfter(to)],
    );
    return { receipt: Number(row?.receipt ?? 0), spending: Number(row?.spending ?? 0) };
  }

  /**
   * The balance of the account at the start of `day`: the latest opening balance recorded for a fiscal year up to
   * `day`'s (finance_opening_balance, 1 January), plus every movement from that 1 January to the day before. With no
   * opening recorded, the account starts at 0 before its first movement.
   */
  async balanceBefore(em: EntityManager, schoolId: string, account: CashAccount, day: string): Promise<number> {
    const opening = await this.latestOpening(em, schoolId, account, Number(day.slice(0, 4)));
    const since = opening ? `${opening.fiscalYear}-01-01` : '0001-01-01';
    const moved = since < day ? await this.totals(em, schoolId, account, since, dayBefore(day)) : null;
    return (opening?.amount ?? 0) + (moved ? moved.receipt - moved.spending : 0);
  }

  /** The opening balance recorded for the latest fiscal year up to `year`. */
  async latestOpening(
    em: EntityManager,
    schoolId: string,
    account: CashAccount,
    year: number,
  ): Promise<{ fiscalYear: number; amount: number } | null> {
    const row = await sqlRow<{ fiscal_year: number; amount: string }>(
      em,
      `select fiscal_year, amount from finance_opening_balance
        where school_id = $1 and account = $2 and fiscal_year <= $3
        order by fiscal_year desc limit 1`,
      [schoolId, account, year],
    );
    return row ? { fiscalYear: row.fiscal_year, amount: Number(row.amount) } : null;
  }

  /** The opening balances recorded for one fiscal year (the accounts without one are absent). */
  async openings(em: EntityManager, schoolId: string, fiscalYear: number): Promise<Map<CashAccount, number>> {
    const rows = await sqlRows<{ account: CashAccount; amount: string }>(
      em,
      `select account, amount from finance_opening_balance where school_id = $1 and fiscal_year = $2`,
      [schoolId, fiscalYear],
    );
    return new Map(rows.map((r) => [r.account, Number(r.amount)]));
  }

  async saveOpening(
    em: EntityManager,
    schoolId: string,
    fiscalYear: number,
    account: CashAccount,
    amount: number,
    userId: string | null,
  ): Promise<void> {
    // updated_at from the inserted row (its default, now()): Citus refuses now() in DO UPDATE SET (docs/scaling.md).
    await sqlRows(
      em,
      `insert into finance_opening_balance (school_id, fiscal_year, account, amount, updated_by)
       values ($1, $2, $3, $4, $5)
       on conflict (school_id, fiscal_year, account)
       do update set amount = excluded.amount, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [schoolId, fiscalYear, account, amount, userId],
    );
  }
}

export function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
