import { Injectable } from '@nestjs/common';
import { sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** Closed accounting months (finance_month_close): the trigger finance_refuse_closed_month reads the same rows. */
@Injectable()
export class FinanceMonthsRepository {
  /** The closed months of the school, 'yyyy-MM-01' → when. */
  async closed(em: EntityManager, schoolId: string): Promise<Map<string, string>> {
    const rows = await sqlRows<{ month: string; closed_at: Date }>(
      em,
      `select month::text, closed_at from finance_month_close where school_id = $1 order by month`,
      [schoolId],
    );
    return new Map(rows.map((r) => [r.month, r.closed_at.toISOString()]));
  }

  /** Whether the month of `day` is closed. */
  async isClosed(em: EntityManager, schoolId: string, day: string): Promise<boolean> {
    const row = await sqlRow<{ closed: boolean }>(
      em,
      `select exists (select 1 from finance_month_close
                       where school_id = $1 and month = date_trunc('month', $2::date)::date) as closed`,
      [schoolId, day],
    );
    return row?.closed ?? false;
  }

  /**
   * The first month anything of the school's money is dated in (a payment, a voucher, a budget entry, an adjustment
   * or a bank line: the tables the closed-month trigger guards), 'yyyy-MM-01', or null.
   */
  async firstActiveMonth(em: EntityManager, schoolId: string): Promise<string | null> {
    const row = await sqlRow<{ month: string | null }>(
      em,
      `select date_trunc('month', min(day))::date::text as month from (
         select min(paid_on) as day from finance_payment where school_id = $1
         union all select min(spent_on) from finance_expense where school_id = $1
         union all select min(entered_on) from finance_budget_entry where school_id = $1
         union all select min(entered_on) from finance_charge_adjustment where school_id = $1
         union all select min(booked_on) from finance_bank_line where school_id = $1) d`,
      [schoolId],
    );
    return row?.month ?? null;
  }

  /** Closes a month ('yyyy-MM-01'); false when it was closed already. */
  async close(em: EntityManager, schoolId: string, month: string, userId: string): Promise<boolean> {
    const rows = await sqlRows(
      em,
      `insert into finance_month_close (school_id, month, closed_by) values ($1, $2, $3)
       on conflict (school_id, month) do nothing returning month`,
      [schoolId, month, userId],
    );
    return rows.length > 0;
  }

  /** Takes the school's month-closing lock for the transaction (closings of one school take turns). */
  async lockSchool(em: EntityManager, schoolId: string): Promise<void> {
    await sqlRows(em, `select pg_advisory_xact_lock(hashtext('finance_month_close'), hashtext($1))`, [schoolId]);
  }
}
