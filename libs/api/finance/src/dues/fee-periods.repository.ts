import { Injectable } from '@nestjs/common';
import type { FeePeriod, FeePeriodInput } from '@emis/contracts';
import type { PeriodStatus } from '@emis/domain';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { chargeBalancesSql } from './charges.repository';

interface PeriodRow {
  id: string;
  school_year_id: string;
  code: string;
  name: string;
  starts_on: string;
  ends_on: string;
  months: number;
  due_on: string | null;
  status: PeriodStatus;
  pupils: number;
  due: string;
  paid: string;
}

/** A period with the year facts generation needs: the year's code and whether the period is its first. */
export interface PeriodFacts extends FeePeriod {
  yearCode: string;
  firstOfYear: boolean;
}

const SELECT = `select p.id, p.school_year_id, p.code, p.name, p.starts_on::text as starts_on, p.ends_on::text as ends_on,
    p.months, p.due_on::text as due_on, p.status,
    coalesce(t.pupils, 0) as pupils, coalesce(t.due, 0)::text as due, coalesce(t.paid, 0)::text as paid
  from finance_period p
  left join lateral (
    select count(distinct b.student_id)::int as pupils, sum(b.due_amount + b.adjusted) as due, sum(b.paid) as paid
      from (${chargeBalancesSql('$1')}) b where b.period_id = p.id) t on true`;

// $1 is the school in every statement using SELECT: the totals' sub-query names it (one shard under Citus, docs/scaling.md).

/** A school's fee periods (table finance_period) with their totals over the charges. */
@Injectable()
export class FeePeriodsRepository {
  async list(em: EntityManager, schoolId: string, schoolYearId: string | undefined): Promise<FeePeriod[]> {
    const rows = await sqlRows<PeriodRow>(
      em,
      `${SELECT}
        where p.school_id = $1 and ($2::uuid is null or p.school_year_id = $2)
        order by p.starts_on, p.code`,
      [schoolId, schoolYearId ?? null],
    );
    return rows.map(toPeriod);
  }

  /** `forUpdate`: locks the period first, so a generation and a closing of it never run at once. */
  async find(em: EntityManager, schoolId: string, id: string, forUpdate = false): Promise<PeriodFacts | undefined> {
    if (forUpdate)
      await sqlExec(em, `select 1 from finance_period where school_id = $1 and id = $2 for update`, [schoolId, id]);
    const row = await sqlRow<PeriodRow & { year_code: string; first_of_year: boolean }>(
      em,
      `select f.*, y.code as year_code,
              not exists (select 1 from finance_period e where e.school_id = $1 and e.school_year_id = f.school_year_id
                             and e.starts_on < f.starts_on::date) as first_of_year
         from (${SELECT} where p.school_id = $1 and p.id = $2) f
         join academic_school_year y on y.id = f.school_year_id`,
      [schoolId, id],
    );
    if (!row) return undefined;
    return { ...toPeriod(row), yearCode: row.year_code, firstOfYear: row.first_of_year };
  }

  /** The school year's code and first and last day, through academic's view. */
  async schoolYear(
    em: EntityManager,
    yearId: string,
  ): Promise<{ code: string; startsOn: string; endsOn: string } | undefined> {
    const row = await sqlRow<{ code: string; starts_on: string; ends_on: string }>(
      em,
      `select code, starts_on::text as starts_on, ends_on::text as ends_on from academic_school_year where id = $1`,
      [yearId],
    );
    return row && { code: row.code, startsOn: row.starts_on, endsOn: row.ends_on };
  }

  /** The periods of the school's year, for the overlap and code checks. */
  async ofYear(
    em: EntityManager,
    schoolId: string,
    yearId: string,
  ): Promise<{ id: string; code: string; startsOn: string; endsOn: string }[]> {
    const rows = await sqlRows<{ id: string; code: string; starts_on: string; ends_on: string }>(
      em,
      `select id, code, starts_on::text as starts_on, ends_on::text as ends_on from finance_period
        where school_id = $1 and school_year_id = $2 order by starts_on`,
      [schoolId, yearId],
    );
    return rows.map((r) => ({ id: r.id, code: r.code, startsOn: r.starts_on, endsOn: r.ends_on }));
  }

  async insert(em: EntityManager, schoolId: string, input: FeePeriodInput): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into finance_period (school_id, school_year_id, code, name, starts_on, ends_on, months, due_on)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [
        schoolId,
        input.schoolYearId,
        input.code,
        input.name,
        input.startsOn,
        input.endsOn,
        input.months,
        input.dueOn ?? null,
      ],
    );
    if (!row) throw new Error(`insert: no id returned for fee period ${input.code}`);
    return row.id;
  }

  async close(em: EntityManager, schoolId: string, id: string, userId: string): Promise<void> {
    await sqlExec(
      em,
      `update finance_period set status = 'CLOSED', closed_at = now(), closed_by = $3
        where school_id = $1 and id = $2 and status = 'OPEN'`,
      [schoolId, id, userId],
    );
  }
}

function toPeriod(r: PeriodRow): FeePeriod {
  const due = Number(r.due);
  const paid = Number(r.paid);
  return {
    id: r.id,
    schoolYearId: r.school_year_id,
    code: r.code,
    name: r.name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    months: r.months,
    dueOn: r.due_on,
    status: r.status,
    totals: { pupils: r.pupils, due, paid, outstanding: due - paid },
  };
}
