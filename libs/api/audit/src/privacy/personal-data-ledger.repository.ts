import { Injectable } from '@nestjs/common';
import { sqlRow } from '@emis/api/platform';
import type { BudgetWindow, PersonalDataKind, ReadBudget, ReadTally } from '@emis/domain';
import { DataSource } from 'typeorm';

/** What one charge found and did. */
export interface ReadCharge {
  tally: ReadTally;
  /** People in the request not yet counted in the user's day. */
  fresh: number;
  /** Charged (true), or refused whole: past the budget, or the user is blocked. */
  allowed: boolean;
  blockedUntil: Date | null;
  now: Date;
}

export interface ExportCharge {
  exportsInDay: number;
  oldestInDay: Date | null;
  allowed: boolean;
  blockedUntil: Date | null;
  now: Date;
}

interface ReadChargeRow {
  hour: number;
  day: number;
  oldest_in_hour: Date | null;
  oldest_in_day: Date | null;
  fresh: number;
  blocked_until: Date | null;
  allowed: boolean;
  now: Date;
}

interface ExportChargeRow {
  exports_in_day: number;
  oldest_in_day: Date | null;
  blocked_until: Date | null;
  allowed: boolean;
  now: Date;
}

/**
 * personal_data_read, personal_data_export and personal_data_block (docs/security/guard.md). Each charge is one
 * statement on the application pool, outside the request's transaction: a page of 200 pupils costs one round trip,
 * and a refusal's block survives the request's rollback. Two requests of one user at the same instant may both pass
 * (each sees the other's rows only after it commits): the overshoot is bounded by the requests in flight times the
 * largest page (200), and both are counted, so the next request sees them.
 */
@Injectable()
export class PersonalDataLedger {
  constructor(private readonly db: DataSource) {}

  /**
   * Counts the people of `ids` the user has not been shown in the rolling day and records them if the budget
   * (judgeRead's rule, in SQL so that the check and the insert are one statement) and any block allow it.
   */
  async chargeReads(userId: string, kind: PersonalDataKind, ids: string[], budget: ReadBudget): Promise<ReadCharge> {
    const row = await sqlRow<ReadChargeRow>(
      this.db,
      `with in_day as (
         select subject_id, first_read_at from personal_data_read
          where user_id = $1 and kind = $2 and first_read_at > now() - interval '1 day'
       ),
       tally as (
         select count(distinct subject_id) filter (where first_read_at > now() - interval '1 hour')::int as hour,
                count(distinct subject_id)::int as day,
                min(first_read_at) filter (where first_read_at > now() - interval '1 hour') as oldest_in_hour,
                min(first_read_at) as oldest_in_day
           from in_day
       ),
       fresh as (
         select distinct id from unnest($3::uuid[]) as incoming (id)
          where not exists (select from in_day where in_day.subject_id = incoming.id)
       ),
       blocked as (
         select max(until) as until from personal_data_block where user_id = $1 and kind = $2 and until > now()
       ),
       verdict as (
         select t.*, (select count(*)::int from fresh) as fresh, b.until as blocked_until
           from tally t cross join blocked b
       ),
       charged as (
         insert into personal_data_read (user_id, kind, subject_id, first_read_at)
         select $1, $2, id, now() from fresh, verdict v
          where v.blocked_until is null and v.hour + v.fresh <= $4 and v.day + v.fresh <= $5
       )
       select v.*, v.fresh = 0 or (v.blocked_until is null and v.hour + v.fresh <= $4 and v.day + v.fresh <= $5)
              as allowed, now() as now
         from verdict v`,
      [userId, kind, ids, budget.perHour, budget.perDay],
    );
    const r = row!;
    return {
      tally: { hour: r.hour, day: r.day, oldestInHour: r.oldest_in_hour, oldestInDay: r.oldest_in_day },
      fresh: r.fresh,
      allowed: r.allowed,
      blockedUntil: r.blocked_until,
      now: r.now,
    };
  }

  /** Counts the user's exports of the rolling day and records this one if the limit and any block allow it. */
  async chargeExport(userId: string, kind: string, schoolId: string, limit: number): Promise<ExportCharge> {
    const row = await sqlRow<ExportChargeRow>(
      this.db,
      `with in_day as (
         select count(*)::int as exports_in_day, min(at) as oldest_in_day from personal_data_export
          where user_id = $1 and at > now() - interval '1 day'
       ),
       blocked as (
         select max(until) as until from personal_data_block where user_id = $1 and kind = 'EXPORT' and until > now()
       ),
       verdict as (
         select d.*, b.until as blocked_until, b.until is null and d.exports_in_day < $4 as allowed
           from in_day d cross join blocked b
       ),
       recorded as (
         insert into personal_data_export (user_id, at, kind, from_school_id)
         select $1, clock_timestamp(), $2, $3 from verdict where allowed
       )
       select verdict.*, now() as now from verdict`,
      [userId, kind, schoolId, limit],
    );
    const r = row!;
    return {
      exportsInDay: r.exports_in_day,
      oldestInDay: r.oldest_in_day,
      allowed: r.allowed,
      blockedUntil: r.blocked_until,
      now: r.now,
    };
  }

  /**
   * Blocks the user for `kind` until `until`. Answers true only when no block was in force: the first refusal of a
   * window, the one that alerts the department's administrator.
   */
  async block(userId: string, kind: PersonalDataKind | 'EXPORT', until: Date, window: BudgetWindow): Promise<boolean> {
    const row = await sqlRow<{ blocked: boolean }>(
      this.db,
      `insert into personal_data_block as b (user_id, kind, until, budget_window) values ($1, $2, $3, $4)
       on conflict (user_id, kind) do update set until = excluded.until, budget_window = excluded.budget_window
        where b.until <= now()
       returning true as blocked`,
      [userId, kind, until, window],
    );
    return row?.blocked === true;
  }
}
